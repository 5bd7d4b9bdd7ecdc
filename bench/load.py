"""``python -m bench load``: the real bot under concurrent users, over the local Bot API emulator.

The bot is the real one: ``bot.app.build_app`` with a real ``AnswerService`` (real model, real
index), long-polling a ``BotApiEmulator`` on 127.0.0.1; nothing leaves the machine. N simulated
users ask at once: 80% in private chats, 20% in up to 10 groups with ``/ask@NewsAskBot …``. Each
user is a closed loop: all start together, and each sends its next question as soon as the reply
to the previous one arrives. Every question must get exactly one reply (private chats: counted per
chat; groups: matched by ``reply_to_message``); none lost, none duplicated.

Latency is from the update being queued in the emulator to the reply being recorded by it. Before
the run, a few questions go straight through the service to warm the model up; RSS is taken after
loading, after that warm-up (the run's start), at its peak and at the end.
The bot's per-user limit (``RATE_LIMIT_PER_MINUTE``, 5 by default) is raised for the run, so the
test measures throughput, not the limiter. Telegram's own flood limits stay on, as PTB's
``AIORateLimiter`` applies them (30 requests/s overall, 20 per minute per group): a busy group
waits for them, so group latencies are shown apart.

Example: python -m bench load --users 200 --questions 5
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import tempfile
import time
from collections import Counter
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from index import IndexSettings, load_index

from .common import machine_info, machine_line, now_iso, percentile, print_table, rss_bytes, write_json
from .questions import bench_questions

TOKEN = "424242:BenchLoadToken_abcdefghijklmnopqrstuvwxyz"
BOT_USERNAME = "NewsAskBot"
RATE_LIMIT = 100_000  # questions per user per minute during the run: never the bottleneck
GROUP_SHARE = 0.2
GROUPS = 10
WARMUP = 8  # questions asked straight through the service first: model and allocators warm
GRACE_SECONDS = 1.0  # after the last reply, how long a late duplicate gets to show up
_FIRST_USER = 10_000_001
_FIRST_GROUP = -1_001_000_000_000
_MIB = 2**20
_BAD_KEYS = ("error", "rate_limited", "index_unavailable", "ask_usage", "question_too_long")

JSON = dict[str, Any]


@dataclass
class SimUser:
    """One simulated person: their Telegram user, the chat they ask in, their questions."""

    user: JSON
    chat: JSON
    questions: list[str]
    inbox: asyncio.Queue = field(default_factory=asyncio.Queue)

    @property
    def in_group(self) -> bool:
        return self.chat["type"] != "private"


@dataclass(frozen=True)
class Asked:
    user_id: int
    chat_id: int
    message_id: int
    group: bool
    queued: float  # perf_counter when the update was queued
    arrived: float | None = None  # when its reply was recorded; None if none came in time
    reply: str | None = None


def _emulator_class():
    # The emulator lives with the tests (run from the repository root); imported only when used.
    from tests.botapi import BotApiEmulator

    class RecordingEmulator(BotApiEmulator):
        """The emulator, also noting when each bot message arrived and handing it to its user."""

        def __init__(self, token: str) -> None:
            super().__init__(token, bot_username=BOT_USERNAME)
            self.inboxes: dict[int, asyncio.Queue] = {}
            self.unrouted: list[JSON] = []

        async def _send_message(self, params: JSON) -> JSON:
            # The emulator keeps what was sent but not when; every sendMessage passes through here.
            message = await super()._send_message(params)
            inbox = self.inboxes.get(_addressee(message))
            if inbox is None:
                self.unrouted.append(message)
            else:
                inbox.put_nowait((time.perf_counter(), message))
            return message

    return RecordingEmulator


def _addressee(message: JSON) -> int | None:
    """The user a bot message answers: the private chat's owner, or the author it replies to."""
    if message["chat"]["type"] == "private":
        return message["chat"]["id"]
    return (message.get("reply_to_message") or {}).get("from", {}).get("id")


