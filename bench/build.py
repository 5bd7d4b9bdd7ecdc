"""``python -m bench build``: what building the index costs, and what the running bot needs in memory.

1. Throughput: ``build_index`` from scratch (the seeds copied to a temporary folder) in embedded
   texts per second, next to ``embedder.embed_documents`` over exactly the texts the build embedded
   (one call, as sentence-transformers batches best), in the same process with the same warm model.
   The build also chunks, counts tokens, builds FAISS and writes files; the ratio says how much of
   the model's throughput survives that (target: at least 0.9). Also shown: the same raw embedding
   in the build's own batches of 16 in text order, to tell batching order from the build's overhead.
2. Incremental rebuild: one new article added to the temporary seeds; the rebuild must embed only
   that article's passages and sentences (every other vector is reused by content hash).
3. Peak memory: a fresh process loads the default model and index the way the bot does
   (``AnswerService.start``) and answers 50 questions; its peak RSS (VmHWM) is what the bot needs.

Example: python -m bench build
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from index import BuildReport, Chunk, IndexSettings, SentenceTransformerEmbedder, build_index, load_index
from index.chunking import sentence_units

from .common import machine_info, machine_line, now_iso, print_table, write_json

TARGET_RATIO = 0.9
BUILD_BATCH = 16  # index.build embeds in batches of this many texts, in text order
NEW_DOC = "900_bench_new_article.txt"
NEW_ARTICLE = """\
Lam Dong coffee cooperative doubles online sales with evening livestreams
A coffee cooperative of 42 households in Lam Dong province began selling roasted beans through evening \
livestreams in March. Within six months its online orders doubled, and a third of them now come from buyers \
in Hanoi and Ho Chi Minh City.

The provincial trade department trained twenty young members to film, answer questions live and pack \
orders the same night. Each bag carries a QR code that shows the farm, the harvest date and the roasting batch.

The cooperative's director said the next step is a stall at a cross-border e-commerce fair, where she hopes \
to meet importers from Thailand and China. The cooperative expects its coffee to be certified as an OCOP \
product before the end of the year.
"""


def build_texts(chunks: list[Chunk]) -> list[str]:
    """The distinct texts a build embeds for ``chunks``, in the order it embeds them: passages,
    then each sentence once (overlapping passages share sentences), first occurrence kept."""
    return list(dict.fromkeys([c.text for c in chunks] + list(sentence_units(chunks).texts)))


def _timed(call) -> tuple[object, float]:
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


def measure_scratch(settings: IndexSettings, embedder) -> tuple[BuildReport, dict]:
    """Build from scratch, then embed the same texts raw: throughputs and their ratio."""
    report, build_s = _timed(lambda: build_index(settings, embedder))
    texts = build_texts(load_index(report.path).chunks)
    if len(texts) != report.embedded:
        raise RuntimeError(f"build embedded {report.embedded} texts but its index holds {len(texts)} distinct ones")
    _, raw_s = _timed(lambda: embedder.embed_documents(texts, batch_size=BUILD_BATCH))
    _, batched_s = _timed(lambda: [embedder.embed_documents(texts[i:i + BUILD_BATCH], batch_size=BUILD_BATCH)
                                   for i in range(0, len(texts), BUILD_BATCH)])
    build_rate, raw_rate = report.embedded / build_s, len(texts) / raw_s
    return report, {
        "articles": report.articles, "chunks": report.chunks, "sentences": report.sentences,
        "embedded": report.embedded, "build_s": build_s, "build_texts_per_s": build_rate,
        "raw_s": raw_s, "raw_texts_per_s": raw_rate, "raw_in_build_batches_s": batched_s,
        "raw_in_build_batches_texts_per_s": len(texts) / batched_s,
        "ratio": build_rate / raw_rate, "meets_target": build_rate / raw_rate >= TARGET_RATIO,
    }


def measure_incremental(settings: IndexSettings, embedder, before: BuildReport) -> dict:
    """Add one article to the seeds and rebuild: only its texts may be embedded."""
    old_texts = set(build_texts(load_index(before.path).chunks))
    (settings.seeds_dir / NEW_DOC).write_text(NEW_ARTICLE, encoding="utf-8")
    report, seconds = _timed(lambda: build_index(settings, embedder))
    chunks = load_index(report.path).chunks
    new_chunks = [c for c in chunks if c.doc == NEW_DOC]
    new_texts = build_texts(new_chunks)
    changed = set(build_texts(chunks)) - old_texts
    return {
        "articles": report.articles, "new_article_chunks": len(new_chunks),
        "new_article_sentences": len({(c.doc, s.start) for c in new_chunks for s in c.sentences}),
        "new_article_distinct_texts": len(new_texts), "embedded": report.embedded, "reused": report.reused,
        "seconds": seconds,
        "only_new_article": report.embedded == len(new_texts) and changed <= set(new_texts),
    }


def rss_probe(questions: int) -> dict:
    """In this process: start the bot's service (model + index), answer ``questions``, report RSS."""
    import asyncio

    import bot.app  # noqa: F401  (the running bot has python-telegram-bot loaded too)
    from bot.render import render_answer
    from bot.service import AnswerService
    from bot.settings import Settings

    from .common import peak_rss_bytes, rss_bytes
    from .questions import bench_questions

    started = rss_bytes()
    service = AnswerService.start(Settings(_env_file=None))
    loaded = rss_bytes()

    async def ask_all() -> int:
        answered = 0
        for q in bench_questions(load_index(service.index_settings.index_path()).chunks, questions):
            answer = await service.ask(q.text)
            render_answer(answer.result, answer.lang)
            answered += answer.result.found
        return answered

    answered = asyncio.run(ask_all())
    service.close()
    mib = 2**20
    return {"questions": questions, "answered": answered, "rss_before_mib": started / mib,
            "rss_loaded_mib": loaded / mib, "rss_end_mib": rss_bytes() / mib,
            "peak_rss_mib": peak_rss_bytes() / mib,
            "dtype": service.index_settings.dtype,
            "query_encoder": getattr(service.embedder, "query_backend", "?"),
            "float_model_loaded": getattr(service.embedder, "float_model_loaded", True)}


