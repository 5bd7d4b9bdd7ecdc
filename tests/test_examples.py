"""Example questions: the file an admin writes, and showing only those the serving index answers.

The real-model tests use a small index of the sample articles and one of a single article that
replaces them, as an admin deploying the bot on their own articles does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.examples import SAMPLE_EXAMPLES, Example, ExamplesError, choose_shown, parse_examples, read_examples
from bot.i18n import t
from bot.render import render_help, render_plain
from bot.service import AnswerService
from bot.settings import SettingsError, load_settings
from index import IndexSettings, Searcher, build_index, load_index_for
from tests.conftest import index_settings
from tests.test_service import NEW_ARTICLE
from tests.test_terminal import converse

ON_THE_SAMPLE = "How many visitors came to the 2024 cross-border e-commerce fair in Guangzhou?"
ON_DURIANS = "How many tonnes of durian did the Hanoi night market sell in its first week?"
OFF_TOPIC = "Who won the 1954 world chess championship?"  # in no article: refused
NEAR_MISS = "durian night market in Hanoi"  # the sample has passages near it, none that says it: caveated


# ---------------------------------------------------------------- the file


def test_the_file_lists_questions_for_every_language_or_for_one() -> None:
    text = ("# examples for our bot\n\n  How much rice was exported?  \nVI: Xuất khẩu bao nhiêu gạo?\n"
            "th:ส่งออกข้าวเท่าไร\nQ: what is a tag?\nfr: not one of ours\nbn:\n")
    assert parse_examples(text) == (
        Example("How much rice was exported?"),
        Example("Xuất khẩu bao nhiêu gạo?", "vi"),
        Example("ส่งออกข้าวเท่าไร", "th"),
        Example("Q: what is a tag?"),  # only a reply language's code is a tag
        Example("fr: not one of ours"),
    ), "comments, blank lines and a tag with no question are skipped"


def test_a_line_too_long_to_be_a_question_is_named() -> None:
    with pytest.raises(ExamplesError, match="line 3: longer than 300 characters"):
        parse_examples("Who?\n\n" + "A pasted paragraph. " * 20)


def test_read_examples_takes_utf8_with_or_without_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "examples.txt"
    path.write_bytes("\ufeffen: Ai đã thắng?\n".encode())
    assert read_examples(path) == (Example("Ai đã thắng?", "en"),)
    path.write_text("", encoding="utf-8")
    assert read_examples(path) == (), "an empty file: no examples at all"


@pytest.mark.parametrize("content, reason", [(None, "no such file"), (b"caf\xe9?\n", "is not UTF-8 text"),
                                             ("How many?\n".encode("utf-16-le"), "looks like UTF-16"),
                                             (b"Who?\n" + b"x" * 400, "line 2: longer than")],
                         ids=["missing", "latin-1", "utf-16", "too-long"])
def test_a_file_that_cannot_be_used_stops_start_up_with_the_reason(tmp_path: Path, content, reason) -> None:
    # An admin who set the file wants their examples: a typo must not quietly leave /help without them.
    path = tmp_path / "examples.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(SettingsError, match=f"EXAMPLES_FILE: .*{reason}") as refused:
        load_settings(examples_file=str(path))
    assert str(path) in str(refused.value)


def test_an_empty_setting_means_no_file(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("EXAMPLES_FILE=\n", encoding="utf-8")  # as copied from .env.example
    assert load_settings().examples_file is None
    assert load_settings().examples == SAMPLE_EXAMPLES


def test_the_settings_keep_the_examples_they_read(tmp_path: Path) -> None:
    # read once, when the settings are checked at start-up: the service takes them from there
    path = tmp_path / "examples.txt"
    path.write_text("th: ใครชนะ?\n", encoding="utf-8")
    settings = load_settings(examples_file=str(path))
    path.unlink()
    assert settings.examples_file.path == path and settings.examples == (Example("ใครชนะ?", "th"),)


# ---------------------------------------------------------------- choosing what to show


def test_each_language_shows_its_own_and_the_shared_examples_the_index_answers() -> None:
    examples = parse_examples("Shared one?\nen: English one?\nvi: Câu một?\nRefused?\nvi: Câu hai?\nvi: Câu ba?\n"
                              "vi: Câu bốn?\n")
    asked: list[str] = []

    def answers(question: str) -> bool:
        asked.append(question)
        return question != "Refused?"

    shown = choose_shown(examples, answers)
    assert shown["en"] == ("Shared one?", "English one?")
    assert shown["vi"] == ("Shared one?", "Câu một?", "Câu hai?"), "three at most, in the file's order"
    assert shown["th"] == shown["bn"] == ("Shared one?",)
    assert sorted(asked) == sorted(set(asked)), "a question shared by languages is asked once"
    assert "Câu bốn?" not in asked, "no need to ask once three are shown"


# ---------------------------------------------------------------- with the real model


@pytest.fixture(scope="module")
def durian_index(tmp_path_factory: pytest.TempPathFactory, embedder) -> IndexSettings:
    """An admin's own articles in place of the sample: one article, indexed with the real model."""
    root = tmp_path_factory.mktemp("durian_index")
    settings = index_settings(seeds_dir=root / "seeds", dir=root / "index")
    settings.seeds_dir.mkdir()
    (settings.seeds_dir / "en_durian.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    build_index(settings, embedder)
    return settings


@pytest.fixture
def open_service(embedder) -> Iterator:
    services: list[AnswerService] = []

    def open_(index: IndexSettings, examples=SAMPLE_EXAMPLES) -> AnswerService:
        services.append(AnswerService(embedder, index, Searcher.open(index, embedder), examples=examples))
        return services[-1]

    yield open_
    for service in services:
        service.close()


@pytest.mark.model
def test_the_sample_index_shows_the_examples_it_answers_and_hides_the_others(real_index, open_service) -> None:
    samples = open_service(real_index)
    for lang in ("en", "bn", "th", "vi"):
        assert samples.examples(lang) == tuple(e.question for e in SAMPLE_EXAMPLES if e.lang == lang), \
            "on the sample articles every built-in example is answered"
    listed = parse_examples(f"{OFF_TOPIC}\n{ON_THE_SAMPLE}\n{NEAR_MISS}\n")
    service = open_service(real_index, listed)
    assert service.examples("en") == service.examples("th") == (ON_THE_SAMPLE,)
    assert service.stats().questions == 0, "trying the examples is not answering questions"


@pytest.mark.model
async def test_after_the_articles_are_replaced_the_sample_examples_are_never_shown(
        durian_index, real_index, open_service) -> None:
    service = open_service(durian_index)
    assert all(service.examples(lang) == () for lang in ("en", "bn", "th", "vi"))
    out = await converse(service, "/help", "?!")
    assert t("help_examples", "en") not in out and t("help_no_examples", "en") in out, "the help points to /sources"
    assert not any(e.question in out for e in SAMPLE_EXAMPLES)
    assert t("no_words", "en") in out and t("for_example", "en", example="~").split("~")[0] not in out

    service.install(load_index_for(real_index))  # e.g. the sample articles put back and rebuilt
    assert service.examples("vi") == tuple(e.question for e in SAMPLE_EXAMPLES if e.lang == "vi"), \
        "chosen again for the index installed"


@pytest.mark.model
async def test_an_admins_own_examples_are_shown_where_their_articles_answer_them(
        durian_index, open_service, tmp_path: Path) -> None:
    path = tmp_path / "examples.txt"
    path.write_text(f"{OFF_TOPIC}\n{ON_THE_SAMPLE}\n{ON_DURIANS}\n", encoding="utf-8")
    service = open_service(durian_index, load_settings(examples_file=str(path)).examples)
    assert service.examples("en") == (ON_DURIANS,)
    out = await converse(service, "/help", "/ask", "?!")
    assert f"• {ON_DURIANS}" in out and OFF_TOPIC not in out and ON_THE_SAMPLE not in out
    assert f"{t('ask_usage', 'en')} {t('for_example', 'en', example='/ask ' + ON_DURIANS)}" in out
    assert f"{t('no_words', 'en')} {t('for_example', 'en', example=ON_DURIANS)}" in out
    assert render_plain(render_help("en", "", terminal=True, examples=service.examples("en"))) in out
