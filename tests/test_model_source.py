"""Where the model is loaded from: a folder that is not there is refused first, in one line, and
nothing is written (an admin's INDEX_MODEL=/nonexistent/model created /nonexistent/ and a lock)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from index import ModelUnavailable, SentenceTransformerEmbedder
from index import cli as cli_module
from index.model_source import locate_model
from tests.conftest import index_settings

HINT = "fetch it with: python -m index fetch-model"


@pytest.mark.parametrize("model", ["{tmp}/nowhere/model", "./nowhere/model", "../nowhere/model", "~/nowhere-x7/model",
                                   "nowhere/deeper/model"],
                         ids=["absolute", "dot-slash", "dot-dot", "home", "two-slashes"])
def test_a_missing_model_folder_is_refused_with_the_fetch_hint(model: str, tmp_path: Path) -> None:
    model = model.format(tmp=tmp_path)
    with pytest.raises(ModelUnavailable, match=f"^model folder {model} is missing; {HINT}$"):
        locate_model(model)


@pytest.mark.parametrize("model", ["google/embeddinggemma-300m", "bert-base-uncased"], ids=["org-name", "bare-name"])
def test_a_hub_id_is_not_taken_for_a_folder(model: str) -> None:
    assert locate_model(model) == model


def test_a_model_folder_that_exists_is_used_wherever_it_is(tmp_path: Path) -> None:
    (tmp_path / "models" / "mine").mkdir(parents=True)  # relative, and looks like "org/name"
    assert locate_model("models/mine") == "models/mine"  # the tests run in tmp_path
    assert locate_model(str(tmp_path / "models" / "mine")) == str(tmp_path / "models" / "mine")


def test_the_embedder_refuses_a_missing_folder_before_writing_anything(tmp_path: Path) -> None:
    settings = index_settings(model=str(tmp_path / "nonexistent" / "model"))  # the query encoder is on
    with pytest.raises(ModelUnavailable, match=HINT):
        SentenceTransformerEmbedder.from_settings(settings)
    assert list(tmp_path.iterdir()) == [], "no export folder, no lock file"


def test_the_cli_says_the_same_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDEX_MODEL", str(tmp_path / "nonexistent" / "model"))
    result = CliRunner().invoke(cli_module.cli, ["search", "anything"])
    assert result.exit_code == 1
    assert result.output == f"Error: model folder {tmp_path / 'nonexistent' / 'model'} is missing; {HINT}\n"
    assert not (tmp_path / "nonexistent").exists()
