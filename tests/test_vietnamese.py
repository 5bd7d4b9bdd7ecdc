"""Vietnamese typed without diacritics: telling it apart, and putting the marks back."""

import json
import logging
import zipfile

import pytest

from index.vietnamese import (
    RESTORER_FILE,
    WORDS_FILE,
    DiacriticRestorer,
    extras_dir,
    restorer_for,
    strip_marks,
    typed_without_diacritics,
)
from index.word_list import MEMBER, WordListError, ensure_words, extract

# a byte-pair vocabulary: the lower the id, the more frequent the word
VOCABULARY = {
    "▁bao": 10, "▁nhiều": 40, "▁nhiêu": 50, "▁năm": 20, "▁nam": 30, "▁to": 5, "▁tơ": 300, "▁lụa": 400,
    "▁lựa": 60, "▁o": 3, "▁ở": 90, "▁cua": 70, "▁của": 80, "▁đồng": 25, "▁dong": 26,
    "▁Nhiều": 1, "nhiệt": 2,  # capitalised and word-inner pieces are not syllables to use
}


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


def test_the_most_frequent_spelling_of_a_syllable_is_put_back():
    restorer = DiacriticRestorer.from_vocabulary(VOCABULARY)
    assert restorer.restore("nhieu nam to") == "nhiều năm to"  # "to" is the commoner spelling
    assert restorer.restore("Nam livestream 2025?") == "Năm livestream 2025?"  # a sentence's first word


def test_a_dictionary_word_beats_its_syllables():
    restorer = DiacriticRestorer.from_vocabulary(VOCABULARY, ["bao nhiêu", "tơ lụa", "Bao"])
    assert restorer.restore("bao nhieu to lua") == "bao nhiêu tơ lụa"
    assert restorer.restore("nhieu to") == "nhiều to"  # alone, each syllable takes its commonest spelling
    assert restorer.restore("bao, nhieu") == "bao, nhiều"  # a word's syllables are only space-separated


def test_function_words_take_their_vietnamese_spelling():
    # "o" is commoner than "ở" in the vocabulary (English, French...), not in a Vietnamese question
    assert DiacriticRestorer.from_vocabulary(VOCABULARY).restore("hoi cho o dau").split()[2] == "ở"


def test_names_and_acronyms_are_kept_as_typed():
    restorer = DiacriticRestorer.from_vocabulary(VOCABULARY, ["cua đồng"])  # a crab
    assert restorer.restore("EBI cua Dong Nai") == "EBI của Dong Nai"  # not "cua đồng", nor "Đồng"
    assert restorer.restore("Dong Nai nam 2025") == "Dong Nai năm 2025"  # two capitals begin a name
    assert restorer.restore("cua dong") == "cua đồng"


def test_places_typed_in_lowercase_get_their_marks_and_capitals():
    restorer = DiacriticRestorer.from_vocabulary(VOCABULARY, ["đồng nát"], places=["Việt Nam", "Đồng Nai", "Đồng Nát"])
    assert restorer.restore("o viet nam nam 2025") == "ở Việt Nam năm 2025"  # not "viet năm năm"
    assert restorer.restore("cua dong nai") == "của Đồng Nai"
    assert restorer.restore("dong nat") == "đồng nát"  # a dictionary word first: no place is made of it
    assert restorer.restore("EBI cua Dong Nai") == "EBI của Dong Nai"  # capitalised: kept as typed


def test_question_phrases_win_over_words_read_the_same():
    # "như thể" (as if) is a word of the list; "nhu the nao" is "như thế nào" (how) in a question
    vocabulary = {**VOCABULARY, "▁như": 15, "▁thể": 35, "▁thế": 45, "▁nào": 55, "▁bán": 65, "▁hàng": 75}
    restorer = DiacriticRestorer.from_vocabulary(vocabulary, ["như thể", "bán hàng"])
    assert restorer.restore("ban hang nhu the nao") == "bán hàng như thế nào"
    assert restorer.restore("nhu the") == "như thể"


def test_a_kinship_word_before_a_name_is_its_title():
    # "chi" is "chỉ" (only) everywhere else, and "ong", "ba" are commoner spelled otherwise
    restorer = DiacriticRestorer.from_vocabulary({**VOCABULARY, "▁chỉ": 12, "▁chị": 99, "▁ông": 98})
    assert restorer.restore("chi Dinh ban hang o dau").startswith("chị Dinh")
    assert restorer.restore("ong Le Cao Thang noi gi").startswith("ông Le Cao Thang")
    assert restorer.restore("chi co 5 nguoi").startswith("chỉ có")  # no name after it
    assert restorer.restore("EBI co Dong Nai").split()[1] == "có"  # not "cô": before a name mostly "has"


