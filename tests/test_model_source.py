"""Where the model is loaded from: a folder that is not there is refused first, in one line, and
nothing is written (an admin's INDEX_MODEL=/nonexistent/model created /nonexistent/ and a lock);
a hub id comes from the local cache, else the hub must answer at once (no network: it retried for
minutes). The hub here is a closed port or a local server: the tests never leave 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from index import ModelUnavailable, SentenceTransformerEmbedder
from index import cli as cli_module
from index.model_source import locate_model
from tests.conftest import closed_url, index_settings

HINT = "fetch it with: python -m index fetch-model"


@pytest.mark.parametrize("model", ["{tmp}/nowhere/model", "./nowhere/model", "../nowhere/model", "~/nowhere-x7/model",
                                   "nowhere/deeper/model"],
                         ids=["absolute", "dot-slash", "dot-dot", "home", "two-slashes"])
def test_a_missing_model_folder_is_refused_with_the_fetch_hint(model: str, tmp_path: Path) -> None:
    model = model.format(tmp=tmp_path)
    with pytest.raises(ModelUnavailable, match=f"^model folder {model} is missing; {HINT}$"):
        locate_model(model)



class _GatedHub(BaseHTTPRequestHandler):
    """A hub that answers every request 401, as huggingface.co does for a gated model."""

    def do_GET(self) -> None:
        self.send_response(401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def answering_hub() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _GatedHub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("model", ["google/embeddinggemma-300m", "bert-base-uncased"], ids=["org-name", "bare-name"])
def test_a_hub_id_not_cached_needs_the_hub_and_says_so_at_once(model: str, tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match=r"^cannot reach the Hugging Face hub for .*ConnectError.*; set "
                                                r"INDEX_MODEL to a local folder, see python -m index fetch-model$"):
        locate_model(model, cache_dir=tmp_path, endpoint=closed_url())


def test_a_hub_id_in_the_local_cache_needs_no_hub(tmp_path: Path) -> None:
    repo = tmp_path / "models--google--embeddinggemma-300m"  # huggingface_hub's cache layout
    snapshot = repo / "snapshots" / ("0" * 40)
    snapshot.mkdir(parents=True)
    (snapshot / "config.json").write_text("{}")
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("0" * 40)
    located = locate_model("google/embeddinggemma-300m", cache_dir=tmp_path,
                           endpoint=closed_url())
    assert Path(located) == snapshot


def test_a_hub_id_is_loaded_from_the_hub_when_it_answers(tmp_path: Path, answering_hub: str) -> None:
    assert locate_model("google/embeddinggemma-300m", cache_dir=tmp_path, endpoint=answering_hub) == \
        "google/embeddinggemma-300m"


def test_a_value_that_is_neither_folder_nor_hub_id_says_so(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match="neither a model folder nor a hub id"):
        locate_model("my model", cache_dir=tmp_path)


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
