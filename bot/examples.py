"""Example questions for /help, /start and the prompts that ask for a question: which to offer, which to show.

An example is worth showing only if the articles being served answer it. The built-in ones are
about the sample articles in ``seeds/``; a user test found them still suggested (and, asked,
answered confidently wrong) after an admin replaced those articles with their own. So an admin
can list their own (``EXAMPLES_FILE``), and every candidate, built-in or listed, is asked of each
index installed; only those it answers with confidence are shown (``choose_shown``).

The file: UTF-8, one question per line. Blank lines and lines starting with ``#`` are skipped. A
line starting with a reply language's code and a colon (``en:``, ``bn:``, ``th:``, ``vi:``) is
shown only to readers of that language; any other line to all of them::

    # shown to everyone
    How much rice did the province export in 2024?
    vi: Tỉnh đã xuất khẩu bao nhiêu tấn gạo năm 2024?
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from index import LANGUAGES, decode_text

SHOWN_PER_LANGUAGE = 3  # the first that the index answers, in the file's order
MAX_EXAMPLE_CHARS = 300  # an example is a question; a longer line is a mistake (a pasted paragraph)
_TAG = re.compile(rf"^({'|'.join(LANGUAGES)})\s*:\s*", re.IGNORECASE)


class ExamplesError(ValueError):
    """The examples file cannot be used; the message says why, naming the line where one is at fault."""


@dataclass(frozen=True)
class Example:
    """A question to suggest, and the reply language whose readers see it (None: all of them)."""

    question: str
    lang: str | None = None


@dataclass(frozen=True)
class ExamplesFile:
    """An examples file as read at start-up: where it is and what it lists."""

    path: Path
    examples: tuple[Example, ...]


# About the sample articles in seeds/: shown only while an index that answers them is serving.
SAMPLE_EXAMPLES: tuple[Example, ...] = (
    Example("How many people visited the cross-border e-commerce fair in Guangzhou?", "en"),
    Example("How many Silk Road e-commerce online lectures have been held?", "en"),
    Example("How do farmers in Tuyen Quang sell their products online?", "en"),
    Example("কুয়াংচৌয়ের আন্তঃসীমান্ত ই-কমার্স মেলায় কতজন মানুষ এসেছিলেন?", "bn"),
    Example("সিল্ক রোড ই-কমার্সের অনলাইন বক্তৃতা এ পর্যন্ত কতবার আয়োজন করা হয়েছে?", "bn"),
    Example("টুয়েন কোয়াং-এর কৃষকরা কীভাবে অনলাইনে পণ্য বিক্রি করেন?", "bn"),
    Example("งานแสดงสินค้าอีคอมเมิร์ซข้ามพรมแดนที่กว่างโจวมีผู้เข้าชมกี่คน", "th"),
    Example("การบรรยายออนไลน์ด้านอีคอมเมิร์ซเส้นทางสายไหมจัดไปแล้วกี่ครั้ง", "th"),
    Example("เกษตรกรในเตวียนกวางขายสินค้าทางออนไลน์อย่างไร", "th"),
    Example("Có bao nhiêu người tham quan hội chợ thương mại điện tử xuyên biên giới ở Quảng Châu?", "vi"),
    Example("Chương trình giảng dạy trực tuyến về thương mại điện tử Con đường Tơ lụa "
            "đã tổ chức bao nhiêu buổi?", "vi"),
    Example("Nông dân Tuyên Quang bán nông sản trên mạng như thế nào?", "vi"),
)


def parse_examples(text: str) -> tuple[Example, ...]:
    """The examples an examples file lists, in its order. Raises ``ExamplesError`` for a line too
    long to be a question."""
    examples = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        tag = _TAG.match(line)
        question = line[tag.end():].strip() if tag else line
        if len(question) > MAX_EXAMPLE_CHARS:
            raise ExamplesError(f"line {number}: longer than {MAX_EXAMPLE_CHARS} characters; write one question a line")
        if question:
            examples.append(Example(question, tag.group(1).lower() if tag else None))
    return tuple(examples)


def read_examples(path: Path) -> tuple[Example, ...]:
    """The examples listed in the file at ``path``. Raises ``ExamplesError`` when the file cannot
    be read or is not UTF-8 text."""
    try:
        # read as seed files are: a byte-order mark is fine, UTF-16 (Notepad's "Unicode") is refused
        text = decode_text(path.read_bytes())
    except FileNotFoundError:
        raise ExamplesError(f"no such file: {path}") from None
    except OSError as exc:
        raise ExamplesError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ExamplesError(f"{path} is {exc}") from None
    try:
        return parse_examples(text)
    except ExamplesError as exc:
        raise ExamplesError(f"{path}, {exc}") from None


def choose_shown(examples: Iterable[Example], answers: Callable[[str], bool],
                 per_language: int = SHOWN_PER_LANGUAGE) -> dict[str, tuple[str, ...]]:
    """Per reply language, the first ``per_language`` examples its readers may see that
    ``answers`` accepts. Each question is asked at most once, however many languages see it."""
    examples, verdicts = tuple(examples), {}
    shown: dict[str, tuple[str, ...]] = {}
    for lang in LANGUAGES:
        chosen: list[str] = []
        for example in (e for e in examples if e.lang in (None, lang)):
            if len(chosen) == per_language:
                break
            if example.question not in verdicts:
                verdicts[example.question] = answers(example.question)
            if verdicts[example.question] and example.question not in chosen:
                chosen.append(example.question)
        shown[lang] = tuple(chosen)
    return shown
