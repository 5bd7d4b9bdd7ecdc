"""Question handlers, and the helpers every handler shares: parse, ask the service, render, send.

Where the bot answers: every text in a private chat; in groups only /ask, an @mention or a reply
to the bot (everything else is chatter and silently ignored); in channels a post with /ask or an
@mention; anywhere through inline mode. Edited messages are never answered again.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from index import EmptyQuery

from .access import AdminCheck
from .answer import Answer
from .i18n import t
from .language import strip_addressing
from .prefs import LanguagePrefs
from .render import (
    InlineItem,
    render_answer_page,
    render_help,
    render_inline_no_results,
    render_inline_results,
    render_message,
    render_prompt,
    render_reason,
)
from .sending import edit_html, send_html
from .questions import fit_question
from .service import AnswerService, Unavailable
from .settings import Settings
from .smalltalk import INVITATION, SmallTalk, small_talk, talk_language

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
MORE = re.compile(r"^more:(\d{1,3}):([\w-]{1,40})$")
INLINE_RESULTS = 5
INLINE_CACHE_SECONDS = 30
INLINE_REFUSED_CACHE_SECONDS = 5


@dataclass(frozen=True)
class Deps:
    """What the handlers share, kept in ``bot_data`` by ``build_app``."""

    settings: Settings
    service: AnswerService
    prefs: LanguagePrefs
    admins: AdminCheck


def deps(context: Context) -> Deps:
    return context.bot_data["deps"]


# ---------------------------------------------------------------- helpers


def reply_language(context: Context, update: Update, text: str | None = None, paste: bool = False) -> str:
    """The language of a reply made without an answer; ``paste``: ``text`` is a message too long to
    search that asks nothing (see ``AnswerService.language_for_paste``)."""
    user, service = update.effective_user, deps(context).service
    pinned = deps(context).prefs.get(user.id) if user else None
    code = user.language_code if user else None
    recent = service.recent_language(user.id) if user else None
    choose = service.language_for_paste if paste else service.language_for
    return choose(text, pinned, code, context.bot.username, recent)


def _replied_bot_message(message: Message | None, bot: Bot) -> Message | None:
    """The bot's own message that ``message`` replies to, if it replies to one."""
    replied = message.reply_to_message if message else None
    return replied if replied and replied.from_user and replied.from_user.id == bot.id else None


def addresses_bot(message: Message, bot: Bot) -> bool:
    """Whether a group message is meant for the bot: it mentions the bot or replies to it."""
    if _replied_bot_message(message, bot):
        return True
    entities = message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]) or \
        message.parse_caption_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION])
    return any(
        (entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot.id)
        or text.lstrip("@").lower() == (bot.username or "").lower()
        for entity, text in entities.items()
    )


def _command_argument(text: str | None) -> str:
    """What follows ``/cmd`` or ``/cmd@Bot``, line breaks kept."""
    parts = (text or "").split(None, 1)
    return parts[1].strip() if len(parts) > 1 else ""


def _is_ask_command(message: Message, bot: Bot) -> bool:
    command = (message.text or "").split(None, 1)[0] if message.text else ""
    name, _, target = command.partition("@")
    return name.lower() == "/ask" and (not target or target.lower() == (bot.username or "").lower())


async def reply(update: Update, context: Context, html_text: str,
                markup: InlineKeyboardMarkup | None = None) -> Message:
    """Send to the update's chat; in groups and channels as a reply to the message answered."""
    chat, message = update.effective_chat, update.effective_message
    quote = message.message_id if message and chat.type != ChatType.PRIVATE else None
    return await send_html(context.bot, chat.id, html_text, reply_to=quote, markup=markup)


async def say(update: Update, context: Context, key: str, lang: str, **values: object) -> None:
    """Reply with one localized line."""
    await reply(update, context, render_message(key, lang, **values))


async def ask_for_question(update: Update, context: Context, key: str, lang: str) -> None:
    """Reply with a request to write a question (how to ask this way, or to use words), showing
    an example the serving index answers, if there is one."""
    examples = deps(context).service.examples(lang)
    await reply(update, context, render_prompt(key, lang, examples, context.bot.username))


async def _typing(bot: Bot, chat_id: int) -> None:
    try:
        await bot.send_chat_action(chat_id, ChatAction.TYPING)
    except TelegramError as exc:  # only a courtesy: never let it stop the answer
        log.debug("typing action failed: %s", exc)


def _page_buttons(key: str, page: int, lang: str, more: str | None = "button_more") -> InlineKeyboardMarkup | None:
    """Buttons under page ``page`` of an answer: back to the page before (a user test lost the cited
    [1] once "More sources" replaced it) and on to the next, ``more`` naming that button's label;
    None when there is neither."""
    row = [InlineKeyboardButton(t("button_back", lang), callback_data=f"more:{page - 1}:{key}")] if page > 0 else []
    if more:
        row.append(InlineKeyboardButton(t(more, lang), callback_data=f"more:{page + 1}:{key}"))
    return InlineKeyboardMarkup([row]) if row else None


