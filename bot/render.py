"""Search results and bot texts as Telegram HTML strings: pure functions, no sending.

Answers quote, never paraphrase: an excerpt is exact article text (the sentences that matched,
the best one in bold), so a reader can check it against the source. All article and user text is
escaped; only the tags b, i, a, blockquote and code are emitted. Telegram caps a message at 4096
UTF-16 units after entity parsing; we measure the raw HTML instead, which is never shorter, and
keep a margin, so no message is ever refused for its length.
"""

from __future__ import annotations

import hashlib
import html
import re
import time
import unicodedata
import urllib.parse
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from index import (LANGUAGES, ArticleInfo, BuildReport, Hit, SearchResult, asked_figure, asked_measures, asked_spellings,
                   asks_for_list, asks_question, is_confident, place_name, script_counts)

from .excerpt import CUT, Piece, cut_text, excerpt, excerpt_html, excerpt_plain
from .excerpt import esc as _esc
from .i18n import (
    NATIVE_NAMES,
    command_descriptions,
    group_digits,
    language_name,
    local_digits,
    reply_lang,
    t,
)
from .paragraphs import overlapping_groups, quote_together
from .place_readings import PlacesAsked, place_readings, places_asked
from .readings import Readings, figure_readings, name_readings, number_readings

if TYPE_CHECKING:
    from .answer import Answer, Asked
    from .reindex import ReindexOutcome
    from .service import ServiceStats

MAX_MESSAGE = 4096
SAFE_MESSAGE = 4000  # raw HTML, UTF-16 units: parsing only shortens it, so this is ≤ MAX_MESSAGE
EXCERPT_CHARS = 450
# A question for a list's items ("what are the five initiatives?") is answered by a passage that
# announces the list and gives an item a sentence: at 450 characters a user test was quoted the
# announcement and the first of five, so the first quote may be this long
LIST_EXCERPT_CHARS = 900
_EXCERPT_STEPS = (EXCERPT_CHARS, 300, 200, 120, 60, 20)  # tried in turn until a hit's block fits
_TITLE_CHARS = 200  # /sources, where the title is the whole line
# A citation repeats its title for every passage quoted; an article whose "title" is a long lead
# sentence would bury the quotes under it, so citations show the start of a long title
_CITATION_TITLE_CHARS = 90
_QUESTION_CHARS = 300
_URL_CHARS = 1024
_CREDIT_CHARS = 80
_INLINE_TITLE_CHARS = 64
_UNKNOWN_CHOICE_CHARS = 20  # "/lang xx": the choice repeated back
# The first page quotes only the passages scoring within this of the best; the others wait behind
# "More sources". On our sets every right passage ranked 2nd or 3rd was within 0.102 of the first,
# and the spread keeps 1.8 passages of 3 on average: a user test read the rest as unrelated filler.
FIRST_PAGE_SPREAD = 0.12
# A passage of another article than the first's is held to a narrower spread: a blind user test read
# two Lai Chau passages under a Thai answer about China's campaign as unrelated, and on our sets such
# passages were nearly all filler (3 of 112 within 0.12 held the answer, at most 0.058 behind).
# 0.06 keeps those 3 and drops 65 of the 109 others from the first page (still behind "More sources")
OTHER_ARTICLE_SPREAD = 0.06
_INLINE_DESCRIPTION_CHARS = 150
_SKIPPED_NAME_CHARS = 120  # a seed file's path under seeds/, in the /reindex summary
_SKIPPED_REASON_CHARS = 200
_REASON_CHARS = 300  # why something failed: an exception's text can run past Telegram's 4,096
_CHANGED_NAMES_SHOWN = 3  # of each kind (added, removed, changed): `python -m index build` lists them all
_TAG = re.compile(r"<[^>]*>")
# how a prompt's example is asked: after /ask, after the bot's name, or as it is
_PROMPT_EXAMPLE = {"ask_usage": "/ask {example}", "mention_usage": "@{bot} {example}"}
_SAFE_URL = re.compile(r"https?://[^\s<>\"'\x00-\x1f\x7f]+", re.IGNORECASE)


@dataclass(frozen=True)
class RenderedAnswer:
    """One page of an answer, as messages to send in order."""

    messages: list[str]
    has_more: bool
    page: int
    more_key: str = "button_more"  # i18n key of the button that shows the next page


@dataclass(frozen=True)
class InlineItem:
    """One inline-mode result: a single cited passage."""

    id: str
    title: str
    description: str
    message_html: str


# --- answers -------------------------------------------------------------------------------


