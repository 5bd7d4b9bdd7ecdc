"""People a Bengali or Thai passage names, read out in Latin letters under a quote for readers of
another script (the Names line). Passages from the seed articles, some shortened."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.i18n import t
from bot.render import render_answer, render_plain
from index import load_articles, person_names, romanized
from index.people import (SAME_PERSON, as_asked, asked_people, asked_spellings, latin_names, letter_romanized,
                          name_likeness, without_title)
from tests.test_render import make_hit, make_result

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

DIRECTOR = "চীনের বৈদেশিক বাণিজ্য কেন্দ্রের পরিচালক ছু শিচিয়া ব্যাখ্যা করেন, এবারের সিসিইএফে প্রথমবারের মতো প্রদর্শনী হয়।"
THAI_HEAD = "นายหวาง ซู่ปิน หัวหน้าฝ่ายบริหารของวิทยาลัยอาชีวศึกษาธุรกิจระหว่างประเทศกว่างซี กล่าวว่า วิทยาลัยได้ฝึกอบรมนักศึกษา"


def test_every_name_the_seed_articles_mark_is_read_and_nothing_else():
    # the whole yield over the seeds: each is a person, and none is a post, a place or a verb
    articles, _ = load_articles(SEEDS)
    names = {(article.doc[:3], name) for article in articles
             for name in person_names(article.text, article.lang)}
    assert names == {
        ("000", "ছিউ জংবিং"), ("000", "ছু শিচিয়া"),
        ("001", "หวาง ซู่ปิน"), ("001", "หลี่ หมิงเทา"),
        ("002", "লে কাও থাং"), ("002", "ট্রান ডুয়ং হুং"), ("002", "নগুয়েন থুই আনহ"),
        ("003", "লে হোয়াং ওয়ান"),
        ("004", "দিন"), ("004", "নগুয়েন হু থাপ"),
    }


@pytest.mark.parametrize(("text", "names"), [
    (DIRECTOR, ["ছু শিচিয়া"]),  # after the post, up to the verb of what was said
    ("বিভাগের পরিচালক মিসেস লে হোয়াং ওয়ান জোর দিয়ে বলেন: ডিজিটাল রূপান্তর জরুরি।", ["লে হোয়াং ওয়ান"]),  # the title is not the name
    ("সমিতির চেয়ারম্যান, নগুয়েন হু থাপ, সক্রিয়ভাবে কাজ করেন।", ["নগুয়েন হু থাপ"]),  # between commas
    ("ফ্যাসিলিটির মালিক (বিন লোক ওয়ার্ডে) লে কাও থাং শেয়ার করেছেন: পণ্যগুলি মান পূরণ করে।", ["লে কাও থাং"]),
    ("মিসেস দিন এবং তার স্বামী পণ্য প্যাক করেন।", ["দিন"]),  # ended by "and"
    # no mark ends the name within four words: "Mrs Dinh opened a shop on TikTok"
    ("সরকারের সহায়তায়, মিসেস দিন টিকটক শপে একটি দোকান খোলেন।", []),
    # a lone comma after a title ends no name: "Mr Thap directly taught,"
    ("বরং মিঃ থাপ সরাসরি শিক্ষাদান, ভাগাভাগি এবং প্রশিক্ষণেও অংশ নেন।", []),
    ("ই-কমার্সের প্রধান বাধা হল ডিজিটাল দক্ষতা।", []),  # প্রধান as "main", before no name
])
def test_bengali_names_are_read_where_news_marks_them(text, names):
    assert person_names(text, "bn") == names


@pytest.mark.parametrize(("text", "names"), [
    (THAI_HEAD, ["หวาง ซู่ปิน"]),
    ("นางสาวสมศรี ใจดี และนายหลี่ หมิงเทา กล่าวว่า", ["สมศรี ใจดี", "หลี่ หมิงเทา"]),
    ("นายกรัฐมนตรีกล่าวว่า การค้าออนไลน์เติบโต", []),  # the prime minister: นายก is a post, not "Mr"
])
def test_thai_names_follow_a_title(text, names):
    assert person_names(text, "th") == names


def test_latin_passages_name_no_one_to_read():
    assert person_names("Director Nguyen Van A said the fair grew.", "en") == []


@pytest.mark.parametrize(("name", "lang", "letters", "latin"), [
    # every name the seeds mark, letter by letter (the likeness's reading) and as the Names line spells it
    ("ছিউ জংবিং", "bn", "Chiu Jongbing", "Chiu Jongbing"),
    ("ছু শিচিয়া", "bn", "Chu Shichiya", "Chu Shichiya"),  # "iya" stays: Bengali names end so (প্রিয়া, Priya)
    ("লে কাও থাং", "bn", "Le Kaw Thang", "Le Kao Thang"),  # ও ends a word as "o": Cao
    ("ট্রান ডুয়ং হুং", "bn", "Tran Duyong Hung", "Tran Duong Hung"),  # the glide (Dương); a conjunct, no vowel
    ("নগুয়েন থুই আনহ", "bn", "Noguyen Thui Anoh", "Nguyen Thui Anh"),  # Vietnamese "Ng", final "nh"
    ("লে হোয়াং ওয়ান", "bn", "Le Hoyang Wan", "Le Hoang Wan"),  # Hoàng; ওয় opening a word is a "w"
    ("দিন", "bn", "Din", "Din"),
    ("নগুয়েন হু থাপ", "bn", "Noguyen Hu Thap", "Nguyen Hu Thap"),
    ("ভ্যাং থি দিন", "bn", "BhoZzang Thi Din", "Vang Thi Din"),  # য-ফলা before া: a foreign "a", ভ a "v"
    ("หวาง ซู่ปิน", "th", "Wang Supin", "Wang Supin"),
    ("หลี่ หมิงเทา", "th", "Li Mingthao", "Li Mingthao"),
    ("Nguyen Van A", "vi", "Nguyen Van A", "Nguyen Van A"),
    # Bengali's own names keep Avro's reading: নগ with its vowel, ও inside a word a "w"
    ("নগেন", "bn", "Nogen", "Nogen"), ("কাওসার", "bn", "Kawsar", "Kawsar"),
])
def test_names_read_in_latin_letters(name, lang, letters, latin):
    # a blind user test read "নগুয়েন হু থাপ = Noguyen Hu Thap" and "লে হোয়াং ওয়ান = Le Hoyang Wan"
    assert (letter_romanized(name, lang), romanized(name, lang)) == (letters, latin)


def names_line(text: str, quote_lang: str, lang: str) -> str:
    page = render_plain(render_answer(make_result(make_hit(text, quote_lang, best=0),
                                                  question="Who is the director?"), lang).messages[0])
    prefix = t("reading_names", lang, names="")
    return next((line for line in page.splitlines() if line.startswith(prefix)), "")


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Names: ছু শিচিয়া = Chu Shichiya"),
    ("th", "ชื่อ: ছু শিচিয়া = Chu Shichiya"),
    ("vi", "Tên: ছু শিচিয়া = Chu Shichiya"),
])
def test_a_bengali_quote_reads_its_names_to_readers_of_other_scripts(lang, line):
    # a blind user test: "who is the director…?" was answered with a name only a Bengali reader could read
    assert names_line(DIRECTOR, "bn", lang) == line


def test_a_thai_quote_reads_its_names_to_a_bengali_reader():
    assert names_line(THAI_HEAD, "th", "bn") == "নাম: หวาง ซู่ปิน = Wang Supin"


def test_a_quote_in_the_readers_language_or_naming_no_one_has_no_names_line():
    assert names_line(DIRECTOR, "bn", "bn") == ""
    assert names_line(THAI_HEAD, "th", "th") == ""
    assert names_line("মোট ৫৬ হাজার মানুষ এবারের মেলা পরিদর্শন করে।", "bn", "en") == ""


SEED_NAMES = {  # as their owners spell them, and as the seeds write them
    "Qiu Zhongbing": "ছিউ জংবিং", "Chu Shijia": "ছু শিচিয়া", "Wang Shubin": "หวาง ซู่ปิน", "Li Mingtao": "หลี่ หมิงเทา",
    "Le Cao Thang": "লে কাও থাং", "Tran Duong Hung": "ট্রান ডুয়ং হুং", "Nguyen Thuy Anh": "নগুয়েন থুই আনহ",
    "Lê Hoàng Oanh": "লে হোয়াং ওয়ান", "Nguyen Huu Thap": "নগুয়েন হু থাপ",
}


@pytest.mark.parametrize("asked", list(SEED_NAMES))
def test_a_name_asked_in_latin_letters_reads_most_like_its_own_spelling(asked):
    def latin(name: str) -> str:
        return letter_romanized(name, "th" if "\u0e00" <= name[0] <= "\u0e7f" else "bn")

    own = name_likeness(asked, latin(SEED_NAMES[asked]))
    others = max(name_likeness(asked, latin(name)) for other, name in SEED_NAMES.items() if other != asked)
    assert own >= SAME_PERSON > others


def test_the_likeness_reads_letters_not_the_names_line_spelling():
    # "Nguyen" read as Vietnamese spells it makes two of the family one person's
    assert name_likeness("Nguyen Thuy Anh", romanized("নগুয়েন হু থাপ", "bn")) >= SAME_PERSON
    assert name_likeness("Nguyen Thuy Anh", letter_romanized("নগুয়েন হু থাপ", "bn")) < SAME_PERSON
    assert latin_names("সমিতির চেয়ারম্যান, নগুয়েন হু থাপ, সক্রিয়ভাবে কাজ করেন।", "bn") == ("Noguyen Hu Thap",)


def test_a_passages_names_in_latin_letters():
    assert latin_names(DIRECTOR, "bn") == ("Chu Shichiya",)
    assert latin_names("মোট ৫৬ হাজার মানুষ এবারের মেলা পরিদর্শন করে।", "bn") == ()


def test_the_names_a_question_spells_are_read_as_it_spells_them():
    named = [romanized("লে হোয়াং ওয়ান", "bn"), romanized("নগুয়েন থুই আনহ", "bn")]
    read = [letter_romanized("লে হোয়াং ওয়ান", "bn"), letter_romanized("নগুয়েন থুই আনহ", "bn")]
    assert named == ["Le Hoang Wan", "Nguyen Thui Anh"]
    assert as_asked(named, asked_people("Lê Hoàng Oanh nói gì về livestream?"), read) == ["Lê Hoàng Oanh", named[1]]
    assert as_asked(named, asked_people("What did Nguyen Thuy Anh say?"), read) == ["Le Hoang Wan", "Nguyen Thuy Anh"]
    assert as_asked(named, asked_people("What did Zhang Wei say?"), read) == named  # another person: as read
    # another of her family, read on the letters: "Nguyen Thui Anh" would read 0.52 like him
    assert as_asked(named[1:], asked_people("What did Nguyen Huu Thap say?"), read[1:]) == named[1:]
    assert asked_people("Who is Qiu Zhongbing?") == ("Qiu Zhongbing",) and asked_people("Who is Alibaba?") == ()
    # the asker's courtesy is no part of the name retrieval compares with a passage's
    assert asked_people("Ông Lê Cao Thắng nói gì?") == ("Lê Cao Thắng",)
    assert asked_people("Bà Dính bán gì?") == ("Dính",)


def test_the_names_line_spells_a_name_as_the_question_does():
    hit = make_hit("ই-কমার্স বিভাগের পরিচালক লে হোয়াং ওয়ান বলেন, লাইভস্ট্রিম কার্যকর।", "bn", best=0)
    asked = render_plain(render_answer(make_result(hit, question="What did Lê Hoàng Oanh say?"), "en").messages[0])
    assert "লে হোয়াং ওয়ান = Lê Hoàng Oanh" in asked
    unasked = render_plain(render_answer(make_result(hit, question="What was said about livestreams?"), "en").messages[0])
    assert "লে হোয়াং ওয়ান = Le Hoang Wan" in unasked
    hit = make_hit("সমিতির চেয়ারম্যান, নগুয়েন হু থাপ, সক্রিয়ভাবে কাজ করেন।", "bn", best=0)
    other = render_plain(render_answer(make_result(hit, question="What did Nguyen Thuy Anh say?"), "en").messages[0])
    assert "নগুয়েন হু থাপ = Nguyen Hu Thap" in other  # another of the family: as read


@pytest.mark.parametrize(("typed", "name"), [
    ("Ông Trần Văn Nam", "Trần Văn Nam"), ("Bà Phạm Thị Hoa", "Phạm Thị Hoa"), ("Chị Dính", "Dính"),
    ("Mrs. Tran Thi Mai", "Tran Thi Mai"), ("Dr Nguyen Van Binh", "Nguyen Van Binh"), ("Mr Dr Wang Li", "Wang Li"),
    ("Chi Pham Thi Lan", "Pham Thi Lan"),  # typed without its marks, before a name of two words
    ("Chu Xiaoming", "Chu Xiaoming"), ("Ong Wei", "Ong Wei"),  # the same letters as a family name
    ("Nguyen Thuy Anh", "Nguyen Thuy Anh"), ("Ông", "Ông"),  # only before a name
])
def test_an_askers_title_is_not_the_name(typed, name):
    assert without_title(typed) == name


def test_a_titled_name_is_read_without_its_title():
    # a user test was shown "লে কাও থাং = Ông Lê Cao Thắng"; the title's trigrams also kept "Chị Nguyễn
    # Thùy Anh" under the likeness of her own name, so it was read "Noguyen Thui Anoh"
    named = ["Tran Duyong Hung", "Noguyen Thui Anoh", "Din"]  # as read letter by letter, and here shown
    assert as_asked(named, asked_people("Ông Trần Dương Hùng nói gì?")) == ["Trần Dương Hùng", *named[1:]]
    assert name_likeness("Chị Nguyễn Thùy Anh", named[1]) < SAME_PERSON <= name_likeness("Nguyễn Thùy Anh", named[1])
    assert as_asked(named, asked_people("Chị Nguyễn Thùy Anh nói gì?")) == [named[0], "Nguyễn Thùy Anh", "Din"]
    assert as_asked(named, asked_people("What did Mrs Nguyen Thuy Anh say?")) == [named[0], "Nguyen Thuy Anh", "Din"]


def test_a_name_shortened_by_its_title_replaces_no_longer_name():
    # "Bà Dính" is the passage's "মিসেস দিন" (Mrs Dinh): 0.57 alike without the title, 0.40 with it.
    # "Ông Thắng" reads like "Le Kao Thang" too, but "Thắng" alone would drop the family name
    assert as_asked(["Din"], asked_people("Bà Dính bán gì trên TikTok?")) == ["Dính"]
    assert as_asked(["Le Kao Thang"], asked_people("Ông Thắng nói gì?")) == ["Le Kao Thang"]
    # the whole name read against a part of it stays under the likeness of one person's: not loosened
    assert as_asked(["Din"], asked_people("Chị Vàng Thị Dính bán gì?")) == ["Din"]


def test_the_names_line_drops_the_askers_title():
    hit = make_hit("খামারের মালিক লে কাও থাং বলেন, পণ্যগুলি মান পূরণ করে। মিসেস দিন এবং তার স্বামী পণ্য প্যাক করেন।",
                   "bn", best=0)
    page = render_plain(render_answer(make_result(hit, question="Ông Lê Cao Thắng nói gì?"), "vi").messages[0])
    assert "লে কাও থাং = Lê Cao Thắng" in page and "Ông Lê" not in page
    page = render_plain(render_answer(make_result(hit, question="Chị Dính đóng gói gì?"), "vi").messages[0])
    assert "দিন = Dính" in page


# Vàng Thị Dính, as the seed writes her whole and then by her given name after a title
DINH = ("নঘিয়া থুয়ান কমিউনের মা হং গ্রামের একজন হ'মং মহিলা ভ্যাং থি দিন, স্মার্টফোনের মাধ্যমে গ্রাহকদের কাছে "
        "প্রতিটি পণ্যের ব্যবহার পরিচয় করিয়ে দেওয়ার সময় দ্রুত পণ্য প্যাক করেন। মিসেস দিন এবং তার স্বামী তাদের "
        "নিজের জন্য আরও স্থিতিশীল জীবনের আশায় বাক নিনে কাজ করার জন্য তাদের শহর ছেড়ে যান।")
MRS_DINH = "মিসেস দিন এবং তার স্বামী বাক নিনে কাজ করার জন্য তাদের শহর ছেড়ে যান।"


@pytest.mark.parametrize(("text", "whole_in", "names"), [
    (DINH, DINH, ["ভ্যাং থি দিন"]),  # "মহিলা" (woman) before her name is none of it
    (MRS_DINH, DINH, ["ভ্যাং থি দিন"]),  # the bold sentence, in its quote
    ("সরকারের সহায়তায় … ভ্যাং থি দিন-এর পণ্যগুলি ভেষজ। " + MRS_DINH, None, ["দিন"]),  # as marked: retrieval's
    ("সরকারের সহায়তায় … ভ্যাং থি দিন-এর পণ্যগুলি ভেষজ। " + MRS_DINH, "", ["দিন"]),
    ("সরকারের সহায়তায় … ভ্যাং থি দিন-এর পণ্যগুলি ভেষজ। " + MRS_DINH, "…ভ্যাং থি দিন-এর পণ্য", ["ভ্যাং থি দিন"]),
    (MRS_DINH, MRS_DINH, ["দিন"]),  # the quote does not write her whole: the name it gives
    # দিন is also "day": "that day" and "the last three days" are no name of hers
    ("সেই দিন, " + MRS_DINH, "সেই দিন, " + MRS_DINH, ["দিন"]),
    ("ঠিক এই দিন, " + MRS_DINH, "ঠিক এই দিন, " + MRS_DINH, ["দিন"]),
    (DIRECTOR, DIRECTOR, ["ছু শিচিয়া"]),  # a name of two words is read as marked
])
def test_a_name_read_as_one_word_is_read_whole_where_the_quote_writes_it_so(text, whole_in, names):
    assert person_names(text, "bn", whole_in=whole_in) == names


def test_a_name_typed_after_a_department_is_read_without_it():
    # a user test was shown "ট্রান ডুয়ং হুং = Sở Công Thương Trần Dương Hùng": the department's words
    # are no part of his name; the passage's name reads most like the part after them
    read = [letter_romanized("ট্রান ডুয়ং হুং", "bn")]
    for question, typed in [("Giám đốc Sở Công Thương Trần Dương Hùng phát biểu những gì?", "Trần Dương Hùng"),
                            ("Bộ Công Thương Trần Dương Hùng có ý kiến gì?", "Trần Dương Hùng"),
                            ("What did Deputy Director Tran Duong Hung tell the trainees?", "Tran Duong Hung")]:
        assert as_asked(["Tran Duong Hung"], asked_spellings(question), read) == [typed]
    # never one word alone, as a given name is many people's, nor another person's name
    assert as_asked(["Din"], asked_spellings("Bà Vàng Thị Dính làm gì?")) == ["Din"]
    assert as_asked(["Tran Duong Hung"], asked_spellings("Sở Công Thương Nguyễn Văn Bình nói gì?"), read) \
        == ["Tran Duong Hung"]


@pytest.mark.parametrize(("question", "named", "lang", "spelled"), [
    # a Bengali reader's spelling of a name in a Thai quote, with its case ending off
    ("ওয়াং শুবিনের কলেজ কোথায়?", "หวาง ซู่ปิน", "th", "ওয়াং শুবিন"),
    ("চীনের সহযোগিতা নিয়ে লি মিংতাও কী ভাবেন?", "หลี่ หมิงเทา", "th", "লি মিংতাও"),
    ("লি মিংথাও-এর পদ কী?", "หลี่ หมิงเทา", "th", "লি মিংথাও"),
    # a Thai reader's of a name in a Bengali quote, without the title and the words around it
    ("คุณเล ฮวง อวาน พูดถึงการเปลี่ยนผ่านว่าอย่างไร", "লে হোয়াং ওয়ান", "bn", "เล ฮวง อวาน"),
    ("ร้านของนางวาง ถิ ดิน อยู่ที่ไหน", "ভ্যাং থি দিন", "bn", "วาง ถิ ดิน"),
    # a question naming no one, or someone else, leaves the passage's name as read
    ("ওয়াং শুবিনের কলেজ কোথায়?", "หลี่ หมิงเทา", "th", ""),
    ("কলেজটি কতজন শিক্ষার্থীকে প্রশিক্ষণ দিয়েছে?", "หวาง ซู่ปิน", "th", ""),
    ("ก่อนกลับบ้าน นางดิญเคยทำงานที่ไหน", "দিন", "bn", ""),  # "Din" is too short a sound to tell
    # nor does a question in the quote's own script spell it otherwise
    ("ছু শিচিয়া কোন পদে আছেন?", "ছু শিচিয়া", "bn", ""),
])
def test_a_name_typed_in_bengali_or_thai_letters_is_read_by_its_sound(question, named, lang, spelled):
    shown = romanized(named, lang)
    assert as_asked([shown], asked_spellings(question), [letter_romanized(named, lang)], lang) == [spelled or shown]


def reply_names(text: str, quote_lang: str, lang: str, question: str, best: int = 0) -> str:
    page = render_plain(render_answer(make_result(make_hit(text, quote_lang, best=best), question=question),
                                      lang).messages[0])
    prefix = t("reading_names", lang, names="")
    return next((line for line in page.splitlines() if line.startswith(prefix)), "")


def test_the_names_line_reads_the_names_as_asked_and_whole():
    hung = ("শিল্প ও বাণিজ্য বিভাগের উপ-পরিচালক ট্রান ডুয়ং হুং বলেন: এই প্রশিক্ষণ সম্মেলনগুলির লক্ষ্য কেবল "
            "লাইভস্ট্রিমিংয়ের জ্ঞান এবং দক্ষতা সজ্জিত করা নয়।")
    assert reply_names(hung, "bn", "vi", "Giám đốc Sở Công Thương Trần Dương Hùng phát biểu những gì?") \
        == "Tên: ট্রান ডুয়ং হুং = Trần Dương Hùng"
    assert reply_names(THAI_HEAD, "th", "bn", "ওয়াং শুবিনের কলেজ কোথায়?") == "নাম: หวาง ซู่ปิน = ওয়াং শুবিন"
    unnamed = "কলেজটি কতজন শিক্ষার্থীকে প্রশিক্ষণ দিয়েছে?"
    assert reply_names(THAI_HEAD, "th", "bn", unnamed) == "নাম: หวาง ซู่ปิน = Wang Supin"
    # the bold sentence names her "মিসেস দিন" (Mrs Dinh); the quote writes her whole
    assert reply_names(DINH, "bn", "en", "Where did the Hmong woman work before?", best=1) \
        == "Names: ভ্যাং থি দিন = Vang Thi Din"
    assert reply_names(DINH, "bn", "th", "ร้านของนางวาง ถิ ดิน อยู่ที่ไหน", best=1) == "ชื่อ: ভ্যাং থি দিন = วาง ถิ ดิน"
    assert reply_names(MRS_DINH, "bn", "en", "Where did she work before?") == "Names: দিন = Din"
