"""``python -m bench query``: warm latency of a question turned into the bot's reply text, next to
the floor of embedding it and searching FAISS alone, for each question encoder.

Pipeline: what the bot does for a question in a private chat, minus Telegram: the service's own
``bot.service.answer_question`` (search with the reading of Banglish and unaccented Vietnamese, each
of several questions searched too and the reply chosen among them, the reply language) and the
first page of the reply (``bot.render.render_answer_page``). Floor:
``embedder.embed_queries([q])`` then ``index.chunk_index.search(vector, k)``, nothing else. Both are
timed on the same question back to back, alternating which goes first, so machine noise hits both
alike; the ratio of their medians is what the bot's own work costs (target: at most 1.15). A third,
untimed-in-the-ratio pass splits the plain path into its parts (language, embedding,
``search_vector``, rendering) to show where the time goes. Every precision's model is loaded once,
and each question is timed on each model in turn, so the precisions are compared under the same
machine load too.

Example: python -m bench query --n 40 --dtypes openvino,float32
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import Counter
from dataclasses import dataclass

from bot.language import choose_language
from bot.render import render_answer, render_answer_page, render_message
from bot.service import answer_question
from index import EmptyQuery, IndexSettings, Searcher, SentenceTransformerEmbedder, load_index
from index.retrieval import clean_question

from .common import machine_info, machine_line, now_iso, percentile, print_table, write_json
from .questions import Question, bench_questions

TARGET_RATIO = 1.15
WARMUP = 10


@dataclass(frozen=True)
class Timing:
    floor_ms: float
    pipeline_ms: float
    language_ms: float
    embed_ms: float
    search_ms: float  # search_vector: FAISS, scoring, abstention
    render_ms: float
    outcome: str  # "answered", "abstained" or "empty" (no searchable words)
    reply_chars: int


def reply_text(searcher: Searcher, text: str) -> tuple[str, str]:
    """The bot's reply to ``text`` (its first page's HTML messages joined) and the outcome: the
    service's own pipeline, as a private chat with no pinned language gets it."""
    try:
        answer = answer_question(searcher, text)
    except EmptyQuery:
        return render_message("ask_usage", "en"), "empty"
    reply = "\n\n".join(render_answer_page(answer, page=0, per_page=3).messages)
    return reply, "answered" if answer.result.found else "abstained"


def parts(searcher: Searcher, embedder, text: str, default_language: str = "en") -> list[float]:
    """Seconds spent choosing the language, embedding, searching (FAISS, scoring, abstention) and
    rendering, on the plain path (no rereading of makeshift typing, no splitting of several
    questions): where a question's time goes."""
    t0 = time.perf_counter()
    lang = choose_language(text, None, None, default_language)
    t1 = time.perf_counter()
    try:
        cleaned = clean_question(text)
    except EmptyQuery:
        return [t1 - t0, time.perf_counter() - t1, 0.0, 0.0]
    vector = embedder.embed_queries([cleaned])[0]
    t2 = time.perf_counter()
    result = searcher.search_vector(cleaned, vector)
    t3 = time.perf_counter()
    render_answer(result, lang, page=0, per_page=3)
    t4 = time.perf_counter()
    return [t1 - t0, t2 - t1, t3 - t2, t4 - t3]


def floor(searcher: Searcher, embedder, text: str, k: int) -> None:
    """The least any answer costs: one query embedding and one FAISS search."""
    vector = embedder.embed_queries([text])
    searcher.index.chunk_index.search(vector, k)


def time_question(searcher: Searcher, embedder, text: str, k: int, floor_first: bool) -> Timing:
    def timed_floor() -> float:
        start = time.perf_counter()
        floor(searcher, embedder, text, k)
        return time.perf_counter() - start

    def timed_pipeline() -> tuple[float, str, str]:
        start = time.perf_counter()
        reply, outcome = reply_text(searcher, text)
        return time.perf_counter() - start, reply, outcome

    if floor_first:
        floor_s = timed_floor()
        pipeline_s, reply, outcome = timed_pipeline()
    else:
        pipeline_s, reply, outcome = timed_pipeline()
        floor_s = timed_floor()
    ms = [1000 * s for s in (floor_s, pipeline_s, *parts(searcher, embedder, text))]
    return Timing(*ms, outcome=outcome, reply_chars=len(reply))


def _summary(values: list[float]) -> dict:
    return {"p50": percentile(values, 50), "p95": percentile(values, 95), "p99": percentile(values, 99),
            "mean": statistics.fmean(values) if values else float("nan")}


@dataclass(frozen=True)
class Loaded:
    dtype: str
    embedder: SentenceTransformerEmbedder
    searcher: Searcher
    load_s: float


def load_model(settings: IndexSettings, dtype: str) -> Loaded:
    started = time.perf_counter()
    # "openvino": float32 passages (the index is unchanged), questions through the OpenVINO int8
    # export; "float32"/"bfloat16": questions through the torch model of that precision.
    fast = dtype == "openvino"
    variant = settings.model_copy(update={"query_encoder": "openvino" if fast else "torch",
                                          "dtype": "float32" if fast else dtype})
    embedder = SentenceTransformerEmbedder.from_settings(variant)
    load_s = time.perf_counter() - started
    return Loaded(dtype, embedder, Searcher.open(settings, embedder), load_s)


def time_all(models: list[Loaded], questions: list[Question], k: int, warmup: int) -> list[list[Timing]]:
    """Each question timed on every model in turn (floor and pipeline alternating which goes first),
    so a change in the machine's load hits every precision alike. Per model: its timings."""
    for i, q in enumerate(questions[:warmup]):
        for m in models:
            time_question(m.searcher, m.embedder, q.text, k, floor_first=i % 2 == 0)
    timings: list[list[Timing]] = [[] for _ in models]
    for i, q in enumerate(questions):
        for m, mine in zip(models, timings):
            mine.append(time_question(m.searcher, m.embedder, q.text, k, floor_first=i % 2 == 0))
    return timings