def make_users(emu, users: int, questions: int, pool: list, group_share: float, groups: int) -> list[SimUser]:
    """``users`` people, the last ``group_share`` of them spread over ``groups`` groups, each with
    ``questions`` questions taken in turn from ``pool`` (so neighbours ask different things)."""
    n_group = round(users * group_share)
    n_groups = min(groups, n_group)
    chats = [emu.group(_FIRST_GROUP - g, f"Readers {g + 1}") for g in range(n_groups)]
    made = []
    for i in range(users):
        picked = [pool[(i * questions + j) % len(pool)] for j in range(questions)]
        user = emu.private_user(_FIRST_USER + i, f"User{i}", picked[0].lang)
        in_group = i >= users - n_group
        chat = chats[(i - (users - n_group)) % n_groups] if in_group else emu.private_chat(user)
        texts = [f"/ask@{BOT_USERNAME} {q.text}" if in_group else q.text for q in picked]
        made.append(SimUser(user, chat, texts))
        emu.inboxes[user["id"]] = made[-1].inbox
    return made


async def _ask_all(emu, user: SimUser, deadline: float) -> list[Asked]:
    """Ask each question after the previous reply; stop at the first one left unanswered."""
    asked = []
    for text in user.questions:
        queued = time.perf_counter()
        message = await emu.send_text(user.chat, user.user, text)
        entry = Asked(user.user["id"], user.chat["id"], message["message_id"], user.in_group, queued)
        try:
            arrived, reply = await asyncio.wait_for(user.inbox.get(), max(0.0, deadline - time.monotonic()))
        except TimeoutError:
            asked.append(entry)
            break  # a late reply would be mistaken for the next question's
        asked.append(replace(entry, arrived=arrived, reply=reply.get("text", "")))
    return asked


def check_replies(emu, users: list[SimUser], asked: list[Asked]) -> dict:
    """Exactly one reply per question, counted from the emulator's own record of what the bot sent:
    per private chat, and per question message in groups (by ``reply_to_message``)."""
    lost = duplicates = mismatched = 0
    for user in users:
        if not user.in_group:
            mine = sum(a.user_id == user.user["id"] for a in asked)
            sent = len(emu.messages_to(user.chat["id"]))
            lost, duplicates = lost + max(0, mine - sent), duplicates + max(0, sent - mine)
    replies_to: Counter = Counter()
    for chat_id in {a.chat_id for a in asked if a.group}:
        for message in emu.messages_to(chat_id):
            replies_to[(chat_id, (message.get("reply_to_message") or {}).get("message_id"))] += 1
    for a in asked:
        if a.group:
            count = replies_to.pop((a.chat_id, a.message_id), 0)
            lost, duplicates = lost + (count == 0), duplicates + max(0, count - 1)
    mismatched = sum(replies_to.values())  # replies to no question asked (or to none at all)
    return {"lost": lost, "duplicates": duplicates, "mismatched": mismatched,
            "unrouted": len(emu.unrouted), "leftover_in_inboxes": sum(u.inbox.qsize() for u in users)}


def _bad_prefixes() -> tuple[str, ...]:
    from bot.i18n import STRINGS

    return tuple(strings[key].split("{")[0].strip() for strings in STRINGS.values() for key in _BAD_KEYS)


def _nothing_found() -> tuple[str, ...]:
    from bot.i18n import STRINGS

    return tuple(strings["nothing_found"].split("{")[0].split("/")[0].strip()[:40] for strings in STRINGS.values())


