"""Command line: ``python -m index build | search | eval | fetch-model``.

Examples::

    python -m index build
    python -m index search "How many people visited the CCEF fair?" -k 3
    python -m index eval ../shared/eval/dev.jsonl --json
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import click
from pydantic import ValidationError

from .errors import RetrievalError
from .settings import IndexSettings, describe_errors

if TYPE_CHECKING:  # for annotations only; each command imports the modules it runs itself
    from .build import BuildReport
    from .models import Hit


def _settings(seeds: Path | None = None, index: Path | None = None) -> IndexSettings:
    updates = {k: v for k, v in {"seeds_dir": seeds, "dir": index}.items() if v is not None}
    try:
        return IndexSettings().model_copy(update=updates)
    except ValidationError as exc:  # a bad INDEX_* value: its message, not a traceback
        raise click.ClickException(describe_errors(exc)) from None


def _embedder(settings: IndexSettings):
    from .embedding import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder.from_settings(settings)  # a missing model folder: ModelUnavailable


def _searcher(settings: IndexSettings):
    from .retrieval import Searcher

    return Searcher.open(settings, _embedder(settings))


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log progress details.")
def cli(verbose: bool) -> None:
    """Cross-lingual retrieval over the articles in seeds/."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.option("--seeds", type=click.Path(path_type=Path), help="Folder of articles (default: INDEX_SEEDS_DIR).")
@click.option("--index", type=click.Path(path_type=Path), help="Index folder (default: INDEX_DIR).")
def build(seeds: Path | None, index: Path | None) -> None:
    """Build the index from the articles; the old index serves until the new one is complete.

    Example: python -m index build --seeds seeds --index var/index
    """
    from .build import build_index

    settings = _settings(seeds, index)
    try:
        embedder = _embedder(settings)
        with ExitStack() as bars:
            report = build_index(settings, embedder, _progress_bar(bars))
    except RetrievalError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:  # INDEX_DIR under a regular file, not writable, a full disk
        raise click.ClickException(f"could not build the index: {_os_message(exc, settings.dir)}") from exc
    click.echo(_build_summary(report))


def _os_message(exc: OSError, where: Path) -> str:
    """'PATH: what went wrong', naming the file the system named, else ``where`` (a full disk
    names none)."""
    return f"{exc.filename if exc.filename is not None else where}: {exc.strerror or exc}"


def _progress_bar(bars: ExitStack) -> Callable[[int, int], None]:
    """A progress callback whose bar opens at the first batch embedded: an empty '0text' bar showed
    while the model loaded, and a build that embeds nothing shows none."""
    from tqdm import tqdm

    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            # initial: the rate is then measured from this batch on, not as one batch in no time
            bar = bars.enter_context(tqdm(total=total, initial=done, unit="text", desc="embedding", file=sys.stderr))
        bar.total, bar.n = total, done
        bar.refresh()
    return progress


def _build_summary(report: BuildReport) -> str:
    """What a build did, for people: counts, then the articles added, removed, changed and skipped."""
    lines = [f"built {report.path}: {report.articles} articles (added {len(report.added)}, removed "
             f"{len(report.removed)}, changed {len(report.changed)}), {report.chunks} chunks, "
             f"{report.sentences} sentences and list items; "
             f"embedded {report.embedded}, reused {report.reused}; "
             f"skipped {len(report.skipped)}; {report.seconds:.1f} s"]
    for what, names in (("added", report.added), ("removed", report.removed), ("changed", report.changed)):
        if names:
            lines.append(f"  {what}: {', '.join(names)}")
    lines.extend(f"  skipped {s.doc}: {s.reason}" for s in report.skipped)
    return "\n".join(lines)


def _hit_json(hit: Hit) -> dict[str, object]:
    c = hit.chunk
    return {"rank": hit.rank, "score": hit.score, "doc": c.doc, "title": c.title, "chunk_id": c.id,
            "paragraph": c.paragraph, "lang": c.lang, "start": c.start, "end": c.end, "text": c.text}


