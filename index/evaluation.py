"""Retrieval quality on a question file shaped like ``shared/eval/dev.jsonl``.

A question with a ``doc`` is a hit at k when one of the top-k passages of that article contains its
``evidence`` (a passage of another article that happens to hold the same words, "2025", or a copy
of the article, is no hit);
a question with ``doc: null`` is right when the search abstains (finds nothing relevant). A
question with a ``context`` (the question it follows up) is searched as a follow-up of it.
"""

from __future__ import annotations

import json
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .errors import EmptyQuery
from .retrieval import Searcher


@dataclass(frozen=True)
class Question:
    id: str
    lang: str
    question: str
    doc: str | None
    evidence: str | None
    context: str | None = None  # the earlier question this one follows up


_REQUIRED = ("id", "lang", "question")
_OPTIONAL = ("doc", "evidence", "context")  # null or absent: none


def read_questions(path: Path) -> list[Question]:
    """The questions of a JSON-lines file: one object a line with ``id``, ``lang``, ``question``,
    ``doc`` (null: unanswerable), ``evidence`` and optionally ``context``, each a string, and each
    ``id`` once. ValueError naming the line of one that is not such an object."""
    questions = []
    first_line: dict[str, int] = {}  # id -> the line that has it
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            question = _question(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not a JSON object ({exc.msg})") from None
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: {exc}") from None
        # a repeated id is a slip (a line copied), and two results under one id cannot be told apart
        if (first := first_line.setdefault(question.id, number)) != number:
            raise ValueError(f"{path}:{number}: the id {json.dumps(question.id, ensure_ascii=False)} is on line "
                             f"{first} too; each question needs its own")
        questions.append(question)
    return questions


def _question(data: object) -> Question:
    """The question ``data`` holds; ValueError saying what is wrong (the caller names the line)."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    missing = [name for name in _REQUIRED if name not in data]
    if missing:
        raise ValueError(f"a question needs \"id\", \"lang\" and \"question\" (missing {', '.join(missing)})")
    # a number where text belongs would fail deep in the search (unicodedata) or never match
    for name in (*_REQUIRED, *_OPTIONAL):
        value = data.get(name)
        if not isinstance(value, str) and (name in _REQUIRED or value is not None):
            nullable = " or null" if name in _OPTIONAL else ""
            raise ValueError(f"\"{name}\" must be a string{nullable}, got {json.dumps(value, ensure_ascii=False)}")
    question = Question(data["id"], data["lang"], data["question"], data.get("doc"), data.get("evidence"),
                        data.get("context"))
    if question.doc is not None and not question.evidence:
        raise ValueError("a question with a \"doc\" needs its \"evidence\"")
    return question


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass(frozen=True)
class _Outcome:
    """What the search did with one question."""

    question: Question
    rank: int | None  # of the first passage of its article holding the evidence; None: none did, or unanswerable
    abstained: bool  # found nothing relevant


def evaluate(searcher: Searcher, questions: list[Question], k: int = 5) -> dict:
    """Recall@1/3/5, MRR, abstention and latency, overall and per question language."""
    searcher.search("warm-up question")  # first call pays one-off costs; keep it out of latency
    # one outcome per question, in order: not keyed by id, which a caller's list may repeat
    outcomes: list[_Outcome] = []
    latencies = []
    for q in questions:
        started = time.perf_counter()
        try:
            hits = searcher.search(q.question, k=max(k, 5), follow_up_of=q.context).hits
        except EmptyQuery:  # nothing searchable: the search rightly finds nothing
            hits = ()
        latencies.append((time.perf_counter() - started) * 1000)
        rank = None
        if q.doc is not None:
            rank = next((h.rank for h in hits if h.chunk.doc == q.doc and q.evidence in h.chunk.text), None)
        outcomes.append(_Outcome(q, rank, not hits))
    return _summarise(outcomes, latencies)


def _recall(ranks: list[int | None], at: int) -> float | None:
    # None, not 0.0, where nothing could be found: a language asked only unanswerable questions
    return round(sum(r is not None and r <= at for r in ranks) / len(ranks), 3) if ranks else None


def _summarise(outcomes: list[_Outcome], latencies: list[float]) -> dict:
    answerable = [o for o in outcomes if o.question.doc is not None]
    unanswerable = [o for o in outcomes if o.question.doc is None]
    all_ranks = [o.rank for o in answerable]
    by_lang: dict[str, dict] = defaultdict(dict)
    for lang in sorted({o.question.lang for o in outcomes}):
        lang_ranks = [o.rank for o in answerable if o.question.lang == lang]
        by_lang[lang] = {"recall@1": _recall(lang_ranks, 1), "recall@3": _recall(lang_ranks, 3),
                         "recall@5": _recall(lang_ranks, 5), "n": len(lang_ranks),
                         "abstain_correct": sum(o.abstained for o in unanswerable if o.question.lang == lang),
                         "abstain_total": sum(o.question.lang == lang for o in unanswerable)}
    return {
        "n": len(outcomes),
        "recall@1": _recall(all_ranks, 1), "recall@3": _recall(all_ranks, 3), "recall@5": _recall(all_ranks, 5),
        "mrr": round(sum(1 / r for r in all_ranks if r) / len(all_ranks), 3) if all_ranks else None,
        "abstain_correct": sum(o.abstained for o in unanswerable),
        "abstain_total": len(unanswerable),
        "false_abstain": sum(o.abstained for o in answerable),
        "by_lang": dict(by_lang),
        "latency_ms": {"p50": round(statistics.median(latencies), 1) if latencies else 0.0,
                       "p95": round(_percentile(latencies, 0.95), 1)},
    }