class _ErrorCounter(logging.Handler):
    """Counts ERROR records (the bot's error handler logs every failed update at ERROR)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.name}: {record.getMessage()}"[:300])


async def _sample_rss(samples: list[tuple[float, int]], stop: asyncio.Event) -> None:
    """``(seconds since start, RSS)`` every quarter second until ``stop``."""
    started = time.perf_counter()
    while not stop.is_set():
        samples.append((time.perf_counter() - started, rss_bytes()))
        try:
            await asyncio.wait_for(stop.wait(), 0.25)
        except TimeoutError:
            pass


def _rss_by_quarter(samples: list[tuple[float, int]]) -> list[float]:
    """Highest RSS (MiB) in each quarter of the run: flat memory shows four close numbers."""
    end = samples[-1][0] or 1.0
    quarters = [[rss for t, rss in samples if q * end / 4 <= t <= (q + 1) * end / 4] for q in range(4)]
    return [max(q) / _MIB if q else float("nan") for q in quarters]


def _latency(values: list[float]) -> dict:
    return {"n": len(values), "p50": percentile(values, 50), "p95": percentile(values, 95),
            "max": max(values) if values else float("nan")}


@asynccontextmanager
async def serving_bot(emu, index_settings: IndexSettings, embedder, workdir: Path, rate_limit: int):
    """The real bot polling ``emu``, started as ``python -m bot`` starts it; yields its service."""
    from bot.app import ALLOWED_UPDATES, build_app
    from bot.service import AnswerService
    from bot.settings import Settings

    settings = Settings(_env_file=None, telegram_bot_token=TOKEN, telegram_api_base_url=emu.root,
                        rate_limit_per_minute=rate_limit, prefs_path=workdir / "prefs.json", index=index_settings)
    settings.prefs_path.write_text("{}", encoding="utf-8")  # no pins yet (and no warning about a missing file)
    service = await asyncio.to_thread(AnswerService.start, settings, embedder)
    app = build_app(settings, service)
    try:
        await app.initialize()
        if app.post_init:
            await app.post_init(app)  # what run_polling does first: publish the command menus
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=2, allowed_updates=ALLOWED_UPDATES)
        yield service
    finally:
        if app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
        service.close()


async def run_load(users: int, questions: int, *, embedder=None, index_settings: IndexSettings | None = None,
                   group_share: float = GROUP_SHARE, groups: int = GROUPS, timeout: float = 600.0,
                   rate_limit_per_minute: int = RATE_LIMIT) -> dict:
    """Drive the real bot with ``users`` concurrent closed-loop users asking ``questions`` each.

    Args:
        users: simulated people; ``group_share`` of them ask in up to ``groups`` groups.
        questions: questions per user, each sent once the previous one was answered.
        embedder: a loaded model to reuse (default: load the configured one).
        index_settings: the index to serve (default: ``IndexSettings()``, i.e. var/index).
        timeout: seconds for the whole run; questions unanswered by then count as lost.
        rate_limit_per_minute: the bot's per-user limit for the run (high: measure throughput).
    Returns the counts (asked, replied, lost, duplicates, errors), throughput, latencies and RSS.
    """
    index_settings = index_settings or IndexSettings()
    if embedder is None:
        from index import SentenceTransformerEmbedder

        embedder = await asyncio.to_thread(SentenceTransformerEmbedder.from_settings, index_settings)
    pool = bench_questions(load_index(index_settings.index_path()).chunks)
    errors = _ErrorCounter()
    logging.getLogger().addHandler(errors)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
            async with _emulator_class()(TOKEN) as emu, \
                    serving_bot(emu, index_settings, embedder, Path(tmp), rate_limit_per_minute) as service:
                loaded = rss_bytes()
                await asyncio.gather(*(service.ask(q.text) for q in pool[:WARMUP]))
                result = await _drive(emu, make_users(emu, users, questions, pool, group_share, groups), timeout)
    finally:
        logging.getLogger().removeHandler(errors)
    result["rss_mib"]["loaded"] = loaded / _MIB
    result.update(rate_limit_per_minute=rate_limit_per_minute, log_errors=len(errors.records),
                  log_error_examples=errors.records[:5])
    return result


async def _drive(emu, users: list[SimUser], timeout: float) -> dict:
    """All users at once; then the checks, throughput, latencies and memory."""
    rss_start, samples, stop = rss_bytes(), [], asyncio.Event()
    sampler = asyncio.create_task(_sample_rss(samples, stop))
    started, deadline = time.perf_counter(), time.monotonic() + timeout
    per_user = await asyncio.gather(*(_ask_all(emu, u, deadline) for u in users))
    wall = time.perf_counter() - started
    await asyncio.sleep(GRACE_SECONDS)  # let a late duplicate arrive before counting
    stop.set()
    await sampler
    asked = [a for user_asked in per_user for a in user_asked]
    planned = sum(len(u.questions) for u in users)
    replies = [a.reply for a in asked if a.reply is not None]
    bad, empty = _bad_prefixes(), _nothing_found()
    latencies = {kind: [1000 * (a.arrived - a.queued) for a in asked if a.arrived and a.group == is_group]
                 for kind, is_group in (("private", False), ("group", True))}
    checks = check_replies(emu, users, asked)
    return {
        "users": len(users), "private_users": sum(not u.in_group for u in users),
        "group_users": sum(u.in_group for u in users), "groups": len({u.chat["id"] for u in users if u.in_group}),
        "questions_per_user": len(users[0].questions) if users else 0, "mode": "closed-loop",
        "planned": planned, "asked": len(asked), "replied": len(replies), "not_asked": planned - len(asked),
        **checks,
        "error_replies": sum(r.startswith(bad) for r in replies),
        "error_reply_examples": [r[:120] for r in replies if r.startswith(bad)][:3],
        "nothing_found_replies": sum(r.startswith(empty) for r in replies),
        "wall_s": wall, "throughput_qps": len(replies) / wall if wall else 0.0,
        "latency_ms": {"all": _latency(latencies["private"] + latencies["group"]),
                       "private": _latency(latencies["private"]), "group": _latency(latencies["group"])},
        "rss_mib": {"start": rss_start / _MIB, "peak": max(rss for _, rss in samples) / _MIB,
                    "end": rss_bytes() / _MIB, "by_quarter": _rss_by_quarter(samples)},
    }


def ok(result: dict) -> bool:
    """Every question asked got exactly one reply, and none of them was an error."""
    return (result["asked"] == result["planned"] == result["replied"] and result["lost"] == 0
            and result["duplicates"] == 0 and result["mismatched"] == 0 and result["unrouted"] == 0
            and result["leftover_in_inboxes"] == 0 and result["error_replies"] == 0 and result["log_errors"] == 0)


def print_report(result: dict) -> None:
    rows = [{"chats": kind, **{k: v for k, v in result["latency_ms"][kind].items()}}
            for kind in ("all", "private", "group")]
    print_table(rows, [("chats", "chats"), ("n", "replies"), ("p50", "p50 ms"), ("p95", "p95 ms"), ("max", "max ms")])
    rss = result["rss_mib"]
    print(f"{result['users']} users ({result['private_users']} private, {result['group_users']} in "
          f"{result['groups']} groups) x {result['questions_per_user']} questions, {result['mode']}: asked "
          f"{result['asked']}/{result['planned']}, replied {result['replied']}, lost {result['lost']}, duplicates "
          f"{result['duplicates']}, mismatched {result['mismatched']}, error replies {result['error_replies']}, "
          f"logged errors {result['log_errors']}, 'nothing found' {result['nothing_found_replies']}")
    print(f"throughput {result['throughput_qps']:.2f} questions/s over {result['wall_s']:.1f} s; RSS loaded "
          f"{rss['loaded']:.0f} MiB, after warm-up (start) {rss['start']:.0f} MiB, peak {rss['peak']:.0f} MiB, end "
          f"{rss['end']:.0f} MiB ({rss['end'] - rss['start']:+.0f} over the run; highest per quarter "
          f"{', '.join(f'{q:.0f}' for q in rss['by_quarter'])} MiB); bot rate limit raised to "
          f"{result['rate_limit_per_minute']}/min/user")
    print("every question got exactly one reply" if ok(result) else "FAILED: see the counts above")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200, help="Concurrent simulated users.")
    parser.add_argument("--questions", type=int, default=5, help="Questions per user.")
    parser.add_argument("--timeout", type=float, default=600.0, help="Seconds for the whole run.")
    parser.add_argument("--groups", type=int, default=GROUPS, help="Groups the group users share.")
    parser.add_argument("--group-share", type=float, default=GROUP_SHARE, help="Share of users asking in groups.")
    parser.add_argument("--out", default=None, help="Results folder (default: bench/results).")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)

    info, load_start = machine_info(), os.getloadavg()
    print(f"bench load: {args.users} users x {args.questions} questions over the local Bot API emulator\n"
          f"machine: {machine_line(info)}; load average {load_start}", flush=True)
    result = asyncio.run(run_load(args.users, args.questions, group_share=args.group_share, groups=args.groups,
                                  timeout=args.timeout))
    load_end = os.getloadavg()
    print_report(result)
    print(f"load average at start {load_start}, at end {load_end} (2 cores shared: timings are noisy)")
    path = write_json("load", {"benchmark": "load", "when": now_iso(), "machine": info,
                               "load_average": {"start": load_start, "end": load_end}, "ok": ok(result),
                               **result}, args.out)
    print(f"wrote {path}")
    return 0 if ok(result) else 1
