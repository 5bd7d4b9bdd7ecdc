# The two commands of the README. Both set everything up first (idempotent).
.PHONY: setup run test bench

setup:
	./scripts/setup.sh

run: setup
	.venv/bin/python -m bot

test: setup
	.venv/bin/python -m pytest -q

bench: setup
	.venv/bin/python -m bench query && .venv/bin/python -m bench build && .venv/bin/python -m bench scale
