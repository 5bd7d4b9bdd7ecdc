"""``index.evaluation`` over the fake-embedder index of tests/data/articles: each question's
outcome counts once, whatever its id, and the report prints as the ``eval --json`` contract."""

import json

from index import Searcher
from index.evaluation import EvalReport, LangScores, Latency, Question, evaluate
from tests.conftest import TEST_ARTICLES
from tests.fakes import FakeEmbedder


def test_questions_sharing_an_id_are_each_counted(fake_index):
    line = (TEST_ARTICLES / "th_silkroad.txt").read_text(encoding="utf-8").split("\n")[1]
    answered = Question("q1", "th", line[:60], "th_silkroad.txt", line[10:30])
    unanswerable = Question("q1", "en", "?!", None, None)  # nothing searchable: the search abstains
    report = evaluate(Searcher.open(fake_index, FakeEmbedder()), [answered, unanswerable])
    # keyed by id, the unanswerable question's abstention was counted against the answered one
    assert report.n == 2 and report.recall_at_1 == 1.0
    assert (report.abstain_correct, report.abstain_total, report.false_abstain) == (1, 1, 0)


def test_the_report_prints_the_json_object_of_the_contract():
    # keys, their order and values as when evaluate returned a dict (README: eval --json)
    report = EvalReport(n=3, recall_at_1=0.5, recall_at_3=1.0, recall_at_5=1.0, mrr=0.75, abstain_correct=1,
                        abstain_total=1, false_abstain=0,
                        by_lang={"bn": LangScores(0, None, None, None, 1, 1), "th": LangScores(2, 0.5, 1.0, 1.0, 0, 0)},
                        latency=Latency(p50=12.5, p95=30.0))
    assert report.to_json() == json.dumps({
        "n": 3, "recall@1": 0.5, "recall@3": 1.0, "recall@5": 1.0, "mrr": 0.75, "abstain_correct": 1,
        "abstain_total": 1, "false_abstain": 0,
        "by_lang": {"bn": {"recall@1": None, "recall@3": None, "recall@5": None, "n": 0, "abstain_correct": 1,
                           "abstain_total": 1},
                    "th": {"recall@1": 0.5, "recall@3": 1.0, "recall@5": 1.0, "n": 2, "abstain_correct": 0,
                           "abstain_total": 0}},
        "latency_ms": {"p50": 12.5, "p95": 30.0}})
