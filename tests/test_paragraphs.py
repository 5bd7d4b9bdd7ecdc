"""bot.paragraphs: passages of one paragraph that overlap, quoted as one citation in the article's
order, on the real passages of a seed article (chunked as the build chunks it, sized with the fake
embedder's token count, which cuts this article where the real tokenizer does but for a sentence)."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from bot.excerpt import excerpt, excerpt_plain
from bot.paragraphs import _TOUCH, MERGED_SLACK, overlapping_groups, paragraph_hit
from bot.render import EXCERPT_CHARS, render_answer, render_answer_page, render_plain
from index import Article, Chunk, Hit, SearchResult, Sentence
from index.chunking import ChunkSizes, chunk_article, sentence_text
from index.cleaning import clean_article
from tests.fakes import FakeEmbedder
from tests.test_render import assert_valid, blockquotes, bolds, excerpt_pieces, make_hit
from tests.test_render_properties import FAST, HEAVY, LANG, SCORE, SHORT, TEXT, assert_quoted

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Vàng Thị Dính's TikTok shop: its ¶1 is three passages, and a user test was quoted all three as
# [1] (the shop), [2] (who she is, the paragraph's opening) and [3] (what she buys a month)
DINH = SEEDS / "004_2ae2260a8322f133.txt"
WHO = "নঘিয়া থুয়ান কমিউনের মা হং গ্রামের একজন হ'মং মহিলা"  # who she is: the paragraph opens with it
SHOP = "টিকটক শপে একটি দোকান খোলেন"  # she opened a shop on TikTok Shop
TONNE = "১ টনেরও বেশি কৃষি পণ্য"  # more than a tonne of farm produce a month
BAC_NINH = "বাক নিনে কাজ করার জন্য"  # to work in Bac Ninh: where she worked before


def _article(path: Path = DINH) -> Article:
    return clean_article(path.read_text(encoding="utf-8"), path.name)


def _chunks(article: Article, sizes: ChunkSizes = ChunkSizes()) -> list[Chunk]:
    return chunk_article(article, FakeEmbedder().count_tokens, sizes)


def _holding(chunks: list[Chunk], words: str) -> Chunk:
    """The first passage whose text has ``words``."""
    return next(chunk for chunk in chunks if words in chunk.text)


def _hit(chunk: Chunk, rank: int, best: str = "") -> Hit:
    """A hit on ``chunk`` whose best sentence is the one holding ``best`` (or its first)."""
    texts = [sentence_text(chunk, sentence) for sentence in chunk.sentences]
    top = next((i for i, text in enumerate(texts) if best and best in text), 0)
    scores = tuple(0.7 if i == top else 0.3 for i in range(len(texts)))
    return Hit(chunk, 0.6 - rank / 100, rank, scores)


def _result(*hits: Hit, question: str = "Tell me about Vang Thi Dinh selling on TikTok") -> SearchResult:
    return SearchResult(question, tuple(hits), True, 0.6)


def _citations(plain: str) -> list[str]:
    return [line for line in plain.splitlines() if line.startswith("[")]


@pytest.fixture(scope="module")
def dinh() -> tuple[Article, list[Chunk]]:
    article = _article()
    return article, _chunks(article)


@pytest.fixture(scope="module")
def user_test_hits(dinh) -> list[Hit]:
    """The user test's three passages of ¶1, in the order it was quoted them."""
    _, chunks = dinh
    first = [chunk for chunk in chunks if chunk.paragraph == 1]
    assert len(first) == 3 and first[0].end > first[1].start and first[1].end > first[2].start
    shop, who = _holding(first[1:], SHOP), first[0]
    tonne = next(chunk for chunk in first if TONNE in chunk.text and chunk not in (shop, who))
    return [_hit(shop, 1, SHOP), _hit(who, 2, WHO), _hit(tonne, 3, TONNE)]


