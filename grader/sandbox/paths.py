"""The folders a probe may read and write, and the shared temporary folders it gets private copies of."""

from __future__ import annotations

import contextlib
import functools
import glob
import os
import sys
import sysconfig
from pathlib import Path

from grader import PACKAGE_DIR

#: folders a confined probe may read (besides the Python installation and the grader package)
SYSTEM_READ = ("/usr/lib", "/usr/lib32", "/usr/lib64", "/usr/libexec", "/usr/local/lib", "/usr/bin", "/usr/sbin",
               "/usr/share/zoneinfo", "/usr/share/locale", "/usr/share/fonts", "/lib", "/lib32", "/lib64",
               "/bin", "/sbin", "/proc", "/sys")
#: the files of /etc a probe may read (libraries look these up); /etc/shadow, keys and the rest stay closed
ETC_READ = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "timezone", "passwd", "group",
            "nsswitch.conf", "hosts", "host.conf", "resolv.conf", "gai.conf", "protocols", "services",
            "mime.types", "os-release", "lsb-release", "debian_version", "locale.alias", "ssl",
            "ca-certificates", "fonts", "matplotlibrc")
#: devices a probe may open; GPUs need theirs to be used at all, terminals are never among them
DEVICES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/dri", "/dev/kfd",
           "/dev/nvidia-caps", "/dev/nvidia-uvm", "/dev/nvidia-uvm-tools", "/dev/nvidiactl")
#: world-writable folders where a probe with its own uid could leave files behind
SHARED_TEMP = ("/dev/shm", "/tmp", "/var/tmp")
#: shared temporary folders a probe with namespaces gets a fresh, private tmpfs for
TEMPORARY_FOLDERS = ("/tmp", "/var/tmp", "/dev/shm")
GRADER_DIR = str(PACKAGE_DIR)


def readable_roots() -> list[str]:
    """What a confined probe may read: Python's libraries, the grader, system libraries, a few of /etc.

    Prefixes themselves are left out (an installed course lives in
    `<prefix>/share/learn-pytorch`), and so is the grader's parent folder,
    which in a source checkout is the course with its solutions. Worked out
    once per interpreter and module search path (every probe asks for it).
    """
    return list(_readable_roots(tuple(sys.path)))


@functools.lru_cache(maxsize=4)
def _readable_roots(search_path: tuple[str, ...]) -> tuple[str, ...]:
    paths = {GRADER_DIR, *SYSTEM_READ, *(os.path.join("/etc", name) for name in ETC_READ), *DEVICES}
    for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix}:
        paths.update(os.path.join(prefix, lib) for lib in ("lib", "lib64", "bin"))  # bin: sys.executable runs
    for name in ("stdlib", "platstdlib", "purelib", "platlib"):
        with contextlib.suppress(KeyError):
            paths.add(sysconfig.get_paths()[name])
    # Folders that .pth files put on sys.path (another venv's packages, a system dist-packages) hold
    # libraries too; the grader's parent folder is left out, since in a source checkout it is the course.
    course = str(Path(GRADER_DIR).parent)
    paths.update(entry for entry in search_path if entry and os.path.isdir(entry) and entry != course)
    paths.update(glob.glob("/dev/nvidia[0-9]*"))
    return tuple(sorted(p for p in paths if p and os.path.exists(p)))


def private_folders() -> tuple[str, ...]:
    """The shared temporary folders each probe covers with a fresh tmpfs of its own."""
    return tuple(folder for folder in TEMPORARY_FOLDERS if os.path.isdir(folder) and not os.path.islink(folder))


def kept_in_private_folders() -> list[str]:
    """Folders inside the temporary folders that hold Python, its packages or the grader (a CI clone in /tmp).

    The probe binds them back on top of its fresh tmpfs, so they stay
    readable while everything else there (other users' files, sockets) is gone.
    """
    return list(_kept_in_private_folders(tuple(readable_roots())))


@functools.lru_cache(maxsize=4)
def _kept_in_private_folders(roots: tuple[str, ...]) -> tuple[str, ...]:
    kept = set()
    for lib in roots:
        for folder in TEMPORARY_FOLDERS:
            if inside(lib, folder) and os.path.realpath(lib) != os.path.realpath(folder):
                relative = os.path.relpath(os.path.realpath(lib), os.path.realpath(folder))
                kept.add(os.path.join(folder, relative.split(os.sep)[0]))
    return tuple(sorted(kept))


def inside(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or lies below it, links resolved."""
    return os.path.commonpath([os.path.realpath(path), os.path.realpath(folder)]) == os.path.realpath(folder)
