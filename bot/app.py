"""The Telegram application: ``build_app`` wires handlers to a ready ``AnswerService``; ``run`` serves it.

``build_app`` starts nothing, so tests run the same object against the local Bot API emulator.
"""

from __future__ import annotations

import logging
from urllib.parse import urlparse

from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from index import LANGUAGES

from . import commands as c
from . import handlers as h
from .access import AdminCheck
from .health import start_watching, stop_watching
from .i18n import command_descriptions
from .prefs import LanguagePrefs
from .service import AnswerService
from .settings import Settings

log = logging.getLogger(__name__)

# What the bot handles; edits are not even fetched (and filtered out below, should one arrive).
ALLOWED_UPDATES = [Update.MESSAGE, Update.CHANNEL_POST, Update.INLINE_QUERY, Update.CALLBACK_QUERY]
_NEW = filters.UpdateType.MESSAGE  # not edited_message: an edit is never answered again
_UNSUPPORTED = (filters.PHOTO | filters.Sticker.ALL | filters.VOICE | filters.AUDIO | filters.VIDEO
                | filters.VIDEO_NOTE | filters.Document.ALL | filters.ANIMATION | filters.LOCATION | filters.CONTACT)
# In a private chat everything a person sends is for the bot: dice, polls, venues and any kind
# Telegram adds later get the "text only" hint too. Service messages (a pin…) are no one's question.
_PRIVATE_UNSUPPORTED = filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL
# A message sent "via @Bot" is an inline result someone picked: the bot's own words, not a question.
_TYPED = _NEW & filters.TEXT & ~filters.COMMAND & ~filters.VIA_BOT


class _Application(Application):
    """Stops a running /reindex as soon as the bot starts stopping: ``Application.stop`` waits for
    every running handler, /reindex's too, which would otherwise embed on for minutes."""

    async def stop(self) -> None:
        self.bot_data["deps"].service.reindexer.stop()
        await super().stop()


def build_app(settings: Settings, service: AnswerService) -> Application:
    """A ready-to-start Application answering with ``service``; needs a bot token."""
    if settings.telegram_bot_token is None:
        raise ValueError("build_app needs TELEGRAM_BOT_TOKEN; without one use the terminal (bot.terminal)")
    builder = (
        ApplicationBuilder()
        .application_class(_Application)
        .token(settings.telegram_bot_token.get_secret_value())
        .concurrent_updates(True)  # a slow search or a rebuild must not hold up other chats
        .rate_limiter(AIORateLimiter(max_retries=3))  # waits out 429 RetryAfter and retries
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .post_init(_post_init)
        .post_stop(stop_watching)
    )
    if urls := settings.api_urls():
        builder = builder.base_url(urls[0]).base_file_url(urls[1])
    app = builder.build()
    app.bot_data["deps"] = h.Deps(settings, service, LanguagePrefs(settings.prefs_path),
                                  AdminCheck(settings.admin_user_ids))
    _add_handlers(app)
    return app


def _add_handlers(app: Application) -> None:
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    app.add_handlers([CommandHandler(name, callback, filters=_NEW) for name, callback in c.COMMANDS.items()])
    app.add_handlers([
        MessageHandler(_TYPED & private, h.on_private_text),
        MessageHandler(_TYPED & groups, h.on_group_text),
        MessageHandler(filters.UpdateType.CHANNEL_POST & filters.TEXT, h.on_channel_post),
        MessageHandler(_NEW & (_UNSUPPORTED | _PRIVATE_UNSUPPORTED), h.on_unsupported),
        MessageHandler(_NEW & (private | groups) & filters.COMMAND, c.on_other_command),
        InlineQueryHandler(h.on_inline),
        CallbackQueryHandler(h.on_more, pattern=h.MORE),
    ])
    app.add_error_handler(h.on_error)


async def _post_init(app: Application) -> None:
    """Publish the command menu in every language (admin commands only in admins' own chats) and
    start watching the index files."""
    settings: Settings = app.bot_data["deps"].settings
    menus = [(BotCommandScopeDefault(), lang, False) for lang in LANGUAGES]
    menus.append((BotCommandScopeDefault(), None, False))  # for app languages we don't speak
    for admin_id in sorted(settings.admin_user_ids):
        menus += [(BotCommandScopeChat(admin_id), lang, True) for lang in LANGUAGES]
        menus.append((BotCommandScopeChat(admin_id), None, True))
    for scope, lang, admin in menus:
        described = command_descriptions(lang or settings.default_language, admin)
        commands = [BotCommand(name, text) for name, text in described]
        try:
            await app.bot.set_my_commands(commands, scope=scope, language_code=lang)
        except TelegramError as exc:  # e.g. an admin who never opened a chat with the bot
            log.warning("could not set commands for %s/%s: %s", scope.type, lang or "default", exc)
    start_watching(app, settings.index_check_seconds)


def run(app: Application, settings: Settings) -> None:
    """Serve until interrupted: a webhook when WEBHOOK_URL is set, otherwise long polling."""
    if settings.webhook_url:
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        app.run_webhook(listen=settings.webhook_listen, port=settings.webhook_port,
                        url_path=urlparse(settings.webhook_url).path.lstrip("/"), webhook_url=settings.webhook_url,
                        secret_token=secret, allowed_updates=ALLOWED_UPDATES)
    else:
        app.run_polling(allowed_updates=ALLOWED_UPDATES)
