"""Building, loading and rebuilding the index with a fake embedder and a real FAISS index."""

import json
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from index import (
    BuildCancelled,
    BuildError,
    BuildInProgress,
    IndexCorrupted,
    IndexMismatch,
    IndexNotBuilt,
    IndexSettings,
    Searcher,
    SkippedFile,
    build_index,
    load_index,
)
from index import store
from index.build import _build_lock
from tests.fakes import FakeEmbedder


def test_build_then_search_finds_the_right_article(settings):
    embedder = FakeEmbedder()
    report = build_index(settings, embedder)
    assert report.articles == 4 and report.chunks >= 4 and report.skipped == ()
    searcher = Searcher.open(settings, embedder)
    article = (settings.seeds_dir / "vi_livestream.txt").read_text(encoding="utf-8").split("\n")
    result = searcher.search(article[2][:80])  # a phrase from the Vietnamese article
    assert result.found and result.hits[0].chunk.doc == "vi_livestream.txt"
    assert [h.rank for h in result.hits] == list(range(1, len(result.hits) + 1))


def test_the_manifest_lists_each_articles_source_and_credits(settings):
    article = settings.seeds_dir / "vi_livestream.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nẢnh: Hải Quân\nNguồn: https://news.example/vi/1\n",
                       encoding="utf-8")
    build_index(settings, FakeEmbedder())
    listed = {a.doc: a for a in load_index(settings.index_path()).manifest.articles}
    assert listed["vi_livestream.txt"].credits == ("Ảnh: Hải Quân",)
    assert listed["vi_livestream.txt"].url == "https://news.example/vi/1"
    assert listed["bn_fair.txt"].credits == ()


def test_the_manifest_file_keeps_its_format(settings):
    # Typed articles in memory, the same JSON on disk: an index built before still loads, and an
    # older bot still reads a manifest written now.
    build_index(settings, FakeEmbedder())
    text = (settings.index_path() / "manifest.json").read_text(encoding="utf-8")
    assert store.Manifest.from_json(text).to_json() == text, "read and written back byte for byte"
    [first, *_] = json.loads(text)["articles"]
    assert list(first) == ["doc", "title", "lang", "url", "credits", "chunks"] and isinstance(first["credits"], list)


def test_a_manifest_from_before_credits_were_kept_still_loads(settings):
    build_index(settings, FakeEmbedder())
    path = settings.index_path().resolve() / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for article in data["articles"]:
        del article["credits"]
    path.write_text(json.dumps(data), encoding="utf-8")
    articles = load_index(settings.index_path()).manifest.articles
    assert {a.doc for a in articles} == {a["doc"] for a in data["articles"]}
    assert all(a.credits == () and a.chunks > 0 and a.title for a in articles)


def test_a_manifest_whose_articles_are_not_records_is_corrupted(settings):
    build_index(settings, FakeEmbedder())
    path = settings.index_path().resolve() / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "articles": ["000.txt"]}), encoding="utf-8")
    with pytest.raises(IndexCorrupted, match="manifest"):
        load_index(settings.index_path())


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


def test_an_index_stored_the_older_way_is_refused(settings):
    # format 1 embedded no list items (``chunking.list_items``): its sentence vectors are too few
    build_index(settings, FakeEmbedder())
    path = settings.index_path().resolve() / "manifest.json"
    path.write_text(path.read_text(encoding="utf-8").replace(f'"format": {store.FORMAT}', '"format": 1'),
                    encoding="utf-8")
    assert store.FORMAT > 1
    with pytest.raises(IndexMismatch, match="rebuild"):
        Searcher.open(settings, FakeEmbedder())


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
    embedder, progress = FakeEmbedder(), []
    second = build_index(settings, embedder, lambda done, total: progress.append((done, total)))
    stored = load_index(settings.index_path())
    new_chunks = [c for c in stored.chunks if c.doc == "en_new.txt"]
    new_sentences = {(s.start, s.end) for c in new_chunks for s in c.sentences}
    assert second.embedded == embedder.documents_embedded == len(new_chunks) + len(new_sentences)
    # progress counts passages and sentences, as /reindex says, not passages alone
    assert progress[-1] == (second.embedded, second.embedded) and second.embedded > len(new_chunks)
    assert second.reused == first.embedded


