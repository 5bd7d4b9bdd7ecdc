"""``python -m bench scale|query|build|load [options]``: run one benchmark (``-h`` after its name
for its options). Each benchmark lives in ``bench/<name>.py`` with a ``main(argv)``; modules are
imported only when asked for, so one benchmark's heavy imports never slow another."""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "scale": "how build time, memory, latency and recall grow with the corpus (synthetic vectors)",
    "query": "end-to-end question latency",
    "build": "index build cost",
    "load": "the bot under concurrent load",
}


def usage() -> str:
    lines = ["usage: python -m bench {" + "|".join(COMMANDS) + "} [options]", ""]
    lines += [f"  {name:<6} {text}" for name, text in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        print(usage())
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"bench: unknown benchmark {name!r}\n{usage()}", file=sys.stderr)
        return 2
    try:
        module = importlib.import_module(f"bench.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"bench.{name}":
            raise  # the benchmark exists but one of its imports is missing
        print(f"bench {name}: not implemented yet (no bench/{name}.py)", file=sys.stderr)
        return 1
    return int(module.main(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