def summarise(model: Loaded, questions: list[Question], timings: list[Timing]) -> dict:
    floor_ms, pipeline_ms = [t.floor_ms for t in timings], [t.pipeline_ms for t in timings]
    outcomes = Counter(t.outcome for t in timings)
    by_lang: dict[str, Counter] = {}
    for q, t in zip(questions, timings):
        by_lang.setdefault(q.lang, Counter())[t.outcome] += 1
    ratio = percentile(pipeline_ms, 50) / percentile(floor_ms, 50)
    parts = {"choose_language": "language_ms", "embed": "embed_ms", "search_vector": "search_ms", "render": "render_ms"}
    return {
        "dtype": model.dtype, "model_load_s": round(model.load_s, 2), "questions": len(timings),
        "floor_ms": _summary(floor_ms), "pipeline_ms": _summary(pipeline_ms),
        "ratio_p50": ratio, "meets_target": ratio <= TARGET_RATIO,
        "pipeline_parts_p50_ms": {name: percentile([getattr(t, f) for t in timings], 50) for name, f in parts.items()},
        "answered": outcomes["answered"] / len(timings), "abstained": outcomes["abstained"] / len(timings),
        "empty": outcomes["empty"] / len(timings),
        "answered_by_lang": {lang: round(c["answered"] / sum(c.values()), 3) for lang, c in sorted(by_lang.items())},
        "abstained_off_topic": _off_topic_abstention(questions, timings),
        "reply_chars_p50": percentile([t.reply_chars for t in timings], 50),
    }


def _off_topic_abstention(questions: list[Question], timings: list[Timing]) -> str:
    off = [t.outcome != "answered" for q, t in zip(questions, timings) if q.source == "off-topic"]
    return f"{sum(off)}/{len(off)}"


def print_report(runs: list[dict]) -> None:
    rows = []
    for run in runs:
        for path in ("floor", "pipeline"):
            stats = run[f"{path}_ms"]
            rows.append({"dtype": run["dtype"], "path": path, "n": run["questions"], "p50": stats["p50"],
                         "p95": stats["p95"], "p99": stats["p99"], "mean": stats["mean"],
                         "ratio": run["ratio_p50"] if path == "pipeline" else None,
                         "answered": f"{run['answered']:.0%}" if path == "pipeline" else None})
    print_table(rows, [("dtype", "dtype"), ("path", "path"), ("n", "n"), ("p50", "p50 ms"), ("p95", "p95 ms"),
                       ("p99", "p99 ms"), ("mean", "mean ms"), ("ratio", "p50 ratio"), ("answered", "answered")])
    for run in runs:
        parts = run["pipeline_parts_p50_ms"]
        verdict = "meets" if run["meets_target"] else "MISSES"
        print(f"{run['dtype']}: pipeline/floor p50 {run['ratio_p50']:.3f} ({verdict} target <= {TARGET_RATIO}); "
              f"p50 parts: language {parts['choose_language']:.2f} ms, embed {parts['embed']:.1f} ms, "
              f"search_vector {parts['search_vector']:.2f} ms, "
              f"render {parts['render']:.2f} ms; answered {run['answered']:.0%}, abstained {run['abstained']:.0%} "
              f"(off-topic abstained {run['abstained_off_topic']}); by language {run['answered_by_lang']}; "
              f"model load {run['model_load_s']} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench query", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300, help="Questions to time (default: all, up to 300).")
    parser.add_argument("--dtypes", default="openvino,float32,bfloat16",
                        help="Question encoders, comma-separated: openvino (int8 export, the default), "
                        "float32 or bfloat16 (torch).")
    parser.add_argument("--k", type=int, default=None, help="Hits for the floor's FAISS search (default: INDEX_TOP_K).")
    parser.add_argument("--warmup", type=int, default=WARMUP, help="Untimed questions first, on every model.")
    parser.add_argument("--out", default=None, help="Results folder (default: bench/results).")
    args = parser.parse_args(argv)

    settings = IndexSettings()
    k = args.k or settings.top_k
    questions = bench_questions(load_index(settings.index_path()).chunks, args.n)
    info = machine_info()
    load_start = os.getloadavg()
    print(f"bench query: {len(questions)} questions {dict(Counter(q.lang for q in questions))}, k={k}, "
          f"torch threads {settings.threads}\nmachine: {machine_line(info)}; load average {load_start}", flush=True)
    models = [load_model(settings, dtype.strip()) for dtype in args.dtypes.split(",") if dtype.strip()]
    timings = time_all(models, questions, k, args.warmup)
    runs = [summarise(m, questions, mine) for m, mine in zip(models, timings)]
    load_end = os.getloadavg()
    print_report(runs)
    print(f"load average at start {load_start}, at end {load_end} (2 cores shared: timings are noisy)")
    path = write_json("query", {
        "benchmark": "query", "when": now_iso(), "machine": info,
        "load_average": {"start": load_start, "end": load_end},
        "settings": {"model": settings.model, "dim": settings.dim, "threads": settings.threads, "k_floor": k,
                     "warmup": args.warmup, "index": str(settings.index_path())},
        "questions": {"n": len(questions), "by_lang": dict(Counter(q.lang for q in questions)),
                      "by_source": dict(Counter(q.source for q in questions))},
        "target_ratio_p50": TARGET_RATIO, "runs": runs,
    }, args.out)
    print(f"wrote {path}")
    return 0
