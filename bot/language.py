"""Which language to reply in: a pinned choice, else the question's own, else the language of the
user's last answer, else the user's app.

A question is the best evidence of what its asker reads, but a short one ("hi", "ok?", "🤔") says
nothing, so detection defers to the language the user was last answered in (a Bengali reader with
an English phone asked in Bengali a moment ago), then to the Telegram app's language and then to a
default. Commands,
@mentions and links are Latin letters that are no part of the question: they are removed first,
or "/ask@NewsBot ราคา" would look like English. A phrase quoted from an article is in the
article's language, not the asker's: the words around it decide when they can (``outside_quotes``).
"""

from __future__ import annotations

import re

from index import LANGUAGES, LINK, detect_language, in_foreign_latin, script_counts

_LEADING_COMMAND = re.compile(r"^\s*/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?(?![A-Za-z0-9_@])")
_ANY_MENTION = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,}")
_SPACES = re.compile(r"[ \t]{2,}")
_MIN_OTHER_LETTERS = 4  # fewer is an emoji-like flourish or a name, not a question in that script
# A quoted span: "…", “…”, „…“, «…», ‹…›, 「…」, 『…』; in single marks only where they open after a
# space or bracket and close before one or punctuation, so "article's" or "farmers' fair" is no quote.
_QUOTED = re.compile(
    r'"[^"\n]+"|“[^“”\n]+[”“]|„[^“”\n]+[“”]|«[^»\n]+»|»[^«\n]+«|‹[^›\n]+›|「[^」\n]+」|『[^』\n]+』'
    r"|(?<![^\s(\[])['‘](?=\S)[^'‘’\n]*?(?<=\S)['’](?![^\s.,;:!?…)\]])"
)
# Letters the words around a quote need to decide alone: as many as the fewest Latin letters
# detect_language reads as a language, and as a question in another script needs (_MIN_OTHER_LETTERS).
# Fewer ("ok?", "কী?", an emoji) says less about the asker than the quote it wraps.
_MIN_OUTSIDE_LETTERS = 4


def strip_addressing(text: str, bot_username: str | None = None) -> str:
    """``text`` without a leading ``/cmd`` or ``/cmd@Bot`` and without ``@Bot`` mentions."""
    text = _LEADING_COMMAND.sub("", text or "", count=1)
    name = (bot_username or "").lstrip("@")
    if name:
        mention = re.compile(rf"(?<![\w@])@{re.escape(name)}(?![A-Za-z0-9_])", re.IGNORECASE)
        text = mention.sub("", text)
    return _SPACES.sub(" ", text).strip()


def telegram_language(code: str | None) -> str | None:
    """Our language for a Telegram ``language_code`` ("en-US" -> "en"), None if we lack it."""
    if not code:
        return None
    primary = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    return primary if primary in LANGUAGES else None


def choose_language(
    text: str | None,
    pinned: str | None,
    telegram_code: str | None,
    default: str = "en",
    bot_username: str | None = None,
    recent: str | None = None,
) -> str:
    """The reply language: pinned > detected from ``text`` > ``recent`` (the user's last answer's)
    > Telegram app language > ``default``."""
    if pinned in LANGUAGES:
        return pinned  # type: ignore[return-value]
    detected = _asked_language(_detection_text(text, bot_username)) if text else None
    if detected:
        return detected
    if recent in LANGUAGES:
        return recent  # type: ignore[return-value]
    return telegram_language(telegram_code) or (default if default in LANGUAGES else "en")


def in_another_language(text: str | None, bot_username: str | None = None) -> bool:
    """Whether ``text`` is written in a language we do not reply in: mostly in a script none of ours
    uses (Cyrillic, Devanagari, Han…), or in Latin letters but in French, Spanish… The model may
    still find the answer, but the reply cannot be in its language, which the asker is told."""
    text = outside_quotes(_detection_text(text or "", bot_username))
    counts = script_counts(text)
    if counts["other"] >= _MIN_OTHER_LETTERS and counts["other"] > max(counts["bn"], counts["th"], counts["latin"]):
        return True
    return in_foreign_latin(text)


def _detection_text(text: str, bot_username: str | None) -> str:
    # Other users' @names and links are Latin letters too; they would outvote a short Thai question.
    text = strip_addressing(text, bot_username)
    return _ANY_MENTION.sub(" ", LINK.sub(" ", text))


def outside_quotes(text: str) -> str:
    """``text`` without its quoted spans, if the rest has enough letters to say a language; else
    ``text`` itself. A blind user test's English question about a "সংযোগকারী সুতো" got its
    whole reply in Bengali; a message that is nothing but a quote keeps the quote's language."""
    outside = _QUOTED.sub(" ", text)
    return outside if sum(script_counts(outside).values()) >= _MIN_OUTSIDE_LETTERS else text


def _asked_language(text: str) -> str | None:
    # The words outside the quotes decide when they tell a language; a one-word frame ("Explain
    # «…»") tells none, and the whole message decides as before.
    outside = outside_quotes(text)
    return (outside != text and detect_language(outside)) or detect_language(text)
