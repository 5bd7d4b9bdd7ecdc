"""The scale benchmark at toy sizes (structure, not timings) and the index types it chose."""

from __future__ import annotations

import importlib.util
import json

import faiss
import numpy as np
import pytest

from bench import scale
from bench.__main__ import main as bench_main
from bench.common import format_table, percentile
from index import store


def _unit_vectors(n: int, dim: int = 64, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_quick_cli_writes_json_and_plot(tmp_path):
    assert bench_main(["scale", "--quick", "--queries", "20", "--kinds", "flat,ivf_sq8", "--out", str(tmp_path)]) == 0
    result = json.loads((tmp_path / "scale-quick.json").read_text())
    assert result["config"]["sizes"] == list(scale.QUICK_SIZES)
    assert result["data"]["kind"] == "synthetic" and result["data"]["random_unit_vectors"] is False
    assert {"cpu", "logical_cores", "ram_gib"} <= set(result["machine"])
    assert [(r["size"], r["index"]) for r in result["results"]] == [
        (size, kind) for size in scale.QUICK_SIZES for kind in ("flat", "ivf_sq8")]
    if importlib.util.find_spec("matplotlib") is not None:
        assert (tmp_path / "scale-quick.png").stat().st_size > 0


def test_tiny_run_structure_and_exact_recall(tmp_path):
    result = scale.run_scale([2000], queries=20, kinds=scale.KINDS, out_dir=tmp_path, name="tiny",
                             make_plot=False, verbose=False)
    assert json.loads((tmp_path / "tiny.json").read_text())["results"] == json.loads(json.dumps(result["results"]))
    rows = {row["index"]: row for row in result["results"]}
    assert set(rows) == set(scale.KINDS)
    for row in rows.values():
        for key in ("build_s", "bytes", "memory_mb", "rss_delta_mb", "p50_ms", "p95_ms", "p50_cpu_ms",
                    "recall_at_10", "recall_at_40", "params", "auto"):
            assert key in row, (row["index"], key)
        assert row["bytes"] > 0 and row["p50_ms"] > 0 and row["p95_ms"] >= row["p50_ms"]
        assert 0.0 <= row["recall_at_10"] <= 1.0
    assert rows["flat"]["recall_at_10"] == 1.0 and rows["flat"]["recall_at_40"] == 1.0
    assert rows["flat"]["bytes"] >= 2000 * scale.DIM * 4
    assert rows["ivf_sq8"]["bytes"] < rows["flat"]["bytes"] / 3  # 8 bits a dimension
    assert rows["flat"]["auto"] and not rows["ivf_sq8"]["auto"]  # 2k vectors: auto is exact
    for kind in ("ivf_sq8", "hnsw_sq8"):
        sweep = rows[kind]["sweep"]
        assert sweep["param"] in rows[kind]["params"] and len(sweep["points"]) >= 3
        assert sweep["shipped"] == rows[kind]["params"][sweep["param"]]
    assert result["data"]["by_size"][0]["size"] == 2000
    assert result["auto_policy"]["by_size"] == {"2000": "flat"}
    assert "ivf_sq8" not in result["targets_met"]  # targets are judged at 1M only
    assert "recall@10" in scale.table(result["results"])


def test_synthetic_corpus_is_deterministic_unit_and_clustered():
    corpus = scale.SyntheticCorpus(dim=64, clusters=16, topics=4)
    a, b = corpus.sample(500, stream=0), corpus.sample(500, stream=0)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, corpus.sample(500, stream=1))
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    sims = a @ a.T
    np.fill_diagonal(sims, -1)
    assert sims.max(axis=1).mean() > sims.mean() + 0.2  # neighbours are much closer than random pairs


def test_serialized_bytes_equals_serialize_index():
    index = store.make_faiss_index(_unit_vectors(300), "ivf_sq8")
    assert scale.serialized_bytes(index) == len(faiss.serialize_index(index))


def test_recall_and_percentile():
    truth = np.array([[1, 2, 3], [4, 5, 6]])
    assert scale.recall(truth, truth, 3) == 1.0
    assert scale.recall(np.array([[1, 2, 9]]), truth, 3) == pytest.approx(2 / 3)  # first query only
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert "1.50" in format_table([{"a": 1.5}], [("a", "A")])


@pytest.mark.parametrize("kind", ["flat", "hnsw", "hnsw_sq8", "ivf_sq8"])
def test_every_index_type_searches_and_round_trips(tmp_path, kind):
    x = _unit_vectors(2000)
    index = store.make_faiss_index(x, kind)
    assert index.ntotal == 2000
    path = tmp_path / "i.faiss"
    faiss.write_index(index, str(path))
    loaded = faiss.read_index(str(path))
    assert loaded.ntotal == 2000
    _, rows = loaded.search(x[:20], 5)
    assert (rows[:, 0] == np.arange(20)).mean() >= 0.9  # a vector finds itself
    if kind == "ivf_sq8":
        assert faiss.extract_index_ivf(loaded).nprobe == store.ivf_shape(2000)[1]
    if kind == "hnsw_sq8":
        assert faiss.downcast_index(loaded).hnsw.efSearch == store.HNSW_SQ8_EF_SEARCH


def test_auto_is_exact_up_to_the_threshold_then_ivf(monkeypatch):
    monkeypatch.setattr(store, "ANN_ABOVE", 1000)
    assert isinstance(store.make_faiss_index(_unit_vectors(1000), "auto"), faiss.IndexFlatIP)
    big = store.make_faiss_index(_unit_vectors(1500), "auto")
    assert faiss.try_extract_index_ivf(big) is not None and big.ntotal == 1500
    assert store.resolve_index_type(10**6, "auto") == store.AUTO_ANN
    with pytest.raises(ValueError):
        store.resolve_index_type(10, "annoy")


def test_ann_types_on_empty_or_tiny_corpora():
    assert store.make_faiss_index(np.zeros((0, 64), np.float32), "ivf_sq8").ntotal == 0
    assert store.make_faiss_index(np.zeros((0, 64), np.float32), "hnsw_sq8").ntotal == 0
    tiny = store.make_faiss_index(_unit_vectors(51), "ivf_sq8")
    assert tiny.ntotal == 51 and tiny.search(_unit_vectors(51)[:1], 40)[1].shape == (1, 40)
    assert store.ivf_shape(1_000_000) == (1024, 8)
    assert store.ivf_shape(51) == (1, 1)


def test_dispatcher_usage_and_unknown_command(capsys):
    assert bench_main(["--help"]) == 0
    assert "scale" in capsys.readouterr().out
    assert bench_main(["nonsense"]) == 2