def test_passages_of_a_paragraph_join_through_each_other(dinh):
    _, chunks = dinh
    first, second, third, next_paragraph = chunks[:4]
    assert first.end <= third.start and next_paragraph.paragraph == 2
    hits = [_hit(chunk, rank) for rank, chunk in enumerate([second, next_paragraph, first, third], start=1)]
    # the first and third passages share no text, but each shares some with the second
    assert overlapping_groups(hits) == [[0, 2, 3], [1]]
    assert overlapping_groups([hits[2], hits[3]]) == [[0], [1]], "apart, with nothing between to join them"
    assert overlapping_groups([hits[3], hits[1]]) == [[0], [1]], "the next paragraph is cited on its own"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_paragraph_found_as_three_passages_is_one_quote_in_the_articles_order(dinh, user_test_hits, lang):
    article, _ = dinh
    answer = render_answer(_result(*user_test_hits), lang)
    assert len(answer.messages) == 1 and not answer.has_more
    message = answer.messages[0]
    assert_valid(message)
    plain = render_plain(message)
    assert len(_citations(plain)) == 1 and _citations(plain)[0].startswith("[1, 2, 3] "), "all three numbers"
    assert "¶1" in _citations(plain)[0]
    (quote,) = blockquotes(message)
    # the introduction first, as the article has it; the answer's best sentence still the one in bold
    assert plain.index(WHO) < plain.index(SHOP) < plain.index(TONNE)
    assert [bold for bold in bolds(message) if SHOP in bold] and not any(WHO in bold or TONNE in bold
                                                                         for bold in bolds(message))
    for piece in excerpt_pieces(quote):
        assert piece in article.text, "every piece is article text"
    for words in (WHO, SHOP, TONNE):
        assert plain.count(words) == 1, "each sentence once"


def test_a_merged_quote_holds_each_passages_best_sentence_and_is_shorter_than_three(user_test_hits):
    # quoted apart, each passage quotes up to its own limit; merged, the paragraph is quoted within
    # MERGED_SLACK times one passage's, its sentences chosen together
    apart = [replace(hit, chunk=replace(hit.chunk, paragraph=10 + n)) for n, hit in enumerate(user_test_hits)]
    before = _quotes(render_plain(render_answer(_result(*apart), "en").messages[0]))
    (after,) = _quotes(render_plain(render_answer(_result(*user_test_hits), "en").messages[0]))
    assert len(before) == 3
    assert all(words in after for words in (SHOP, WHO, TONNE)), "each passage's best sentence"
    assert len(after) <= EXCERPT_CHARS * MERGED_SLACK + len(" … ") < sum(map(len, before))


def _scored(chunk: Chunk, rank: int, scores: dict[str, float]) -> Hit:
    """A hit on ``chunk`` whose sentences holding a key of ``scores`` score its value, the rest 0.1."""
    texts = [sentence_text(chunk, sentence) for sentence in chunk.sentences]
    return Hit(chunk, 0.6 - rank / 100, rank,
               tuple(next((score for words, score in scores.items() if words in text), 0.1) for text in texts))


def test_the_next_sentence_of_a_merged_passages_best_is_quoted_before_a_weaker_one(dinh):
    # A user test asked where Dinh had worked before her TikTok shop: the first passage was the shop's,
    # the second the paragraph's opening (who she is), whose next sentence says "to work in Bac Ninh".
    # It scores above the shop sentence's next one, so it is quoted first where only one fits
    _, chunks = dinh
    shop, who = _holding(chunks, SHOP), _holding(chunks, WHO)
    texts = {sentence_text(chunk, sentence) for chunk in (shop, who) for sentence in chunk.sentences}
    after_who = next(text for text in texts if BAC_NINH in text)
    scores = {SHOP: 0.37, WHO: 0.34, BAC_NINH: 0.2}
    hits = [_scored(shop, 1, scores), _scored(who, 2, scores)]
    group, lead, anchors = paragraph_hit(hits)
    limit = sum(len(text) for text in texts if any(words in text for words in (SHOP, WHO))) + len(after_who) + 10
    quoted = excerpt_plain(excerpt(group, limit, lead=lead, anchors=anchors))
    assert SHOP in quoted and WHO in quoted and after_who in quoted, quoted
    weaker = excerpt_plain(excerpt(group, limit, lead=lead))  # without knowing the second passage's best
    assert after_who not in weaker