def test_the_restorer_round_trips_through_json():
    restorer = DiacriticRestorer.from_vocabulary(VOCABULARY, ["bao nhiêu"])
    again = DiacriticRestorer.from_json(restorer.to_json())
    assert again.restore("bao nhieu nam o") == restorer.restore("bao nhieu nam o") == "bao nhiêu năm ở"


def _model_folder(tmp_path):
    model = tmp_path / "model"
    model.mkdir()
    tokenizer = {"model": {"type": "BPE", "vocab": VOCABULARY}}
    (model / "tokenizer.json").write_text(json.dumps(tokenizer, ensure_ascii=False), encoding="utf-8")
    return model


def test_the_restorer_is_built_once_and_saved_beside_the_model(tmp_path):
    model = _model_folder(tmp_path)
    extras = extras_dir(str(model))
    extras.mkdir()
    (extras / WORDS_FILE).write_text("bao nhiêu\n", encoding="utf-8")
    restorer_for.cache_clear()
    assert restorer_for(str(model)).restore("bao nhieu") == "bao nhiêu"
    assert (extras / RESTORER_FILE).is_file() and sorted(p.name for p in model.iterdir()) == ["tokenizer.json"]
    (model / "tokenizer.json").unlink()  # from now on the saved restorer is all there is
    restorer_for.cache_clear()
    assert restorer_for(str(model)).restore("bao nhieu") == "bao nhiêu"
    (extras / RESTORER_FILE).write_text("{not json", encoding="utf-8")
    restorer_for.cache_clear()
    assert restorer_for(str(model)) is None  # neither a tokenizer nor a readable restorer
    restorer_for.cache_clear()


def test_a_restorer_saved_by_other_rules_is_built_again(tmp_path):
    model = _model_folder(tmp_path)
    extras = extras_dir(str(model))
    extras.mkdir()
    (extras / WORDS_FILE).write_text("bao nhiêu\n", encoding="utf-8")
    stale = {"version": "0-old", "syllables": {"nhieu": ["nhiễu", -1.0]}, "words": {}}
    (extras / RESTORER_FILE).write_text(json.dumps(stale, ensure_ascii=False), encoding="utf-8")
    restorer_for.cache_clear()
    assert restorer_for(str(model)).restore("bao nhieu") == "bao nhiêu"  # not the stale "nhiễu"
    assert json.loads((extras / RESTORER_FILE).read_text(encoding="utf-8"))["version"] != "0-old"
    restorer_for.cache_clear()


def test_without_the_word_list_syllables_are_restored_and_nothing_is_saved(tmp_path, caplog):
    model = _model_folder(tmp_path)
    restorer_for.cache_clear()
    with caplog.at_level(logging.WARNING, logger="index.vietnamese"):
        # "bao nhiêu" is a question phrase, known without the list; "nhieu" alone is its commonest syllable
        assert restorer_for(str(model)).restore("bao nhieu nhieu") == "bao nhiêu nhiều"
    assert "fetch-model" in caplog.text
    assert not (extras_dir(str(model)) / RESTORER_FILE).exists()  # so the list is used once it is there
    restorer_for.cache_clear()


def _wheel(path, words: bytes):
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(MEMBER, words)
        zf.writestr("pyvi-0.1.1.dist-info/LICENSE.txt", "The MIT License (MIT)")
    return path


def test_the_word_list_is_taken_from_the_wheel_and_verified(tmp_path):
    import hashlib

    words = "bao nhiêu\nthương mại\n".encode()
    wheel = _wheel(tmp_path / "pyvi-0.1.1-py2.py3-none-any.whl", words)
    dest = tmp_path / "extras" / WORDS_FILE
    with pytest.raises(WordListError, match="SHA-256"):
        extract(wheel, dest)  # not the list pyvi 0.1.1 ships
    assert not dest.exists()
    assert extract(wheel, dest, sha256=hashlib.sha256(words).hexdigest()).read_bytes() == words
    assert "MIT" in dest.with_name("words.LICENSE.txt").read_text()
    assert ensure_words(dest) == dest  # there already: nothing downloaded


def test_a_wheel_without_the_word_list_is_refused(tmp_path):
    wheel = tmp_path / "other.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("other/__init__.py", "")
    with pytest.raises(WordListError, match="no word list"):
        extract(wheel, tmp_path / WORDS_FILE)
