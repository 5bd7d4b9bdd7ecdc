"""Command texts: the /reindex summary names skipped seed files and still fits one message."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.i18n import local_digits, t
from bot.render import MAX_MESSAGE, render_plain, render_reindex_done
from index import BuildReport, SkippedFile
from tests.botapi import check_telegram_html, utf16_len


def report(*skipped: tuple[str, str], **changes: tuple[str, ...]) -> BuildReport:
    return BuildReport(articles=5, chunks=40, sentences=90, embedded=40, reused=0,
                       skipped=tuple(SkippedFile(*s) for s in skipped),
                       seconds=12.34, path=Path("var/index/x"), **changes)


@pytest.mark.parametrize("lang", ["en", "bn", "th", "vi"])
def test_summary_names_each_skipped_file_and_why(lang: str) -> None:
    text = render_reindex_done(report(("a/old.doc", "not UTF-8 text (invalid start byte)"),
                                      ("<b>&.txt", "empty article")), lang)
    assert check_telegram_html(text) is None, "file names are escaped"
    plain = render_plain(text)
    assert plain.startswith(t("reindex_done", lang, articles=5, chunks=40, seconds=local_digits("12.3", lang)))
    assert t("reindex_skipped", lang, count=2) in plain
    assert "• a/old.doc: not UTF-8 text (invalid start byte)" in plain and "• <b>&.txt: empty article" in plain


def test_a_clean_build_says_nothing_of_skipped_files() -> None:
    assert render_reindex_done(report(), "en") == \
        t("reindex_done", "en", articles=5, chunks=40, seconds="12.3") + "\n" + t("reindex_unchanged", "en")


@pytest.mark.parametrize("lang", ["en", "bn", "th", "vi"])
def test_summary_names_the_articles_added_removed_and_changed_a_few_of_each(lang: str) -> None:
    added = tuple(f"new_{n}.md" for n in range(5))
    text = render_plain(render_reindex_done(report(added=added, removed=("<old>.txt",), changed=("a.html",)), lang))
    assert text.split("\n")[1:] == [
        t("reindex_added", lang, names=t("reindex_names_more", lang, names="new_0.md, new_1.md, new_2.md", count=2)),
        t("reindex_removed", lang, names="<old>.txt"),
        t("reindex_changed", lang, names="a.html"),
    ]


@pytest.mark.parametrize("lang", ["en", "th"])
def test_a_long_list_is_clipped_to_one_message_and_says_how_many_more(lang: str) -> None:
    skipped = [(f"folder/{'ข่าว' * 60}-{n}.txt", "not UTF-8 text " + "x" * 400) for n in range(300)]
    text = render_reindex_done(report(*skipped), lang)
    assert utf16_len(text) <= MAX_MESSAGE and check_telegram_html(text) is None
    shown = text.count("\n• ")
    assert 0 < shown < 300
    assert text.endswith(t("reindex_skipped_more", lang, count=300 - shown))