def render_answer(result: SearchResult, lang: str, page: int = 0, per_page: int = 3,
                  other_language: bool = False, follow_up_of: str | None = None,
                  shortened: bool = False, questions: Sequence[Asked] = ()) -> RenderedAnswer:
    """Page ``page`` of the cited passages, split into messages that each fit Telegram's limit.

    A question whose figure the articles lack gets only that on page 0, and the passages on its
    topic from page 1 on, when asked for, headed so that no one takes them for the answer.
    ``other_language``: the question was in a language we do not reply in, which page 0 says
    (the reply is in ``lang`` all the same). ``follow_up_of``: the earlier question; page 0 says
    when the search read the question as its follow-up, so a reader knows why these passages.
    ``shortened``: the message was too long to search whole, and page 0 says which question of it
    was searched; ``questions``: it asked several, and page 0 says which it answers (``_several``)."""
    lang = reply_lang(lang)
    notes = []
    if other_language and page == 0:
        notes.append(f"<i>ℹ️ {_esc(t('other_language', lang))}</i>")
    if result.follow_up and follow_up_of and page == 0:
        earlier = _clip(_one_line(follow_up_of), _QUESTION_CHARS // 2)
        notes.append(f"<i>↪️ {_esc(t('follow_up_note', lang, question=earlier))}</i>")
    if result.unknown_names and page == 0:
        # why the passages below (or none) do not answer: they are about something else
        names = ", ".join(f"“{name}”" for name in result.unknown_names)
        notes.append(f"<i>ℹ️ {_esc(t('unknown_names_note', lang, names=names))}</i>")
    if shortened and page == 0:
        searched = _clip(_one_line(result.question), _QUESTION_CHARS)
        notes.append(f"<i>✂️ {_esc(t('shortened_note', lang, question=searched))}</i>")
    if questions and page == 0:
        notes.extend(_several(result, questions, per_page, lang))
    note = "\n".join(notes)
    if result.found:
        # a weak first page says so in its header: "Here is what the articles say" above a caveat
        # that they may not say it read as a contradiction in a user test
        if page:
            head = f"<b>{_esc(t('more_header', lang))}</b>"
        elif is_confident(result):
            head = f"<b>{_esc(t('answer_header', lang))}</b>"
        else:
            head = f"<b>⚠️ {_esc(t('answer_header_unsure', lang))}</b>"
        first_limit = LIST_EXCERPT_CHARS if page == 0 and asks_for_list(result.question) else EXCERPT_CHARS
        return _hit_page(result.hits, page, page, per_page, "\n".join(filter(None, [note, head])), lang,
                         lead=_close_to_best(result.hits, per_page, questions, result.compared), first_limit=first_limit,
                         all_figures=_asks_figure(result), measures=_measures(result.question),
                         people=asked_spellings(result.question), places=places_asked(result.question))
    if result.related and page > 0:
        header = t(_RELATED_HEADERS.get(result.not_found_reason or "", "related_header"), lang)
        return _hit_page(result.related, page - 1, page, per_page, f"<i>⚠️ {_esc(header)}</i>", lang)
    more = bool(result.related)
    # the best passage lacks the figure, but a weaker one states one of its kind: say where to look.
    # Not for a place no article names: "No article mentions “Japan”" says why, and a figure of
    # that kind is another place's
    found_text = render_message("figure_elsewhere", lang) \
        if result.related_give_figure and more and not result.unknown_names \
        else _nothing_found(result, lang)
    message = "\n".join(filter(None, [note, found_text]))
    return RenderedAnswer([message], more, page, "button_related" if more else "button_more")


def _several(result: SearchResult, questions: Sequence[Asked], per_page: int, lang: str) -> list[str]:
    """Of a message asking several questions, when the first page leaves some unanswered (the best
    passage each finds alone is not quoted on it): those it answers, and the others, to send again
    one at a time. A user test's third question went without a word."""
    quoted = {hit.chunk.id for hit in result.hits[:_close_to_best(result.hits, per_page, questions, result.compared)]}
    answered = [asked.question for asked in questions if asked.passage in quoted]
    left = [asked.question for asked in questions if asked.passage not in quoted]

    def listed(some: list[str]) -> str:
        return ", ".join(f"“{_clip(_one_line(question), _QUESTION_CHARS // 2)}”" for question in some)

    if not left:
        return []
    if not answered:
        return [f"<i>✂️ {_esc(t('several_none', lang, questions=listed(left)))}</i>"]
    key = "several_left_one" if len(left) == 1 else "several_left"
    return [f"<i>✂️ {_esc(t('several_note', lang, questions=listed(answered)))}</i>",
            f"<i>❓ {_esc(t(key, lang, questions=listed(left)))}</i>"]


def render_answer_page(answer: Answer, page: int, per_page: int) -> RenderedAnswer:
    """Page ``page`` of an answer with all it says of its question: the one page maker behind the
    first reply, Telegram's "More sources" and "Back" buttons and the terminal's /more."""
    return render_answer(answer.result, answer.lang, page=page, per_page=per_page,
                         other_language=answer.other_language, follow_up_of=answer.follow_up_of,
                         shortened=answer.shortened, questions=answer.questions)


def _hit_page(hits: Sequence[Hit], index: int, page: int, per_page: int, head: str, lang: str,
              lead: int | None = None, first_limit: int = EXCERPT_CHARS, all_figures: bool = True,
              measures: Collection[str] = (), people: tuple[str, ...] = (),
              places: PlacesAsked = "") -> RenderedAnswer:
    """The ``index``-th ``per_page`` of ``hits`` under ``head`` (shown as page ``page``), the first
    page holding ``lead`` of them if given, its first quote up to ``first_limit`` characters; past
    the last one, "nothing found". ``all_figures``, ``measures``, ``people``, ``places``: see
    ``_block_html``."""
    per_page = max(1, per_page)
    lead = per_page if lead is None else max(1, lead)
    first = 0 if index <= 0 else lead + (index - 1) * per_page
    shown = hits[first:first + (lead if index <= 0 else per_page)]
    if not shown:
        return RenderedAnswer([render_nothing_found(lang)], False, page)
    budget = SAFE_MESSAGE - _u16(head) - 2
    cited: dict[str, int] = {}  # article → rank of its first citation on this page
    quoted: dict[str, list[tuple[int, int]]] = {}  # article → the text quoted from it on this page
    blocks = []
    limits = [first_limit if n == 0 else EXCERPT_CHARS for n in range(len(shown))]
    # passages of a paragraph that overlap are quoted as one, under all their numbers (``paragraphs``)
    for group in overlapping_groups(shown):
        hit = shown[group[0]]
        doc = hit.chunk.doc
        # what is quoted above from the article is left out (a user test read one sentence in [1]
        # and [3]), and a passage with nothing left to quote with it
        block, pieces = _hit_block(hit, lang, budget, cited.get(doc, hit.rank), quoted.get(doc, ()),
                                   limit=limits[group[0]], all_figures=all_figures, measures=measures, people=people,
                                   places=places, merged=[(shown[n], limits[n]) for n in group[1:]])
        if block:
            cited.setdefault(doc, hit.rank)
            quoted.setdefault(doc, []).extend(piece.span for piece in pieces if piece.span)
            blocks.append(block)
    return RenderedAnswer(_pack(head, blocks, "\n\n"), len(hits) > first + len(shown), page)


def _measures(question: str) -> frozenset[str]:
    """What the Figures line reads first: what the question's figure measures (``index.asked_measures``),
    and a "date" for a question asking when: the tenth user test's "on what date did CCEF 2024 close?"
    was read "২০২৪ = 2024 · ১৮ আগস্ট = 18 August", its own year first."""
    return asked_measures(question) | ({"date"} if asked_figure(question) == "date" else frozenset())


def _asks_figure(result: SearchResult) -> bool:
    """Whether the Figures lines read a quote's every figure, not only its bold sentence's: for a
    question asking for one. A user test read "Figures: ২০ = 20" under "What was the fair's
    theme?" as noise, and "56,000 · 123%" under "Did Shopee have a booth?" as if it were evidence;
    the bold sentence's figures stay, as they are part of what answers. Keywords ask nothing in
    particular, so they get every figure too: under "ccef visitors" the line read only the bold
    sentence's year and date, not the 56,000 visitors a paragraph below, for a reader who cannot
    read the Bengali quote."""
    return asked_figure(result.question) is not None or not asks_question(result.question)


def _close_to_best(hits: Sequence[Hit], per_page: int, questions: Sequence[Asked] = (), compared: bool = False) -> int:
    """How many hits, in rank order, score within ``FIRST_PAGE_SPREAD`` of the first (within
    ``OTHER_ARTICLE_SPREAD``, one of another article) or answer one of ``questions`` surely (at
    least 1, at most a page): ``several`` puts those right after the first, their scores another
    question's. A comparison's second hit is its second subject's."""
    sure = {asked.passage for asked in questions if asked.sure}
    count = 2 if compared and min(per_page, len(hits)) >= 2 else 1

    def close(hit: Hit) -> bool:
        spread = FIRST_PAGE_SPREAD if hit.chunk.doc == hits[0].chunk.doc else OTHER_ARTICLE_SPREAD
        return hit.score >= hits[0].score - spread

    while count < min(per_page, len(hits)) and (close(hits[count]) or hits[count].chunk.id in sure):
        count += 1
    return count


_NOT_FOUND_KEYS = {"no_figure": "figure_not_found", "no_post": "post_not_found", "not_mentioned": "name_not_mentioned",
                   "other_subject": "subject_elsewhere", "not_stated": "not_stated", "no_place": "place_not_found",
                   "no_university": "university_not_found", "no_leader": "leader_not_found"}
_RELATED_HEADERS = {"no_post": "related_header_post", "not_mentioned": "related_header_unmentioned",
                    "other_subject": "related_header_unmentioned", "not_stated": "related_header_not_stated",
                    "no_place": "related_header_not_stated", "no_university": "related_header_not_stated",
                    "no_leader": "related_header_not_stated"}


def _nothing_found(result: SearchResult, lang: str) -> str:
    """``render_nothing_found`` for ``result``, naming the place a follow-up asked the earlier
    figure for ("what about Thailand?": "I couldn't find that figure or date for Thailand"), unless
    a note above already says that no article mentions it."""
    if result.figure_for is None or result.unknown_names:
        return render_nothing_found(lang, result.not_found_reason)
    name = place_name(result.figure_for, lang)
    if lang == "th" and not script_counts(name)["th"]:
        name = f" {name} "  # Thai runs its words together, but sets a name in Latin letters apart
    return render_message("figure_not_found_for", lang, place=name)


def render_nothing_found(lang: str, reason: str | None = None) -> str:
    """Why nothing is quoted: the articles give no figure for a "how many" question, or name no
    head for a "who is the director" one, or nothing in them is about the question."""
    return _esc(t(_NOT_FOUND_KEYS.get(reason or "", "nothing_found"), lang))


def render_message(key: str, lang: str, **kwargs: object) -> str:
    """Any i18n text, escaped for HTML parse mode (placeholder values may be user text)."""
    return _esc(t(key, lang, **kwargs))


def _caveat(lang: str) -> str:
    return f"<i>⚠️ {_esc(t('low_confidence', lang))}</i>"


def _hit_block(hit: Hit, lang: str, budget: int, first_cited: int | None = None,
               skip: Sequence[tuple[int, int]] = (), limit: int = EXCERPT_CHARS,
               all_figures: bool = True, merged: Sequence[tuple[Hit, int]] = (),
               measures: Collection[str] = (), people: tuple[str, ...] = (),
               places: PlacesAsked = "") -> tuple[str, list[Piece]]:
    """Citation line and quoted excerpt of at most ``limit`` characters, shortened until the block
    fits ``budget``, and the pieces quoted; ("", []) when ``skip`` (article text quoted above)
    leaves nothing to quote. ``first_cited``: the rank of the page's first passage from the same
    article. ``merged``: passages overlapping ``hit``'s in its paragraph, each with its limit,
    quoted with it (``quote_together``), its rank beside ``hit``'s."""
    also = [other.rank for other, _ in merged]
    for step in (limit, *(step for step in _EXCERPT_STEPS if step < limit)):
        pieces = quote_together([(hit, step), *((other, min(step, most)) for other, most in merged)], skip) \
            if merged else excerpt(hit, step, skip)
        if not pieces:
            return "", []
        block = _block_html(hit, pieces, lang, _CITATION_TITLE_CHARS, link=True, first_cited=first_cited,
                            all_figures=all_figures, also=also, measures=measures, people=people, places=places)
        if _u16(block) <= budget:
            return block, pieces
    # Only a title or link of pathological length gets here (with the last, shortest excerpt);
    # this floor is far below any budget.
    return _block_html(hit, pieces, lang, _INLINE_TITLE_CHARS, link=False, first_cited=first_cited,
                       all_figures=all_figures, also=also, measures=measures, people=people, places=places), pieces


def _block_html(hit: Hit, pieces: list[Piece], lang: str, title_chars: int, link: bool,
                first_cited: int | None = None, all_figures: bool = True, also: Sequence[int] = (),
                measures: Collection[str] = (), people: tuple[str, ...] = (), places: PlacesAsked = "") -> str:
    """Citation, quote and, for a quote in another language, its Figures, Names and Places lines:
    the Figures line of the whole quote with ``all_figures``, else of its bold sentence only, the
    bold sentence's figures of ``measures`` (what the question asks its figure to measure:
    ``index.asked_measures``) first; its names as the question spells them where it names one of
    ``people`` (``index.asked_spellings``); its places as ``places`` asks (``place_readings``), that
    line first for a question asking where. ``also``: the ranks of passages quoted with ``hit``'s."""
    citation = _citation(hit, lang, title_chars, link, first_cited, also)
    quoted = excerpt_plain(pieces)
    if not quoted.strip():
        return citation
    block = f"{citation}\n<blockquote>{excerpt_html(pieces)}</blockquote>"
    best, source = _bold_text(pieces), str(hit.chunk.lang)
    readings = figure_readings(quoted if all_figures else best, source, lang, first=best, measures=measures)
    names = name_readings(quoted, source, lang, first=best, asked=people)
    lines = [_readings_html(readings, lang) if readings.items else "",
             _items_html("reading_names", "names", names, lang)]
    named = _items_html("reading_places", "places", place_readings(quoted, source, lang, best, places), lang)
    lines = [named, *lines] if places == "where" else [*lines, named]  # a place asked for leads
    return "\n".join([block, *(f"<i>{line}</i>" for line in lines if line)])


def _items_html(key: str, field: str, items: Sequence[str], lang: str) -> str:
    """The line ``key`` reading ``items`` out in its ``field`` ("Names: ছু শিচিয়া = Chu Shichiya ·
    …", "Places: ประเทศไทย = Thailand · …"), or "" for none."""
    return _esc(t(key, lang, **{field: "\x00"})).replace("\x00", " · ".join(map(_esc, items))) if items else ""


def _readings_html(readings: Readings, lang: str) -> str:
    """The Figures line, the best sentence's figures in bold where others follow them: the bold
    sentence of the quote holds the answer, and its figures are the ones to read."""
    bold = readings.lead if readings.lead < len(readings.items) else 0
    items = [f"<b>{_esc(item)}</b>" if n < bold else _esc(item) for n, item in enumerate(readings.items)]
    return _esc(t("reading_numbers", lang, numbers="\x00")).replace("\x00", " · ".join(items))


def _citation(hit: Hit, lang: str, title_chars: int, link: bool, first_cited: int | None = None,
              also: Sequence[int] = ()) -> str:
    """"[rank] title · ¶n", and the source's language where it is not the reply's. A passage from
    an article already cited on the page says so ("same article as [1]") instead of repeating
    the title and language: three passages of one article would otherwise bury their quotes under
    three copies of a long headline. Passages quoted with it (``also``) add their ranks, "[1, 2]":
    a user test read "[1]" then "[3]" as a citation gone missing."""
    chunk = hit.chunk
    again = first_cited is not None and first_cited != hit.rank
    # in the reply's digits, as the citation it points to: "[২]-এর প্রতিবেদন থেকেই"
    name = (t("same_article", lang, rank=first_cited) if again
            else _clip(_one_line(chunk.title) or _one_line(chunk.id) or "?", title_chars))
    title = f"<i>{_esc(name)}</i>" if again else f"<b>{_esc(name)}</b>"
    url = _safe_url(chunk.url) if link else None
    if url:
        title = f'<a href="{html.escape(url, quote=True)}">{title}</a>'
    ranks = ", ".join(local_digits(rank, lang) for rank in sorted({hit.rank, *also}))
    line = f"<b>[{ranks}]</b> {title} · ¶{local_digits(chunk.paragraph, lang)}"
    if chunk.lang != lang and not again:
        language = _clip(language_name(str(chunk.lang), lang), 32)
        line += f" · <i>{_esc(t('source_note', lang, language=language))}</i>"
    return line


def _pack(head: str, blocks: Iterable[str], sep: str) -> list[str]:
    """Join blocks into as few messages as fit, splitting only between blocks."""
    messages, current = [], head
    for block in blocks:
        candidate = f"{current}{sep}{block}" if current else block
        if _u16(candidate) <= SAFE_MESSAGE:
            current = candidate
        else:
            messages.append(current)
            current = block
    messages.append(current)
    return messages


# --- inline mode ---------------------------------------------------------------------------


def render_inline_results(result: SearchResult, lang: str, limit: int = 5) -> list[InlineItem]:
    """One inline result per hit: the question, then that one cited passage."""
    lang = reply_lang(lang)
    hits = result.hits[:max(0, limit)] if result.found else ()
    return [_inline_item(result, hit, lang, n) for n, hit in enumerate(hits)]


def render_inline_no_results(question: str, lang: str, reason: str | None = None) -> InlineItem:
    """The single inline result shown when nothing in the articles answers ``question``."""
    lang = reply_lang(lang)
    text = _esc(t(_NOT_FOUND_KEYS.get(reason or "", "inline_no_results_text"), lang))
    message = f"{_question_line(question)}\n\n{text}" if _one_line(question) else text
    return InlineItem("nothing-found", t("inline_no_results_title", lang), "", message)


def _inline_item(result: SearchResult, hit: Hit, lang: str, n: int) -> InlineItem:
    head = _question_line(result.question) if _one_line(result.question) else ""
    if not is_confident(result):
        head = f"{head}\n{_caveat(lang)}" if head else _caveat(lang)
    measures = _measures(result.question)
    people = asked_spellings(result.question)
    block, pieces = _hit_block(hit, lang, SAFE_MESSAGE - _u16(head) - 2, all_figures=_asks_figure(result),
                               measures=measures, people=people, places=places_asked(result.question))
    chunk = hit.chunk
    # A user test saw four rows titled with the same headline and opening with the same words:
    # the row leads with its rank and paragraph, and describes itself by the figures read out in
    # the reader's digits and then the best sentence, which tell a reader of any script the rows apart.
    name = _one_line(chunk.title) or _one_line(chunk.id) or "?"
    title = _clip(f"[{local_digits(hit.rank, lang)}] ¶{local_digits(chunk.paragraph, lang)} · {name}",
                  _INLINE_TITLE_CHARS)
    quoted, best = excerpt_plain(pieces), _bold_text(pieces)
    # the best sentence's figures first: the whole quote's may open with a date ("18 = 18")
    readings = number_readings(quoted, str(chunk.lang), lang, first=best, measures=measures)
    names = name_readings(quoted, str(chunk.lang), lang, first=best, asked=people)
    named = t("reading_names", lang, names=" · ".join(names)) if names else ""
    lines = [_one_line(readings), _one_line(named), _one_line(best or quoted)]
    description = _clip("\n".join(filter(None, lines)), _INLINE_DESCRIPTION_CHARS)
    key = f"{n}\x00{chunk.id}\x00{hit.rank}".encode("utf-8", "surrogatepass")
    message = f"{head}\n\n{block}" if head else block
    return InlineItem(hashlib.sha256(key).hexdigest()[:40], title, description, message)


def _bold_text(pieces: list[Piece]) -> str:
    """The best sentence of an excerpt (the one in bold), or "" when none is marked."""
    return next((piece.text[piece.bold[0]:piece.bold[1]] for piece in pieces if piece.bold), "")


def _question_line(question: str) -> str:
    return f"❓ <i>{_esc(_clip(_one_line(question), _QUESTION_CHARS))}</i>"


# --- other replies -------------------------------------------------------------------------


def render_help(lang: str, bot_username: str, is_admin: bool = False, terminal: bool = False,
                examples: Sequence[str] = ()) -> str:
    """/help: what the bot does, ``examples`` (questions the serving index answers), how to ask (in
    chats, groups and inline; or, with ``terminal``, at the terminal, which has none of those),
    commands."""
    lang = reply_lang(lang)
    sections = _help_sections(lang, bot_username, is_admin, terminal, examples)
    return "\n\n".join([_esc(t("help_intro", lang)), *sections])


def render_start(lang: str, bot_username: str, is_admin: bool = False, terminal: bool = False,
                 examples: Sequence[str] = ()) -> str:
    """/start: a greeting, then the same guidance as /help."""
    lang = reply_lang(lang)
    greeting = f"<b>{_esc(t('start_greeting', lang))}</b>"
    return "\n\n".join([greeting, *_help_sections(lang, bot_username, is_admin, terminal, examples)])


def _help_sections(lang: str, bot_username: str, is_admin: bool, terminal: bool, examples: Sequence[str]) -> list[str]:
    bot = (bot_username or "").lstrip("@") or "bot"
    # without an example the index answers, what to ask about: the articles /sources lists
    shown = [f"<b>{_esc(t('help_examples', lang))}</b>", *(f"• <i>{_esc(q)}</i>" for q in examples)] \
        if examples else [_esc(t("help_no_examples", lang))]
    # the terminal has no replies to follow up, no groups and no inline mode, but it has /more
    keys = ("help_terminal",) if terminal else ("help_private", "help_groups", "help_inline")
    usage = [_esc(t(key, lang, bot=bot)) for key in keys]
    user_commands = command_descriptions(lang, admin=False)
    sections = ["\n".join(shown), "\n".join(usage), _command_list(t("help_commands", lang), user_commands)]
    if is_admin:
        admin_only = command_descriptions(lang, admin=True)[len(user_commands):]
        sections.append(_command_list(t("help_admin", lang), admin_only))
    return sections


def render_unknown_command(lang: str, bot_username: str, is_admin: bool = False, terminal: bool = False,
                           examples: Sequence[str] = ()) -> str:
    """An unknown /command: say so, then the help (people type the commands replies point to)."""
    return f"{_esc(t('unknown_command', lang))}\n\n{render_help(lang, bot_username, is_admin, terminal, examples)}"


def render_prompt(key: str, lang: str, examples: Sequence[str], bot_username: str = "") -> str:
    """A request to write a question (``ask_usage``, ``mention_usage``, ``no_words``…), with the
    first of ``examples`` written the way that asks it ("/ask …", "@bot …"), when there is one."""
    bot = (bot_username or "").lstrip("@") or "bot"
    text = t(key, lang, bot=bot)
    if examples:
        asked = _PROMPT_EXAMPLE.get(key, "{example}").format(bot=bot, example=examples[0])
        text += " " + t("for_example", lang, example=asked)
    return _esc(text)


def render_lang_status(lang: str, pinned: str | None, unknown: str = "") -> str:
    """Bare /lang (or /lang with ``unknown``, a choice that is no language of ours, said first):
    the current reply language, how to change it, and the choices."""
    lang = reply_lang(lang)
    current = t("lang_current", lang, language=language_name(pinned, lang)) if pinned \
        else t("lang_current_auto", lang)
    choices = ", ".join(f"{code} ({NATIVE_NAMES[code]})" for code in LANGUAGES)
    refused = [t("lang_unknown", lang, choice=unknown[:_UNKNOWN_CHOICE_CHARS])] if unknown else []
    lines = (*refused, current, t("lang_usage", lang), t("lang_list", lang, languages=choices))
    return "\n".join(_esc(line) for line in lines)


def _command_list(title: str, commands: list[tuple[str, str]]) -> str:
    lines = [f"<b>{_esc(title)}</b>"] + [f"/{name} – {_esc(text)}" for name, text in commands]
    return "\n".join(lines)


def render_sources(articles: Sequence[ArticleInfo], lang: str) -> list[str]:
    """/sources: a numbered list of the indexed articles, in as many messages as it takes."""
    lang = reply_lang(lang)
    if not articles:
        return [_esc(t("sources_empty", lang))]
    head = f"<b>{_esc(t('sources_header', lang, count=len(articles)))}</b>"
    lines = (_source_line(n, article, lang) for n, article in enumerate(articles, start=1))
    return _pack(head, lines, "\n")


def _source_line(n: int, article: ArticleInfo, lang: str) -> str:
    title = _one_line(article.title) or _one_line(article.doc) or "?"
    title_html = _esc(_clip(title, _TITLE_CHARS))
    url = _safe_url(article.url)
    if url:
        title_html = f'<a href="{html.escape(url, quote=True)}">{title_html}</a>'
    language = _clip(language_name(article.lang or "?", lang), 32)
    line = f"{local_digits(n, lang)}. {title_html} · {_esc(language)}"
    # where it was published and who wrote it: a link alone shows neither in the terminal, and
    # "who wrote this?" is a question the passages cannot answer
    origin = [_host(url)] if url else []
    origin += [_clip(_one_line(credit), _CREDIT_CHARS) for credit in article.credits[:3]]
    origin = [part for part in origin if part]
    return f"{line}\n    <i>{_esc(' · '.join(origin))}</i>" if origin else line


def _host(url: str) -> str:
    host = urllib.parse.urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def render_stats(stats: ServiceStats, lang: str, show_reason: bool = False) -> str:
    """/stats: index size, model, build time, questions answered and median latency; when no index
    serves, first that, and with ``show_reason`` why. Server paths (that reason, the model's folder)
    only with ``show_reason``: without it the model is named by its folder's last part."""
    lang = reply_lang(lang)
    unknown = t("stats_unknown", lang)
    # the model is usually a local folder, e.g. /root/.cache/news-qa-bot/embeddinggemma-300m
    model = stats.model if show_reason or not stats.model else PurePath(stats.model).name
    rows = [
        ("stats_articles", _number(stats.articles, unknown, lang)),
        ("stats_chunks", _number(stats.chunks, unknown, lang)),
        ("stats_model", _clip(_one_line(model), 200) or unknown),
        ("stats_query_encoder", _clip(_one_line(stats.query_encoder), 60) or unknown),
        ("stats_built_at", _timestamp(stats.built_at, unknown)),
        ("stats_questions", _number(stats.questions, unknown, lang)),
        ("stats_p50", _milliseconds(stats.p50_ms, unknown)),
    ]
    lines = [f"<b>{_esc(t('stats_title', lang))}</b>"]
    if stats.unavailable:
        lines.append(_esc(t("stats_unavailable", lang)))
        if show_reason:
            lines.append(render_reason(stats.unavailable))
    # counts, times and dates in the reply's digits; the model names stay as written
    lines += [f"{_esc(t(key, lang))}: <code>{_esc(value if key in _NAMED_ROWS else local_digits(value, lang))}</code>"
              for key, value in rows]
    return "\n".join(lines)


_NAMED_ROWS = frozenset({"stats_model", "stats_query_encoder"})


def _number(value: object, unknown: str, lang: str) -> str:
    return group_digits(str(value), lang) if isinstance(value, int) and not isinstance(value, bool) else unknown


def _timestamp(value: object, unknown: str) -> str:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not value > 0:
        return unknown
    try:
        return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(value))
    except (OverflowError, OSError, ValueError):
        return unknown


