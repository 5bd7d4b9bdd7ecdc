"""Quotes that can be read alone: a sentence that leads into the next brings it along, and a Thai
clause is quoted with its neighbours until it is a statement, not a fragment."""

from bot.excerpt import MIN_THAI_QUOTE, WHOLE_SLACK, excerpt, excerpt_plain
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
    ended = make_hit("Payments moved online. Prices rose... Then they fell. Shops adapted.", "en", best=1)
    assert excerpt_plain(excerpt(ended, focus_limit(ended))) == "Prices rose..."  # a capital after it: a new sentence


def test_a_subheading_brings_the_paragraph_it_heads():
    # the chunker joins a subheading to its paragraph; quoted alone it only names a topic
    text = "Bringing local goods closer to buyers\n\nShops now sell through livestreams. Sales doubled in a year. Prices held."
    hit = make_hit(text, "en", best=0)
    assert excerpt_plain(excerpt(hit, focus_limit(hit))) == "Bringing local goods closer to buyers\n\nShops now sell through livestreams."
    stated = make_hit("Sales doubled in a year.\n\nShops now sell through livestreams. Prices held. Costs fell.", "en", best=0)
    assert excerpt_plain(excerpt(stated, focus_limit(stated))) == "Sales doubled in a year."  # a full stop: a sentence


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
