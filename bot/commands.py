"""Command handlers: /start, /help, /lang, /sources, and the admins' /stats and /reindex.

/ask is a way of asking, so it lives with the other questions in ``handlers``.
"""

from __future__ import annotations

import asyncio
import contextlib

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError

from index import LANGUAGES

from .handlers import Context, deps, on_ask, reply, reply_language, say
from .i18n import language_name
from .render import (
    render_help,
    render_lang_status,
    render_message,
    render_reindex_outcome,
    render_reindex_progress,
    render_sources,
    render_start,
    render_stats,
    render_unknown_command,
)
from .sending import edit_html

_LAST_WORD_SECONDS = 5  # how long a stopping bot may spend telling the admin that /reindex stopped


def _operator(update: Update, context: Context) -> bool:
    """Whether the user is in ADMIN_USER_IDS: the admin commands touch the whole bot, so a
    group's own administrators (anyone can make a group) are not enough."""
    return deps(context).admins.is_operator(update.effective_user)


async def on_start(update: Update, context: Context) -> None:
    """/start: greet and explain."""
    lang = reply_language(context, update)
    await reply(update, context, render_start(lang, context.bot.username, _operator(update, context),
                                              examples=deps(context).service.examples(lang)))


async def on_help(update: Update, context: Context) -> None:
    """/help: how to ask, with examples."""
    lang = reply_language(context, update)
    await reply(update, context, render_help(lang, context.bot.username, _operator(update, context),
                                             examples=deps(context).service.examples(lang)))


async def on_lang(update: Update, context: Context) -> None:
    """/lang xx pins the reply language, /lang auto unpins, bare /lang shows the current choice."""
    d, user = deps(context), update.effective_user
    choice = context.args[0].lower() if context.args else ""
    if choice in LANGUAGES:
        await asyncio.to_thread(d.prefs.set, user.id, choice)
        return await _confirm_lang(update, context, choice, "lang_set", language=language_name(choice, choice))
    if choice == "auto":
        d.service.note_unpinned(user.id, d.prefs.get(user.id))
        await asyncio.to_thread(d.prefs.set, user.id, None)
        return await _confirm_lang(update, context, reply_language(context, update), "lang_auto")
    await reply(update, context, render_lang_status(reply_language(context, update), d.prefs.get(user.id), choice))


async def _confirm_lang(update: Update, context: Context, lang: str, key: str, **values: object) -> None:
    # The choice is the user's, in every chat: a user test read a group's "From now on I will
    # reply in English" as the group's setting, and then got English in her private chat.
    text = render_message(key, lang, **values)
    if update.effective_chat.type != ChatType.PRIVATE:
        text += "\n" + render_message("lang_personal", lang)
    await reply(update, context, text)


async def on_sources(update: Update, context: Context) -> None:
    """/sources: the articles the bot can quote."""
    lang = reply_language(context, update)
    for text in render_sources(deps(context).service.articles(), lang):
        await reply(update, context, text)


async def _refuse_non_admin(update: Update, context: Context) -> bool:
    """True (after a polite refusal) unless the user is in ADMIN_USER_IDS."""
    if _operator(update, context):
        return False
    await say(update, context, "admin_only", reply_language(context, update))
    return True


async def on_stats(update: Update, context: Context) -> None:
    """/stats (admins): index size and age, questions answered, median latency."""
    if await _refuse_non_admin(update, context):
        return
    # why no index serves, and the model's folder, name server paths: only in the operator's private chat
    private = update.effective_chat.type == ChatType.PRIVATE
    await reply(update, context, render_stats(deps(context).service.stats(), reply_language(context, update),
                                              show_reason=private))


async def on_reindex(update: Update, context: Context) -> None:
    """/reindex (admins): rebuild the index, editing one message with progress, then the summary."""
    if await _refuse_non_admin(update, context):
        return
    lang, reindexer = reply_language(context, update), deps(context).service.reindexer
    if reindexer.running:
        return await say(update, context, "reindex_running", lang)
    status = await reply(update, context, render_message("reindex_started", lang))

    async def progress(done: int, total: int) -> None:
        await edit_html(context.bot, status.chat_id, status.message_id, render_reindex_progress(done, total, lang))

    outcome = await reindexer.run(progress)
    # why it failed may name server paths: only in the operator's private chat
    summary = render_reindex_outcome(outcome, lang, deps(context).service.serving,
                                     show_reason=update.effective_chat.type == ChatType.PRIVATE)
    if not outcome.stopped:
        return await edit_html(context.bot, status.chat_id, status.message_id, summary)
    # The bot is shutting down and its stop waits for this handler: one bounded try, so that a
    # slow Telegram cannot hold up the exit (an admin's bot retried edits long after SIGTERM).
    with contextlib.suppress(TelegramError, TimeoutError):
        async with asyncio.timeout(_LAST_WORD_SECONDS):
            await edit_html(context.bot, status.chat_id, status.message_id, summary)


async def on_unknown_command(update: Update, context: Context) -> None:
    """An unknown /command for the bot: say so, then the help."""
    lang = reply_language(context, update)
    await reply(update, context, render_unknown_command(lang, context.bot.username, _operator(update, context),
                                                        examples=deps(context).service.examples(lang)))


async def on_other_command(update: Update, context: Context) -> None:
    """A command the command handlers did not take: unknown, or addressed to another bot.

    In a private chat everything is for this bot, so "/ask@OtherBot …" (copied from a group) is
    run as our /ask rather than dropping the question, and an unknown command gets the help. In a
    group only an unknown command addressed to this bot ("/foo@ThisBot") is answered: a bare
    "/foo" may be another bot's."""
    text = update.effective_message.text or ""
    name, _, target = text.split(None, 1)[0].lstrip("/").partition("@")
    if update.effective_chat.type != ChatType.PRIVATE:
        if target and target.lower() == (context.bot.username or "").lower():
            await on_unknown_command(update, context)
        return
    if target and (command := COMMANDS.get(name.lower())):
        context.args = text.split()[1:]  # as CommandHandler would have set them
        return await command(update, context)
    await on_unknown_command(update, context)


COMMANDS = {"start": on_start, "help": on_help, "ask": on_ask, "lang": on_lang,
            "sources": on_sources, "reindex": on_reindex, "stats": on_stats}
