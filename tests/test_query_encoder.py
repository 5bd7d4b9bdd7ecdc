"""The OpenVINO int8 query encoder: agrees with the float model, knows when its export is stale,
never leaves a half-written export, and falls back to the float model when it cannot load."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
import pytest

from index import query_encoder
from index.embedding import QUERY_PROMPT
from index.query_encoder import (
    COMPILED_CACHE,
    EXPORT_FORMAT,
    EXPORT_INFO,
    STATIC_LENGTHS,
    TOKENIZER,
    WEIGHTS,
    QueryEncoderError,
    export,
    fingerprint,
    is_current,
)
from tests.conftest import index_settings

DATA = Path(__file__).parent / "data"


def _model_folder(root: Path) -> Path:
    folder = root / "model"
    (folder / "2_Dense").mkdir(parents=True)
    (folder / "model.safetensors").write_bytes(b"weights")
    (folder / "2_Dense" / "model.safetensors").write_bytes(b"dense")
    (folder / "config.json").write_text("{}")
    return folder


def _fake_export(folder: Path, model: str, **info) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("model.xml", "model.bin", TOKENIZER):
        (folder / name).write_text("not a real file")
    (folder / EXPORT_INFO).write_text(json.dumps(
        {"format": EXPORT_FORMAT, "fingerprint": fingerprint(model), "weights": WEIGHTS, "max_tokens": 2048, **info}))


def test_an_export_is_current_only_for_the_weights_it_came_from(tmp_path: Path) -> None:
    model = _model_folder(tmp_path)
    export_dir = tmp_path / "export"
    assert not is_current(export_dir, str(model))
    _fake_export(export_dir, str(model))
    assert is_current(export_dir, str(model))

    dense = model / "2_Dense" / "model.safetensors"
    dense.write_bytes(b"other dense weights")  # a changed file anywhere in the model folder
    assert not is_current(export_dir, str(model))

    _fake_export(export_dir, str(model), weights="int4_sym")
    assert not is_current(export_dir, str(model))
    _fake_export(export_dir, str(model), format=EXPORT_FORMAT - 1)  # made by an older version
    assert not is_current(export_dir, str(model))
    _fake_export(export_dir, str(model))
    (export_dir / TOKENIZER).unlink()
    assert not is_current(export_dir, str(model))
    _fake_export(export_dir, str(model))
    (export_dir / "model.bin").unlink()
    assert not is_current(export_dir, str(model))
    (export_dir / "model.bin").write_bytes(b"\0")
    (export_dir / EXPORT_INFO).write_text("{not json")
    assert not is_current(export_dir, str(model))


def test_a_hub_id_is_its_own_fingerprint(tmp_path: Path) -> None:
    assert fingerprint("google/embeddinggemma-300m") == "google/embeddinggemma-300m"
    assert fingerprint(str(_model_folder(tmp_path))) != fingerprint(str(tmp_path / "elsewhere"))


def test_a_failed_export_leaves_no_folder_that_looks_complete(tmp_path: Path, monkeypatch) -> None:
    model = _model_folder(tmp_path)
    target = tmp_path / "export"

    def crash(model: str, folder: Path) -> dict:
        (folder / "model.xml").write_text("<half")  # partly written, then the converter fails
        raise RuntimeError("converter ran out of memory")

    monkeypatch.setattr(query_encoder, "_export_int8", crash)
    with pytest.raises(QueryEncoderError, match="converter ran out of memory"):
        export(str(model), target)
    assert not target.exists()
    assert not (tmp_path / "export.partial").exists()


def test_an_unwritable_export_folder_is_a_query_encoder_error(tmp_path: Path) -> None:
    model = _model_folder(tmp_path)
    (tmp_path / "a-file").write_text("")
    with pytest.raises(QueryEncoderError, match="cannot write"):
        export(str(model), tmp_path / "a-file" / "export")  # its parent is a file: no lock, no folder


def test_export_never_replaces_a_folder_that_is_not_an_export(tmp_path: Path, monkeypatch) -> None:
    model = _model_folder(tmp_path)
    precious = tmp_path / "work"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    monkeypatch.setattr(query_encoder, "_export_int8", lambda *a: pytest.fail("exported over a foreign folder"))
    with pytest.raises(QueryEncoderError, match="not a query encoder export"):
        export(str(model), precious)
    assert (precious / "notes.txt").read_text() == "keep me"


def test_export_does_nothing_when_the_export_is_current(tmp_path: Path, monkeypatch) -> None:
    model = _model_folder(tmp_path)
    target = tmp_path / "export"
    _fake_export(target, str(model))
    monkeypatch.setattr(query_encoder, "_export_int8", lambda *a: pytest.fail("exported again"))
    assert export(str(model), target) == target


def test_settings_place_the_export_beside_the_model(tmp_path: Path) -> None:
    settings = index_settings(model=str(tmp_path / "gemma"))
    assert settings.query_encoder_path() == tmp_path / "gemma-openvino-int8"
    assert index_settings(query_encoder_dir=tmp_path / "x").query_encoder_path() == tmp_path / "x"
    # an empty value (as .env.example has it) means the default, not the current folder
    assert index_settings(model=str(tmp_path / "gemma"), query_encoder_dir="").query_encoder_path() == \
        tmp_path / "gemma-openvino-int8"
    hub = index_settings(model="google/embeddinggemma-300m").query_encoder_path()
    assert hub.name == "google_embeddinggemma-300m-openvino-int8"


def _seed_lines() -> list[str]:
    root = Path(__file__).resolve().parent.parent / "seeds"
    lines = (line.strip() for path in sorted(root.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


@pytest.mark.model
def test_int8_encoder_is_a_drop_in_for_the_float_model(embedder, tmp_path: Path, caplog) -> None:
    """The session embedder uses the export; a second one, given a damaged export, must fall back
    to the float model (logged) and still embed. Their question vectors must nearly coincide, and
    the export's own tokenizer must count tokens exactly as the float model's (chunking uses it)."""
    settings = index_settings()
    if embedder.query_backend != "openvino-int8":
        pytest.fail(f"the default embedder did not load the OpenVINO export: {embedder.query_backend}")
    damaged = tmp_path / "damaged"
    _fake_export(damaged, settings.model)  # current fingerprint, but nothing loadable
    from index import SentenceTransformerEmbedder

    with caplog.at_level(logging.WARNING, logger="index.embedding"):
        fallback = SentenceTransformerEmbedder(settings.model, settings.dim, query_encoder_dir=damaged)
    assert fallback.query_backend == "torch-float32"
    assert fallback.float_model_loaded
    assert "slower float model" in caplog.text

    questions = [json.loads(line)["question"] for line in (DATA / "questions.jsonl").open(encoding="utf-8")]
    # Questions in all four languages, one text longer than the model's 512-token sliding
    # attention window (the export must have kept the window's mask dynamic), one longer than
    # its 2048-token input.
    long_text = " ".join(_seed_lines())[:6000]
    assert embedder.count_tokens(long_text) > 1000
    corpus = " ".join(_seed_lines())  # past the model's 2048-token input: both must truncate alike
    sample = questions[:: max(1, len(questions) // 16)] + [long_text, corpus]
    # ...and questions for each fixed-length model as well as the dynamic one
    lengths = [embedder.count_tokens(QUERY_PROMPT + text) + 2 for text in sample]  # + <bos>, <eos>
    short, medium = STATIC_LENGTHS
    assert {"short", "medium", "long"} <= {"short" if n <= short else "medium" if n <= medium else "long"
                                           for n in lengths}
    fast = embedder.embed_queries(sample)
    # one at a time: batched, the float model would pad every question to the long text's length
    slow = np.vstack([fallback.embed_queries([text]) for text in sample])
    assert fast.shape == slow.shape == (len(sample), settings.dim)
    np.testing.assert_allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    cosines = (fast * slow).sum(axis=1)
    assert cosines.min() >= 0.99, cosines

    texts = _seed_lines() + questions + ["", "🙂 e-commerce 2,563 ৳১০০", "x" * 5000, corpus]
    assert embedder.count_tokens(corpus) > 2048
    assert len(texts) > 100
    assert [embedder.count_tokens(t) for t in texts] == [fallback.count_tokens(t) for t in texts]


@pytest.mark.model
def test_answering_questions_never_loads_the_float_model() -> None:
    from index import SentenceTransformerEmbedder

    settings = index_settings()
    fresh = SentenceTransformerEmbedder.from_settings(settings)
    assert fresh.embed_queries(["How many people visited the fair?"]).shape == (1, 768)
    # the compiled models were cached beside the export, so the next start skips compiling
    assert any((settings.query_encoder_path() / COMPILED_CACHE).glob("*.blob"))
    fresh.count_tokens("a passage to cut into chunks")
    assert not fresh.float_model_loaded
    vector = fresh.embed_documents(["Shopee opened a warehouse in Hanoi."])
    assert fresh.float_model_loaded and vector.shape == (1, 768)


@pytest.mark.model
def test_concurrent_questions_get_their_own_vectors(embedder) -> None:
    """The bot embeds from several threads at once, through shared infer requests (fixed-length
    and dynamic): each thread must get its own question's vector."""
    from concurrent.futures import ThreadPoolExecutor

    questions = ["How many people visited the fair?", "Gian hàng OCOP nào bán chạy nhất trên TikTok Shop năm nay?",
                 "থাইল্যান্ডে ই-কমার্স কত দ্রুত বাড়ছে?", "อีคอมเมิร์ซเส้นทางสายไหมคืออะไร " * 12]
    expected = {q: embedder.embed_queries([q])[0] for q in questions}
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda q: (q, embedder.embed_queries([q])[0]), questions * 6))
    for question, vector in got:
        np.testing.assert_allclose(vector, expected[question], atol=1e-5)
