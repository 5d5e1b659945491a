"""Landlock: which files a probe may read and write, and whether it may use TCP or signal outside itself.

See the kernel's Documentation/userspace-api/landlock.rst. Works without
privileges from Linux 5.13; each ABI version adds rights (TCP in 4,
signals and abstract sockets in 6), and rights the kernel does not know are
left out of the ruleset rather than refused.
"""

from __future__ import annotations

import ctypes
import os
import stat
import struct
import sys
from typing import Any

_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446  # the same on every architecture
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1
_EXECUTE, _WRITE_FILE, _READ_FILE, _READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_TRUNCATE, _IOCTL_DEV = 1 << 14, 1 << 15
#: filesystem rights each ABI version knows: 13 in v1, REFER in v2, TRUNCATE in v3, IOCTL_DEV in v5
_FS_RIGHTS = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1}
_FILE_RIGHTS = _EXECUTE | _WRITE_FILE | _READ_FILE | _TRUNCATE | _IOCTL_DEV
_NET_TCP = 0b11  # bind and connect (ABI 4)
_SCOPE_ALL = 0b11  # abstract unix sockets and signals outside the domain (ABI 6)


def _libc() -> Any:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return libc


def landlock_abi() -> int:
    """The Landlock ABI version the kernel offers (0 when it has none)."""
    if not sys.platform.startswith("linux"):
        return 0
    try:
        version = _libc().syscall(_SYS_CREATE_RULESET, None, ctypes.c_size_t(0),
                                  ctypes.c_uint32(_CREATE_RULESET_VERSION))
    except (OSError, AttributeError):
        return 0
    return max(int(version), 0)


def restrict_paths(abi: int, read: list[str], write: list[str]) -> bool:
    """Allow reading (and running) below `read`, everything below `write`; deny the rest for good."""
    libc = _libc()
    fs_rights = _FS_RIGHTS.get(abi, (1 << 16) - 1)
    attr = struct.pack("=QQQ", fs_rights, _NET_TCP if abi >= 4 else 0, _SCOPE_ALL if abi >= 6 else 0)
    size = 8 if abi < 4 else 16 if abi < 6 else 24
    buffer = ctypes.create_string_buffer(attr[:size], size)
    ruleset = libc.syscall(_SYS_CREATE_RULESET, buffer, ctypes.c_size_t(size), ctypes.c_uint32(0))
    if ruleset < 0:
        return False
    try:
        read_rights = (_EXECUTE | _READ_FILE | _READ_DIR) & fs_rights
        device_rights = (_WRITE_FILE | _IOCTL_DEV) & fs_rights  # /dev/null, and GPUs when there are some
        for path in read:
            _allow(libc, ruleset, path, read_rights | (device_rights if path.startswith("/dev/") else 0))
        for path in write:
            _allow(libc, ruleset, path, fs_rights)
        if libc.syscall(_SYS_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            return False
    finally:
        os.close(ruleset)
    return True


def _allow(libc: Any, ruleset: int, path: str, rights: int) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return
    try:
        if not stat.S_ISDIR(os.fstat(fd).st_mode):
            rights &= _FILE_RIGHTS
        rule = ctypes.create_string_buffer(struct.pack("=Qi", rights, fd), 12)
        libc.syscall(_SYS_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(_RULE_PATH_BENEATH), rule, ctypes.c_uint32(0))
    finally:
        os.close(fd)

