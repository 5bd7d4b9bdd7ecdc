"""One look at the index files, for whoever runs the bot: Telegram's background watch and the terminal.

The bot answers from the index it loaded into memory, so a build published by someone else (an
admin running ``python -m index build``) is served only once the bot looks for it, and a deleted
or truncated index folder would only show at the next start-up. A check swaps in a new build, if
there is one, and compares the serving index's file sizes (microseconds). It logs what changed and
returns what the operator should be told; each transport tells it its own way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from .service import AnswerService

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    """Something a check found: an i18n key and its values. ``problem``: something is wrong and
    admins must hear of it wherever they are; otherwise it is news the log already holds."""

    key: str
    values: dict[str, object] = field(default_factory=dict)
    problem: bool = True


class IndexCheck:
    """Checks for one running bot; remembers the damage last reported, so each is told once."""

    def __init__(self, service: AnswerService):
        self._service = service
        self._reported: str | None = None

    def run(self) -> list[Notice]:
        """Serve a newly published build, then check the serving index's files. Blocking (a new
        build is loaded here): run it in a worker thread. Never raises for a bad build."""
        notices = []
        # The service tries each published build once, so a failure comes back once per build.
        found = self._service.pick_up_new_build()
        if found.build is not None and found.error is None:
            log.info("now serving %s: %d articles, %d chunks", found.build, found.articles, found.chunks)
            notices.append(Notice("index_build_served", {"articles": found.articles, "chunks": found.chunks},
                                  problem=False))
        elif found.build is not None:
            log.error("could not load the published build %s: %s; not switching to it", found.build, found.error)
            notices.append(Notice("index_build_rejected", {"build": found.build.name, "reason": found.error}))
        problem = self._service.disk_damage()
        if problem and problem != self._reported:
            log.error("index damaged on disk: %s (still answering from memory; /reindex rebuilds)", problem)
            notices.append(Notice("index_damaged", {"reason": problem}))
        self._reported = problem
        return notices