def _milliseconds(value: object, unknown: str) -> str:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or value != value:
        return unknown
    return f"{value:.0f} ms"


def render_reindex_progress(done: int, total: int, lang: str) -> str:
    """'{done}/{total} passages and sentences embedded' with a ten-cell bar, for editing one status message."""
    share = 1.0 if total <= 0 else min(1.0, max(0.0, done / total))
    filled = int(share * 10)
    bar = "▰" * filled + "▱" * (10 - filled)
    return f"{_esc(t('reindex_progress', lang, done=done, total=total))}\n{bar} {local_digits(int(share * 100), lang)}%"


def render_reindex_outcome(outcome: ReindexOutcome, lang: str, serving: bool, show_reason: bool = False) -> str:
    """The last word of a /reindex: the summary, or that there is none, with ``show_reason`` why
    (it may name server paths). ``serving``: an index still answers, so a failure says the
    previous one is still in use (only where there is one)."""
    if outcome.busy:
        return render_message("reindex_running", lang)
    if outcome.error or outcome.report is None:
        failed = render_message("reindex_failed" if serving else "reindex_failed_none", lang)
        return f"{failed}\n{render_reason(outcome.error or '?')}" if show_reason else failed
    return render_reindex_done(outcome.report, lang)


def render_reason(reason: object) -> str:
    """Why something failed, for an operator: one line, clipped, as code. Only for a private chat:
    it may name server paths."""
    return f"<code>{_esc(_clip(_one_line(str(reason)), _REASON_CHARS))}</code>"