def test_a_dtype_change_embeds_every_text_again(settings):
    # bfloat16 weights give other vectors (measured on the real model: up to 0.003 a component,
    # enough to swap neighbours): reusing the float32 ones would mix two precisions in one index
    first = build_index(settings, FakeEmbedder())
    bf16 = settings.model_copy(update={"dtype": "bfloat16"})
    embedder = FakeEmbedder()
    changed = build_index(bf16, embedder)
    assert changed.reused == 0 and changed.embedded == embedder.documents_embedded == first.embedded
    assert load_index(bf16.index_path()).manifest.dtype == "bfloat16"
    assert build_index(bf16, FakeEmbedder()).embedded == 0  # the same precision reuses them again
    back = build_index(settings, FakeEmbedder())
    assert back.reused == 0 and load_index(settings.index_path()).manifest.dtype == "float32"
    Searcher.open(bf16, FakeEmbedder())  # served either way: only rebuilds care


def test_an_index_from_before_the_dtype_field_is_float32(settings):
    first = build_index(settings, FakeEmbedder())
    manifest = settings.index_path().resolve() / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    del data["dtype"]
    manifest.write_text(json.dumps(data), encoding="utf-8")
    assert load_index(settings.index_path()).manifest.dtype == "float32"
    assert build_index(settings, FakeEmbedder()).reused == first.embedded
    bf16 = build_index(settings.model_copy(update={"dtype": "bfloat16"}), FakeEmbedder())
    assert bf16.reused == 0 and bf16.embedded == first.embedded


def test_the_report_names_the_articles_added_removed_and_changed(settings):
    first = build_index(settings, FakeEmbedder())
    assert sorted(first.added) == sorted(p.name for p in settings.seeds_dir.iterdir())
    assert first.removed == first.changed == ()
    (settings.seeds_dir / "bn_village.txt").unlink()
    edited = settings.seeds_dir / "th_silkroad.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA closing paragraph added by the editor.\n",
                      encoding="utf-8")
    (settings.seeds_dir / "en_new.txt").write_text("Exporters meet online\nSmall exporters met buyers online.\n",
                                                 encoding="utf-8")
    second = build_index(settings, FakeEmbedder())
    assert (second.added, second.removed, second.changed) == (("en_new.txt",), ("bn_village.txt",), ("th_silkroad.txt",))
    third = build_index(settings, FakeEmbedder())
    assert (third.added, third.removed, third.changed) == ((), (), ())


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
    assert skipped["debris.txt"] == "no text left after cleaning", "the file is named once, by the report"
    assert report.articles == 4


def test_a_copy_of_an_article_and_a_file_too_large_for_one_are_reported_not_indexed(settings):
    original = sorted(settings.seeds_dir.iterdir())[0]
    shutil.copy(original, settings.seeds_dir / "zz_copy.txt")  # read after the original
    paragraph = "The online fair drew many buyers and sellers from the region this year.\n\n"
    (settings.seeds_dir / "dump.txt").write_text("A dump\n\n" + paragraph * 14_000, encoding="utf-8")  # ~1 MB
    report = build_index(settings, FakeEmbedder())
    skipped = dict(report.skipped)
    assert skipped["zz_copy.txt"] == f"same text as {original.name}"
    assert skipped["dump.txt"].startswith("too large for an article (1.0 MB")
    assert report.articles == 4
    assert not any(c.doc in ("zz_copy.txt", "dump.txt") for c in load_index(settings.index_path()).chunks)


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


def _rewrite_manifest(build: Path, **changes) -> None:
    data = {**asdict(store.read_manifest(build)), **changes}
    (build / "manifest.json").write_text(json.dumps(data), encoding="utf-8")


