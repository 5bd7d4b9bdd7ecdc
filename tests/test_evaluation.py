"""``index.evaluation`` over the fake-embedder index of tests/data/articles: each question's
outcome counts once, whatever its id."""

from index import Searcher
from index.evaluation import Question, evaluate
from tests.conftest import TEST_ARTICLES
from tests.fakes import FakeEmbedder


def test_questions_sharing_an_id_are_each_counted(fake_index):
    line = (TEST_ARTICLES / "th_silkroad.txt").read_text(encoding="utf-8").split("\n")[1]
    answered = Question("q1", "th", line[:60], "th_silkroad.txt", line[10:30])
    unanswerable = Question("q1", "en", "?!", None, None)  # nothing searchable: the search abstains
    report = evaluate(Searcher.open(fake_index, FakeEmbedder()), [answered, unanswerable])
    # keyed by id, the unanswerable question's abstention was counted against the answered one
    assert report["n"] == 2 and report["recall@1"] == 1.0
    assert (report["abstain_correct"], report["abstain_total"], report["false_abstain"]) == (1, 1, 0)
