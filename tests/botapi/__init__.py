"""Local Telegram Bot API emulator used by the end-to-end and load tests."""

from .emulator import BotApiEmulator, find_entities
from .html_check import check_telegram_html, parse_telegram_html, telegram_len, utf16_len

__all__ = [
    "BotApiEmulator",
    "check_telegram_html",
    "find_entities",
    "parse_telegram_html",
    "telegram_len",
    "utf16_len",
]