def render_reindex_done(report: BuildReport, lang: str) -> str:
    """The /reindex summary, naming each seed file left out and why, as far as one message holds."""
    lang = reply_lang(lang)
    text = _esc(t("reindex_done", lang, articles=report.articles, chunks=report.chunks,
                  seconds=local_digits(f"{report.seconds:.1f}", lang)))
    text += "".join(f"\n{_esc(line)}" for line in _article_changes(report, lang))
    if not report.skipped:
        return text
    text += "\n\n" + _esc(t("reindex_skipped", lang, count=len(report.skipped)))
    for shown, skipped in enumerate(report.skipped):
        line = f"• <code>{_esc(_clip(_one_line(skipped.doc), _SKIPPED_NAME_CHARS))}</code>: " \
               f"{_esc(_clip(_one_line(skipped.reason), _SKIPPED_REASON_CHARS))}"
        rest = _esc(t("reindex_skipped_more", lang, count=len(report.skipped) - shown))
        # Room is kept for the "…and N more" line, so a long list never pushes the message over.
        if _u16(f"{text}\n{line}\n{rest}") > SAFE_MESSAGE:
            return f"{text}\n{rest}"
        text += "\n" + line
    return text


def _article_changes(report: BuildReport, lang: str) -> list[str]:
    """'Added: a.txt, b.txt' and so on, a line for each kind of change; or that nothing changed."""
    kinds = (("reindex_added", report.added), ("reindex_removed", report.removed),
             ("reindex_changed", report.changed))
    return [t(key, lang, names=_some_names(names, lang)) for key, names in kinds if names] \
        or [t("reindex_unchanged", lang)]


