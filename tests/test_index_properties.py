"""Property tests: arbitrary Unicode never breaks cleaning, chunking or search, and every passage
and sentence maps back to real text of its article."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index import EmptyQuery, IndexSettings, Searcher, build_index
from index.chunking import ChunkSizes, chunk_article
from index.cleaning import clean_article
from tests.fakes import FakeEmbedder

# Mixed scripts, joiners, bidi marks, emoji, controls and markup metacharacters.
_ALPHABET = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from(list("।॥.!?… \n\t|<>&*_[]`ক্ষทีุ่👍🏽") + ["\u200d", "\u200c", "\u200f", "\u202e", "\ufeff"]),
)
_TEXT = st.text(_ALPHABET, max_size=3000)
_COUNT = FakeEmbedder().count_tokens


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(_ALPHABET, min_size=1, max_size=200), body=_TEXT)
def test_arbitrary_articles_chunk_into_spans_of_the_article(title, body):
    try:
        article = clean_article(f"{title}\n{body}", "x.txt")
    except ValueError:
        return  # nothing but debris: refused with a message, as intended
    for chunk in chunk_article(article, _COUNT, ChunkSizes(max_tokens=40, overlap_tokens=10)):
        assert article.text[chunk.start:chunk.end] == chunk.text and chunk.text.strip()
        for sentence in chunk.sentences:
            assert chunk.start <= sentence.start < sentence.end <= chunk.end


def test_a_100k_character_article_chunks_within_budget():
    body = ("এটি একটি দীর্ঘ বাক্য যা কখনো শেষ হয় না " * 2000)[:100_000]
    article = clean_article("Title\n" + body, "long.txt")
    chunks = chunk_article(article, _COUNT, ChunkSizes(max_tokens=120, overlap_tokens=20))
    assert all(_COUNT(c.text) <= 120 for c in chunks)
    assert chunks[-1].end == len(article.text.rstrip())


@pytest.fixture(scope="module")
def fake_searcher(tmp_path_factory):
    root = tmp_path_factory.mktemp("props")
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Chợ nổi\nNông dân bán hàng trực tuyến. 56 nghìn người đã đến hội chợ.\n", encoding="utf-8")
    (seeds / "b.txt").write_text("মেলা\nমোট ৫৬ হাজার মানুষ মেলা পরিদর্শন করে। বিক্রি বেড়েছে।\n", encoding="utf-8")
    s = IndexSettings(seeds_dir=seeds, dir=root / "index", model="fake-embedder", dim=64)
    embedder = FakeEmbedder()
    build_index(s, embedder)
    return Searcher.open(s, embedder)


@settings(max_examples=100, deadline=None)
@given(question=st.text(_ALPHABET, max_size=2000))
def test_arbitrary_questions_never_crash_search(fake_searcher, question):
    try:
        result = fake_searcher.search(question, 3)
    except EmptyQuery:
        return
    # a search that finds nothing quotes nothing, and one that quotes nothing says why
    assert len(result.hits) <= 3 and result.found == bool(result.hits)
    assert (result.not_found_reason is None) == result.found
    for hit in result.hits:
        assert len(hit.sentence_scores) == len(hit.chunk.sentences)
