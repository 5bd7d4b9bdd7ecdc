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
class LangScores:
    """Recall and abstention over the questions asked in one language."""

    n: int  # answerable questions
    recall_at_1: float | None  # None, not 0.0, when there is no answerable question
    recall_at_3: float | None
    recall_at_5: float | None
    abstain_correct: int  # unanswerable questions the search abstained on
    abstain_total: int  # unanswerable questions

    def json_object(self) -> dict[str, float | int | None]:
        return {"recall@1": self.recall_at_1, "recall@3": self.recall_at_3, "recall@5": self.recall_at_5,
                "n": self.n, "abstain_correct": self.abstain_correct, "abstain_total": self.abstain_total}


@dataclass(frozen=True)
class Latency:
    """Milliseconds a search took, from question to hits."""

    p50: float
    p95: float


@dataclass(frozen=True)
class EvalReport:
    """What ``evaluate`` measured, overall and per question language."""

    n: int  # all questions
    recall_at_1: float | None  # share of the answerable questions found in the top 1 (None: there are none)
    recall_at_3: float | None
    recall_at_5: float | None
    mrr: float | None
    abstain_correct: int  # unanswerable questions the search abstained on
    abstain_total: int  # unanswerable questions
    false_abstain: int  # answerable questions the search abstained on
    by_lang: dict[str, LangScores]  # in the languages' alphabetical order
    latency: Latency

    def to_json(self) -> str:
        """The object ``python -m index eval --json`` prints: its keys, their order and values are
        the README's contract, the same as when the report was a dict."""
        return json.dumps({
            "n": self.n, "recall@1": self.recall_at_1, "recall@3": self.recall_at_3, "recall@5": self.recall_at_5,
            "mrr": self.mrr, "abstain_correct": self.abstain_correct, "abstain_total": self.abstain_total,
            "false_abstain": self.false_abstain,
            "by_lang": {lang: scores.json_object() for lang, scores in self.by_lang.items()},
            "latency_ms": {"p50": self.latency.p50, "p95": self.latency.p95},
        })


@dataclass(frozen=True)
class _Outcome:
    """What the search did with one question."""

    question: Question
    rank: int | None  # of the first passage of its article holding the evidence; None: none did, or unanswerable
    abstained: bool  # found nothing relevant


def evaluate(searcher: Searcher, questions: list[Question], k: int = 5) -> EvalReport:
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


def _lang_scores(outcomes: list[_Outcome]) -> LangScores:
    ranks = [o.rank for o in outcomes if o.question.doc is not None]
    unanswerable = [o for o in outcomes if o.question.doc is None]
    return LangScores(len(ranks), _recall(ranks, 1), _recall(ranks, 3), _recall(ranks, 5),
                      sum(o.abstained for o in unanswerable), len(unanswerable))


def _summarise(outcomes: list[_Outcome], latencies: list[float]) -> EvalReport:
    ranks = [o.rank for o in outcomes if o.question.doc is not None]
    overall = _lang_scores(outcomes)
    by_lang = {lang: _lang_scores([o for o in outcomes if o.question.lang == lang])
               for lang in sorted({o.question.lang for o in outcomes})}
    return EvalReport(
        n=len(outcomes), recall_at_1=overall.recall_at_1, recall_at_3=overall.recall_at_3,
        recall_at_5=overall.recall_at_5,
        mrr=round(sum(1 / r for r in ranks if r) / len(ranks), 3) if ranks else None,
        abstain_correct=overall.abstain_correct, abstain_total=overall.abstain_total,
        false_abstain=sum(o.abstained for o in outcomes if o.question.doc is not None),
        by_lang=by_lang,
        latency=Latency(p50=round(statistics.median(latencies), 1) if latencies else 0.0,
                        p95=round(_percentile(latencies, 0.95), 1)),
    )
