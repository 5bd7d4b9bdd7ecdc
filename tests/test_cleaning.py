"""Cleaning real articles: debris goes, paragraphs and text stay."""

from pathlib import Path

import pytest

from index.cleaning import clean_article, normalise

SEEDS = Path(__file__).parent.parent / "seeds"
DATA = Path(__file__).parent / "data" / "articles"


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_articles_lose_layout_debris(path):
    article = clean_article(path.read_text(encoding="utf-8"), path.name)
    lines = article.text.split("\n\n")
    assert all(line.strip() and not line.strip().endswith("|") for line in lines)
    assert "মন্তব্য (0)" not in article.text and "GETTY IMAGES" not in article.text
    assert "সূত্র:" not in article.text
    assert len(article.paragraphs) == len(lines)
    for para in article.paragraphs:
        assert article.text[para.start:para.end] == lines[para.number - 1]


def test_source_line_becomes_url_and_caption_is_dropped():
    raw = (DATA / "bn_village.txt").read_text(encoding="utf-8")
    article = clean_article(raw, "bn_village.txt")
    assert article.url and article.url.startswith("https://")
    assert article.lang == "bn"
    assert all(not line.endswith("|") for line in article.text.split("\n\n"))
    assert article.title == raw.strip().split("\n")[0].strip()


@pytest.mark.parametrize(("seed", "credits"), [
    ("001_a706cc8d4ec72211.txt", ("ข้อมูล : People's Daily", "เครดิตภาพ : GETTY IMAGES")),
    ("004_2ae2260a8322f133.txt", ("লেখা এবং ছবি: নগুয়েন ডাট",)),
    ("000_9d5ab8d44f53d486.txt", ()),
], ids=["th", "bn", "none"])
def test_credit_lines_leave_the_text_and_become_the_articles_credits(seed, credits):
    article = clean_article((SEEDS / seed).read_text(encoding="utf-8"), seed)
    assert article.credits == credits
    assert not any(credit in article.text for credit in credits)


def test_lead_paragraph_as_first_line_is_kept_as_body():
    seed = SEEDS / "004_2ae2260a8322f133.txt"
    raw = seed.read_text(encoding="utf-8")
    article = clean_article(raw, seed.name)
    first_line = raw.split("\n")[0].strip()
    assert len(article.title) <= 201 and first_line.startswith(article.title.rstrip("…"))
    assert article.text.startswith(first_line)


def test_normalise_composes_unicode_and_keeps_bengali_joiners():
    decomposed = "e\u0301 \u200b x\u00a0\u00a0y  \u09b0\u200d\u09cd"
    assert normalise(decomposed) == "é x y \u09b0\u200d\u09cd"


def test_file_with_nothing_but_debris_is_refused():
    with pytest.raises(ValueError, match="no text"):
        clean_article("|\n![]() |\n\nমন্তব্য (3)\n", "empty.txt")


@pytest.mark.parametrize(("text", "lang"), [
    ("Farmers in Tuyen Quang sell honey online through livestreams.", "en"),
    ("Nông dân Tuyên Quang bán mật ong trực tuyến qua livestream.", "vi"),
    ("কৃষকরা অনলাইনে মধু বিক্রি করেন।", "bn"),
    ("เกษตรกรขายน้ำผึ้งออนไลน์", "th"),
], ids=["en", "vi", "bn", "th"])
def test_article_language_is_detected(text, lang):
    assert clean_article(f"Title\n{text}\n", "a.txt").lang == lang


@pytest.mark.parametrize(("text", "lang"), [
    ("How many people visited the fair?", "en"),
    ("thuong mai dien tu la gi", "vi"),  # Vietnamese typed without accents
    ("ok", None),
], ids=["en", "vi-unaccented", "too-short"])
def test_question_language_detection(text, lang):
    from index import detect_language

    assert detect_language(text) == lang


def test_a_byline_closing_the_article_is_dropped():
    # article 002 ends with its author's name ("Hải Quân", translated as "নৌবাহিনী") before the source
    seed = SEEDS / "002_ee2d72b88cdf6393.txt"
    article = clean_article(seed.read_text(encoding="utf-8"), seed.name)
    assert "নৌবাহিনী" not in article.text and article.text.endswith("।")
    body = "Title\n\nFirst paragraph here.\n\nSecond paragraph here.\n\n"
    assert clean_article(body + "Nguyen Van A\n", "x.txt").text.endswith("Second paragraph here.")
    kept = clean_article(body + "Prices rose.\n", "x.txt").text  # a sentence, however short, stays
    assert kept.endswith("Prices rose.")
    thai = clean_article("หัวข้อ\n\nย่อหน้าแรก\n\nย่อหน้าที่สอง\n\nราคาสูงขึ้น\n", "t.txt").text
    assert thai.endswith("ราคาสูงขึ้น")  # Thai ends no sentence with a stop: a short last one stays