# ---------------------------------------------------------------- answering


async def answer_question(update: Update, context: Context, question: str, usage: str = "ask_usage") -> None:
    """Check the question, answer small talk in kind, else search and reply with cited excerpts
    (every way of asking ends here). ``usage``: how to ask this way, said when there is no question."""
    d, user, chat = deps(context), update.effective_user, update.effective_chat
    if not question.strip():
        return await ask_for_question(update, context, usage, reply_language(context, update))
    # a pasted article with a question under it is asked that question
    if (fitted := fit_question(question, d.settings.max_question_chars)) is None:
        return await say(update, context, "question_too_long", reply_language(context, update, question[:300], paste=True),
                         limit=d.settings.max_question_chars)
    question, shortened = fitted
    pinned = d.prefs.get(user.id) if user else None
    asker = user.id if user else chat.id
    allowed, wait = d.service.allow(asker)
    if not allowed:
        if d.service.first_refusal(asker):  # once per wait: more would flood a group
            await say(update, context, "rate_limited", reply_language(context, update, question),
                      seconds=max(1, math.ceil(wait)))
        return None
    if talk := small_talk(question):  # "hi", "cảm ơn": answered in kind, never searched
        return await _answer_small_talk(update, context, talk, pinned)
    await _typing(context.bot, chat.id)
    try:
        answer = await d.service.ask(question, pinned, user.language_code if user else None,
                                     follow_up_of=_followed_up(update, context, question),
                                     recent=d.service.recent_language(user.id) if user else None)
    except EmptyQuery as exc:  # only emoji, punctuation or symbols, or only links: nothing to search for
        return await ask_for_question(update, context, exc.reason, reply_language(context, update))
    except Unavailable as exc:
        return await _say_unavailable(update, context, str(exc), question)
    if user:
        d.service.note_answer(user.id, chat.id, answer, pinned)
    await _send_answer(update, context, replace(answer, shortened=shortened))


async def _answer_small_talk(update: Update, context: Context, talk: SmallTalk, pinned: str | None) -> None:
    """Reply in kind; an "ok" or "🙂" before any question invites one, with an example."""
    service, user = deps(context).service, update.effective_user
    if user:
        service.note_language(user.id, talk.lang, pinned)
    # Not detected from the text: the detector guesses wildly on "hi"; the lexicon knows better.
    lang = talk_language(talk, pinned, reply_language(context, update))
    key = talk.reply_key_for(service.has_asked(user.id if user else None))
    if key == INVITATION:
        return await ask_for_question(update, context, key, lang)
    await say(update, context, key, lang)


def _followed_up(update: Update, context: Context, question: str) -> str | None:
    """The question answered by the bot message this one replies to, if any: a reply to an answer
    ("and how many platforms took part?") asks about what that answer was about. Without a reply,
    the asker's last question in this chat, where the message reads as carrying on from it."""
    follow_ups, chat, user = deps(context).service.follow_ups, update.effective_chat, update.effective_user
    if replied := _replied_bot_message(update.effective_message, context.bot):
        return follow_ups.recall(chat.id, replied.message_id)
    return follow_ups.carried_on(chat.id, user.id, question) if user else None


async def _send_answer(update: Update, context: Context, answer: Answer) -> None:
    """The first page of an answer, with a "More sources" button when there is more. Each message
    sent remembers the question, so that a reply to it is taken as a follow-up."""
    d = deps(context)
    rendered = render_answer_page(answer, 0, d.settings.answers_per_page)
    markup = _page_buttons(d.service.answers.remember(answer), 0, answer.lang, rendered.more_key) \
        if rendered.has_more else None
    for i, text in enumerate(rendered.messages):
        sent = await reply(update, context, text, markup if i == len(rendered.messages) - 1 else None)
        d.service.follow_ups.remember(sent.chat_id, sent.message_id, answer)


async def _say_unavailable(update: Update, context: Context, reason: str, question: str | None = None) -> None:
    """Users hear "temporarily unavailable" (in the question's language); an operator asking in
    a private chat also gets the reason (it may name server paths: not for a group to read)."""
    d, lang = deps(context), reply_language(context, update, question)
    text = render_message("index_unavailable", lang)
    if update.effective_chat.type == ChatType.PRIVATE and d.admins.is_operator(update.effective_user):
        text += f"\n{render_reason(reason)}"
    await reply(update, context, text)


async def on_private_text(update: Update, context: Context) -> None:
    """In a private chat every text is a question."""
    await answer_question(update, context, update.message.text)


async def on_group_text(update: Update, context: Context) -> None:
    """In a group, answer only messages that mention the bot or reply to it."""
    message = update.message
    if addresses_bot(message, context.bot):
        await answer_question(update, context, strip_addressing(message.text, context.bot.username), "mention_usage")


