"""The command line through its entry points: click's runner with a fake model, and one real
``python -m index`` process with the real model and index."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from index import IndexSettings, cli as cli_module
from tests.fakes import FakeEmbedder

ROOT = Path(__file__).parent.parent
ARTICLES = Path(__file__).parent / "data" / "articles"


@pytest.fixture
def fake_cli(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    shutil.copytree(ARTICLES, seeds)
    monkeypatch.setenv("INDEX_MODEL", "fake-embedder")
    monkeypatch.setenv("INDEX_DIM", "64")
    monkeypatch.setenv("INDEX_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setattr(cli_module, "_embedder", lambda settings: FakeEmbedder(dim=settings.dim))
    return CliRunner()


def test_build_prints_a_summary(fake_cli):
    result = fake_cli.invoke(cli_module.cli, ["build"])
    assert result.exit_code == 0, result.output
    assert "4 articles" in result.output and "skipped 0" in result.output


def test_search_json_has_the_contract_fields(fake_cli):
    fake_cli.invoke(cli_module.cli, ["build"])
    text = (ARTICLES / "vi_livestream.txt").read_text(encoding="utf-8").split("\n")[2][:80]
    result = fake_cli.invoke(cli_module.cli, ["search", text, "-k", "2", "--json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert 1 <= len(hits) <= 2
    assert {"rank", "score", "doc", "title", "chunk_id", "text"} <= set(hits[0])
    assert hits[0]["doc"] == "vi_livestream.txt" and hits[0]["rank"] == 1


def test_search_for_nothing_prints_an_empty_list(fake_cli):
    fake_cli.invoke(cli_module.cli, ["build"])
    for question in ["?!", "   ", "…"]:  # nothing searchable: no hits, not an error
        result = fake_cli.invoke(cli_module.cli, ["search", question, "--json"])
        assert result.exit_code == 0 and json.loads(result.output) == []


def test_eval_json_reports_every_field(fake_cli, tmp_path):
    fake_cli.invoke(cli_module.cli, ["build"])
    questions = tmp_path / "q.jsonl"
    line = (ARTICLES / "th_silkroad.txt").read_text(encoding="utf-8").split("\n")[1]
    questions.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in [
        {"id": "x1", "lang": "th", "question": line[:60], "doc": "th_silkroad.txt", "evidence": line[10:30]},
        {"id": "x2", "lang": "en", "question": "?!", "doc": None, "evidence": None},
    ]), encoding="utf-8")
    result = fake_cli.invoke(cli_module.cli, ["eval", str(questions), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    for key in ["n", "recall@1", "recall@3", "recall@5", "mrr", "abstain_correct", "abstain_total",
                "false_abstain", "by_lang", "latency_ms"]:
        assert key in report
    assert report["n"] == 2 and report["recall@1"] == 1.0
    assert report["by_lang"]["th"]["n"] == 1 and set(report["latency_ms"]) == {"p50", "p95"}
    # English was asked only an unanswerable question: no recall to speak of, rather than 0.0
    assert report["by_lang"]["en"]["n"] == 0 and report["by_lang"]["en"]["recall@1"] is None
    text = fake_cli.invoke(cli_module.cli, ["eval", str(questions)]).output
    assert "en: n=0  recall@1 -  recall@3 -" in text


def test_missing_index_is_a_clear_error(fake_cli):
    result = fake_cli.invoke(cli_module.cli, ["search", "anything"])
    assert result.exit_code == 1 and "python -m index build" in result.output


@pytest.mark.model
def test_real_entry_point_answers_a_cross_lingual_question():
    settings = IndexSettings(dir=ROOT / "var" / "index")
    if not (settings.index_path() / "manifest.json").exists():
        pytest.skip("no built index; run scripts/setup.sh")
    env = {k: v for k, v in os.environ.items() if not k.startswith("INDEX_")}
    env.update(HF_HUB_OFFLINE="1", INDEX_DIR=str(settings.dir))
    # An English question whose answer is only in the Thai article (the year is 2563 there).
    proc = subprocess.run(
        [sys.executable, "-m", "index", "search", "Since 2020, how many online lectures did China hold with partner countries?",
         "-k", "3", "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    hits = json.loads(proc.stdout)
    assert hits and hits[0]["doc"] == "001_a706cc8d4ec72211.txt"
