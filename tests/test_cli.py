"""The command line through its entry points: click's runner with a fake model, and one real
``python -m index`` process with the real model and index."""

import json
import logging
import os
import re
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


def test_build_summary_names_the_articles_added_removed_and_skipped(fake_cli):
    fake_cli.invoke(cli_module.cli, ["build"])
    seeds = Path(os.environ["INDEX_SEEDS_DIR"])
    (seeds / "bn_fair.txt").rename(seeds / "notes.json")  # as if an admin kept it under another name
    (seeds / "en_new.txt").write_text("Exporters meet online\nSmall exporters met buyers online.\n", encoding="utf-8")
    result = fake_cli.invoke(cli_module.cli, ["build"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "4 articles (added 1, removed 1, changed 0)" in lines[0]
    assert lines[1:] == ["  added: en_new.txt", "  removed: bn_fair.txt",
                         "  skipped notes.json: not a text article (.json); articles are .txt, .md or .html files"]


def test_build_into_a_folder_it_cannot_make_is_one_line(fake_cli, tmp_path, monkeypatch):
    (tmp_path / "a_file").write_text("not a folder")
    monkeypatch.setenv("INDEX_DIR", str(tmp_path / "a_file" / "index"))
    result = fake_cli.invoke(cli_module.cli, ["build"])
    assert result.exit_code == 1, result.output
    assert result.output == f"Error: could not build the index: {tmp_path / 'a_file' / 'index'}: Not a directory\n"


def test_build_names_a_skipped_file_once_and_shows_no_bar_before_embedding(fake_cli, caplog):
    seeds = Path(os.environ["INDEX_SEEDS_DIR"])
    (seeds / "notes.json").write_text('{"todo": "more articles"}', encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        first = fake_cli.invoke(cli_module.cli, ["build"])
        again = fake_cli.invoke(cli_module.cli, ["build"])
    assert first.exit_code == again.exit_code == 0
    assert first.output.count("notes.json") == 1 and "notes.json" not in caplog.text
    # the bar opens with the first batch embedded, not as an empty "0text" bar while the model loads
    frames = re.findall(r"\| (\d+)/(\d+) \[", first.stderr)
    assert frames and int(frames[0][0]) > 0 and frames[-1][0] == frames[-1][1]
    assert again.stderr == "", "nothing to embed: no bar"


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
    assert list(report) == ["n", "recall@1", "recall@3", "recall@5", "mrr", "abstain_correct", "abstain_total",
                            "false_abstain", "by_lang", "latency_ms"]
    assert list(report["by_lang"]["th"]) == ["recall@1", "recall@3", "recall@5", "n", "abstain_correct",
                                             "abstain_total"]
    assert report["n"] == 2 and report["recall@1"] == 1.0
    assert report["by_lang"]["th"]["n"] == 1 and set(report["latency_ms"]) == {"p50", "p95"}
    # English was asked only an unanswerable question: no recall to speak of, rather than 0.0
    assert report["by_lang"]["en"]["n"] == 0 and report["by_lang"]["en"]["recall@1"] is None
    text = fake_cli.invoke(cli_module.cli, ["eval", str(questions)]).output
    assert "en: n=0  recall@1 -  recall@3 -" in text


def test_eval_counts_a_hit_only_in_the_article_named(fake_cli, tmp_path):
    fake_cli.invoke(cli_module.cli, ["build"])
    line = (ARTICLES / "th_silkroad.txt").read_text(encoding="utf-8").split("\n")[1]
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"id": "w", "lang": "th", "question": line[:60], "doc": "vi_livestream.txt",
                                     "evidence": line[10:30]}, ensure_ascii=False), encoding="utf-8")
    report = json.loads(fake_cli.invoke(cli_module.cli, ["eval", str(questions), "--json"]).output)
    assert report["recall@5"] == 0.0, "the evidence was found, but in another article than the one named"


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "a", "lang": "en", "question": "x", "doc": null', "q.jsonl:2: not a JSON object"),
    ('{"id": "a", "question": "x", "doc": null}', "q.jsonl:2: a question needs"),
    ('{"id": "a", "lang": "en", "question": "x", "doc": "a.txt"}', 'q.jsonl:2: a question with a "doc" needs'),
    ('[1, 2]', "q.jsonl:2: not a JSON object"),
    ('{"id": "ok", "lang": "en", "question": "y", "doc": null}', 'q.jsonl:2: the id "ok" is on line 1 too'),
    ('{"id": "a", "lang": "en", "question": 123, "doc": null}', 'q.jsonl:2: "question" must be a string, got 123'),
    ('{"id": 7, "lang": "en", "question": "x", "doc": null}', 'q.jsonl:2: "id" must be a string, got 7'),
    ('{"id": "a", "lang": ["en"], "question": "x", "doc": null}', 'q.jsonl:2: "lang" must be a string, got ["en"]'),
    ('{"id": "a", "lang": "en", "question": "x", "doc": 3, "evidence": "y"}',
     'q.jsonl:2: "doc" must be a string or null, got 3'),
    ('{"id": "a", "lang": "en", "question": "x", "doc": "a.txt", "evidence": 2025}',
     'q.jsonl:2: "evidence" must be a string or null, got 2025'),
], ids=["not-json", "no-lang", "no-evidence", "not-an-object", "same-id", "question-number", "id-number",
        "lang-list", "doc-number", "evidence-number"])
