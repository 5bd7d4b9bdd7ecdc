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


def read_questions(path: Path) -> list[Question]:
    """The questions of a JSON-lines file: one object a line with ``id``, ``lang``, ``question``,
    ``doc`` (null: unanswerable), ``evidence`` and optionally ``context``. ValueError naming the
    line of one that is not such an object."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            questions.append(Question(data["id"], data["lang"], data["question"], data.get("doc"),
                                      data.get("evidence"), data.get("context")))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not a JSON object ({exc.msg})") from None
        except (KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: a question needs \"id\", \"lang\" and \"question\" (missing {exc})") from None
        if questions[-1].doc is not None and not questions[-1].evidence:
            raise ValueError(f"{path}:{number}: a question with a \"doc\" needs its \"evidence\"")
    return questions


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def evaluate(searcher: Searcher, questions: list[Question], k: int = 5) -> dict:
    """Recall@1/3/5, MRR, abstention and latency, overall and per question language."""
    searcher.search("warm-up question")  # first call pays one-off costs; keep it out of latency
    ranks: dict[str, int | None] = {}
    abstained: dict[str, bool] = {}
    latencies = []
    for q in questions:
        started = time.perf_counter()
        try:
            hits = searcher.search(q.question, k=max(k, 5), follow_up_of=q.context).hits
        except EmptyQuery:  # nothing searchable: the search rightly finds nothing
            hits = ()
        latencies.append((time.perf_counter() - started) * 1000)
        abstained[q.id] = not hits
        if q.doc is not None:
            ranks[q.id] = next((h.rank for h in hits if h.chunk.doc == q.doc and q.evidence in h.chunk.text), None)
    return _summarise(questions, ranks, abstained, latencies)


def _recall(ranks: list[int | None], at: int) -> float | None:
    # None, not 0.0, where nothing could be found: a language asked only unanswerable questions
    return round(sum(r is not None and r <= at for r in ranks) / len(ranks), 3) if ranks else None


def _summarise(questions: list[Question], ranks: dict, abstained: dict, latencies: list[float]) -> dict:
    answerable = [q for q in questions if q.doc is not None]
    unanswerable = [q for q in questions if q.doc is None]
    all_ranks = [ranks[q.id] for q in answerable]
    by_lang: dict[str, dict] = defaultdict(dict)
    for lang in sorted({q.lang for q in questions}):
        lang_ranks = [ranks[q.id] for q in answerable if q.lang == lang]
        by_lang[lang] = {"recall@1": _recall(lang_ranks, 1), "recall@3": _recall(lang_ranks, 3),
                         "recall@5": _recall(lang_ranks, 5), "n": len(lang_ranks),
                         "abstain_correct": sum(abstained[q.id] for q in unanswerable if q.lang == lang),
                         "abstain_total": sum(q.lang == lang for q in unanswerable)}
    return {
        "n": len(questions),
        "recall@1": _recall(all_ranks, 1), "recall@3": _recall(all_ranks, 3), "recall@5": _recall(all_ranks, 5),
        "mrr": round(sum(1 / r for r in all_ranks if r) / len(all_ranks), 3) if all_ranks else None,
        "abstain_correct": sum(abstained[q.id] for q in unanswerable),
        "abstain_total": len(unanswerable),
        "false_abstain": sum(abstained[q.id] for q in answerable),
        "by_lang": dict(by_lang),
        "latency_ms": {"p50": round(statistics.median(latencies), 1) if latencies else 0.0,
                       "p95": round(_percentile(latencies, 0.95), 1)},
    }
