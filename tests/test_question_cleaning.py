"""A question is cleaned as the articles are, so its words can match theirs."""

import pytest

from index import EmptyQuery
from index.cleaning import normalise
from index.retrieval import MAX_QUERY_CHARS, clean_question


def test_joiners_bengali_spelling_uses_are_kept():
    # "র‍্যাব" (RAB) is spelled with a zero-width joiner; a space there split the word in two
    assert clean_question("র\u200d্যাব কত জন?") == "র\u200d্যাব কত জন?" == normalise("র\u200d্যাব কত জন?")
    assert clean_question("কি\u200cছু") == "কি\u200cছু"


def test_invisible_debris_goes_as_in_the_articles():
    assert clean_question("সফট\u00adওয়্যার\ufeff") == "সফটওয়্যার"  # soft hyphen and BOM removed, not spaces
    assert clean_question("a\x00b\tc\n d") == "a b c d"  # control characters are spaces, spaces collapse


def test_length_and_emptiness():
    assert len(clean_question("x" * (MAX_QUERY_CHARS + 50))) == MAX_QUERY_CHARS
    with pytest.raises(EmptyQuery):
        clean_question("\u200d ?!")


def test_links_are_not_searched():
    # nothing here opens a link, and its letters would only find noise: a link alone is no question
    for link in ("https://example.com/news/1", "www.example.com", "HTTP://x.y/z?a=1 https://a.b"):
        with pytest.raises(EmptyQuery) as refused:
            clean_question(link)
        assert refused.value.reason == "only_links"  # so the reply can say links are not opened
    with pytest.raises(EmptyQuery) as refused:
        clean_question("🙂 ?!")
    assert refused.value.reason == "no_words"
    assert clean_question("what does https://example.com/a say about Shopee?") == "what does say about Shopee?"
    assert clean_question("how big is alibaba.com?") == "how big is alibaba.com?"  # a name, not a link
