"""Reference runs are cached by everything that could change them; bad entries are ignored."""

from __future__ import annotations

import json

from grader.engine.refcache import CACHE_FORMAT, ReferenceCache, reference_key
from grader.wire import Frame, ProbeRequest, ProbeRun
from tests.helpers import ROOT

SOLUTION = ROOT / "solutions" / "05_convolution" / "conv_output_size.py"
CHECKS = ROOT / "grader" / "checks" / "conv_output_size.py"
FINISHED = ProbeRun(frames=[Frame.imported([], {}), Frame.case(0, 3), Frame.done()], returncode=0)


def request(*needs: str) -> ProbeRequest:
    return ProbeRequest("grader.checks.conv_output_size", str(SOLUTION), needs, confined=False)


def test_key_changes_with_the_solution(tmp_path):
    copy = tmp_path / "s.py"
    copy.write_text(SOLUTION.read_text())
    same = reference_key(copy, CHECKS, request("torch"))
    assert same == reference_key(copy, CHECKS, request("torch"))
    copy.write_text(SOLUTION.read_text() + "\n# changed\n")
    assert reference_key(copy, CHECKS, request("torch")) != same
    with_torchvision = reference_key(SOLUTION, CHECKS, request("torch", "torchvision"))
    assert with_torchvision != reference_key(SOLUTION, CHECKS, request("torch"))


def test_disk_round_trip(tmp_path):
    ReferenceCache(tmp_path).put("k", FINISHED)
    assert ReferenceCache(tmp_path).get("k").frames == FINISHED.frames


def test_unfinished_runs_are_not_cached(tmp_path):
    cache = ReferenceCache(tmp_path)
    cache.put("k", ProbeRun(frames=[Frame.imported([], {})], returncode=-9))
    assert cache.get("k") is None and not list(tmp_path.iterdir())


def test_corrupt_entries_are_ignored(tmp_path):
    (tmp_path / "a.json").write_text("{not json")
    (tmp_path / "b.json").write_text(json.dumps({"format": CACHE_FORMAT, "frames": [{"kind": "case"}]}))  # malformed
    (tmp_path / "c.json").write_text(json.dumps({"format": 99, "frames": [f.to_json("") for f in FINISHED.frames]}))
    unfinished = [Frame.imported([], {}).to_json("")]
    (tmp_path / "d.json").write_text(json.dumps({"format": CACHE_FORMAT, "frames": unfinished}))
    cache = ReferenceCache(tmp_path)
    assert [cache.get(key) for key in "abcd"] == [None, None, None, None]


def test_memory_only_cache_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cache = ReferenceCache(None)
    cache.put("k", FINISHED)
    assert cache.get("k") is FINISHED and not list(tmp_path.iterdir())


def test_every_module_of_the_package_is_in_the_fingerprint(tmp_path, monkeypatch):
    """A change to any module, in any subpackage (the probe, the judge, a check), makes new keys."""
    import grader
    from grader.engine import refcache

    package = tmp_path / "grader"
    for source in grader.PACKAGE_DIR.rglob("*.py"):
        target = package / source.relative_to(grader.PACKAGE_DIR)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    monkeypatch.setattr(refcache, "PACKAGE_DIR", package)
    before = refcache._engine_fingerprint()
    for deep in ("probe/main.py", "judge/compare.py", "checks/conv_output_size.py"):
        with (package / deep).open("a") as module:
            module.write("\n# changed\n")
        after = refcache._engine_fingerprint()
        assert after != before, deep
        before = after
