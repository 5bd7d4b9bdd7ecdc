"""Property tests: any article text, title, URL or question renders to valid, short-enough HTML.

Hypothesis feeds mixed scripts, joiners, direction marks, emoji, control characters and the
metacharacters of HTML and Markdown, in texts up to 100,000 characters, with arbitrary (even
broken) sentence spans and scores. Whatever comes in, every message parses as Telegram HTML, fits
4,096 UTF-16 units, and quotes only text the article holds.
"""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import HealthCheck, given, settings, strategies as st

from bot.i18n import local_digits
from bot.render import FIRST_PAGE_SPREAD, OTHER_ARTICLE_SPREAD, render_answer, render_inline_results, render_sources
from index import ArticleInfo, Chunk, Hit, SearchResult, Sentence
from tests.botapi.html_check import check_telegram_html, telegram_len
from tests.test_render import blockquotes, excerpt_pieces

SPECIAL = list("<>&*_[]`~|\"'\\\u200d\u200c\u200f\u200e\u202e\x00\x1b\x7f\n\t \u2028…।") + [
    "👍🏽", "👨\u200d👩\u200d👧", "🇹🇭", "&amp;", "<b>", "</a>", "ক্ষ", "ন্‍", "กรุงเทพฯ", "ướ", "e\u0301",
]
TOKEN = st.one_of(st.characters(codec="utf-8"), st.sampled_from(SPECIAL))  # a character or a cluster


def texts(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(TOKEN, min_size=min_size, max_size=max_size).map("".join)


SHORT = texts()
# Long texts repeat a short one: cheap to generate, still up to 100k characters.
LONG = st.builds(lambda text, times: (text * times)[:100_000], texts(1, 30), st.integers(1, 10_000))
# Escaping and astral characters make the HTML several times longer than the text.
COSTLY = ["&", "<", ">", "👨\u200d👩\u200d👧", "ক্ষ", "ướ", " "]
HEAVY = st.builds(lambda pieces, times: "".join(pieces) * times,
                  st.lists(st.sampled_from(COSTLY), min_size=1, max_size=9), st.integers(1, 400))
TEXT = st.one_of(SHORT, texts(max_size=600), LONG, HEAVY)
URL = st.one_of(st.none(), SHORT, st.builds(lambda path: "https://example.com/" + path, SHORT))
LANG = st.sampled_from(["en", "bn", "th", "vi", "xx", ""])
SCORE = st.floats(-1, 1, allow_nan=False)
FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def hits(draw, rank: int, strings: st.SearchStrategy[str] = TEXT) -> Hit:
    text = draw(strings)
    # one article, passages apart: overlapping passages share quotes (see test_render), which
    # these properties ("every hit is shown once") leave aside
    start = rank * 10**7 + draw(st.integers(0, 10**6))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=14)))
    spans = [Sentence(start + a, start + b) for a, b in zip(cuts, cuts[1:])]
    if draw(st.booleans()):  # a broken span: outside the chunk, or reversed
        spans.append(Sentence(start + draw(st.integers(-50, len(text) + 50)), start + draw(st.integers(-50, 50))))
    scores = draw(st.lists(SCORE, min_size=0, max_size=len(spans) + 1))
    chunk = Chunk(
        id=draw(SHORT), content_hash="h", doc=draw(st.sampled_from(["a.txt", "b.txt"])), title=draw(strings),
        lang=draw(LANG),
        paragraph=draw(st.integers(0, 10**6)), start=start, end=start + len(text), text=text,
        url=draw(URL), sentences=tuple(spans),
    )
    return Hit(chunk, draw(SCORE), rank, tuple(scores))


@st.composite
def results(draw, strings: st.SearchStrategy[str] = TEXT) -> SearchResult:
    count = draw(st.integers(1, 7))
    found_hits = tuple(draw(hits(rank, strings)) for rank in range(1, count + 1))
    return SearchResult(draw(strings), found_hits, True, draw(SCORE))


def assert_valid(message: str) -> None:
    assert check_telegram_html(message) is None, check_telegram_html(message)
    assert telegram_len(message) <= 4096


def assert_quoted(message: str, sources: list[str]) -> None:
    for quote in blockquotes(message):
        for piece in excerpt_pieces(quote):
            assert any(piece in source for source in sources), piece