async def on_channel_post(update: Update, context: Context) -> None:
    """In a channel, answer posts that start with /ask or mention the bot."""
    post = update.channel_post
    if (command := _is_ask_command(post, context.bot)) or addresses_bot(post, context.bot):
        await answer_question(update, context, strip_addressing(post.text, context.bot.username),
                              "ask_usage" if command else "mention_usage")


async def on_ask(update: Update, context: Context) -> None:
    """/ask <question>; without a question, how to ask."""
    await answer_question(update, context, _command_argument(update.message.text))


async def on_unsupported(update: Update, context: Context) -> None:
    """Photos, stickers, voice, files: a caption is the question (a user test captioned a
    screenshot with its question); without one, say that only text questions are read. In a
    group only when addressed, and a sticker or GIF replied to an answer is a reaction: no reply."""
    message = update.message
    private = message.chat.type == ChatType.PRIVATE
    if not (private or addresses_bot(message, context.bot)):
        return
    if question := strip_addressing(message.caption or "", context.bot.username):
        await answer_question(update, context, question)
    elif private or not (message.sticker or message.animation):
        await say(update, context, "unsupported_message", reply_language(context, update))


# ---------------------------------------------------------------- pages, inline


async def on_more(update: Update, context: Context) -> None:
    """The "More sources" and "Back" buttons: show another page of the same answer in place."""
    query = update.callback_query
    match = MORE.match(query.data or "")
    answer = deps(context).service.answers.recall(match.group(2)) if match else None
    if answer is None or query.message is None:
        await query.answer(t("more_expired", reply_language(context, update)), show_alert=True)
        return
    await query.answer()
    page = int(match.group(1))
    # "Back" to page 0 shows its notes again
    rendered = render_answer_page(answer, page, deps(context).settings.answers_per_page)
    markup = _page_buttons(match.group(2), page, answer.lang, rendered.more_key if rendered.has_more else None)
    first, rest = rendered.messages[0], rendered.messages[1:]
    await edit_html(context.bot, query.message.chat.id, query.message.message_id, first,
                    markup=None if rest else markup)
    for i, text in enumerate(rest):
        await send_html(context.bot, query.message.chat.id, text, markup=markup if i == len(rest) - 1 else None)


async def on_inline(update: Update, context: Context) -> None:
    """@Bot <question> in any chat: up to five cited excerpts to choose from."""
    query, d = update.inline_query, deps(context)
    text = query.query.strip()
    if not text or len(text) > d.settings.max_question_chars or small_talk(text):
        return await _answer_prompt(update, context, text)
    if not d.service.allow_inline(query.from_user.id)[0]:
        # No search, and no result to post: the client shows nothing and asks again once the user
        # types on. Cached only briefly and for this user, so results return when the limit lifts.
        return await query.answer([], cache_time=INLINE_REFUSED_CACHE_SECONDS, is_personal=True)
    try:
        answer = await d.service.ask(text, d.prefs.get(query.from_user.id), query.from_user.language_code)
    except EmptyQuery:
        return await _answer_prompt(update, context, text)
    except Unavailable:  # say so, as chats do, and only briefly: results return with the index
        lang = reply_language(context, update, text[:300])
        item = InlineItem("unavailable", t("index_unavailable", lang), "", render_message("index_unavailable", lang))
        return await query.answer([_article(item)], cache_time=INLINE_REFUSED_CACHE_SECONDS, is_personal=True)
    items = render_inline_results(answer.result, answer.lang, limit=INLINE_RESULTS) or \
        [render_inline_no_results(text, answer.lang, answer.result.not_found_reason)]
    await query.answer([_article(item) for item in items], cache_time=INLINE_CACHE_SECONDS, is_personal=True)


async def _answer_prompt(update: Update, context: Context, text: str) -> None:
    # The language is read only here: a searched query's answer carries its own, and reading the
    # text (Banglish, say) on the event loop before every search would do that work twice.
    # Personal: its language may come from this user's app or last answer, not from the text.
    lang = reply_language(context, update, text[:300])
    prompt = _prompt_result(lang, context.bot.username, deps(context).service.examples(lang))
    await update.inline_query.answer([prompt], cache_time=INLINE_CACHE_SECONDS, is_personal=True)


def _article(item: InlineItem) -> InlineQueryResultArticle:
    content = InputTextMessageContent(item.message_html, ParseMode.HTML)
    return InlineQueryResultArticle(item.id, item.title, content, description=item.description or None)


def _prompt_result(lang: str, bot_username: str, examples: Sequence[str]) -> InlineQueryResultArticle:
    """For an empty inline query: one result that posts how to use the bot."""
    return _article(InlineItem("help", t("inline_prompt_title", lang), t("help_inline", lang, bot=bot_username),
                               render_help(lang, bot_username, examples=examples)))


# ---------------------------------------------------------------- errors


async def on_error(update: object, context: Context) -> None:
    """Log the traceback and apologise to the user in their language."""
    log.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        lang = reply_language(context, update)
        await context.bot.send_message(update.effective_chat.id, render_message("error", lang))
    except TelegramError as exc:
        log.warning("could not apologise for the error: %s", exc)