def measure_memory(questions: int, timeout: float = 900) -> dict:
    """Run ``rss_probe`` in a fresh process, so nothing this benchmark loaded counts."""
    code = f"import json; from bench.build import rss_probe; print('RSS', json.dumps(rss_probe({questions})))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout,
                          cwd=Path(__file__).resolve().parent.parent)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("RSS ")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"memory probe failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(line[4:])


def print_report(scratch: dict, incremental: dict, memory: dict | None) -> None:
    rows = [
        {"what": "build_index from scratch", "texts": scratch["embedded"], "seconds": scratch["build_s"],
         "rate": scratch["build_texts_per_s"], "ratio": scratch["ratio"]},
        {"what": "embed_documents, same texts, one call", "texts": scratch["embedded"], "seconds": scratch["raw_s"],
         "rate": scratch["raw_texts_per_s"], "ratio": 1.0},
        {"what": "embed_documents, build's batches of 16", "texts": scratch["embedded"],
         "seconds": scratch["raw_in_build_batches_s"], "rate": scratch["raw_in_build_batches_texts_per_s"],
         "ratio": scratch["raw_in_build_batches_texts_per_s"] / scratch["raw_texts_per_s"]},
        {"what": f"incremental: +1 article ({incremental['new_article_distinct_texts']} new texts)",
         "texts": incremental["embedded"], "seconds": incremental["seconds"], "rate": None, "ratio": None},
    ]
    print_table(rows, [("what", "measurement"), ("texts", "texts embedded"), ("seconds", "seconds"),
                       ("rate", "texts/s"), ("ratio", "vs raw")])
    verdict = "meets" if scratch["meets_target"] else "MISSES"
    print(f"build/raw throughput {scratch['ratio']:.3f} ({verdict} target >= {TARGET_RATIO}); "
          f"{scratch['articles']} articles, {scratch['chunks']} chunks, {scratch['sentences']} sentences")
    ok = "only the new article" if incremental["only_new_article"] else "NOT only the new article"
    print(f"incremental: embedded {incremental['embedded']} = {ok} ({incremental['new_article_chunks']} chunks + "
          f"{incremental['new_article_sentences']} sentences, {incremental['new_article_distinct_texts']} distinct "
          f"texts), reused {incremental['reused']}, {incremental['seconds']:.1f} s")
    if memory:
        print(f"bot process (questions through {memory['query_encoder']}, float model loaded: "
              f"{memory['float_model_loaded']}; index; {memory['questions']} questions answered): peak RSS "
              f"{memory['peak_rss_mib']:.0f} MiB (after loading {memory['rss_loaded_mib']:.0f} MiB, at the end "
              f"{memory['rss_end_mib']:.0f} MiB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=50, help="Questions the memory probe answers.")
    parser.add_argument("--no-memory", action="store_true", help="Skip the peak-memory probe.")
    parser.add_argument("--out", default=None, help="Results folder (default: bench/results).")
    args = parser.parse_args(argv)

    settings = IndexSettings()
    info, load_start = machine_info(), os.getloadavg()
    print(f"bench build: seeds {settings.seeds_dir}, model {settings.model} ({settings.dtype}, "
          f"{settings.threads} threads)\nmachine: {machine_line(info)}; load average {load_start}", flush=True)
    embedder = SentenceTransformerEmbedder.from_settings(settings)
    embedder.embed_documents(["warm up the model"] * BUILD_BATCH)
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        local = settings.model_copy(update={"seeds_dir": Path(tmp) / "seeds", "dir": Path(tmp) / "index"})
        shutil.copytree(settings.seeds_dir, local.seeds_dir)
        report, scratch = measure_scratch(local, embedder)
        incremental = measure_incremental(local, embedder, report)
    del embedder
    memory = None if args.no_memory else measure_memory(args.questions)
    load_end = os.getloadavg()
    print_report(scratch, incremental, memory)
    print(f"load average at start {load_start}, at end {load_end} (2 cores shared: timings are noisy)")
    path = write_json("build", {
        "benchmark": "build", "when": now_iso(), "machine": info,
        "load_average": {"start": load_start, "end": load_end},
        "settings": {"model": settings.model, "dtype": settings.dtype, "threads": settings.threads,
                     "chunk_tokens": settings.chunk_tokens, "chunk_overlap": settings.chunk_overlap},
        "target_ratio": TARGET_RATIO, "scratch": scratch, "incremental": incremental, "memory": memory,
    }, args.out)
    print(f"wrote {path}")
    return 0