@FAST
@given(results(), st.sampled_from(["en", "bn", "th", "vi", "fr"]), st.integers(0, 2), st.integers(1, 7))
def test_answers_are_valid_short_and_quote_the_article(result, lang, page, per_page):
    answer = render_answer(result, lang, page=page, per_page=per_page)
    texts = [hit.chunk.text for hit in result.hits]
    assert answer.messages
    for message in answer.messages:
        assert_valid(message)
        assert_quoted(message, texts)


@FAST
@given(st.one_of(results(), results(HEAVY)), st.sampled_from(["en", "bn", "th", "vi"]), st.integers(1, 7))
def test_pages_show_every_hit_once_in_order_the_first_only_those_close_to_the_best(result, lang, per_page):
    pages = [render_answer(result, lang, page=0, per_page=per_page)]
    while pages[-1].has_more and len(pages) <= len(result.hits):
        pages.append(render_answer(result, lang, page=len(pages), per_page=per_page))
    ranks = [shown_ranks(page.messages) for page in pages]
    assert [r for page in ranks for r in page] == [hit.rank for hit in result.hits]
    assert all(0 < len(page) <= per_page for page in ranks)
    top = result.hits[0]

    def spread(hit: Hit) -> float:  # another article's passage is held closer
        return FIRST_PAGE_SPREAD if hit.chunk.doc == top.chunk.doc else OTHER_ARTICLE_SPREAD

    first = result.hits[:len(ranks[0])]
    assert all(hit.score >= top.score - spread(hit) for hit in first[1:])  # the rest waits for "More"
    following = result.hits[len(ranks[0]):len(ranks[0]) + 1]
    assert len(ranks[0]) == per_page or not following or following[0].score < top.score - spread(following[0])


@FAST
@given(st.one_of(results(), results(HEAVY)), st.sampled_from(["en", "bn", "th", "vi"]), st.integers(0, 3))
def test_related_passages_of_a_missing_figure_are_valid_and_quoted(found, lang, page):
    result = SearchResult(found.question, (), False, found.confidence, "no_figure", related=found.hits)
    answer = render_answer(result, lang, page=page, per_page=3)
    texts = [hit.chunk.text for hit in result.related]
    assert answer.messages and answer.has_more == (page == 0 or len(result.related) > page * 3)
    for message in answer.messages:
        assert_valid(message)
        assert_quoted(message, texts)


@FAST
@given(results(HEAVY), st.sampled_from(["en", "bn", "th", "vi"]))
def test_pages_of_heavy_passages_split_between_hits(result, lang):
    result = replace(result, hits=tuple(replace(hit, score=0.5) for hit in result.hits))  # all on one page
    answer = render_answer(result, lang, per_page=7)
    texts = [hit.chunk.text for hit in result.hits]
    shown = "".join(answer.messages)
    for message in answer.messages:
        assert_valid(message)
        assert_quoted(message, texts)
    assert all(f"<b>[{local_digits(hit.rank, lang)}]</b>" in shown for hit in result.hits)


def shown_ranks(messages: list[str]) -> list[int]:
    return [int(n) for n in re.findall(r"<b>\[(\d+)\]</b>", "".join(messages))]


@FAST
@given(st.one_of(results(), results(HEAVY)), st.sampled_from(["en", "bn", "th", "vi"]))
def test_inline_items_are_valid_and_bounded(result, lang):
    items = render_inline_results(result, lang)
    assert len(items) == min(5, len(result.hits))
    assert len({item.id for item in items}) == len(items)
    for item, hit in zip(items, result.hits):
        assert 0 < len(item.id.encode()) <= 64 and 0 < len(item.title) <= 64 and len(item.description) <= 150
        assert_valid(item.message_html)
        assert_quoted(item.message_html, [hit.chunk.text])


ARTICLE = st.builds(ArticleInfo, doc=SHORT, title=TEXT, lang=LANG, url=URL, chunks=st.integers(0, 100))


@FAST
@given(st.lists(ARTICLE, max_size=40), st.sampled_from(["en", "bn", "th", "vi"]))
def test_sources_are_valid_and_split_to_fit(articles, lang):
    messages = render_sources(articles, lang)
    assert messages
    for message in messages:
        assert_valid(message)
