"""Reference runs are cached by everything that could change them; bad entries are ignored."""

from __future__ import annotations

import json

from grader.engine.refcache import ReferenceCache, reference_key
from grader.engine.runner import ProbeRun
from tests.conftest import ROOT

SOLUTION = ROOT / "solutions" / "05_convolution" / "conv_output_size.py"
CHECKS = ROOT / "grader" / "checks" / "conv_output_size.py"
FINISHED = ProbeRun(frames=[{"kind": "imported"}, {"kind": "case", "index": 0, "value": 3}, {"kind": "done"}], returncode=0)


def test_key_changes_with_the_solution(tmp_path):
    copy = tmp_path / "s.py"
    copy.write_text(SOLUTION.read_text())
    same = reference_key(copy, CHECKS, {"needs": ["torch"]})
    assert same == reference_key(copy, CHECKS, {"needs": ["torch"]})
    copy.write_text(SOLUTION.read_text() + "\n# changed\n")
    assert reference_key(copy, CHECKS, {"needs": ["torch"]}) != same
    assert reference_key(SOLUTION, CHECKS, {"needs": ["torch", "torchvision"]}) != reference_key(SOLUTION, CHECKS, {"needs": ["torch"]})


def test_disk_round_trip(tmp_path):
    ReferenceCache(tmp_path).put("k", FINISHED)
    assert ReferenceCache(tmp_path).get("k").frames == FINISHED.frames


def test_unfinished_runs_are_not_cached(tmp_path):
    cache = ReferenceCache(tmp_path)
    cache.put("k", ProbeRun(frames=[{"kind": "imported"}], returncode=-9))
    assert cache.get("k") is None and not list(tmp_path.iterdir())


def test_corrupt_entries_are_ignored(tmp_path):
    (tmp_path / "a.json").write_text("{not json")
    (tmp_path / "b.json").write_text(json.dumps({"format": 1, "frames": [{"kind": "case"}]}))  # never finished
    (tmp_path / "c.json").write_text(json.dumps({"format": 99, "frames": FINISHED.frames}))
    cache = ReferenceCache(tmp_path)
    assert cache.get("a") is None and cache.get("b") is None and cache.get("c") is None


def test_memory_only_cache_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cache = ReferenceCache(None)
    cache.put("k", FINISHED)
    assert cache.get("k") is FINISHED and not list(tmp_path.iterdir())
