"""Where a list question's best passage's next passage goes (``retrieval._with_continuation``):
pure, on made-up scores; the real model's case is in test_retrieval_quality."""

import numpy as np

from index.retrieval import CONTINUATION_RANK, _with_continuation


def scored(*rows: int) -> list[tuple[float, float, int, np.ndarray]]:
    return [(1.0 - n / 10, 1.0 - n / 10, row, np.zeros(1)) for n, row in enumerate(rows)]


def fresh(row: int) -> tuple[float, float, int, np.ndarray]:
    return (0.2, 0.2, row, np.zeros(1))  # scored on demand: weaker than anything kept


def rows(items) -> list[int]:
    return [item[2] for item in items]


def test_the_next_passage_ranked_lower_moves_up_to_the_continuation_rank() -> None:
    assert CONTINUATION_RANK == 3
    assert rows(_with_continuation(scored(10, 40, 30, 50, 11), {10: 11}, fresh, 5)) == [10, 40, 11, 30, 50]


def test_a_next_passage_not_found_is_scored_and_joins_the_hits() -> None:
    assert rows(_with_continuation(scored(10, 40, 30, 50, 60), {10: 11}, fresh, 5)) == [10, 40, 11, 30, 50]
    assert rows(_with_continuation(scored(10), {10: 11}, fresh, 5)) == [10, 11], "fewer hits: it comes next"


def test_a_next_passage_already_high_enough_or_none_leaves_the_hits() -> None:
    for kept in (scored(10, 11, 30), scored(10, 30, 11, 50)):
        assert rows(_with_continuation(kept, {10: 11}, fresh, 5)) == rows(kept)
    assert rows(_with_continuation(scored(10, 30), {}, fresh, 5)) == [10, 30], "the article's last passage"


def test_the_hits_stay_within_k() -> None:
    assert rows(_with_continuation(scored(10, 40, 30), {10: 11}, fresh, 3)) == [10, 40, 11]
