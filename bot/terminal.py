"""Ask the bot from a terminal, without Telegram: the same service and replies, as plain text.

Reads questions line by line until EOF, so both an interactive session and
``echo "How many people visited the fair?" | python -m bot`` work. The chat commands that make
sense without Telegram work here too: ``/more`` shows the next sources of the last answer,
``/lang bn`` pins the reply language (``/lang auto`` unpins it), ``/sources`` lists the articles,
``/ask question`` asks, ``/start`` and ``/help`` explain. Any other ``/word`` gets the help rather
than being searched for: the replies point people to commands, so they will type them.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from index import LANGUAGES, EmptyQuery

from .i18n import language_name, t
from .render import render_answer, render_help, render_plain, render_sources, render_start
from .service import Answer, AnswerService, Unavailable
from .settings import Settings

NOTE = "No TELEGRAM_BOT_TOKEN is set, so the bot runs here in the terminal. Type a question; Ctrl-D ends."


class Terminal:
    """One person's session: the pinned language and the last answer, for /more."""

    def __init__(self, service: AnswerService, settings: Settings):
        self._service, self._settings = service, settings
        self._pinned: str | None = None
        self._last: tuple[Answer, int] | None = None

    async def reply(self, line: str) -> str:
        """The plain-text reply to one input line ("" for a blank line)."""
        line = line.strip()
        if not line:
            return ""
        if not line.startswith("/"):
            return await self._ask(line)
        command, _, rest = line.partition(" ")
        command = command.lower().split("@")[0]  # "/ask@NewsBot" as copied from a group
        if command == "/lang":
            return self._set_language(rest.split())
        if command == "/more":
            return self._more()
        if command == "/ask":
            return await self._ask(rest.strip()) if rest.strip() else t("ask_usage", self._language())
        if command == "/sources":
            return "\n\n".join(render_plain(m) for m in render_sources(self._service.articles(), self._language()))
        if command == "/start":
            return render_plain(render_start(self._language(), ""))
        return render_plain(render_help(self._language(), ""))

    def _language(self) -> str:
        return self._pinned or self._service.default_language

    async def _ask(self, question: str) -> str:
        lang = self._service.language_for(question[:300], self._pinned)
        if len(question) > self._settings.max_question_chars:
            return t("question_too_long", lang, limit=self._settings.max_question_chars)
        try:
            answer = await self._service.ask(question, self._pinned)
        except EmptyQuery:
            return t("no_words", lang)
        except Unavailable as exc:
            return f"{t('index_unavailable', lang)}\n({exc})"
        self._last = (answer, 0)
        return self._page(answer, 0)

    def _page(self, answer: Answer, page: int) -> str:
        rendered = render_answer(answer.result, answer.lang, page=page, per_page=self._settings.answers_per_page,
                                 other_script=answer.other_script)
        text = "\n\n".join(render_plain(m) for m in rendered.messages)
        return f"{text}\n\n[/more: {t(rendered.more_key, answer.lang)}]" if rendered.has_more else text

    def _more(self) -> str:
        if self._last is None:
            return t("ask_usage", self._language())
        answer, page = self._last
        self._last = (answer, page + 1)
        return self._page(answer, page + 1)

    def _set_language(self, args: list[str]) -> str:
        choice = args[0].lower() if args else ""
        if choice in LANGUAGES:
            self._pinned = choice
            return t("lang_set", choice, language=language_name(choice, choice))
        if choice == "auto":
            self._pinned = None
            return t("lang_auto", self._service.default_language)
        return t("lang_usage", self._language())


async def run_terminal(service: AnswerService, settings: Settings, stdin: TextIO = sys.stdin,
                       stdout: TextIO = sys.stdout) -> None:
    """Answer each line of ``stdin`` on ``stdout`` until EOF."""
    terminal, interactive = Terminal(service, settings), stdin.isatty()
    while True:
        if interactive:
            print("> ", end="", file=stdout, flush=True)
        line = await asyncio.to_thread(stdin.readline)  # a blocking read must not freeze the loop
        if not line:
            break
        if reply := await terminal.reply(line):
            print(reply, end="\n\n", file=stdout, flush=True)
