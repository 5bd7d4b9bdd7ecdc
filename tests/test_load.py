"""The real bot under concurrent users, at a reduced size: every question gets exactly one reply.
Also: the benchmark questions the load test asks are deterministic and cover all four languages."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from bench.load import ok, run_load
from bench.questions import bench_questions
from index import IndexSettings, load_index

USERS, QUESTIONS = 12, 2


def test_bench_questions_are_deterministic_and_interleave_languages(fake_index: IndexSettings) -> None:
    chunks = load_index(fake_index.index_path()).chunks
    questions = bench_questions(chunks)
    assert questions == bench_questions(chunks)
    assert Counter(q.lang for q in questions[:8]) == {"bn": 2, "en": 2, "th": 2, "vi": 2}
    assert {q.source for q in questions} == {"corpus", "written", "off-topic"}
    assert all(q.text.strip() for q in questions) and len({q.text for q in questions}) == len(questions)


@pytest.mark.e2e
@pytest.mark.model
async def test_concurrent_users_each_get_exactly_one_reply_per_question(embedder, real_index: IndexSettings) -> None:
    result = await asyncio.wait_for(
        run_load(USERS, QUESTIONS, embedder=embedder, index_settings=real_index, timeout=150), 180)
    assert result["private_users"] > 0 and result["group_users"] > 0, "both private chats and groups take part"
    assert result["asked"] == result["replied"] == USERS * QUESTIONS
    assert (result["lost"], result["duplicates"], result["mismatched"], result["unrouted"]) == (0, 0, 0, 0)
    assert result["error_replies"] == 0, result["error_reply_examples"]
    assert result["log_errors"] == 0, result["log_error_examples"]
    assert ok(result)
