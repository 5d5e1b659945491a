"""A wheel carries the course, so `pip install` without the repository still gives `learn init` a course."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from grader.course.workspace import CATALOG_FILE, find_course_root
from tests.helpers import ROOT


def test_wheel_ships_exercises_and_solutions(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path),
         str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {n.split("share/learn-pytorch/", 1)[1] for n in names if "share/learn-pytorch/" in n}
    expected = {p.relative_to(ROOT).as_posix() for p in ROOT.glob("exercises/*/*.py")}
    expected |= {p.relative_to(ROOT).as_posix() for p in ROOT.glob("solutions/*/*.py")}
    assert "exercises/info.toml" in shipped
    assert expected <= shipped, sorted(expected - shipped)[:5]


def test_course_root_falls_back_to_the_installed_data(tmp_path):
    (tmp_path / "share" / "learn-pytorch" / CATALOG_FILE).parent.mkdir(parents=True)
    (tmp_path / "share" / "learn-pytorch" / CATALOG_FILE).write_text("format_version = 1\n")
    site = tmp_path / "site-packages"  # a wheel install: nothing beside the grader package
    site.mkdir()
    assert find_course_root(site, str(tmp_path)) == tmp_path / "share" / "learn-pytorch"
    assert find_course_root(ROOT, str(tmp_path)) == ROOT  # a checkout uses its own course
