"""prctl(2), the one way this package (and the worker) sets process attributes the kernel keeps."""

from __future__ import annotations

import ctypes
import functools
from typing import Any

PR_CAPBSET_DROP = 24
PR_SET_SECUREBITS = 28
PR_SET_CHILD_SUBREAPER = 36
PR_SET_NO_NEW_PRIVS = 38
PR_CAP_AMBIENT = 47
PR_CAP_AMBIENT_CLEAR_ALL = 4


@functools.cache
def _prctl() -> Any:
    function = ctypes.CDLL(None, use_errno=True).prctl
    function.argtypes = (ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong)
    function.restype = ctypes.c_int
    return function


def prctl(option: int, arg2: int = 0, arg3: int = 0, arg4: int = 0, arg5: int = 0) -> bool:
    """Call prctl(option, ...); True when the kernel accepted it, False when it refused or there is no prctl."""
    try:
        return bool(_prctl()(option, arg2, arg3, arg4, arg5) == 0)
    except (OSError, AttributeError):  # not Linux: libc has no prctl
        return False


def set_no_new_privileges() -> bool:
    """No setuid program can give this process (or its children) privileges back; Landlock needs this."""
    return prctl(PR_SET_NO_NEW_PRIVS, 1)


def become_child_subreaper() -> bool:
    """Orphaned descendants become this process's children instead of init's."""
    return prctl(PR_SET_CHILD_SUBREAPER, 1)