def _some_names(names: Sequence[str], lang: str) -> str:
    """The first few names, then how many more: a first build adds every article."""
    shown = ", ".join(_clip(_one_line(name), _SKIPPED_NAME_CHARS) for name in names[:_CHANGED_NAMES_SHOWN])
    more = len(names) - _CHANGED_NAMES_SHOWN
    return t("reindex_names_more", lang, names=shown, count=more) if more > 0 else shown


def render_plain(html_text: str) -> str:
    """Telegram HTML as plain text: for the terminal, and for resending when HTML is refused."""
    return html.unescape(_TAG.sub("", html_text))


# --- text helpers --------------------------------------------------------------------------


def _u16(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _one_line(text: str | None) -> str:
    """Whitespace collapsed and control characters dropped: for titles, questions, labels."""
    text = "".join(ch for ch in (text or "") if unicodedata.category(ch) != "Cc" or ch.isspace())
    return " ".join(text.split())


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else cut_text(text, limit - len(CUT)) + CUT


def _safe_url(url: object) -> str | None:
    # Telegram refuses a message whose link is not a plausible URL; a bad one is dropped, not sent.
    if isinstance(url, str) and len(url) <= _URL_CHARS and _SAFE_URL.fullmatch(url.strip()):
        return url.strip()
    return None