def _halve_sentence_vectors(build: Path) -> None:
    vectors = np.load(build / "sentences.vectors.npy")
    np.save(build / "sentences.vectors.npy", vectors[: len(vectors) // 2])


def _rows_past_the_chunks(build: Path) -> None:
    rows = np.load(build / "sentences.npy")
    np.save(build / "sentences.npy", rows + len(rows))


def _manifest_miscounts_sentences(build: Path) -> None:
    _rewrite_manifest(build, n_sentences=store.read_manifest(build).n_sentences + 1)


def _sentence_vectors_of_another_dimension(build: Path) -> None:
    vectors = np.load(build / "sentences.vectors.npy")
    np.save(build / "sentences.vectors.npy", vectors[:, :32])


def _rewrite_first_chunk(build: Path, sentences: Callable[[dict], list[list[int]]]) -> None:
    """chunks.jsonl with the first chunk's sentence spans replaced by ``sentences(chunk)``."""
    first, *rest = (build / "chunks.jsonl").read_text(encoding="utf-8").splitlines()
    chunk = json.loads(first)
    chunk["sentences"] = sentences(chunk)
    (build / "chunks.jsonl").write_text("\n".join([json.dumps(chunk, ensure_ascii=False), *rest]) + "\n",
                                        encoding="utf-8")


def _an_extra_sentence_span(build: Path) -> None:
    # a span inside the chunk at a start no sentence has: one sentence more than there are vectors
    _rewrite_first_chunk(build, lambda c: [*c["sentences"], [c["start"] + 1, c["end"]]])


def _a_sentence_outside_its_chunk(build: Path) -> None:
    _rewrite_first_chunk(build, lambda c: [*c["sentences"][:-1], [c["sentences"][-1][0], c["end"] + 5]])


def _sentence_rows_swapped(build: Path) -> None:
    rows = np.load(build / "sentences.npy")
    np.save(build / "sentences.npy", np.concatenate([rows[-1:], rows[1:-1], rows[:1]]))


@pytest.mark.parametrize("damage, names", [
    (_halve_sentence_vectors, "sentences.vectors.npy"),
    (_rows_past_the_chunks, "sentences.npy"),
    (_manifest_miscounts_sentences, "manifest"),
    (_sentence_vectors_of_another_dimension, "sentences.vectors.npy"),
    (_an_extra_sentence_span, "chunks.jsonl"),
    (_a_sentence_outside_its_chunk, "chunks.jsonl"),
    (_sentence_rows_swapped, "sentences.npy"),
], ids=["sentence-vectors-halved", "sentence-rows-out-of-range", "manifest-sentence-count", "sentence-dimension",
        "extra-sentence-span", "sentence-outside-its-chunk", "sentence-rows-swapped"])
def test_sentence_files_that_disagree_are_reported_as_corrupted(settings, damage, names):
    # Each of these once loaded, and then every search raised IndexError.
    build_index(settings, FakeEmbedder())
    damage(settings.index_path().resolve())
    with pytest.raises(IndexCorrupted, match="inconsistent") as caught:
        load_index(settings.index_path())
    assert names in str(caught.value) and "rebuild" in str(caught.value)


def _make_live(settings: IndexSettings, build: Path) -> None:
    """Point the live symlink at ``build`` in one step, as ``store.publish`` does."""
    tmp = settings.dir / ".test-link.tmp"
    tmp.symlink_to(build.relative_to(settings.dir))
    os.replace(tmp, settings.index_path())


def test_load_reads_one_build_even_when_another_is_published_meanwhile(settings, monkeypatch):
    build_index(settings, FakeEmbedder())
    first = settings.index_path().resolve()
    (settings.seeds_dir / "en_new.txt").write_text(
        "Exporters meet online\nSmall exporters met buyers online. They signed deals worth millions.\n",
        encoding="utf-8")
    build_index(settings, FakeEmbedder())
    second = settings.index_path().resolve()
    _make_live(settings, first)
    real_read_manifest = store.read_manifest

    def read_manifest_then_publish(path):
        manifest = real_read_manifest(path)
        _make_live(settings, second)  # a build is published right after the manifest was read
        return manifest

    monkeypatch.setattr(store, "read_manifest", read_manifest_then_publish)
    loaded = load_index(settings.index_path())
    assert loaded.path == first
    assert loaded.manifest.n_chunks == len(loaded.chunks)
    assert "en_new.txt" not in {c.doc for c in loaded.chunks} | {a.doc for a in loaded.manifest.articles}


def test_hidden_files_and_folders_are_not_articles(settings):
    (settings.seeds_dir / ".git").mkdir()
    (settings.seeds_dir / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (settings.seeds_dir / ".git" / "COMMIT_EDITMSG").write_text(
        "Add the durian article\n\nAdds the Hanoi durian night market article to the seeds.\n", encoding="utf-8")
    (settings.seeds_dir / "drafts" / ".trash").mkdir(parents=True)
    (settings.seeds_dir / "drafts" / ".trash" / "old.txt").write_text(
        "An old draft\nA draft that was thrown away and must not be answered from.\n", encoding="utf-8")
    (settings.seeds_dir / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (settings.seeds_dir / "drafts" / "durian.txt").write_text(
        "Durian night market opens\nA night market for durian opened in Hanoi in October.\n", encoding="utf-8")
    report = build_index(settings, FakeEmbedder())
    docs = {a.doc for a in load_index(settings.index_path()).manifest.articles}
    assert report.skipped == () and report.articles == 5
    assert "drafts/durian.txt" in docs and not any(part.startswith(".") for d in docs for part in Path(d).parts)


@pytest.mark.parametrize("raw_name, shown", [(b"caf\xe9.txt", "caf\\xe9.txt"),
                                             (b"d\xe9p\xf4t/article.txt", "d\\xe9p\\xf4t/article.txt")],
                         ids=["file-name", "folder-name"])
def test_a_name_that_is_not_utf8_is_skipped_and_reported(settings, raw_name, shown):
    path = os.fsencode(settings.seeds_dir) + b"/" + raw_name
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write("Café news\nA café in Hanoi sells durian coffee to tourists.\n".encode())
    report = build_index(settings, FakeEmbedder())
    assert dict(report.skipped) == {shown: "file name is not UTF-8"}
    assert report.articles == 4
    loaded = load_index(settings.index_path())
    assert loaded.manifest.skipped == (SkippedFile(shown, "file name is not UTF-8"),)
    on_disk = json.loads((loaded.path / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk["skipped"] == [{"doc": shown, "reason": "file name is not UTF-8"}], "the file format is unchanged"


def _builds(settings: IndexSettings) -> set[Path]:
    return set((settings.dir / ".builds").iterdir())


def test_builds_in_quick_succession_keep_the_one_a_process_still_serves(settings):
    embedder = FakeEmbedder()
    build_index(settings, embedder)
    serving = load_index(settings.index_path())  # a running bot loaded this one an hour ago
    an_hour_ago = time.time() - 3600
    os.utime(serving.path, (an_hour_ago, an_hour_ago))
    build_index(settings, embedder)
    build_index(settings, embedder)  # `python -m index build` run twice meanwhile
    assert serving.path in _builds(settings) and len(_builds(settings)) == 3
    assert store.damage(serving) is None, "the files the bot loaded are still there"


def test_builds_retired_long_ago_are_collected(settings):
    embedder = FakeEmbedder()
    for _ in range(3):
        build_index(settings, embedder)
    live = settings.index_path().resolve()
    an_hour_ago = time.time() - 3600
    for build in _builds(settings) - {live}:
        os.utime(build, (an_hour_ago, an_hour_ago))  # stopped being live an hour ago
    build_index(settings, embedder)
    newest = settings.index_path().resolve()
    # the live build and the one it replaced (just now) stay; the two retired an hour ago go
    assert _builds(settings) == {newest, live}
    assert load_index(settings.index_path()).path == newest


def test_a_stopped_build_ends_between_batches_and_leaves_the_old_index(settings):
    build_index(settings, FakeEmbedder())
    before = load_index(settings.index_path())
    sentences = "".join(f"Đoạn {i} nói về thương mại điện tử ở Hà Nội. " for i in range(400))
    (settings.seeds_dir / "new.txt").write_text("Tiêu đề mới\n" + sentences, encoding="utf-8")
    stop, embedder, reported = threading.Event(), FakeEmbedder(), []

    def progress(done: int, total: int) -> None:
        reported.append((done, total))
        stop.set()  # as the bot's shutdown does, from another thread, while a batch runs

    with pytest.raises(BuildCancelled, match="stopped after 16 of"):
        build_index(settings, embedder, progress, stop)
    assert reported[0][1] > 3 * 16, "the new article needs several batches"
    assert embedder.documents_embedded == 16, "no batch after the stop"
    after = load_index(settings.index_path())
    assert after.path == before.path and [c.id for c in after.chunks] == [c.id for c in before.chunks]
    assert list((settings.dir / ".builds").iterdir()) == [before.path], "the stopped build left files behind"
    # nothing half-done blocks the next build: the lock is free and the new article gets in
    report = build_index(settings, FakeEmbedder())
    assert report.articles == len(before.manifest.articles) + 1