def test_a_paragraph_hit_holds_its_passages_sentences_once_with_their_scores(dinh, user_test_hits):
    article, _ = dinh
    group, lead, anchors = paragraph_hit(user_test_hits)
    chunks = [hit.chunk for hit in user_test_hits]
    assert (group.chunk.start, group.chunk.end) == (min(c.start for c in chunks), max(c.end for c in chunks))
    assert group.chunk.text == article.text[group.chunk.start:group.chunk.end], "the article's own text"
    spans = [(sentence.start, sentence.end) for sentence in group.chunk.sentences]
    assert spans == sorted(set(spans)) == sorted({(s.start, s.end) for c in chunks for s in c.sentences})
    assert group.rank == 1 and group.chunk.id == user_test_hits[0].chunk.id, "cited as the first passage"
    texts = [sentence_text(group.chunk, sentence) for sentence in group.chunk.sentences]
    best = {n for n, text in enumerate(texts) if group.sentence_scores[n] == 0.7}
    assert {texts[n] for n in best} >= {text for text in texts if SHOP in text or WHO in text or TONNE in text}
    assert lead == {n for n, (a, b) in enumerate(spans) if any(s.start == a and s.end == b
                                                                for s in user_test_hits[0].chunk.sentences)}
    assert {texts[n] for n in anchors} == {text for text in texts if WHO in text or TONNE in text}, \
        "the other passages' best sentences"


def _label(citation: str) -> str:
    """A citation's numbers: "[1, 3]"."""
    return citation[:citation.index("]") + 1]


def _quotes(plain: str) -> list[str]:
    """The quoted text of each citation of a rendered page."""
    lines = plain.split("\n\n")[1:]
    return [block.split("\n")[1] for block in lines if block.startswith("[")]


def test_a_passage_of_another_paragraph_keeps_its_citation_after_the_merged_one(dinh, user_test_hits):
    _, chunks = dinh
    shop, who, _ = user_test_hits
    other = _hit(next(chunk for chunk in chunks if chunk.paragraph == 2), 2)
    plain = render_plain(render_answer(_result(shop, other, replace(who, rank=3)), "en").messages[0])
    citations = _citations(plain)
    assert [_label(line) for line in citations] == ["[1, 3]", "[2]"]
    assert "¶1" in citations[0] and "¶2" in citations[1] and "[1]" in citations[1], "same article as [1]"
    assert plain.index(WHO) < plain.index(SHOP)


def test_more_sources_go_on_from_the_next_number_after_a_merged_first_page(user_test_hits):
    others = [make_hit(text, "en", rank=n) for n, text in enumerate(["A first.", "A second.", "A third."], start=4)]
    result = _result(*user_test_hits, *others)
    first, second = render_answer(result, "en", page=0), render_answer(result, "en", page=1)
    assert [_label(line) for line in _citations(render_plain(first.messages[0]))] == ["[1, 2, 3]"]
    assert first.has_more and not second.has_more
    assert [_label(line) for line in _citations(render_plain(second.messages[0]))] == ["[4]", "[5]", "[6]"]


def test_touching_passages_join_with_the_space_between_them():
    article = _article()
    chunks = _chunks(article, ChunkSizes(overlap_tokens=0))  # ¶1 in two passages, a space apart
    first, second = chunks[:2]
    assert second.start == first.end + 1 and second.paragraph == first.paragraph == 1
    last = sentence_text(first, first.sentences[-1])
    following = sentence_text(second, second.sentences[0])
    hits = [_hit(second, 1, following), _hit(first, 2, last)]
    assert overlapping_groups(hits) == [[0, 1]]
    plain = render_plain(render_answer(_result(*hits), "en").messages[0])
    assert f"{last} {following}" in plain and f"{last} {following}" in article.text


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name[:3])
def test_any_order_of_a_paragraphs_passages_quotes_article_text_once_in_order(path):
    article = _article(path)
    chunks = _chunks(article)
    paragraphs = {chunk.paragraph for chunk in chunks if sum(c.paragraph == chunk.paragraph for c in chunks) > 1}
    for number in sorted(paragraphs):
        passages = [chunk for chunk in chunks if chunk.paragraph == number][:3]
        for order in itertools.permutations(passages):
            hits = [_hit(chunk, rank, best=sentence_text(chunk, chunk.sentences[-1]))
                    for rank, chunk in enumerate(order, start=1)]
            for lang in ("en", "bn"):
                message = render_answer(_result(*hits), lang).messages[0]
                assert_valid(message)
                quotes = blockquotes(message)
                assert len(quotes) == len(overlapping_groups(hits))
                pieces = [piece for quote in quotes for piece in excerpt_pieces(quote)]
                places = [text_at(article, piece) for piece in pieces]
                assert all(place >= 0 for place in places), "article text"
                if len(quotes) == 1:
                    assert places == sorted(places), "in the article's order"
                    assert _bold_in_quotes(message) == 1, "one bold sentence"


