"""The chunker on real Bengali and Thai text, sized with the real model's tokenizer."""

from pathlib import Path

import pytest

from index.chunking import ChunkSizes, chunk_article, list_items, sentence_text, sentence_units, split_sentences
from index.cleaning import clean_article
from index.settings import IndexSettings

SEEDS = Path(__file__).parent.parent / "seeds"
BENGALI = SEEDS / "000_9d5ab8d44f53d486.txt"
THAI = SEEDS / "001_a706cc8d4ec72211.txt"
DONG_NAI = SEEDS / "002_ee2d72b88cdf6393.txt"  # lists the training's topics with semicolons


@pytest.fixture(scope="module")
def count_tokens():
    """The model's own tokenizer (tokenizers only: no torch needed), as the build uses."""
    from tokenizers import Tokenizer

    path = Path(IndexSettings().model) / "tokenizer.json"
    if not path.exists():
        pytest.skip("embedding model not fetched; run scripts/setup.sh")
    tokenizer = Tokenizer.from_file(str(path))
    return lambda text: len(tokenizer.encode(text, add_special_tokens=False).ids)


def _article(path):
    return clean_article(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize("path", [BENGALI, THAI], ids=["bn", "th"])
def test_spans_map_back_to_the_article(path, count_tokens):
    article = _article(path)
    chunks = chunk_article(article, count_tokens)
    assert chunks
    for chunk in chunks:
        assert article.text[chunk.start:chunk.end] == chunk.text
        assert chunk.sentences[0].start == chunk.start and chunk.sentences[-1].end == chunk.end
        for sentence in chunk.sentences:
            assert chunk.start <= sentence.start < sentence.end <= chunk.end
        assert chunk.lang == article.lang and chunk.title == article.title


@pytest.mark.parametrize("path", [BENGALI, THAI], ids=["bn", "th"])
def test_every_paragraph_is_covered(path, count_tokens):
    article = _article(path)
    chunks = chunk_article(article, count_tokens)
    covered = set()
    for chunk in chunks:
        covered.update(range(chunk.start, chunk.end))
    for para in article.paragraphs:
        letters = {i for i in range(para.start, para.end) if not article.text[i].isspace()}
        assert letters <= covered, f"paragraph {para.number} not fully covered"


def test_bengali_chunks_end_at_a_danda(count_tokens):
    article = _article(BENGALI)
    for chunk in chunk_article(article, count_tokens, ChunkSizes(max_tokens=60, overlap_tokens=15)):
        paragraph_end = any(chunk.end == p.end for p in article.paragraphs)
        assert chunk.text.rstrip("”’\"'").endswith("।") or paragraph_end, chunk.text[-30:]


def test_thai_is_split_at_spaces_not_inside_words(count_tokens):
    article = _article(THAI)
    chunks = chunk_article(article, count_tokens, ChunkSizes(max_tokens=40, overlap_tokens=10))
    assert len(chunks) > len(article.paragraphs)  # paragraphs really were split
    for chunk in chunks:
        before = article.text[chunk.start - 1] if chunk.start else " "
        after = article.text[chunk.end] if chunk.end < len(article.text) else " "
        assert before.isspace() and after.isspace(), (before, chunk.text[:20], after)


def test_chunks_respect_the_token_budget_and_overlap(count_tokens):
    article = _article(BENGALI)
    sizes = ChunkSizes(max_tokens=80, overlap_tokens=30)
    chunks = chunk_article(article, count_tokens, sizes)
    for chunk in chunks:
        assert count_tokens(chunk.text) <= sizes.max_tokens + 5 * len(chunk.sentences)  # joins add a token or so
    same_paragraph = [(a, b) for a, b in zip(chunks, chunks[1:]) if a.paragraph == b.paragraph]
    assert same_paragraph and any(b.start < a.end for a, b in same_paragraph), "no overlap between neighbours"


def test_sentences_shared_by_overlapping_chunks_are_units_once(count_tokens):
    # Bengali and Thai together, as the build passes every article's chunks at once
    chunks = [c for path in (BENGALI, THAI)
              for c in chunk_article(_article(path), count_tokens, ChunkSizes(max_tokens=80, overlap_tokens=30))]
    units = sentence_units(chunks)
    spans = {(c.doc, s.start) for c in chunks for s in c.sentences}
    assert not units.items_of  # neither article lists things with semicolons
    assert len(units.texts) == len(spans) < sum(len(c.sentences) for c in chunks), "the overlap shares sentences"
    for row, (chunk, ids) in enumerate(zip(chunks, units.ids, strict=True)):
        assert [units.texts[i] for i in ids] == [sentence_text(chunk, s) for s in chunk.sentences]
        assert all(units.rows[i] <= row for i in ids)  # a sentence belongs to the first chunk that has it
    # numbered as met in chunk order: the order the build embeds them in
    assert list(dict.fromkeys(i for ids in units.ids for i in ids)) == list(range(len(units.texts)))
    assert list(units.rows) == sorted(units.rows)


def test_the_items_of_a_list_sentence_are_units_after_the_sentences(count_tokens):
    chunks = chunk_article(_article(DONG_NAI), count_tokens, ChunkSizes())
    units = sentence_units(chunks)
    n_sentences = len(units.texts) - len(units.items_of)
    assert n_sentences == len({(c.doc, s.start) for c in chunks for s in c.sentences})
    items = units.texts[n_sentences:]
    topics = "বুথ পরিচালনার নির্দেশাবলী, লাইভস্ট্রিম সেটআপ কৌশল"  # one topic of the training, alone
    assert topics in items
    listing = units.items_of[items.index(topics)]
    assert topics in units.texts[listing] and units.texts[listing] != topics
    # each item is of its sentence, in that sentence's chunk, and appears in it
    for i, sentence in enumerate(units.items_of):
        assert items[i] in units.texts[sentence] and units.rows[n_sentences + i] == units.rows[sentence]


@pytest.mark.parametrize(("sentence", "items"), [
    ("They were taught: the OCOP programme; online sales trends; booth rules.",
     ["They were taught", "the OCOP programme", "online sales trends"]),  # "booth rules" is too short
    ("আজ অবধি ১০০% কৃষি পরিবার প্রশিক্ষণ পেয়েছে; ১০০% OCOP পণ্য আপলোড করা হয়েছে।",
     ["আজ অবধি ১০০% কৃষি পরিবার প্রশিক্ষণ পেয়েছে", "১০০% OCOP পণ্য আপলোড করা হয়েছে"]),
    ("The fair opened at 10:30 with 40 platforms.", []),  # no list: a colon alone is not one
    # a long item is cut at commas as well, into pieces of 30 characters or more
    ("Events: seminars; mega livestream sessions on the TikTok Shop platform, cooperatives, "
     "training and coaching for young start-ups and households, and live sales of highland products.",
     ["mega livestream sessions on the TikTok Shop platform, cooperatives, training and coaching "
      "for young start-ups and households, and live sales of highland products",
      "mega livestream sessions on the TikTok Shop platform",
      "training and coaching for young start-ups and households", "and live sales of highland products"]),
    ("ডং নাই দেশে ৭ম স্থানে রয়েছে।", []),
])
def test_list_items(sentence, items):
    assert list_items(sentence) == items


def test_ids_and_hashes_are_stable(count_tokens):
    first = chunk_article(_article(BENGALI), count_tokens)
    second = chunk_article(_article(BENGALI), count_tokens)
    assert [c.id for c in first] == [c.id for c in second]
    assert [c.content_hash for c in first] == [c.content_hash for c in second]
    assert first[0].id == "000_9d5ab8d44f53d486#1"
    assert len({c.content_hash for c in first}) == len(first)


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Li said sales rose 3.5 percent. Exports grew in the U.S. market! Why? Demand.",
     ["Mr. Li said sales rose 3.5 percent.", "Exports grew in the U.S. market!", "Why?", "Demand."]),
    ("Doanh số tăng 20%. Ông Hùng nói: “Rất tốt.” Hết.", ["Doanh số tăng 20%.", "Ông Hùng nói: “Rất tốt.”", "Hết."]),
    ("মেলা শেষ হয়েছে। ৫৬ হাজার মানুষ এসেছিল। খুব ভালো!", ["মেলা শেষ হয়েছে।", "৫৬ হাজার মানুষ এসেছিল।", "খুব ভালো!"]),
    # a subheading joined to its paragraph is a sentence of its own, though it ends in no stop
    ("দক্ষতা উন্নত করুন\n\nএই অনুষ্ঠানে সেমিনার হয়েছিল।", ["দক্ষতা উন্নত করুন", "এই অনুষ্ঠানে সেমিনার হয়েছিল।"]),
], ids=["en", "vi", "bn", "heading"])
def test_sentence_boundaries(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_thai_short_fragments_are_joined():
    text = "นายหวาง ซู่ปิน กล่าวว่าการค้าออนไลน์เติบโตอย่างรวดเร็วในปีนี้ และจะขยายความร่วมมือกับประเทศอาเซียนต่อไปในอนาคต"
    pieces = [text[s:e] for s, e in split_sentences(text)]
    assert pieces[0].startswith("นายหวาง ซู่ปิน")  # a name with a space is not a sentence
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")


def test_a_sentence_longer_than_the_budget_is_cut(count_tokens):
    article = clean_article("T\n" + "ক" * 3 + " খগ" * 400 + "।\n", "long.txt")
    chunks = chunk_article(article, count_tokens, ChunkSizes(max_tokens=50, overlap_tokens=0))
    assert len(chunks) > 3
    assert all(count_tokens(c.text) <= 50 for c in chunks)