def test_eval_names_the_line_of_a_bad_question(fake_cli, tmp_path, line, message):
    questions = tmp_path / "q.jsonl"
    questions.write_text('{"id": "ok", "lang": "en", "question": "x", "doc": null}\n' + line, encoding="utf-8")
    result = fake_cli.invoke(cli_module.cli, ["eval", str(questions)])
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("k", ["0", "-1"])
@pytest.mark.parametrize("command", [["search", "How many visitors came to the fair?"], ["eval", "q.jsonl"]],
                         ids=["search", "eval"])
def test_k_below_one_is_refused(fake_cli, tmp_path, command, k):
    # -k 0 meant INDEX_TOP_K, and -k -1 returned every passage that cleared the threshold but the last
    fake_cli.invoke(cli_module.cli, ["build"])
    (tmp_path / "q.jsonl").write_text('{"id": "a", "lang": "en", "question": "x", "doc": null}', encoding="utf-8")
    result = fake_cli.invoke(cli_module.cli, [*command, "-k", k, "--json"])
    assert result.exit_code == 2 and f"Invalid value for '-k' / '--k': {k} is not in the range x>=1." in result.output
    assert "Traceback" not in result.output


def test_missing_index_is_a_clear_error(fake_cli):
    result = fake_cli.invoke(cli_module.cli, ["search", "anything"])
    assert result.exit_code == 1 and "python -m index build" in result.output


def test_a_bad_setting_is_named_not_a_traceback(fake_cli, monkeypatch):
    monkeypatch.setenv("INDEX_TOP_K", "0")
    result = fake_cli.invoke(cli_module.cli, ["search", "anything"])
    assert result.exit_code == 1 and "Error: INDEX_TOP_K: must be at least 1" in result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, ValueError)


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


def test_fetch_model_fetches_the_word_list_and_builds_the_restorer(tmp_path, monkeypatch):
    import hashlib
    import zipfile

    from index import model_fetch, vietnamese, word_list

    model = tmp_path / "model"  # already fetched and verified: nothing is downloaded
    model.mkdir()
    (model / ".sha256-verified").write_text(model_fetch._marker_text())
    vocabulary = {"▁to": 5, "▁tơ": 300, "▁lựa": 60, "▁lụa": 400}  # "to lựa" syllable by syllable
    (model / "tokenizer.json").write_text(json.dumps({"model": {"vocab": vocabulary}}, ensure_ascii=False),
                                          encoding="utf-8")
    words = "tơ lụa\n".encode()
    wheel = tmp_path / "pyvi-0.1.1-py2.py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr(word_list.MEMBER, words)
    monkeypatch.setenv("INDEX_MODEL", str(model))
    monkeypatch.setenv("INDEX_QUERY_ENCODER", "torch")  # no export of a model that is not there
    vietnamese.restorer_for.cache_clear()
    runner = CliRunner()

    refused = runner.invoke(cli_module.cli, ["fetch-model", "--vietnamese-wheel", str(wheel)])
    assert refused.exit_code == 0, refused.output  # a bad word list costs restoration quality, not set-up
    assert "no Vietnamese word list" in refused.output and "SHA-256" in refused.output
    assert vietnamese.restorer_for(str(model)).restore("to lua") == "to lựa"  # syllables only

    monkeypatch.setattr(word_list, "WORDS_SHA256", hashlib.sha256(words).hexdigest())  # as if pyvi's
    vietnamese.restorer_for.cache_clear()
    fetched = runner.invoke(cli_module.cli, ["fetch-model", "--vietnamese-wheel", str(wheel)])
    assert fetched.exit_code == 0 and "Vietnamese diacritics ready" in fetched.output, fetched.output
    assert vietnamese.restorer_for(str(model)).restore("to lua") == "tơ lụa"
    assert sorted(p.name for p in model.iterdir()) == [".sha256-verified", "tokenizer.json"]  # nothing written in it
    vietnamese.restorer_for.cache_clear()
