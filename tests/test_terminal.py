"""The terminal mode: the same service and replies as Telegram, as plain text, until EOF."""

from __future__ import annotations

import io

import pytest

from bot.i18n import language_name, t
from bot.service import AnswerService
from bot.settings import load_settings
from bot.terminal import run_terminal
from index import IndexSettings, Searcher
from tests.fakes import FakeEmbedder

VI_QUESTION = "Hợp tác xã ở Sơn La bán mận hậu qua livestream trên những nền tảng nào?"


@pytest.fixture
def service(fake_index: IndexSettings):
    embedder = FakeEmbedder()
    service = AnswerService(embedder, fake_index, Searcher.open(fake_index, embedder))
    yield service
    service.close()


async def converse(service: AnswerService, *lines: str, **settings) -> str:
    stdout = io.StringIO()
    await run_terminal(service, load_settings(**settings), io.StringIO("".join(f"{line}\n" for line in lines)), stdout)
    return stdout.getvalue()


async def test_questions_get_plain_text_answers_until_eof(service: AnswerService) -> None:
    out = await converse(service, VI_QUESTION, "", "/more")
    assert out.startswith(t("answer_header", "vi")) and "[1] Nông dân Sơn La" in out and "[4]" in out
    assert "<b>" not in out and "<blockquote>" not in out, "HTML is rendered as plain text"


async def test_lang_pins_and_refusals(service: AnswerService) -> None:
    out = await converse(service, "/lang th", VI_QUESTION, "/lang auto", "?!", "x" * 20, max_question_chars=10)
    replies = out.strip().split("\n\n")
    assert replies[0] == t("lang_set", "th", language="ภาษาไทย")
    assert replies[1] == t("question_too_long", "th", limit=10), "the pinned language holds"
    assert replies[2] == t("lang_auto", "en") and replies[3] == t("no_words", "en")


async def test_without_index_says_unavailable(fake_index: IndexSettings) -> None:
    service = AnswerService(FakeEmbedder(), fake_index, None, unavailable="no index at var/index")
    try:
        out = await converse(service, "livestream sales in Son La")
    finally:
        service.close()
    assert out.startswith(t("index_unavailable", "en")) and "no index at var/index" in out


async def test_chat_commands_work_in_the_terminal_and_are_never_searched(service: AnswerService) -> None:
    out = await converse(service, "/sources", "/ask", f"/ask@NewsBot {VI_QUESTION}", "/help", "/frobnicate")
    sources, usage, rest = out.split("\n\n", 2)
    assert sources.startswith(t("sources_header", "en", count=len(service.articles())))
    assert len(sources.splitlines()) == 1 + len(service.articles()) and "Nông dân Sơn La" in sources
    assert usage == t("ask_usage", "en")
    assert rest.startswith(t("answer_header", "vi")) and "[1] Nông dân Sơn La" in rest, "/ask@Bot asks"
    help_text = rest.split(t("help_intro", "en"))
    assert len(help_text) == 3, "/help and an unknown command both show the help"
    assert t("nothing_found", "en") not in out and "/sources" in help_text[1]


async def test_a_question_in_another_script_is_answered_with_a_note_unless_a_language_is_pinned(service) -> None:
    question = "Сколько тонн слив продал кооператив в Сон Ла?"
    out = await converse(service, question, "/lang vi", question)
    first, pinned = out.split(t("lang_set", "vi", language=language_name("vi", "vi")))
    assert first.startswith(f"ℹ️ {t('other_language', 'en')}\n")
    assert t("other_language", "vi") not in pinned and t("other_language", "en") not in pinned
