"""Quotes that can be read alone: a sentence that leads into the next brings it along, and a Thai
clause is quoted with its neighbours until it is a statement, not a fragment."""

from bot.excerpt import MIN_THAI_QUOTE, WHOLE_SLACK, _leads_on, excerpt, excerpt_plain
from tests.test_render import make_hit


def focus_limit(hit) -> int:
    """A limit the passage is too long for, so that sentences are chosen, not the whole quoted."""
    return int(len(hit.chunk.text) / WHOLE_SLACK) - 1


def test_a_sentence_ending_in_a_colon_brings_the_list_it_announces():
    text = "The fair was large. Five initiatives were announced:\nCheaper shipping and faster customs. Sales grew."
    hit = make_hit(text, "en", best=1)
    assert len(hit.chunk.sentences) == 4  # a line break ends a sentence
    assert excerpt_plain(excerpt(hit, focus_limit(hit))) == "Five initiatives were announced:\nCheaper shipping and faster customs."


def test_an_ellipsis_the_article_goes_on_from_is_no_end():
    text = "Payments moved online. Apps like VNPay, MoMo... make shopping safer. Shops adapted."
    hit = make_hit(text, "en", best=1)
    assert excerpt_plain(excerpt(hit, focus_limit(hit))) == "Apps like VNPay, MoMo... make shopping safer."
    # a capital after it: a new sentence (read directly: the best sentence's neighbour is quoted
    # anyway where it fits, so the excerpt alone cannot show this)
    assert not _leads_on("Prices rose...", " ", "Then they fell.")
    assert _leads_on("Prices rose...", " ", "then they fell.")


def test_a_consequence_brings_the_sentence_it_follows_from():
    # a user test's "what problem led the associations to announce initiatives?" was quoted from
    # "সুতরাং" (therefore) on, without the problem
    text = ("মেলা বড় ছিল। কিন্তু খাতটি তুমুল প্রতিদ্বন্দ্বিতা ও পণ্যের একজাতীয়তার সম্মুখীন হচ্ছে। "
            "সুতরাং সমিতিগুলো ৫টি উদ্যোগ প্রকাশ করে। বিক্রি বাড়ে।")
    hit = make_hit(text, "bn", best=2)
    assert excerpt_plain(excerpt(hit, focus_limit(hit))).startswith("কিন্তু খাতটি তুমুল প্রতিদ্বন্দ্বিতা")
    english = make_hit("The fair was big. Competition grew fierce. Therefore five initiatives were announced. Sales rose.",
                       "en", best=2)
    assert excerpt_plain(excerpt(english, focus_limit(english))).startswith("Competition grew fierce.")
    plain = make_hit("The fair was big. Competition grew fierce. Five initiatives were announced. Sales rose.", "en", best=2)
    assert excerpt_plain(excerpt(plain, focus_limit(plain))).startswith("Five initiatives"), "no consequence, no reason"


def test_a_subheading_brings_the_paragraph_it_heads():
    # the chunker joins a subheading to its paragraph; quoted alone it only names a topic
    text = "Bringing local goods closer to buyers\n\nShops now sell through livestreams. Sales doubled in a year. Prices held."
    hit = make_hit(text, "en", best=0)
    assert excerpt_plain(excerpt(hit, focus_limit(hit))) == "Bringing local goods closer to buyers\n\nShops now sell through livestreams."
    assert not _leads_on("Sales doubled in a year.", "\n\n", "Shops now sell through livestreams.")  # a full stop


def test_a_weak_line_over_a_blank_one_does_not_open_a_whole_quote():
    # a photo caption the cleaner kept ("a livestream was held at the conference") had opened a
    # quote of its whole passage, a blank line under it, above the sentence with the 50 booths
    text = "A livestream was held at the conference.\n\nThe exhibition had 50 booths. It showed mountain goods."
    hit = make_hit(text, "en", best=1)
    assert excerpt_plain(excerpt(hit, 400)) == "The exhibition had 50 booths. It showed mountain goods."
    # one that answers, or scores near the best, stays
    near = make_hit(text, "en", scores=(0.69, 0.71, 0.35))
    assert excerpt_plain(excerpt(near, 400)) == text


def test_what_follows_is_left_out_when_it_does_not_fit():
    text = "Intro here. The list follows:\n" + "item, " * 60 + "end. Outro."
    hit = make_hit(text, "en", best=1)
    assert excerpt_plain(excerpt(hit, 60)) == "The list follows:"


def test_a_short_thai_clause_is_quoted_with_its_neighbours():
    clauses = ["นับตั้งแต่เปิดตัวเมื่อปี 2563 โปรแกรมการบรรยายทางออนไลน์ได้จัดไปแล้ว 108 ครั้ง",
               "ผ่านการบรรยายออนไลน์ด้านอีคอมเมิร์ซเส้นทางสายไหม",
               "ซึ่งช่วยส่งเสริมความร่วมมือด้านอีคอมเมิร์ซระดับโลกอย่างมีนัยสำคัญมาก",
               "และยังมีการฝึกอบรมเพิ่มเติมอีกหลายครั้งในปีต่อมาสำหรับผู้ประกอบการรายย่อย"]
    hit = make_hit(" ".join(clauses), "th", best=1)
    assert len(hit.chunk.sentences) == 4, "each clause a 'sentence', as the chunker splits Thai"
    quote = excerpt_plain(excerpt(hit, focus_limit(hit)))
    assert clauses[1] in quote and len(quote) >= MIN_THAI_QUOTE
    assert quote.startswith(clauses[1]), "the clause after it finishes the thought first"


def test_a_thai_clause_that_says_that_brings_what_was_said():
    clauses = ["นายหลี่ หมิงเทา ผู้อำนวยการศูนย์การค้าต่างประเทศแห่งชาติจีน กล่าวว่า",
               "การค้าอีคอมเมิร์ซข้ามพรมแดนของจีนเติบโตอย่างต่อเนื่องในช่วงหลายปีที่ผ่านมาและจะยังคงเติบโตต่อไป",
               "งานนี้จัดขึ้นที่เมืองกว่างโจวเป็นประจำทุกปีโดยมีผู้เข้าร่วมจำนวนมากจากหลายประเทศทั่วโลก"]
    hit = make_hit(" ".join(clauses), "th", best=0)
    quote = excerpt_plain(excerpt(hit, focus_limit(hit)))
    assert quote.startswith(clauses[0]) and clauses[1] in quote


def test_the_sentence_after_the_best_is_quoted_where_it_fits():
    # a user test: "where did she work before?" was quoted her introduction, not the next sentence
    # naming the place
    text = ("The village grows tea on every slope. Vang Thi Dinh, a Hmong woman, packs orders in her house. "
            "She and her husband had left to work in Bac Ninh. Every day the family ships forty orders. "
            "Neighbours sell herbs to her.")
    hit = make_hit(text, "en", best=1)
    quote = excerpt_plain(excerpt(hit, focus_limit(hit)))
    assert "packs orders" in quote and "Bac Ninh" in quote
    assert "forty orders" not in quote, "only the next sentence, and no further"
    tight = excerpt_plain(excerpt(hit, len("Vang Thi Dinh, a Hmong woman, packs orders in her house.") + 5))
    assert tight == "Vang Thi Dinh, a Hmong woman, packs orders in her house.", "left out where it does not fit"
