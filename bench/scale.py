"""``python -m bench scale``: how index build time, memory, search latency and recall grow with the
corpus, for exact FAISS search and the approximate indexes the project can build.

The corpora are SYNTHETIC (embedding a million passages with EmbeddingGemma on this CPU would take
days): unit vectors of dimension 768 drawn from a mixture of 1024 anisotropic gaussians grouped in
32 topics, around a shared mean direction, then normalised (see ``SyntheticCorpus``). Plain random
unit vectors would make every point nearly equidistant from every other, which is unlike real
embeddings and unfair to approximate search; the mixture is tuned so that a random pair has cosine
~0.26 and a query's nearest neighbours ~0.7-0.8 with a local intrinsic dimension ~20, in the range
of real sentence embeddings (the project's own 51-chunk index: random pair 0.34, nearest 0.62).
Queries are fresh draws from the same mixture, not corpus vectors. Recall of an approximate index
is measured against exact search (IndexFlatIP) on the same vectors, so it says how much the index
loses, not how good the embeddings are.

Every index is built by ``index.store`` exactly as the project builds it (``new_faiss_index`` +
``fill_faiss_index``, i.e. ``make_faiss_index``), with its shipped search parameters; a sweep of
nprobe / efSearch shows the trade-off around them. Builds and batch searches use all cores;
single-query latency is timed with ``faiss.omp_set_num_threads(1)``, one query at a time.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import sys
import time
from pathlib import Path

import faiss
import numpy as np

from index import store

from .common import (
    RESULTS_DIR,
    format_table,
    machine_info,
    machine_line,
    now_iso,
    peak_rss_bytes,
    percentile,
    rss_bytes,
    write_json,
)

DIM = 768
K = 10  # recall@K and latency are for top-10 searches
K_WIDE = 40  # what index.retrieval asks the chunk index for (_CANDIDATES)
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (2_000, 20_000)
KINDS = ("flat", "ivf_sq8", "hnsw_sq8")
SWEEP = {"ivf_sq8": ("nprobe", (1, 2, 4, 8, 16, 32, 64, 128)), "hnsw_sq8": ("efSearch", (16, 32, 64, 128, 256, 512)),
         "hnsw": ("efSearch", (16, 32, 64, 128, 256, 512))}
TARGETS = {"at_size": 1_000_000, "p50_ms": 5.0, "recall_at_10": 0.95, "memory_mb": 1500.0}
LATENCY_MAX_S = 40.0  # per timed run: stop early (keeping at least LATENCY_MIN_QUERIES) past this
SWEEP_LATENCY_MAX_S = 8.0
LATENCY_MIN_QUERIES = 30
WARMUP_QUERIES = 5
_GEN_BATCH = 50_000


class SyntheticCorpus:
    """Unit vectors from a clustered, anisotropic gaussian mixture (deterministic by seed).

    x = normalise(sqrt(mean_w)*g + sqrt(cluster_w)*(a*c[k] + (1-a)*c[k2]) + sqrt(noise_w)*(z * s[perm[k]]) @ R)

    g: a shared mean direction (real embeddings are anisotropic: all share a common component);
    c[k]: unit centre of cluster k, itself half a random direction and half one of ``topics``
    topic directions, so clusters of a topic are related; cluster sizes are log-normal;
    k2, a ~ U(0.5, 1): a second cluster the point leans towards (a passage touches two subjects),
    so clusters are not islands: without it IVF finds a query's neighbours all in one list, which
    flatters IVF far beyond real embeddings;
    z: standard normal; s: a power-law spectrum (s_i ~ i^-decay, unit total variance) which each
    cluster applies along its own permutation of the axes of a random rotation R, so each cluster
    spreads mostly along a few directions of its own.
    """

    def __init__(self, dim: int = DIM, clusters: int = 1024, topics: int = 32, mean_w: float = 0.25,
                 cluster_w: float = 0.35, noise_w: float = 0.40, decay: float = 0.6, seed: int = 0):
        self.params = {"dim": dim, "clusters": clusters, "topics": topics, "mean_w": mean_w,
                       "cluster_w": cluster_w, "noise_w": noise_w, "decay": decay, "seed": seed}
        self.dim, self.clusters, self.seed = dim, clusters, seed
        rng = np.random.default_rng([seed, 12345])
        g = rng.standard_normal(dim)
        self.mean_dir = (g / np.linalg.norm(g)).astype(np.float32)
        topic = _unit(rng.standard_normal((topics, dim)))
        centres = _unit(rng.standard_normal((clusters, dim))) + topic[rng.integers(topics, size=clusters)]
        self.centres = _unit(centres).astype(np.float32)
        q, _ = np.linalg.qr(rng.standard_normal((dim, dim)))
        self.rotation = q.astype(np.float32)
        spectrum = np.arange(1, dim + 1, dtype=np.float64) ** -decay
        self.spectrum = (spectrum / np.sqrt((spectrum ** 2).sum())).astype(np.float32)
        self.perm = np.stack([rng.permutation(dim) for _ in range(clusters)]).astype(np.int16)
        weights = rng.lognormal(0.0, 1.0, clusters)
        self.weights = weights / weights.sum()
        self.a, self.b, self.c = (np.float32(math.sqrt(w)) for w in (mean_w, cluster_w, noise_w))

    def describe(self) -> str:
        p = self.params
        return (f"synthetic unit vectors, d={p['dim']}: mixture of {p['clusters']} anisotropic gaussians in "
                f"{p['topics']} topics, each point leaning towards a second cluster, around a shared mean direction (variance shares mean/cluster/noise "
                f"{p['mean_w']}/{p['cluster_w']}/{p['noise_w']}, noise spectrum i^-{p['decay']}), normalised; "
                f"not random uniform vectors, not real embeddings")

    def fill(self, out: np.ndarray, stream: int) -> np.ndarray:
        """Fill ``out`` (n x dim float32) with vectors of random stream ``stream``, batch by batch."""
        for number, start in enumerate(range(0, len(out), _GEN_BATCH)):
            rng = np.random.default_rng([self.seed, stream, number])
            n = min(_GEN_BATCH, len(out) - start)
            labels = rng.choice(self.clusters, size=n, p=self.weights)
            second = rng.choice(self.clusters, size=n, p=self.weights)
            lean = rng.uniform(0.5, 1.0, size=(n, 1)).astype(np.float32)
            z = rng.standard_normal((n, self.dim), dtype=np.float32)
            z *= self.spectrum[self.perm[labels]]
            x = z @ self.rotation
            x *= self.c
            x += self.a * self.mean_dir
            x += self.b * (lean * self.centres[labels] + (1 - lean) * self.centres[second])
            x /= np.linalg.norm(x, axis=1, keepdims=True)
            out[start:start + n] = x
        return out

    def sample(self, n: int, stream: int) -> np.ndarray:
        return self.fill(np.empty((n, self.dim), dtype=np.float32), stream)


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def serialized_bytes(index: faiss.Index) -> int:
    """Size of ``faiss.serialize_index(index)``, counted as it streams out instead of copied into
    memory (a flat index of a million vectors would otherwise cost 3 GB more, twice)."""
    total = 0

    def count(chunk: bytes) -> None:
        nonlocal total
        total += len(chunk)

    faiss.write_index(index, faiss.PyCallbackIOWriter(count))
    return total


def recall(found: np.ndarray, truth: np.ndarray, k: int) -> float:
    """Mean over the queries in ``found`` (the first rows of ``truth``) of |found & true top-k| / k."""
    pairs = list(zip(found, truth))
    hits = sum(len(set(f[:k].tolist()) & set(t[:k].tolist())) for f, t in pairs)
    return hits / (k * len(pairs))


def single_query_latency(index: faiss.Index, queries: np.ndarray, k: int, max_seconds: float) -> dict:
    """Time ``index.search`` on one query at a time with one thread; returns the wall-clock
    latencies (ms), the CPU time of the searching thread (ms: what the search costs when the
    machine is shared and the process gets preempted) and the ids found, for as many queries as fit in ``max_seconds`` (at least a minimum)."""
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        for i in range(min(WARMUP_QUERIES, len(queries))):
            index.search(queries[i:i + 1], k)
        times, cpu, ids = [], [], []
        started = time.perf_counter()
        for i in range(len(queries)):
            query = queries[i:i + 1]
            c0 = time.thread_time_ns()
            t0 = time.perf_counter_ns()
            _, found = index.search(query, k)
            times.append((time.perf_counter_ns() - t0) / 1e6)
            cpu.append((time.thread_time_ns() - c0) / 1e6)
            ids.append(found[0])
            if len(times) >= LATENCY_MIN_QUERIES and time.perf_counter() - started > max_seconds:
                break
    finally:
        faiss.omp_set_num_threads(threads)
    return {"times_ms": times, "cpu_ms": cpu, "ids": np.array(ids)}


def _set_param(index: faiss.Index, name: str, value: int) -> None:
    if name == "nprobe":
        faiss.extract_index_ivf(index).nprobe = value
    else:
        faiss.downcast_index(index).hnsw.efSearch = value


def _get_param(index: faiss.Index, name: str) -> int:
    if name == "nprobe":
        return int(faiss.extract_index_ivf(index).nprobe)
    return int(faiss.downcast_index(index).hnsw.efSearch)


def _params(index: faiss.Index, kind: str) -> dict:
    if kind == "ivf_sq8":
        ivf = faiss.extract_index_ivf(index)
        return {"nlist": int(ivf.nlist), "nprobe": int(ivf.nprobe), "codes": "SQ8 (8 bits/dim)",
                "kmeans_train": min(index.ntotal, int(ivf.nlist) * store.IVF_TRAIN_PER_LIST),
                "kmeans_iter": store.IVF_NITER}
    if kind in ("hnsw_sq8", "hnsw"):
        hnsw = faiss.downcast_index(index).hnsw
        return {"M": store.HNSW_SQ8_M if kind == "hnsw_sq8" else 32, "efConstruction": int(hnsw.efConstruction),
                "efSearch": int(hnsw.efSearch), "codes": "SQ8 (8 bits/dim)" if kind == "hnsw_sq8" else "float32"}
    return {"codes": "float32"}


def _describe_params(params: dict) -> str:
    return " ".join(f"{k}={v}" for k, v in params.items() if k not in ("codes", "kmeans_train", "kmeans_iter"))


class Run:
    """One benchmark run: the clock, the log and the time budget."""

    def __init__(self, budget_s: float, verbose: bool = True):
        self.started = time.perf_counter()
        self.budget_s = budget_s
        self.verbose = verbose
        self.build_seconds: dict[str, tuple[int, float]] = {}  # kind -> (size, build s) of the last build

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def log(self, message: str) -> None:
        if self.verbose:
            print(f"[{self.elapsed():6.1f}s] {message}", flush=True)

    def estimate_build(self, kind: str, n: int) -> float | None:
        if kind not in self.build_seconds:
            return None
        n0, t0 = self.build_seconds[kind]
        growth = n / n0
        log_factor = 1.0 + 0.1 * math.log2(max(growth, 1.0)) if kind.startswith("hnsw") else 1.0  # HNSW: n log n
        return t0 * growth * log_factor


def bench_size(n: int, corpus: SyntheticCorpus, tune_q: np.ndarray, eval_q: np.ndarray, kinds: tuple[str, ...],
               run: Run, all_threads: int) -> tuple[list[dict], dict]:
    run.log(f"size {n:,}: generating {n:,} x {DIM} vectors ({n * DIM * 4 / 1e9:.2f} GB float32)")
    t0 = time.perf_counter()
    x = corpus.sample(n, stream=0)
    data = {"size": n, "generate_s": round(time.perf_counter() - t0, 2)}
    rows = []

    faiss.omp_set_num_threads(all_threads)
    gc.collect()
    rss0 = rss_bytes()
    t0 = time.perf_counter()
    flat = store.fill_faiss_index(store.new_faiss_index(n, DIM, "flat"), x)
    build_s = time.perf_counter() - t0
    rss_delta = rss_bytes() - rss0
    scores, truth_eval = flat.search(eval_q, K_WIDE)
    _, truth_tune = flat.search(tune_q, K_WIDE)
    pairs = np.random.default_rng(1).integers(n, size=(2000, 2))
    pair_cos = np.einsum("ij,ij->i", x[pairs[:, 0]], x[pairs[:, 1]])
    data.update({
        "random_pair_cos_mean": round(float(pair_cos.mean()), 3), "random_pair_cos_std": round(float(pair_cos.std()), 3),
        "query_nn1_cos": round(float(scores[:, 0].mean()), 3), "query_nn10_cos": round(float(scores[:, K - 1].mean()), 3),
        "query_nn40_cos": round(float(scores[:, K_WIDE - 1].mean()), 3),
    })
    if "flat" in kinds:
        run.log(f"size {n:,}: flat built in {build_s:.2f}s; timing {len(eval_q)} single queries (1 thread)")
        lat = single_query_latency(flat, eval_q, K, LATENCY_MAX_S)
        rows.append(_row(n, "flat", flat, build_s, rss_delta, lat, eval_q, truth_eval, {"codes": "float32"}, None))
        run.log(f"size {n:,}: flat p50 {rows[-1]['p50_ms']:.2f} ms")
    del flat
    gc.collect()

    for kind in (k for k in kinds if k != "flat"):
        estimate = run.estimate_build(kind, n)
        if estimate is not None and run.elapsed() + 1.3 * estimate > run.budget_s:
            reason = (f"skipped: estimated build {estimate:.0f}s would overrun the {run.budget_s:.0f}s budget "
                      f"(elapsed {run.elapsed():.0f}s)")
            run.log(f"size {n:,}: {kind} {reason}")
            rows.append({"size": n, "index": kind, "skipped": reason, "auto": _is_auto(n, kind)})
            continue
        run.log(f"size {n:,}: building {kind} with {all_threads} threads"
                + (f" (estimated {estimate:.0f}s)" if estimate else ""))
        gc.collect()
        rss0 = rss_bytes()
        t0 = time.perf_counter()
        index = store.new_faiss_index(n, DIM, kind)
        last = [t0]

        def progress(stage: str, done: int, total: int) -> None:
            now = time.perf_counter()
            if stage == "train" or now - last[0] > 15 or done == total:
                last[0] = now
                rate = "" if stage == "train" else f", {done / max(now - t0, 1e-9):,.0f} vectors/s"
                run.log(f"size {n:,}: {kind} {stage} {done:,}/{total:,} ({now - t0:.1f}s{rate})")

        store.fill_faiss_index(index, x, progress)
        build_s = time.perf_counter() - t0
        rss_delta = rss_bytes() - rss0
        run.build_seconds[kind] = (n, build_s)
        params = _params(index, kind)
        sweep = _sweep(index, kind, tune_q, eval_q, truth_tune, truth_eval, all_threads)
        run.log(f"size {n:,}: {kind} built in {build_s:.1f}s; timing {len(eval_q)} single queries (1 thread)")
        lat = single_query_latency(index, eval_q, K, LATENCY_MAX_S)
        rows.append(_row(n, kind, index, build_s, rss_delta, lat, eval_q, truth_eval, params, sweep))
        row = rows[-1]
        run.log(f"size {n:,}: {kind} {_describe_params(params)}: p50 {row['p50_ms']:.2f} ms, "
                f"recall@10 {row['recall_at_10']:.3f}, {row['memory_mb']:.0f} MB")
        del index
        gc.collect()
    del x
    gc.collect()
    return rows, data


def _sweep(index: faiss.Index, kind: str, tune_q: np.ndarray, eval_q: np.ndarray, truth_tune: np.ndarray,
           truth_eval: np.ndarray, all_threads: int) -> dict:
    """Recall (tuning and evaluation queries, batch, all threads) and single-query latency for
    each value of the search parameter; the shipped value is restored afterwards."""
    name, values = SWEEP[kind]
    shipped = _get_param(index, name)
    limit = faiss.extract_index_ivf(index).nlist if name == "nprobe" else max(values)
    points = []
    for value in sorted({v for v in values if v <= limit} | {shipped}):
        _set_param(index, name, value)
        faiss.omp_set_num_threads(all_threads)
        _, tune10 = index.search(tune_q, K)
        _, eval40 = index.search(eval_q, K_WIDE)
        lat = single_query_latency(index, eval_q, K, SWEEP_LATENCY_MAX_S)
        points.append({
            name: value, "recall_at_10_tune": round(recall(tune10, truth_tune, K), 4),
            "recall_at_10": round(recall(lat["ids"], truth_eval, K), 4),
            "recall_at_40": round(recall(eval40, truth_eval, K_WIDE), 4),
            "p50_ms": round(percentile(lat["times_ms"], 50), 3), "p95_ms": round(percentile(lat["times_ms"], 95), 3),
            "p50_cpu_ms": round(percentile(lat["cpu_ms"], 50), 3),
        })
    _set_param(index, name, shipped)
    meeting = [p[name] for p in points if p["recall_at_10_tune"] >= TARGETS["recall_at_10"]]
    return {"param": name, "shipped": shipped, "smallest_meeting_recall_target_on_tuning_queries":
            min(meeting) if meeting else None, "points": points}


def _row(n: int, kind: str, index: faiss.Index, build_s: float, rss_delta: int, lat: dict, queries: np.ndarray,
         truth: np.ndarray, params: dict, sweep: dict | None) -> dict:
    """The result of one index at one size: recall@10 from the timed single-query searches,
    recall@40 (what retrieval asks for) from one batch search."""
    times = lat["times_ms"]
    size = serialized_bytes(index)
    _, wide = index.search(queries, K_WIDE)
    recall40 = recall(wide, truth, K_WIDE)
    row = {
        "size": n, "index": kind, "auto": _is_auto(n, kind), "params": params,
        "build_s": round(build_s, 3), "bytes": size, "memory_mb": round(size / 1e6, 1),
        "bytes_per_vector": round(size / n, 1), "rss_delta_mb": round(rss_delta / 1e6, 1),
        "p50_ms": round(percentile(times, 50), 3), "p95_ms": round(percentile(times, 95), 3),
        "mean_ms": round(sum(times) / len(times), 3), "p50_cpu_ms": round(percentile(lat["cpu_ms"], 50), 3),
        "p95_cpu_ms": round(percentile(lat["cpu_ms"], 95), 3), "latency_queries": len(times),
        "recall_at_10": round(recall(lat["ids"], truth, K), 4), "recall_at_40": round(recall40, 4),
    }
    if sweep is not None:
        row["sweep"] = sweep
    return row


def _is_auto(n: int, kind: str) -> bool:
    return store.resolve_index_type(n, "auto") == kind


COLUMNS = [("size", "size"), ("index", "index"), ("auto_mark", "auto"), ("param_text", "params"),
           ("build_s", "build s"), ("memory_mb", "memory MB"), ("rss_delta_mb", "RSS+ MB"), ("p50_ms", "p50 ms"),
           ("p95_ms", "p95 ms"), ("p50_cpu_ms", "p50 cpu ms"), ("recall_at_10", "recall@10"),
           ("recall_at_40", "recall@40")]


def table(rows: list[dict]) -> str:
    shown = []
    for row in rows:
        view = dict(row)
        view["size"] = f"{row['size']:,}"
        view["auto_mark"] = "*" if row.get("auto") else ""
        view["param_text"] = row.get("skipped", "")[:60] or _describe_params(row.get("params", {})) or "exact"
        shown.append(view)
    return format_table(shown, COLUMNS)


def plot(result: dict, path: Path) -> Path | None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no plot (pip install matplotlib)", flush=True)
        return None
    fig, ax = plt.subplots(figsize=(7.5, 5))
    kinds = list(dict.fromkeys(r["index"] for r in result["results"]))
    for kind in kinds:
        points = sorted((r["size"], r["p50_ms"], r["recall_at_10"]) for r in result["results"]
                        if r["index"] == kind and "p50_ms" in r)
        if not points:
            continue
        xs, ys, recalls = zip(*points)
        label = kind if kind == "flat" else f"{kind} ({_describe_params(_shipped_params(result, kind))})"
        skipped = [r["size"] for r in result["results"] if r["index"] == kind and "skipped" in r]
        if skipped:
            label += f"; not built at {', '.join(_short(s) for s in skipped)} (time budget)"
        (line,) = ax.plot(xs, ys, marker="o", label=label)
        if kind != "flat":
            for xv, yv, rv in points:
                ax.annotate(f"R@10 {rv:.3f}", (xv, yv), textcoords="offset points", xytext=(5, -11), fontsize=7,
                            color=line.get_color())
    ax.axhline(TARGETS["p50_ms"], color="grey", linestyle="--", linewidth=1)
    ax.text(0.01, TARGETS["p50_ms"] * 1.08, f"target p50 at {TARGETS['at_size']:,}: {TARGETS['p50_ms']:g} ms",
            fontsize=8, color="grey", transform=ax.get_yaxis_transform())
    ax.set_xscale("log")
    ax.set_yscale("log")
    sizes = sorted({r["size"] for r in result["results"]})
    ax.set_xticks(sizes, [_short(s) for s in sizes])
    ax.minorticks_off()
    ax.set_xlim(sizes[0] / 1.6, sizes[-1] * 1.6)
    ax.set_xlabel("corpus size (vectors, d=768)")
    ax.set_ylabel("single-query search latency p50 (ms, 1 thread, top-10)")
    ax.set_title("Search latency vs corpus size (synthetic clustered vectors)", fontsize=10)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=8)
    fig.text(0.01, 0.01, f"{result['machine']['cpu']}, {result['machine']['logical_cores']} cores; "
                         f"{result['config']['queries']} queries", fontsize=7, color="grey")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def _short(n: int) -> str:
    for unit, div in (("M", 1_000_000), ("k", 1_000)):
        if n >= div and n % (div // 10) == 0:
            return f"{n / div:g}{unit}"
    return str(n)


def _shipped_params(result: dict, kind: str) -> dict:
    rows = [r for r in result["results"] if r["index"] == kind and "params" in r]
    params = dict(rows[-1]["params"]) if rows else {}
    params.pop("nlist", None)  # nlist grows with the size; nprobe is what the reader tunes
    return params


def auto_policy(sizes: list[int]) -> dict:
    return {
        "setting": "IndexSettings.index_type = 'auto' (INDEX_INDEX_TYPE), implemented in index.store.make_faiss_index",
        "rule": f"flat (IndexFlatIP, exact) up to {store.ANN_ABOVE:,} vectors; {store.AUTO_ANN} above",
        "ann_above": store.ANN_ABOVE,
        "ann": store.AUTO_ANN,
        "ivf_sq8": {"shape": store.IVF_RULE, "codes": "SQ8 (8 bits/dimension) of the residual to the centroid",
                    "kmeans": f"spherical, {store.IVF_NITER} iterations on {store.IVF_TRAIN_PER_LIST} vectors/list",
                    "by_size": {str(n): dict(zip(("nlist", "nprobe"), store.ivf_shape(n))) for n in sizes}},
        "hnsw_sq8": {"M": store.HNSW_SQ8_M, "efConstruction": store.HNSW_SQ8_EF_CONSTRUCTION,
                     "efSearch": store.HNSW_SQ8_EF_SEARCH},
        "persistence": "nprobe / efSearch are set on the index before it is written; faiss.write_index stores "
                       "them and faiss.read_index restores them",
        "by_size": {str(n): store.resolve_index_type(n, "auto") for n in sizes},
    }


def check_targets(rows: list[dict]) -> dict:
    out = {}
    for row in rows:
        if row["size"] != TARGETS["at_size"] or "p50_ms" not in row or row["index"] == "flat":
            continue
        out[row["index"]] = {
            "p50_ms": row["p50_ms"] <= TARGETS["p50_ms"], "recall_at_10": row["recall_at_10"] >= TARGETS["recall_at_10"],
            "memory_mb": row["memory_mb"] <= TARGETS["memory_mb"],
        }
        out[row["index"]]["all"] = all(out[row["index"]].values())
    return out


def run_scale(sizes: list[int], queries: int = 200, kinds: tuple[str, ...] = KINDS, seed: int = 0,
              out_dir: Path | str | None = None, name: str = "scale", budget_s: float = 14 * 60,
              make_plot: bool = True, verbose: bool = True) -> dict:
    """Run the benchmark and write ``<out_dir>/<name>.json`` (and ``.png``); return the result."""
    run = Run(budget_s, verbose)
    all_threads = os.cpu_count() or 1
    machine = machine_info()
    corpus = SyntheticCorpus(seed=seed)
    query_text = (f"{queries} evaluation + {queries} tuning queries, fresh draws from the same mixture "
                  f"(not corpus vectors); top-{K}")
    thread_text = (f"build and batch searches with all {all_threads} threads; single-query latency with "
                   f"faiss.omp_set_num_threads(1), one query per search call, {WARMUP_QUERIES} warm-up queries")
    if verbose:
        print(f"bench scale: sizes {', '.join(f'{s:,}' for s in sizes)}; indexes {', '.join(kinds)}", flush=True)
        print(f"machine: {machine_line(machine)}", flush=True)
        print(f"data:    {corpus.describe()}", flush=True)
        print(f"queries: {query_text}", flush=True)
        print(f"threads: {thread_text}", flush=True)
        print(f"auto:    {auto_policy(sizes)['rule']}", flush=True)
    tune_q = corpus.sample(queries, stream=1)
    eval_q = corpus.sample(queries, stream=2)
    rows, data = [], []
    for n in sizes:
        size_rows, size_data = bench_size(n, corpus, tune_q, eval_q, kinds, run, all_threads)
        rows += size_rows
        data.append(size_data)
    result = {
        "benchmark": "scale",
        "created": now_iso(),
        "machine": machine,
        "config": {"sizes": sizes, "queries": queries, "k": K, "k_wide": K_WIDE, "kinds": list(kinds), "seed": seed,
                   "threads_build": all_threads, "threads_search": 1, "threads": thread_text,
                   "memory": "memory_mb = bytes of faiss.serialize_index(index) / 1e6; rss_delta_mb = process RSS "
                             "after minus before the build (allocator-dependent, indicative)"},
        "data": {"kind": "synthetic", "random_unit_vectors": False, "description": corpus.describe(),
                 "generator": corpus.params, "queries": query_text, "by_size": data,
                 "matryoshka": "not measured: a Matryoshka cut (e.g. first 256 dims) is only meaningful on real "
                               "EmbeddingGemma vectors; synthetic vectors have no such ordering"},
        "targets": TARGETS,
        "results": rows,
        "auto_policy": auto_policy(sizes),
        "targets_met": check_targets(rows),
        "total_s": round(run.elapsed(), 1),
        "peak_rss_mb": round(peak_rss_bytes() / 1e6, 1),
    }
    path = write_json(name, result, out_dir)
    png = plot(result, path.with_suffix(".png")) if make_plot else None
    if verbose:
        print(flush=True)
        print(table(rows), flush=True)
        print("auto = what index_type='auto' builds at that size. memory = serialized index; RSS+ = RSS growth "
              "during the build. p50/p95: wall clock, one query per call, 1 thread; p50 cpu: CPU time of the "
              "searching thread (differs from wall when other processes share the cores).", flush=True)
        for kind, met in result["targets_met"].items():
            print(f"targets at {TARGETS['at_size']:,} for {kind}: " + ", ".join(
                f"{k} {'ok' if v else 'MISSED'}" for k, v in met.items() if k != "all"), flush=True)
        print(f"total {result['total_s']:.0f}s; results: {path}" + (f", plot: {png}" if png else ""), flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=None, help="comma-separated corpus sizes (default 10000,100000,1000000)")
    parser.add_argument("--queries", type=int, default=200, help="evaluation queries (as many again for tuning)")
    parser.add_argument("--quick", action="store_true", help=f"sizes {','.join(map(str, QUICK_SIZES))}, "
                        "results to scale-quick.json/png")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"indexes to measure (default {','.join(KINDS)})")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=None, help=f"results folder (default {RESULTS_DIR})")
    parser.add_argument("--budget-min", type=float, default=14.0,
                        help="skip an approximate build estimated to end past this many minutes (default 14)")
    parser.add_argument("--no-plot", action="store_true")
    args = parser.parse_args(argv)
    if args.sizes and args.quick:
        parser.error("--quick sets the sizes; give one or the other")
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")] if args.sizes else \
            list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
    except ValueError:
        parser.error(f"--sizes: not a list of integers: {args.sizes!r}")
    kinds = tuple(k.strip() for k in args.kinds.split(",") if k.strip())
    unknown = [k for k in kinds if k not in ("flat", *SWEEP)]
    if unknown:
        parser.error(f"--kinds: unknown {', '.join(unknown)}; choose from flat, {', '.join(SWEEP)}")
    if min(sizes) < K_WIDE or args.queries < 1:
        parser.error(f"sizes must be at least {K_WIDE} and --queries at least 1")
    run_scale(sizes, args.queries, kinds, args.seed, args.out, "scale-quick" if args.quick else "scale",
              args.budget_min * 60, not args.no_plot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
