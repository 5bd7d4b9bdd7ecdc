"""``python -m bot``: load the model and index once, then serve Telegram, or a terminal without a token.

Examples::

    TELEGRAM_BOT_TOKEN=123:ABC... python -m bot     # long polling (webhook when WEBHOOK_URL is set)
    echo "How many people visited the fair?" | python -m bot
"""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import TYPE_CHECKING

from .settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from .service import AnswerService

log = logging.getLogger("bot")


class _Redact(logging.Filter):
    """Replace secrets in every record, tracebacks included: URLs of the Bot API hold the token."""

    def __init__(self, secrets: list[str]):
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def _clean(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "[REDACTED]")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        # Must never raise: a filter runs outside logging's error handling, so an exception here
        # would reach whatever code logged, a library's malformed call included.
        record.msg, record.args = self._clean(_message(record)), None
        if record.exc_info:
            record.exc_text = self._clean(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:  # stack_info=True: its frames' source lines may hold a URL with the token
            record.stack_info = self._clean(record.stack_info)
        return True


def _message(record: logging.LogRecord) -> str:
    """The record's message; for a malformed call ("%s of %s" with one argument) the format and its
    arguments, as logging's own error report shows them, so the line is kept and redacted (that
    report goes to stderr past every filter)."""
    try:
        return record.getMessage()
    except Exception:
        try:
            return f"malformed log call: {record.msg!r} with arguments {record.args!r}"
        except Exception:  # an argument whose repr fails as well
            return f"malformed log call at {record.pathname}:{record.lineno}"


def configure_logging(level: int, secrets: list[str]) -> None:
    handler = logging.StreamHandler()
    handler.addFilter(_Redact(secrets))
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", handlers=[handler])
    # httpx logs each request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


def main() -> int:
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else None
    secrets = [token, settings.webhook_secret.get_secret_value() if settings.webhook_secret else None]
    configure_logging(logging.INFO if token else logging.WARNING, secrets)
    if not token:
        from .terminal import NOTE

        print(NOTE, file=sys.stderr, flush=True)

    from index import ModelUnavailable

    from .service import AnswerService

    try:
        service = AnswerService.start(settings)  # before serving: the first question must not wait
    except ModelUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C while the first index builds: it publishes nothing half-made
        print("stopped before serving", file=sys.stderr)
        return 130
    try:
        return _serve(settings, service, token)
    finally:
        service.close()


def _serve(settings: Settings, service: AnswerService, token: str | None) -> int:
    """Serve until interrupted (0); a failure is logged through the redacting handler (1).

    Nothing may escape from here: Python would print the exception to stderr itself, past the log
    filter, and PTB's InvalidToken message quotes the token in full.
    """
    try:
        if token:
            from .app import build_app, run

            run(build_app(settings, service), settings)
        else:
            from .terminal import run_terminal

            asyncio.run(run_terminal(service, settings))
    except KeyboardInterrupt:
        return 0
    except Exception as exc:
        if _token_rejected(exc):
            log.error("Telegram rejected TELEGRAM_BOT_TOKEN; check it (a token revoked in @BotFather is rejected)")
        else:
            log.error("the bot stopped on an unexpected error: %s", type(exc).__name__, exc_info=exc)
        return 1
    return 0


def _token_rejected(exc: Exception) -> bool:
    # Imported here: the terminal mode never needs telegram.
    from telegram.error import InvalidToken

    return isinstance(exc, InvalidToken)


if __name__ == "__main__":
    sys.exit(main())
