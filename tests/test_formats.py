"""Seed files by format: Markdown and HTML are indexed as their words, other files are reported."""

from __future__ import annotations

import pytest

from index import build_index, load_articles, load_index
from index.formats import article_source
from tests.fakes import FakeEmbedder

MARKDOWN = """\
# ThaiMall opens a *virtual* store in Khon Kaen

![the storefront](https://img.example/store.jpg)

ThaiMall opened a **virtual store** on Monday, its first outside
Bangkok. Shoppers walk through it with a [phone app](https://thaimall.example/app).

## What it sells

- silk from `Chonnabot` weavers
- __dried__ fruit, sold by the kilo

1. Pick a shelf.
2. Pay with a QR code.

The store_manager_id field and 2 * 3 stay as written; sales reached 1,200 orders a day.
"""

HTML = """\
<!doctype html><html><head><title>BanglaBazar sales | Daily Example</title>
<style>p { color: red }</style><script>var teaser = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>BanglaBazar sales double</h1>
<p>BanglaBazar sold <b>twice</b> as much
   in March &amp; April as a year before.</p>
<p>Its buyers came from 40 districts.<br>Most of them paid in cash on delivery.</p>
</article><!-- a comment --></body></html>
"""


def _markup_left(text: str) -> list[str]:
    return [mark for mark in ("#", "**", "__", "`", "](", "![", "<", ">", "- ") if mark in text]


def test_markdown_loses_its_markup_and_keeps_its_words_and_paragraphs():
    text = article_source(MARKDOWN, "store.md")
    assert text.split("\n") == [
        "ThaiMall opens a virtual store in Khon Kaen",
        "ThaiMall opened a virtual store on Monday, its first outside Bangkok. Shoppers walk through it "
        "with a phone app.",
        "What it sells",
        "silk from Chonnabot weavers",
        "dried fruit, sold by the kilo",
        "1. Pick a shelf.",
        "2. Pay with a QR code.",
        "The store_manager_id field and 2 * 3 stay as written; sales reached 1,200 orders a day.",
    ]


FRONT_MATTER = """\
---
title: "MekongMart opens in Cần Thơ"
date: 2024-03-01
tags: [retail, vietnam]
---

MekongMart opened its first store in Cần Thơ on Friday.
"""


def test_front_matter_gives_the_title_and_no_metadata():
    assert article_source(FRONT_MATTER, "store.md").split("\n") == [
        "MekongMart opens in Cần Thơ",
        "MekongMart opened its first store in Cần Thơ on Friday.",
    ]
    # a heading that repeats the front matter's title is not said twice; one without a title adds none
    repeated = FRONT_MATTER.replace("\nMekong", "\n# MekongMart opens in Cần Thơ\n\nMekong", 1)
    assert article_source(repeated, "store.md") == article_source(FRONT_MATTER, "store.md")
    untitled = "---\ndate: 2024-03-01\n---\n# Shop news\n\nA shop opened.\n"
    assert article_source(untitled, "news.md").split("\n") == ["Shop news", "A shop opened."]


def test_a_page_opening_with_a_rule_keeps_the_words_inside_it():
    # "---" first is also a thematic break: a fenced block that is not YAML metadata is text
    text = article_source("---\n\nSales rose 20% in May.\n\n---\n\nThe rest.\n", "rule.md")
    assert text.split("\n") == ["Sales rose 20% in May.", "The rest."]


def test_html_gives_the_headline_and_the_visible_paragraphs():
    assert article_source(HTML, "sales.html").split("\n") == [
        "BanglaBazar sales double",
        "BanglaBazar sold twice as much in March & April as a year before.",
        "Its buyers came from 40 districts.",
        "Most of them paid in cash on delivery.",
    ]


def test_a_page_without_a_headline_is_titled_by_its_title_element():
    page = "<html><head><title>Night market opens</title></head><body><p>It opened in Hanoi.</p></body></html>"
    assert article_source(page, "market.htm") == "Night market opens\nIt opened in Hanoi."


def test_html_inside_markdown_gives_its_words():
    assert article_source('Intro line.\n\n<div align="center"><b>Bold</b> claim</div>\n', "a.markdown") == \
        "Intro line.\nBold claim"


