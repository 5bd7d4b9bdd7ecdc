"""Everything the bot says, one file per reply language; ``bot.i18n`` looks it up.

Templates are plain text with ``{placeholders}``; they contain no ``<``, ``>`` or ``&``, so they
read the same as plain text and as Telegram HTML once escaped (``bot.render`` escapes them). Every
language has exactly the same keys and placeholders as ``en.py`` (a test checks), so a lookup can
never miss a key for one language only. A number filled in is written in the reply language's
digits (``bot.numerals.local_digits``); quoted article text keeps the digits it was written in.
"""

from __future__ import annotations

from . import bn, en, th, vi

DEFAULT_LANG = "en"
STRINGS: dict[str, dict[str, str]] = {"en": en.STRINGS, "bn": bn.STRINGS, "th": th.STRINGS, "vi": vi.STRINGS}


def reply_lang(lang: str | None) -> str:
    """``lang`` if we speak it, else the default: every lookup goes through here."""
    return lang if lang in STRINGS else DEFAULT_LANG
