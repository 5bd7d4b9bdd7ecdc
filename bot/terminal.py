"""Ask the bot from a terminal, without Telegram: the same service and replies, as plain text.

Reads questions line by line until EOF, so both an interactive session and
``echo "How many people visited the fair?" | python -m bot`` work. The chat commands that make
sense without Telegram work here too: ``/more`` shows the next sources of the last answer,
``/lang bn`` pins the reply language (``/lang auto`` unpins it), ``/sources`` lists the articles,
``/ask question`` asks, ``/start`` and ``/help`` explain. Whoever sits at the terminal runs the bot,
so the admins' commands work too: ``/stats`` shows what an admin sees, and ``/reindex`` rebuilds
the index here, printing its progress. Any other ``/word`` is called unknown and gets the help
rather than being searched for: the replies point people to commands, so they will type them. A
greeting, thanks or farewell ("hi", "cảm ơn") gets the same short reply as in Telegram, not a search.

As the Telegram app's watch does, the terminal serves a build published from another shell
(``python -m index build``) and notices damage to the index files: it checks before answering a
line, when ``index_check_seconds`` have passed since the last check, and says what it found.

Piped input (not a terminal) gets each question echoed above its reply, "> question", so that a
transcript of several shows which reply answers which. Input is read as bytes and decoded leniently, and each line is answered on its own: a byte that is
not UTF-8 or a failure while answering one line costs that line, never the lines after it.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from typing import BinaryIO, TextIO

from index import LANGUAGES, EmptyQuery

from .answer import Answer
from .i18n import language_name, t
from .index_check import IndexCheck
from .limits import Clock, Throttle
from .render import (
    render_answer_page,
    render_help,
    render_lang_status,
    render_plain,
    render_prompt,
    render_reindex_outcome,
    render_reindex_progress,
    render_sources,
    render_start,
    render_stats,
    render_unknown_command,
)
from .questions import fit_question
from .service import AnswerService, Unavailable
from .settings import Settings
from .smalltalk import INVITATION, small_talk, talk_language

log = logging.getLogger(__name__)

TERMINAL_USER = 0  # no Telegram user has id 0: the terminal's person, for what the service remembers per user
NOTE = "No TELEGRAM_BOT_TOKEN is set, so the bot runs here in the terminal. Type a question; Ctrl-D ends."


class Terminal:
    """One person's session: the pinned language, and the last answer with its next page, for /more.
    The service remembers the language last answered in, as for a Telegram user (``TERMINAL_USER``).
    ``say`` prints a line at once (a rebuild's progress, while the reply waits for its end)."""

    def __init__(self, service: AnswerService, settings: Settings, say: Callable[[str], None] = print,
                 clock: Clock = time.monotonic):
        self._service, self._settings, self._say = service, settings, say
        self._pinned: str | None = None
        self._last: Answer | None = None
        self._next_page: int | None = None  # None: the last answer has no more pages
        self._check = IndexCheck(service)
        self._check_due = Throttle(settings.index_check_seconds, clock)

    async def reply(self, line: str) -> str:
        """The plain-text reply to one input line ("" for a blank line), after what a due check of
        the index found (a new build now serving, damage)."""
        news, line = await self._check_index(), line.strip()
        answer = await self._reply(line) if line else ""
        return "\n\n".join(filter(None, [*news, answer]))

    async def _check_index(self) -> list[str]:
        if self._settings.index_check_seconds <= 0 or not self._check_due.ready():
            return []
        notices = await asyncio.to_thread(self._check.run)  # loading a new build takes a while
        return [t(notice.key, self.language(), **notice.values) for notice in notices]

    async def _reply(self, line: str) -> str:
        if not line.startswith("/"):
            return await self._ask(line)
        command, _, rest = line.partition(" ")
        command = command.lower().split("@")[0]  # "/ask@NewsBot" as copied from a group
        if command == "/lang":
            return self._set_language(rest.split())
        if command == "/more":
            return self._more()
        if command == "/ask":
            return await self._ask(rest.strip()) if rest.strip() else self._prompt("ask_usage", self.language())
        if command == "/sources":
            return "\n\n".join(render_plain(m) for m in render_sources(self._service.articles(), self.language()))
        if command == "/stats":  # the reason no index serves, if none does: this is the operator
            return render_plain(render_stats(self._service.stats(), self.language(), show_reason=True))
        if command == "/reindex":
            return await self._reindex()
        # the person at the terminal runs the bot, so the help lists the admins' commands too
        lang = self.language()
        helps = {"/start": render_start, "/help": render_help}
        render = helps.get(command, render_unknown_command)
        return render_plain(render(lang, "", is_admin=True, terminal=True, examples=self._service.examples(lang)))

    def language(self) -> str:
        """The reply language when no question says otherwise (the terminal has no app language)."""
        return self._service.language_for(None, self._pinned, recent=self._recent())

    async def _ask(self, question: str) -> str:
        if (fitted := fit_question(question, self._settings.max_question_chars)) is None:
            lang = self._service.language_for_paste(question[:300], self._pinned, recent=self._recent())
            return t("question_too_long", lang, limit=self._settings.max_question_chars)
        question, shortened = fitted  # as in Telegram: a pasted article is asked its last question
        if talk := small_talk(question):  # "hi", "cảm ơn": answered in kind, never searched
            self._service.note_language(TERMINAL_USER, talk.lang, self._pinned)
            key = talk.reply_key_for(self._service.has_asked(TERMINAL_USER))
            lang = talk_language(talk, self._pinned, self.language())
            return self._prompt(key, lang) if key == INVITATION else t(key, lang)
        # no replies here: "and when did it close?" carries on from the last question
        earlier = self._service.follow_ups.carried_on(TERMINAL_USER, TERMINAL_USER, question)
        try:
            answer = await self._service.ask(question, self._pinned, follow_up_of=earlier, recent=self._recent())
        except EmptyQuery as exc:
            return self._prompt(exc.reason, self._language_of(question))
        except Unavailable as exc:
            return f"{t('index_unavailable', self._language_of(question))}\n({exc})"
        # /more now means more of this question; "thanks", "👍" or "🤔" after an answer leave it be
        self._last = replace(answer, shortened=shortened)
        self._service.note_answer(TERMINAL_USER, TERMINAL_USER, self._last, self._pinned)
        return self._page(self._last, 0)

    def _prompt(self, key: str, lang: str) -> str:
        """A request to write a question, with an example the serving index answers, if there is one."""
        return render_plain(render_prompt(key, lang, self._service.examples(lang)))

    def _language_of(self, question: str) -> str:
        # Only for replies made without an answer: an answer carries its own language, and reading
        # the question (Banglish, say) before every search would do that work twice.
        return self._service.language_for(question[:300], self._pinned, recent=self._recent())

    def _recent(self) -> str | None:
        return self._service.recent_language(TERMINAL_USER)

    def _page(self, answer: Answer, page: int) -> str:
        rendered = render_answer_page(answer, page, self._settings.answers_per_page)
        self._next_page = page + 1 if rendered.has_more else None
        text = "\n\n".join(render_plain(m) for m in rendered.messages)
        return f"{text}\n\n[/more: {t(rendered.more_key, answer.lang)}]" if rendered.has_more else text

    def _more(self) -> str:
        """The next page, as Telegram's button shows it; where Telegram shows no button, say so."""
        if self._last is None:
            return t("more_nothing_asked", self.language())
        if self._next_page is None:
            return t("more_none", self._last.lang)
        return self._page(self._last, self._next_page)

    async def _reindex(self) -> str:
        """Rebuild as /reindex does in Telegram, the progress printed as it comes; the summary."""
        lang, reindexer = self.language(), self._service.reindexer
        if reindexer.running:
            return t("reindex_running", lang)
        self._say(t("reindex_started", lang))

        async def progress(done: int, total: int) -> None:
            self._say(render_plain(render_reindex_progress(done, total, lang)))

        outcome = await reindexer.run(progress)
        return render_plain(render_reindex_outcome(outcome, lang, self._service.serving, show_reason=True))

    def _set_language(self, args: list[str]) -> str:
        """As Telegram's /lang: pin, unpin (confirmed in the language that now applies), or show."""
        choice = args[0].lower() if args else ""
        if choice in LANGUAGES:
            self._pinned = choice
            return t("lang_set", choice, language=language_name(choice, choice))
        if choice == "auto":
            self._service.note_unpinned(TERMINAL_USER, self._pinned)
            self._pinned = None
            return t("lang_auto", self.language())
        return render_plain(render_lang_status(self.language(), self._pinned, choice))


async def run_terminal(service: AnswerService, settings: Settings, stdin: BinaryIO | None = None,
                       stdout: TextIO | None = None, clock: Clock = time.monotonic) -> None:
    """Answer each line of ``stdin`` (bytes; default the process's) on ``stdout`` until EOF."""
    stdin, stdout = stdin or sys.stdin.buffer, stdout or sys.stdout
    terminal = Terminal(service, settings, lambda text: print(text, file=stdout, flush=True), clock)
    interactive = stdin.isatty()
    while True:
        if interactive:
            print("> ", end="", file=stdout, flush=True)
        raw = await asyncio.to_thread(stdin.readline)  # a blocking read must not freeze the loop
        if not raw:
            break
        # A pasted Latin-1 or cut-off byte becomes U+FFFD: the rest of the line is still a question.
        line = raw.decode("utf-8", errors="replace")
        if reply := await _answer_line(terminal, line):
            if not interactive and line.strip():
                # piped questions are not shown as typed: say which one each reply answers (a user
                # test could not tell where one reply ended among several)
                print(f"> {line.strip()}", file=stdout)
            print(reply, end="\n\n", file=stdout, flush=True)


async def _answer_line(terminal: Terminal, line: str) -> str:
    """The reply to one line; on an unexpected failure the generic apology, the cause in the log."""
    try:
        return await terminal.reply(line)
    except Exception:
        log.exception("error while answering a line in the terminal")
        return t("error", terminal.language())