def text_at(article: Article, piece: str) -> int:
    return article.text.find(piece)


def _bold_in_quotes(message: str) -> int:
    return sum(quote.count("<b>") for quote in re.findall(r"<blockquote>(.*?)</blockquote>", message, re.S))


@st.composite
def paragraph_hits(draw) -> tuple[str, list[Hit]]:
    """Passages of one paragraph of any text, each overlapping or touching the one before, in any
    rank order, with any sentence spans (even broken) and scores."""
    # as cleaned passages are: one space between words, no newline (a passage lies in a paragraph).
    # Thousands of spaces in a row, which no passage has, overflowed a message by one character
    text = draw(st.one_of(TEXT, HEAVY).map(lambda text: re.sub(r"\s+", " ", text)).filter(lambda text: len(text) > 2))
    windows, start = [], 0
    for _ in range(draw(st.integers(2, 4))):
        end = draw(st.integers(start + 1, len(text)))
        windows.append((start, end))
        start = draw(st.integers(max(0, start), min(end + _TOUCH, len(text) - 1)))
    # the cleaned text has a space where passages touch: any two, not only those drawn one after
    # the other ("000" drawn as 0-1, 0-2 and 2-3: the first and third touch at a "0")
    for a, b in itertools.permutations(windows, 2):
        if b[0] == a[1] + _TOUCH:
            text = text[:a[1]] + " " + text[a[1] + 1:]
    hits = []
    for rank, (start, end) in enumerate(draw(st.permutations(windows)), start=1):
        cuts = sorted(draw(st.lists(st.integers(start, end), max_size=8)))
        spans = [Sentence(a, b) for a, b in zip(cuts, cuts[1:])]
        scores = draw(st.lists(SCORE, min_size=len(spans), max_size=len(spans)))
        chunk = Chunk(id=f"d#{rank}", content_hash="h", doc="d.txt", title=draw(SHORT), lang=draw(LANG),
                      paragraph=1, start=start, end=end, text=text[start:end], sentences=tuple(spans))
        hits.append(Hit(chunk, 0.5, rank, tuple(scores)))
    return text, hits


@FAST
@given(paragraph_hits(), st.sampled_from(["en", "bn", "th", "vi"]), st.integers(1, 4))
def test_merged_quotes_of_any_passages_are_valid_short_and_article_text(drawn, lang, per_page):
    text, hits = drawn
    answer = render_answer(SearchResult("q", tuple(hits), True, 0.5), lang, per_page=per_page)
    for message in answer.messages:
        assert_valid(message)
        assert_quoted(message, [text])


@pytest.mark.model
@pytest.mark.parametrize("question", ["Kể cho tôi nghe về chị Vàng Thị Dính bán hàng trên TikTok",
                                      "Tell me about Vang Thi Dinh selling on TikTok"], ids=["vi", "en"])
def test_the_user_tests_question_is_quoted_its_paragraph_once_in_order(real_index, embedder, question):
    from bot.service import answer_question
    from index import Searcher

    answer = answer_question(Searcher.open(real_index, embedder), question)
    page = render_answer_page(answer, page=0, per_page=3)
    plain = render_plain("\n\n".join(page.messages))
    paragraphs = [line.split(" · ¶")[1].split()[0] for line in _citations(plain)]
    assert len(paragraphs) == len(set(paragraphs)) and paragraphs[0] == "1", plain
    assert plain.index(WHO) < plain.index(SHOP), plain
    # in bold, the sentence the best passage quoted alone has in bold
    (best,) = [piece.text[slice(*piece.bold)] for piece in excerpt(answer.result.hits[0], 450) if piece.bold]
    assert best in bolds("\n".join(page.messages)), plain
