"""The real bot under concurrent users, at a reduced size: every question gets exactly one reply."""

from __future__ import annotations

import asyncio

import pytest

from bench.load import ok, run_load
from index import IndexSettings

pytestmark = [pytest.mark.e2e, pytest.mark.model]

USERS, QUESTIONS = 12, 2


async def test_concurrent_users_each_get_exactly_one_reply_per_question(embedder, real_index: IndexSettings) -> None:
    result = await asyncio.wait_for(
        run_load(USERS, QUESTIONS, embedder=embedder, index_settings=real_index, timeout=150), 180)
    assert result["private_users"] > 0 and result["group_users"] > 0, "both private chats and groups take part"
    assert result["asked"] == result["replied"] == USERS * QUESTIONS
    assert (result["lost"], result["duplicates"], result["mismatched"], result["unrouted"]) == (0, 0, 0, 0)
    assert result["error_replies"] == 0, result["error_reply_examples"]
    assert result["log_errors"] == 0, result["log_error_examples"]
    assert ok(result)