@cli.command()
@click.argument("question")
# At least 1: 0 silently meant INDEX_TOP_K, and a negative k dropped hits from the end instead of
# limiting them. No upper bound, as INDEX_TOP_K has none: a search returns at most what it scored.
@click.option("-k", "--k", "k", default=None, type=click.IntRange(min=1),
              help="Number of passages (default: INDEX_TOP_K).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.option("--index", type=click.Path(path_type=Path), help="Index folder (default: INDEX_DIR).")
def search(question: str, k: int | None, as_json: bool, index: Path | None) -> None:
    """Find passages answering QUESTION; prints [] when nothing relevant is found.

    Example: python -m index search "ডং নাই কত বছর ধরে শীর্ষে?" -k 3 --json
    """
    from .errors import EmptyQuery

    settings = _settings(index=index)
    try:
        result = _searcher(settings).search(question, k)
    except EmptyQuery:
        result = None
    except RetrievalError as exc:
        raise click.ClickException(str(exc)) from exc
    hits = result.hits if result else ()
    if as_json:
        click.echo(json.dumps([_hit_json(h) for h in hits], ensure_ascii=False))
        return
    if not hits:
        why = result.not_found_reason if result else None
        named = ", ".join(result.unknown_names) if result else ""
        click.echo({"no_figure": "nothing found: the passages on this topic state no figure",
                    "no_post": "nothing found: the passages on this topic name no one in that post",
                    "not_mentioned": f"nothing found: no article mentions {named}",
                    "other_subject": "nothing found: the passages on this topic are about something else than it names",
                    "no_place": "nothing found: the passages on this topic name no city or province there",
                    "no_university": "nothing found: the passages on this topic name no university",
                    "not_stated": "nothing found: the passages on this topic do not say it",
                    "no_leader": "nothing found: the passages on this topic do not say which one leads"}
                   .get(why or "", "nothing relevant found"))
    for hit in hits:
        c = hit.chunk
        click.echo(f"[{hit.rank}] {hit.score:.3f} {c.doc} ¶{c.paragraph} ({c.id}) — {c.title}\n    {c.text}\n")


@cli.command("eval")
@click.argument("file", type=click.Path(exists=True, path_type=Path))
@click.option("-k", "--k", "k", default=5, show_default=True, type=click.IntRange(min=1),
              help="Passages per question.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--index", type=click.Path(path_type=Path), help="Index folder (default: INDEX_DIR).")
def evaluate_cmd(file: Path, k: int, as_json: bool, index: Path | None) -> None:
    """Measure recall@1/3/5, MRR, abstention and latency on a question file (JSON lines).

    Each line: {"id": "q1", "lang": "en", "question": "…", "doc": "ARTICLE.txt" or null (no answer),
    "evidence": "words of the article that answer it"}.

    Example: python -m index eval tests/data/questions.jsonl
    """
    from .evaluation import evaluate, read_questions

    try:
        questions = read_questions(file)  # a bad file is reported before the model loads
        report = evaluate(_searcher(_settings(index=index)), questions, k)
    except (RetrievalError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(report.to_json())
        return
    click.echo(f"questions {report.n}  recall@1 {_ratio(report.recall_at_1)}  recall@3 {_ratio(report.recall_at_3)}  "
               f"recall@5 {_ratio(report.recall_at_5)}  MRR {_ratio(report.mrr)}")
    click.echo(f"abstained on unanswerable {report.abstain_correct}/{report.abstain_total}  "
               f"false abstentions {report.false_abstain}")
    for lang, row in report.by_lang.items():
        click.echo(f"  {lang}: n={row.n}  recall@1 {_ratio(row.recall_at_1)}  recall@3 {_ratio(row.recall_at_3)}  "
                   f"abstained {row.abstain_correct}/{row.abstain_total}")
    click.echo(f"latency p50 {report.latency.p50} ms  p95 {report.latency.p95} ms")


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


@cli.command("fetch-model")
@click.option("--wheels", type=click.Path(path_type=Path), help="Already downloaded wheels.")
@click.option("--vietnamese-wheel", type=click.Path(path_type=Path, exists=True),
              help="An already downloaded pyvi 0.1.1 wheel (its Vietnamese word list).")
def fetch_model(wheels: Path | None, vietnamese_wheel: Path | None) -> None:
    """Fetch and verify the default EmbeddingGemma model into the INDEX_MODEL folder, then export
    its fast query encoder (INDEX_QUERY_ENCODER=openvino) and fetch the Vietnamese word list for
    the diacritic restorer, unless those are done already."""
    from .model_fetch import ModelFetchError, ensure_model
    from .query_encoder import QueryEncoderError, export
    from .vietnamese import WORDS_FILE, extras_dir, restorer_for
    from .word_list import WordListError, ensure_words

    settings = _settings()
    target = Path(settings.model).expanduser()
    try:
        click.echo(f"model ready: {ensure_model(target, wheels)}")
    except ModelFetchError as exc:
        raise click.ClickException(str(exc)) from exc
    if settings.query_encoder == "openvino":
        try:
            click.echo(f"query encoder ready: {export(str(target), settings.query_encoder_path())}")
        except QueryEncoderError as exc:
            raise click.ClickException(str(exc)) from exc
    try:
        ensure_words(extras_dir(str(target)) / WORDS_FILE, vietnamese_wheel)
    except WordListError as exc:  # questions typed without marks are then restored less well, not refused
        click.echo(f"warning: no Vietnamese word list: {exc}", err=True)
    if restorer_for(str(target)) is not None:  # built once and saved in extras_dir
        click.echo("Vietnamese diacritics ready")


def main() -> None:
    cli(prog_name="python -m index")
