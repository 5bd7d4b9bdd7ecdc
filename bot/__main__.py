"""``python -m bot``: load the model and index once, then serve Telegram, or a terminal without a token.

Examples::

    TELEGRAM_BOT_TOKEN=123:ABC... python -m bot     # long polling (webhook when WEBHOOK_URL is set)
    echo "How many people visited the fair?" | python -m bot
"""

from __future__ import annotations

import asyncio
import logging
import sys

from .settings import SettingsError, load_settings


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
        record.msg, record.args = self._clean(record.getMessage()), None
        if record.exc_info:
            record.exc_text = self._clean(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


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
    if service.unavailable:
        logging.getLogger("bot").error("serving without an index: %s", service.unavailable)
    try:
        if token:
            from .app import build_app, run

            run(build_app(settings, service), settings)
        else:
            from .terminal import run_terminal

            asyncio.run(run_terminal(service, settings))
    except KeyboardInterrupt:
        pass
    finally:
        service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
