"""Which articles write an acronym a question names ("CCEF", "EBI", "OCOP"): in Latin letters, or
spelled by its letters' English names in Bengali ("সিসিইএফ") or Thai ("ซีซีอีเอฟ").

An acronym of three letters or more is mostly a name of its own: an event, an index, a
programme. The sound check (``sounds``) leaves acronyms out, since an article may spell one out
in words, so a question naming the Guangzhou fair's "CCEF" and a year of another event ("where
and when is CCEF 2025?") was answered with the Lai Chau exhibition's dates, in an article that
never writes CCEF. Where some article writes the acronym and the best passage's does not, that
passage is about another subject (``unknown_names.NameFinder.named_elsewhere``). Nothing is said
of an acronym no article writes: "SME" may be translated ("ক্ষুদ্র ও মাঝারি উদ্যোগ").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from string import ascii_uppercase

MIN_LETTERS = 3  # "AI" and "QR" are words more than names
_REMEMBERED = 1024

# The letters' names as Bengali and Thai news spell them (Bengali "ই" for E: CCEF is "সিসিইএফ")
_BENGALI = dict(zip(ascii_uppercase, """এ বি সি ডি ই এফ জি এইচ আই জে কে এল এম এন ও পি কিউ আর এস টি ইউ ভি ডব্লিউ
                                       এক্স ওয়াই জেড""".split()))
_THAI = dict(zip(ascii_uppercase, """เอ บี ซี ดี อี เอฟ จี เอช ไอ เจ เค แอล เอ็ม เอ็น โอ พี คิว อาร์ เอส ที ยู วี
                                    ดับเบิลยู เอ็กซ์ วาย แซด""".split()))
_ACRONYM = re.compile(rf"(?<![A-Za-z0-9])[A-Z]{{{MIN_LETTERS},}}(?![A-Za-z0-9])")
_LOWER = re.compile(r"[a-z]")


def acronyms_in(question: str) -> list[str]:
    """The acronyms ``question`` names, none when it is typed in capitals ("WHEN WAS THE FAIR")."""
    if not _LOWER.search(question):
        return []
    return list(dict.fromkeys(_ACRONYM.findall(question)))


def is_acronym(word: str) -> bool:
    """Whether ``word`` is an acronym as ``acronyms_in`` reads one."""
    return bool(_ACRONYM.fullmatch(word))


def spellings(acronym: str) -> tuple[str, ...]:
    """``acronym`` as Latin, Bengali and Thai text may write it."""
    return (acronym, *(unicodedata.normalize("NFC", "".join(names[letter] for letter in acronym))
                       for names in (_BENGALI, _THAI)))


class AcronymFinder:
    """Which of a set of articles write an acronym."""

    def __init__(self, texts: Mapping[str, str]):
        """``texts``: each article's whole text, by article."""
        self._texts = {doc: unicodedata.normalize("NFC", text) for doc, text in texts.items()}
        self._writing: dict[str, frozenset[str]] = {}  # the same acronyms come again: read each once

    def articles_writing(self, acronym: str) -> frozenset[str]:
        found = self._writing.get(acronym)  # searches run in threads: never read back what one may clear
        if found is None:
            latin, *spelled = spellings(acronym)
            pattern = re.compile(rf"(?<![A-Za-z0-9]){latin}(?![A-Za-z])")
            found = frozenset(doc for doc, text in self._texts.items()
                              if pattern.search(text) or any(form in text for form in spelled))
            if len(self._writing) >= _REMEMBERED:
                self._writing.clear()
            self._writing[acronym] = found
        return found

    def elsewhere(self, question: str, doc: str) -> tuple[str, ...]:
        """The acronyms of ``question`` that some article writes but ``doc`` does not, unless most
        articles write them (then they name no one subject)."""
        found = []
        for acronym in acronyms_in(question):
            writing = self.articles_writing(acronym)
            if writing and doc not in writing and 2 * len(writing) <= len(self._texts):
                found.append(acronym)
        return tuple(found)


__all__ = ["AcronymFinder", "acronyms_in", "is_acronym", "spellings"]
