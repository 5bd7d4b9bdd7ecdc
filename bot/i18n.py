"""What the bot says, in the user's reply language: ``t`` looks a key up and fills it in.

The strings live one file per language in ``bot/locales/`` (English, Bengali, Thai, Vietnamese),
the writing of numbers in ``bot.numerals``; both are re-exported here, so the rest of the bot
imports its words and numbers from this one module.
"""

from __future__ import annotations

from .locales import DEFAULT_LANG, STRINGS, reply_lang
from .numerals import babel_locale, group_digits, local_digits, number_pattern, ordinal, scale_words

__all__ = [
    "ADMIN_COMMANDS", "DEFAULT_LANG", "LANG_NAMES_IN", "NATIVE_NAMES", "STRINGS", "USER_COMMANDS",
    "babel_locale", "command_descriptions", "group_digits", "language_name", "local_digits",
    "number_pattern", "ordinal", "reply_lang", "scale_words", "t",
]

USER_COMMANDS = ("start", "help", "ask", "lang", "sources")
ADMIN_COMMANDS = ("reindex", "stats")

# A language's name as written in each reply language (reply language -> language -> name).
LANG_NAMES_IN: dict[str, dict[str, str]] = {
    "en": {"en": "English", "bn": "Bengali", "th": "Thai", "vi": "Vietnamese"},
    "bn": {"en": "ইংরেজি", "bn": "বাংলা", "th": "থাই", "vi": "ভিয়েতনামি"},
    "th": {"en": "ภาษาอังกฤษ", "bn": "ภาษาเบงกาลี", "th": "ภาษาไทย", "vi": "ภาษาเวียดนาม"},
    "vi": {"en": "tiếng Anh", "bn": "tiếng Bengal", "th": "tiếng Thái", "vi": "tiếng Việt"},
}
# Each language's own name, for lists a user picks from whatever language they read.
NATIVE_NAMES: dict[str, str] = {"en": "English", "bn": "বাংলা", "th": "ไทย", "vi": "Tiếng Việt"}


def t(key: str, lang: str, **kwargs: object) -> str:
    """The text for ``key`` in ``lang`` (English for a language we don't speak), filled in.

    Raises KeyError for an unknown key or a missing placeholder value: both are bugs.
    """
    lang = reply_lang(lang)
    # counts and limits are the bot's own numbers; strings may be user or article text, left as is
    kwargs = {k: local_digits(v, lang) if isinstance(v, int) else v for k, v in kwargs.items()}
    return STRINGS[lang][key].format(**kwargs)


def language_name(code: str, lang: str) -> str:
    """The name of language ``code`` written in ``lang``; the bare code for one we don't know."""
    return LANG_NAMES_IN[reply_lang(lang)].get(code, code)


def command_descriptions(lang: str, admin: bool) -> list[tuple[str, str]]:
    """``(command, description)`` pairs for setMyCommands, admin commands last."""
    commands = USER_COMMANDS + (ADMIN_COMMANDS if admin else ())
    return [(command, t(f"cmd_{command}", lang)) for command in commands]

