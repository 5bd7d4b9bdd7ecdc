"""Small helpers shared by the benchmarks: results files, tables, percentiles, memory, machine."""

from __future__ import annotations

import json
import math
import os
import platform
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import psutil

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def write_json(name: str, data: Any, out_dir: Path | str | None = None) -> Path:
    """Write ``data`` to ``<out_dir>/<name>.json`` (default bench/results/) and return the path."""
    folder = Path(out_dir) if out_dir is not None else RESULTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False, default=_jsonable) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def _jsonable(value: Any) -> Any:
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if hasattr(value, "tolist"):  # numpy arrays
        return value.tolist()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation, like numpy's default; nan if empty."""
    data = sorted(values)
    if not data:
        return math.nan
    pos = (len(data) - 1) * q / 100
    low = math.floor(pos)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (pos - low)


def format_table(rows: Iterable[dict], columns: Sequence[tuple[str, str]]) -> str:
    """Rows (dicts) as an aligned text table; ``columns`` is (key, header). Numbers right-aligned,
    floats with 3 significant decimals unless already strings."""
    rows = list(rows)
    cells = [[_cell(row.get(key)) for key, _ in columns] for row in rows]
    headers = [header for _, header in columns]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    numeric = [all(_is_number(row.get(key)) for row in rows if row.get(key) is not None) for key, _ in columns]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    return "\n".join(out)


def print_table(rows: Iterable[dict], columns: Sequence[tuple[str, str]]) -> None:
    print(format_table(rows, columns), flush=True)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        if math.isnan(value):
            return "-"
        if value == 0 or abs(value) >= 100:
            return f"{value:.0f}" if abs(value) >= 1000 else f"{value:.1f}"
        return f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"
    return str(value)


def rss_bytes() -> int:
    """Resident set size of this process now."""
    return psutil.Process().memory_info().rss


def peak_rss_bytes() -> int:
    """Peak resident set size of this process's own memory (VmHWM). Not ``ru_maxrss``: Linux
    carries that across ``execve``, so a probe started from a large parent reports the parent's."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:  # pragma: no cover - not Linux
        pass
    return rss_bytes()


def machine_info() -> dict:
    """CPU model, cores, RAM and software versions, for the header of every result."""
    info = {
        "cpu": _cpu_model(),
        "logical_cores": os.cpu_count(),
        "physical_cores": psutil.cpu_count(logical=False),
        "ram_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "ram_available_gib": round(psutil.virtual_memory().available / 2**30, 1),
        "load_average_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "os": platform.platform(),
        "python": platform.python_version(),
    }
    try:
        import faiss
        import numpy

        info["faiss"] = faiss.__version__
        info["faiss_simd"] = faiss.get_compile_options().strip()
        info["numpy"] = numpy.__version__
    except ImportError:  # pragma: no cover - faiss is a dependency
        pass
    return info


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_line(info: dict) -> str:
    return (f"{info['cpu']}, {info['logical_cores']} logical cores ({info['physical_cores']} physical), "
            f"{info['ram_gib']} GiB RAM ({info['ram_available_gib']} available), "
            f"load {info['load_average_1m']}, faiss {info.get('faiss')} [{info.get('faiss_simd')}]")


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
