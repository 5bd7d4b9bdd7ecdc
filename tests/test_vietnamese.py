"""Vietnamese typed without diacritics: telling it apart, and putting the marks back."""

import json

import pytest

from index.vietnamese import SYLLABLES_FILE, DiacriticRestorer, restorer_for, strip_marks, typed_without_diacritics


def test_strip_marks():
    assert strip_marks("Đồng Nai xếp thứ mấy?") == "Dong Nai xep thu may?"
    assert strip_marks("ডং নাই") == "ডং নাই"


@pytest.mark.parametrize(("text", "bare"), [
    ("co bao nhieu nguoi tham gia hoi cho", True),
    ("hoi cho thuong mai dien tu o Quang Chau ket thuc khi nao", True),
    ("Có bao nhiêu người tham gia hội chợ?", False),  # typed with its marks
    ("How many people visited the fair?", False),
    ("what is the theme of ccef 2024", False),
    ("মেলায় কতজন এসেছিলেন?", False),
    ("มีผู้เข้าชมกี่คน", False),
], ids=lambda v: str(v)[:24])
def test_typed_without_diacritics(text, bare):
    assert typed_without_diacritics(text) is bare


def test_the_most_frequent_marked_syllable_is_put_back():
    # a byte-pair vocabulary: the lower the id, the more frequent the word
    restorer = DiacriticRestorer.from_vocabulary({
        "▁bao": 10, "▁nhiều": 40, "▁nhiêu": 50, "▁năm": 20, "▁nam": 30, "▁to": 5, "▁tơ": 300,
        "▁Nhiều": 1, "nhiệt": 2,  # capitalised and word-inner pieces are not syllables to use
    })
    assert restorer.restore("bao nhieu nam to") == "bao nhiều năm to"  # "to" is the commoner spelling
    assert restorer.restore("Nam livestream 2025?") == "Năm livestream 2025?"  # case kept, rest untouched


def test_the_syllables_are_saved_beside_the_tokenizer(tmp_path):
    tokenizer = {"model": {"type": "BPE", "vocab": {"▁bao": 10, "▁nhiều": 40, "▁năm": 20}}}
    (tmp_path / "tokenizer.json").write_text(json.dumps(tokenizer, ensure_ascii=False), encoding="utf-8")
    restorer_for.cache_clear()
    assert restorer_for(str(tmp_path)).restore("bao nhieu nam") == "bao nhiều năm"
    assert json.loads((tmp_path / SYLLABLES_FILE).read_text(encoding="utf-8")) == {"nhieu": "nhiều", "nam": "năm"}
    (tmp_path / "tokenizer.json").unlink()  # from now on the saved syllables are all there is
    restorer_for.cache_clear()
    assert restorer_for(str(tmp_path)).restore("nam") == "năm"
    (tmp_path / SYLLABLES_FILE).write_text("{not json", encoding="utf-8")
    restorer_for.cache_clear()
    assert restorer_for(str(tmp_path)) is None  # neither a tokenizer nor readable syllables
    restorer_for.cache_clear()