def test_a_markdown_table_keeps_one_line_a_row_with_no_closing_pipe():
    # a line ending in "|" is layout debris to the cleaner, and would be dropped
    table = "| Item | Price |\n|------|-------|\n| Rice | 40 baht |\n"
    assert article_source(table, "prices.md") == "Item | Price\nRice | 40 baht"


def test_markdown_and_html_articles_are_indexed_and_quoted_without_markup(settings):
    # a byte-order mark before the heading must not hide it
    (settings.seeds_dir / "store.md").write_bytes(b"\xef\xbb\xbf" + MARKDOWN.encode())
    (settings.seeds_dir / "sales.HTML").write_text(HTML, encoding="utf-8")
    report = build_index(settings, FakeEmbedder())
    assert report.skipped == () and report.articles == 6
    articles = {a.doc: a for a in load_articles(settings.seeds_dir)[0]}
    assert articles["store.md"].title == "ThaiMall opens a virtual store in Khon Kaen"
    assert articles["sales.HTML"].title == "BanglaBazar sales double"
    chunks = [c for c in load_index(settings.index_path()).chunks if c.doc in ("store.md", "sales.HTML")]
    assert {c.title for c in chunks} == {"ThaiMall opens a virtual store in Khon Kaen", "BanglaBazar sales double"}
    for chunk in chunks:  # what is quoted is the cleaned article text the spans point into
        assert chunk.text == articles[chunk.doc].text[chunk.start:chunk.end]
        assert _markup_left(chunk.text) == [], chunk.text
    assert any("1,200 orders a day" in c.text for c in chunks)


def test_files_that_are_not_articles_are_reported_with_the_kinds_that_are(settings):
    seeds = settings.seeds_dir
    (seeds / "notes.json").write_text('{"todo": "add the durian article"}', encoding="utf-8")
    (seeds / "model.bin").write_bytes(bytes(range(256)))
    (seeds / "LICENSE").write_text("Permission is hereby granted to copy these articles.\n", encoding="utf-8")
    (seeds / "README.md").write_text("# Seeds\n\nDrop the articles here, one file each.\n", encoding="utf-8")
    (seeds / "th_silkroad.md").write_text("# Silk road\n\nA different text under the same name.\n", encoding="utf-8")
    skipped = dict(load_articles(seeds)[1])
    assert skipped == {
        "notes.json": "not a text article (.json); articles are .txt, .md or .html files",
        "model.bin": "not a text article (.bin); articles are .txt, .md or .html files",
        "LICENSE": "no file extension; articles are .txt, .md or .html files (rename it to LICENSE.txt if it is one)",
        "README.md": "a README describes the folder, not an article (rename it if it is one)",
        "th_silkroad.txt": "same name as th_silkroad.md",
    }


UTF16 = "not UTF-8 text (looks like UTF-16; save it as UTF-8)"


@pytest.mark.parametrize("data, reason", [
    ("Chợ đêm mở cửa\nChợ đêm mở cửa ở Hà Nội.\n".encode("utf-16"), UTF16),  # with a byte-order mark
    (b"\xfe\xff" + "Night market\nIt opened in Hanoi.\n".encode("utf-16-be"), UTF16),
    ("Night market\nIt opened in Hanoi on Friday.\n".encode("utf-16-le"), UTF16),  # no mark: NUL every other byte
    (b"\x7fELF\x02\x01\x01\x00" + bytes(24) + b"\x03\x00\x3e\x00\x01\x00\x00\x00", "not UTF-8 text (a binary file: NUL bytes)"),
    ("Café olé\nbody".encode("latin-1"), "not UTF-8 text (invalid continuation byte)"),
    (b"", "no text left after cleaning"),
], ids=["utf16-bom", "utf16-be-bom", "utf16-no-bom", "binary", "latin1", "empty"])
def test_an_unreadable_file_is_reported_once_with_why(tmp_path, data, reason):
    (tmp_path / "article.txt").write_bytes(data)
    assert load_articles(tmp_path) == ([], [("article.txt", reason)])


def test_a_utf8_file_with_a_byte_order_mark_is_read(tmp_path):
    (tmp_path / "market.txt").write_bytes(b"\xef\xbb\xbfNight market opens\nA night market opened in Hanoi on Friday.\n")
    articles, skipped = load_articles(tmp_path)
    assert skipped == [] and [(a.title, a.text) for a in articles] == \
        [("Night market opens", "A night market opened in Hanoi on Friday.")]
