"""Command handlers: /start, /help, /lang, /sources, and the admins' /stats and /reindex.

/ask is a way of asking, so it lives with the other questions in ``handlers``.
"""

from __future__ import annotations

import asyncio

from telegram import Update

from index import LANGUAGES

from .handlers import Context, deps, reply, reply_language, say
from .i18n import NATIVE_NAMES, language_name
from .render import render_help, render_message, render_reindex_progress, render_sources, render_start, render_stats
from .sending import edit_html


async def _admin_here(update: Update, context: Context) -> bool:
    """ADMIN_USER_IDS anywhere; in a group, also that group's administrators."""
    return await deps(context).admins.is_admin(context.bot, update.effective_chat, update.effective_user)


async def on_start(update: Update, context: Context) -> None:
    """/start: greet and explain."""
    lang = reply_language(context, update)
    is_admin = await _admin_here(update, context)
    await reply(update, context, render_start(lang, context.bot.username, is_admin))


async def on_help(update: Update, context: Context) -> None:
    """/help: how to ask, with examples."""
    lang = reply_language(context, update)
    is_admin = await _admin_here(update, context)
    await reply(update, context, render_help(lang, context.bot.username, is_admin))


async def on_lang(update: Update, context: Context) -> None:
    """/lang xx pins the reply language, /lang auto unpins, bare /lang shows the current choice."""
    d, user = deps(context), update.effective_user
    choice = context.args[0].lower() if context.args else ""
    if choice in LANGUAGES:
        await asyncio.to_thread(d.prefs.set, user.id, choice)
        return await say(update, context, "lang_set", choice, language=language_name(choice, choice))
    if choice == "auto":
        await asyncio.to_thread(d.prefs.set, user.id, None)
        return await say(update, context, "lang_auto", reply_language(context, update))
    lang, pinned = reply_language(context, update), d.prefs.get(user.id)
    current = render_message("lang_current", lang, language=language_name(pinned, lang)) if pinned \
        else render_message("lang_current_auto", lang)
    choices = ", ".join(f"{code} ({NATIVE_NAMES[code]})" for code in LANGUAGES)
    await reply(update, context, "\n".join([current, render_message("lang_usage", lang),
                                             render_message("lang_list", lang, languages=choices)]))


async def on_sources(update: Update, context: Context) -> None:
    """/sources: the articles the bot can quote."""
    lang = reply_language(context, update)
    for text in render_sources(deps(context).service.articles(), lang):
        await reply(update, context, text)


async def _refuse_non_admin(update: Update, context: Context) -> bool:
    """True (after a polite refusal) unless the user is an admin here."""
    if await _admin_here(update, context):
        return False
    await say(update, context, "admin_only", reply_language(context, update))
    return True


async def on_stats(update: Update, context: Context) -> None:
    """/stats (admins): index size and age, questions answered, median latency."""
    if await _refuse_non_admin(update, context):
        return
    await reply(update, context, render_stats(deps(context).service.stats(), reply_language(context, update)))


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
    if outcome.busy:
        summary = render_message("reindex_running", lang)
    elif outcome.error:
        summary = render_message("reindex_failed", lang, reason=outcome.error)
    else:
        report = outcome.report
        summary = render_message("reindex_done", lang, articles=report.articles, chunks=report.chunks,
                                 seconds=f"{report.seconds:.1f}")
    await edit_html(context.bot, status.chat_id, status.message_id, summary)


async def on_unknown_command(update: Update, context: Context) -> None:
    """An unknown /command in a private chat: point to /help."""
    lang = reply_language(context, update)
    is_admin = await _admin_here(update, context)
    await reply(update, context, render_help(lang, context.bot.username, is_admin))
