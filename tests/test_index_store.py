"""Building, loading and rebuilding the index with a fake embedder and a real FAISS index."""

import shutil
from pathlib import Path

import pytest

from index import (
    BuildError,
    BuildInProgress,
    IndexCorrupted,
    IndexMismatch,
    IndexNotBuilt,
    IndexSettings,
    Searcher,
    build_index,
    load_index,
)
from index.build import _build_lock
from tests.fakes import FakeEmbedder

ARTICLES = Path(__file__).parent / "data" / "articles"


@pytest.fixture
def settings(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ARTICLES, seeds)
    return IndexSettings(seeds_dir=seeds, dir=tmp_path / "index", model="fake-embedder", dim=64,
                         chunk_tokens=60, chunk_overlap=15)


def test_build_then_search_finds_the_right_article(settings):
    embedder = FakeEmbedder()
    report = build_index(settings, embedder)
    assert report.articles == 4 and report.chunks >= 4 and report.skipped == ()
    searcher = Searcher.open(settings, embedder)
    article = (settings.seeds_dir / "vi_livestream.txt").read_text(encoding="utf-8").split("\n")
    result = searcher.search(article[2][:80])  # a phrase from the Vietnamese article
    assert result.found and result.hits[0].chunk.doc == "vi_livestream.txt"
    assert [h.rank for h in result.hits] == list(range(1, len(result.hits) + 1))


def test_missing_index_says_how_to_build(settings):
    with pytest.raises(IndexNotBuilt, match="python -m index build"):
        Searcher.open(settings, FakeEmbedder())


@pytest.mark.parametrize("change", [{"dim": 32}, {"model": "other-model"}, {"chunk_tokens": 200}],
                         ids=["dim", "model", "chunking"])
def test_index_refuses_other_model_or_chunking(settings, change, tmp_path):
    build_index(settings, FakeEmbedder())
    built = settings.index_path()
    other = settings.model_copy(update=change)
    # Point the changed settings at the same folder, as a user who edits .env would.
    other_path = other.index_path()
    other_path.parent.mkdir(parents=True, exist_ok=True)
    if other_path != built:
        other_path.symlink_to(built.resolve())
    with pytest.raises(IndexMismatch, match="rebuild"):
        Searcher.open(other, FakeEmbedder(dim=other.dim))


def test_failed_rebuild_leaves_the_old_index_serving(settings):
    build_index(settings, FakeEmbedder())
    before = load_index(settings.index_path())
    (settings.seeds_dir / "new.txt").write_text("Tiêu đề mới\n" + "Một đoạn văn mới về thương mại. " * 40, encoding="utf-8")
    with pytest.raises(RuntimeError, match="simulated crash"):
        build_index(settings, FakeEmbedder(fail_after=0))
    after = load_index(settings.index_path())
    assert after.path == before.path
    assert [c.id for c in after.chunks] == [c.id for c in before.chunks]
    builds = list((settings.dir / ".builds").iterdir())
    assert builds == [before.path], "a half-written build was left behind"


def test_incremental_rebuild_embeds_only_the_new_article(settings):
    first = build_index(settings, FakeEmbedder())
    assert first.reused == 0
    new = settings.seeds_dir / "en_new.txt"
    new.write_text("Exporters meet online\nSmall exporters met buyers online. They signed deals worth millions.\n",
                   encoding="utf-8")
    embedder = FakeEmbedder()
    second = build_index(settings, embedder)
    stored = load_index(settings.index_path())
    new_chunks = [c for c in stored.chunks if c.doc == "en_new.txt"]
    new_sentences = {(s.start, s.end) for c in new_chunks for s in c.sentences}
    assert second.embedded == embedder.documents_embedded == len(new_chunks) + len(new_sentences)
    assert second.reused == first.embedded


def test_unchanged_rebuild_embeds_nothing(settings):
    build_index(settings, FakeEmbedder())
    embedder = FakeEmbedder()
    report = build_index(settings, embedder)
    assert report.embedded == 0 and embedder.documents_embedded == 0


def test_unreadable_files_are_reported_and_skipped(settings):
    (settings.seeds_dir / "latin1.txt").write_bytes("Caf\xe9 ol\xe9\nbody".encode("latin-1"))
    (settings.seeds_dir / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (settings.seeds_dir / "debris.txt").write_text("|\n\n", encoding="utf-8")
    report = build_index(settings, FakeEmbedder())
    skipped = dict(report.skipped)
    assert set(skipped) == {"latin1.txt", "binary.txt", "debris.txt"}
    assert "UTF-8" in skipped["latin1.txt"]
    assert report.articles == 4


def test_no_articles_is_a_build_error(settings):
    for path in settings.seeds_dir.iterdir():
        path.unlink()
    with pytest.raises(BuildError, match="no readable articles"):
        build_index(settings, FakeEmbedder())


def test_second_build_while_one_runs_is_refused(settings):
    with _build_lock(settings.dir), pytest.raises(BuildInProgress):
        build_index(settings, FakeEmbedder())


@pytest.mark.parametrize("victim", ["chunks.faiss", "chunks.jsonl", "manifest.json", "sentences.npy"])
def test_truncated_file_is_reported_as_corrupted(settings, victim):
    build_index(settings, FakeEmbedder())
    path = settings.index_path().resolve() / victim
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    with pytest.raises(IndexCorrupted, match="rebuild"):
        load_index(settings.index_path())


def test_swap_serves_the_new_index_to_the_same_searcher(settings):
    embedder = FakeEmbedder()
    build_index(settings, embedder)
    searcher = Searcher.open(settings, embedder)
    (settings.seeds_dir / "en_new.txt").write_text(
        "Quantum durian exports\nQuantum durian exports tripled thanks to zebra logistics.\n", encoding="utf-8")
    build_index(settings, embedder)
    searcher.swap(load_index(settings.index_path()))
    result = searcher.search("Quantum durian exports tripled thanks to zebra logistics")
    assert result.hits[0].chunk.doc == "en_new.txt"
