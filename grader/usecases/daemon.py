"""A warm daemon per user, so that a second `learn check` from the shell does not import torch again.

Every `learn check` is a new process, and its probes fork from workers that
import torch first: seconds, every time. The first check therefore also
starts a daemon in the background (it runs its own check itself, without
waiting); the daemon holds one `Engine` with warm workers and one reference
cache, and later checks send it their request over a Unix socket and only
render the answer. Like dmypy or the Gradle daemon it is an optimisation
only: whenever it is off, absent, stale or broken, the check runs in its own
process exactly as without it.

- **Who may talk to it.** The socket lies in a folder only its user may
  enter ($XDG_RUNTIME_DIR/learn, else ~/.cache/learn/daemon; refused when
  another user owns it or others may enter it). The daemon then takes only
  peers the kernel says are of its own uid (SO_PEERCRED) and in its own
  user, mount and PID namespaces, so a confined probe, whose namespaces are
  its own, is dropped even where it could reach the path; and every request
  carries a random token from a file in that folder, which Landlock keeps
  probes from reading. Probes started where the folder exists get it
  covered like the answers (`grader.sandbox.protect`).
- **Sameness.** A request carries the client's identity: a hash of the
  grader's code, the installed libraries' files, Python, the user, the
  umask and the environment that `learn` and its probes read. A daemon with
  another identity answers "stale" and exits; the client runs the check
  itself and starts a fresh daemon. Each installation (grader folder and
  interpreter) has its own socket, so two checkouts never replace each
  other's daemon.
- **Isolation.** The daemon runs the same use case as the CLI
  (`grader.usecases.check.check_exercise`) with the same engine: every
  learner probe is a fresh fork, confined as always. Between requests the
  daemon keeps only what one `learn grade` run keeps: warm workers that never
  ran learner code themselves and finished reference answers.
- **Lifetime.** It exits after IDLE_SECONDS without a request, at once on
  SIGTERM or `learn daemon stop`, when a client of another identity calls,
  and when it finds, idle, that the grader's code or a library changed under
  it (it looks every LOOK_AGAIN_SECONDS). It removes its socket when it goes;
  a socket left behind by a daemon that died is replaced by the next one.

Off with `learn check --no-daemon` or LEARN_NO_DAEMON=1. Linux only (peer
credentials and the sandbox's namespaces); elsewhere every check runs alone.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import hmac
import importlib.util
import json
import os
import secrets
import select
import signal
import socket
import stat
import struct
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from grader import PACKAGE_DIR, bootstrap, settings

if TYPE_CHECKING:  # the client imports no more than it must: it runs before the CLI is loaded
    from grader.results import ExerciseResult

#: a daemon with no request for this long exits, its workers with it; the next check starts another
IDLE_SECONDS = 15 * 60
#: how long a daemon waits for the lock a daemon it replaces still holds, and `learn daemon stop` for it to exit
HANDOVER_SECONDS = 60
#: how often an idle daemon looks whether the grader's code or a library changed under it (then it exits)
LOOK_AGAIN_SECONDS = 60
#: how long a connected client may take to send its request (the CLI connects before it loads Typer)
REQUEST_WAIT_SECONDS = 300
#: a running check sends this often that it is alive; a client that hears nothing for CLIENT_PATIENCE gives up on it
HEARTBEAT_SECONDS = 5
CLIENT_PATIENCE_SECONDS = 60
MAX_REQUEST = 1 << 16
MAX_REPLY_LINE = 64 << 20
#: a log larger than this is started afresh when the next daemon starts
MAX_LOG_BYTES = 1 << 20
PROTOCOL = 1

#: environment variables `learn`, its engine and its probes read besides LEARN_*: the daemon gets these (and only
#: these) from the client that starts it, and a client whose values differ starts a daemon of its own
ENVIRONMENT = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "HOME", "USER", "LOGNAME", "TMPDIR", "TEMP", "TMP",
               "XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "LD_LIBRARY_PATH", "CUDA_VISIBLE_DEVICES",
               "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "GITHUB_OUTPUT")
#: LEARN_* variables that do not change what a check does (the language travels in each request)
_NOT_IDENTITY = ("LEARN_NO_DAEMON", "LEARN_LANG")
#: libraries whose files make a daemon stale when they change (stamped, never imported, by the client)
LIBRARIES = ("torch", "torchvision", "numpy", "sklearn")
#: the namespaces a peer must share with the daemon: a confined probe has its own
_NAMESPACES = ("user", "mnt", "pid")

_BOOTSTRAP = bootstrap("import os; os.fork() and os._exit(0); from grader.usecases.daemon import main; main()")
_UCRED = struct.Struct("=iII")  # struct ucred: pid, uid, gid


class FolderRefused(Exception):
    """The socket folder exists but others could enter it: no daemon is used there."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(f"{folder}: {reason}")
        self.folder = folder


# ---- where: the folder and its files ------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """The socket folder and the files of this installation's daemon in it."""

    folder: Path

    @property
    def _stem(self) -> str:
        # One daemon per installation: a second checkout or virtual environment gets its own, never a stale one.
        where = f"{PACKAGE_DIR}\0{sys.prefix}\0{_interpreter()}".encode()
        return f"daemon-{hashlib.sha256(where).hexdigest()[:12]}"

    @property
    def socket(self) -> Path:
        return self.folder / f"{self._stem}.sock"

    @property
    def token(self) -> Path:
        return self.folder / f"{self._stem}.token"

    @property
    def lock(self) -> Path:
        return self.folder / f"{self._stem}.lock"

    @property
    def log(self) -> Path:
        return self.folder / f"{self._stem}.log"


def wanted(no_daemon: bool = False, current: settings.Settings | None = None) -> bool:
    """Whether `learn check` may use a daemon: not turned off, and a host it can be safe on."""
    current = current or settings.current()
    return (not no_daemon and not current.no_daemon and not current.cold and current.daemon_dir is not None
            and sys.platform.startswith("linux") and hasattr(socket, "SO_PEERCRED") and hasattr(os, "fork"))


def place(current: settings.Settings | None = None) -> Place | None:
    """This installation's daemon place (None: no folder for it); FolderRefused when others may enter it."""
    folder = (current or settings.current()).daemon_dir
    return Place(folder) if folder is not None else None


def secure_folder(folder: Path, *, create: bool) -> bool:
    """Whether `folder` is a real folder only this user may enter, made so (0700) when `create` and missing.

    False when it is missing (and not created); FolderRefused when it exists
    but is a link, another user's, or open to the group or others.
    """
    if create:
        folder.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        raise FolderRefused(folder, "not a folder")
    if info.st_uid != os.geteuid():
        raise FolderRefused(folder, f"belongs to uid {info.st_uid}, not to {os.geteuid()}")
    if info.st_mode & 0o077:
        raise FolderRefused(folder, f"others may enter it (mode {stat.S_IMODE(info.st_mode):o}, not 700)")
    return True


def protect_folder(current: settings.Settings | None = None) -> None:
    """Cover the socket folder in the probes of workers this process starts from now on.

    The folder is made first where a daemon may be used, so that one started
    later (by this very check) is out of these probes' reach too.
    """
    with contextlib.suppress(Exception):  # only a second wall: the daemon checks every peer itself
        where = place(current)
        if where is not None and secure_folder(where.folder, create=wanted(current=current)):
            from grader import sandbox

            sandbox.protect(where.folder)


# ---- who: the identity a client and its daemon must share --------------------------------------


def daemon_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The variables a daemon is started with: those `learn` and its probes read, nothing else (no secrets)."""
    env = os.environ if environ is None else environ
    return {name: value for name, value in env.items()
            if (name in ENVIRONMENT or name.startswith("LEARN_")) and name != "LEARN_NO_DAEMON"}


def _interpreter() -> str:
    """The Python binary, links resolved: `learn` runs python3, `python -m grader` python, both the same one."""
    return os.path.realpath(sys.executable)


def _umask() -> int:
    for line in (Path("/proc/self/status").read_text().splitlines() if os.path.exists("/proc/self/status") else []):
        if line.startswith("Umask:"):
            return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def identity(environ: Mapping[str, str] | None = None) -> str:
    """What a daemon must share with a client to answer it as the client itself would, hashed.

    The grader's code, the libraries' installed files (stamped: reading their
    versions from package metadata costs a good part of a second), Python,
    the user, the umask and the environment the daemon is started with.
    """
    digest = hashlib.sha256(f"protocol {PROTOCOL}\0".encode())
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE_DIR)).encode() + b"\0" + path.read_bytes())
    for name in LIBRARIES:
        try:
            spec = importlib.util.find_spec(name)
            origin = spec.origin if spec is not None else None
            info = os.stat(origin) if origin else None
            stamp = f"{origin};{info.st_ino};{info.st_size};{info.st_mtime_ns}" if info else "absent"
        except (ImportError, ValueError, OSError):
            stamp = "unreadable"
        digest.update(f"{name}={stamp}\0".encode())
    digest.update(f"{sys.version}\0{_interpreter()}\0{sys.prefix}\0{os.geteuid()}\0{_umask():o}\0".encode())
    env = {k: v for k, v in daemon_environment(environ).items() if k not in _NOT_IDENTITY}
    digest.update(json.dumps(env, sort_keys=True).encode())
    return digest.hexdigest()


# ---- the client -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckRequest:
    """One `learn check`, as the daemon needs it: every path absolute, the language resolved."""

    root: Path  #: the workspace
    solutions: Path  #: its reference solutions
    exercise: str
    file: Path | None  #: --file, already validated and resolved
    lang: str


@dataclass(frozen=True)
class CaseDone:
    """What a progress callback hears from the daemon: the learner's probe finished case `index`.

    It reads like the probe's own CASE frame (`kind`, `index`) without
    loading grader.wire, and with it numpy, into a client that needs neither.
    """

    index: int
    kind: str = "case"


@dataclass(frozen=True)
class DaemonStatus:
    """A running daemon as it describes itself, plus what /proc says about its memory."""

    pid: int
    started: float  #: the time it started (seconds since the epoch)
    current: bool  #: whether it has this client's identity (a stale one is replaced by the next check)
    busy: int  #: checks it is running now
    served: int  #: checks it has answered
    idle_seconds: float  #: how long it waits for a request before it exits
    socket: str
    processes: int = 0  #: the daemon, its workers and their probes
    rss_kib: int = 0
    pss_kib: int | None = None  #: None where /proc refuses smaps_rollup


_early: socket.socket | None = None


def connect_early(argv: list[str]) -> bool:
    """For the `learn` script: connect now when a daemon will be asked, so no local worker is started for nothing."""
    global _early
    if "--no-daemon" in argv or not wanted():
        return False
    try:
        where = place()
        if where is None or not secure_folder(where.folder, create=False):
            return False
        _early = _connect(where)
    except (FolderRefused, OSError):
        return False
    return _early is not None


def _connect(where: Place) -> socket.socket | None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(where.socket))
    except OSError:  # no socket, or one left by a daemon that died: nobody listens
        sock.close()
        return None
    return sock


def _send(sock: socket.socket, message: dict[str, Any]) -> None:
    sock.sendall(json.dumps(message).encode() + b"\n")


def _ask(where: Place, sock: socket.socket, op: str, **fields: Any) -> BinaryIO | None:
    """Send one request on `sock`; the stream to read the replies from, or None when no token can be read."""
    try:
        token = where.token.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    _send(sock, {"protocol": PROTOCOL, "op": op, "token": token, "identity": identity(), **fields})
    return sock.makefile("rb")


def _replies(stream: BinaryIO) -> Iterator[dict[str, Any]]:
    while True:
        line = stream.readline(MAX_REPLY_LINE)
        if not line.endswith(b"\n"):
            return  # the daemon went away (or sent more than any reply holds)
        message = json.loads(line)
        if not isinstance(message, dict):
            return
        yield message


def run_check_via_daemon(request: CheckRequest, *, on_frame: Callable[[Any], None] | None = None,
                         idle: float = IDLE_SECONDS) -> ExerciseResult | None:
    """The check's result from this user's daemon; None when there is none to ask, so the caller runs it itself.

    With no daemon yet (or a stale one), one is started in the background for
    the next check and None is returned at once. A LearnError (or OSError)
    the daemon met is raised here again, as the check itself would have.
    `on_frame` is told of each case the learner's probe finished (a `CaseDone`, like a CASE frame).
    """
    global _early
    sock, _early = _early, None
    try:
        where = place()
        if where is None or not wanted():
            return None
        secure_folder(where.folder, create=True)
    except (FolderRefused, OSError):
        if sock is not None:
            sock.close()
        return None
    protect_folder()
    if sock is None:
        sock = _connect(where)
    if sock is None:
        _start_for_next_check(where, idle)
        return None
    failure: Exception | None = None
    with sock:
        try:
            sock.settimeout(CLIENT_PATIENCE_SECONDS)
            stream = _ask(where, sock, "check", root=str(request.root), solutions=str(request.solutions),
                          exercise=request.exercise, file=None if request.file is None else str(request.file),
                          lang=request.lang, progress=on_frame is not None)
            for message in _replies(stream) if stream is not None else ():
                kind = message.get("kind")
                if kind == "case" and on_frame is not None:
                    on_frame(CaseDone(int(message.get("index", 0))))
                elif kind == "stale":
                    _start_for_next_check(where, idle)  # it exits; the new one waits for its lock
                    return None
                elif kind in ("error", "oserror"):
                    failure = _error(message)
                    break
                elif kind == "result":
                    from grader.results import ExerciseResult

                    return ExerciseResult.from_dict(message["result"])
                elif kind != "alive":
                    return None  # refused, failed, or something this client does not know
        except (OSError, ValueError, KeyError, TypeError):
            return None  # the daemon broke off: this process checks itself
    if failure is not None:
        raise failure  # what the check itself would have raised, past the client's own error handling
    return None


def _start_for_next_check(where: Place, idle: float) -> None:
    """Start a daemon for the next check while this one checks on its own; a failure only costs speed."""
    with contextlib.suppress(OSError, subprocess.SubprocessError, FolderRefused):
        start(where, idle, after=os.getpid())


def _error(message: dict[str, Any]) -> Exception:
    """The LearnError or OSError the daemon's check raised, to be raised again here."""
    error: Exception
    if message["kind"] == "oserror":
        error = OSError(message.get("errno") or 0, message.get("strerror") or "", message.get("filename"))
    else:
        from grader.errors import LearnError
        from grader.text.i18n import T

        english, chinese = str(message.get("en", "")), message.get("zh")
        learn_error = LearnError(T(english, chinese) if isinstance(chinese, str) else english)
        learn_error.exit_code = int(message.get("code", LearnError.exit_code))
        error = learn_error
    return error


def start(where: Place, idle: float = IDLE_SECONDS, *, after: int | None = None) -> None:
    """Start a daemon in the background; returns once it is detached (it imports torch on its own time).

    With `after` (the pid of a check that runs on its own meanwhile) the
    daemon listens at once but warms its workers only when that process has
    ended: on a small machine three torch imports at once would make that
    check several times slower. A request that comes earlier warms them itself.
    """
    secure_folder(where.folder, create=True)
    with contextlib.suppress(OSError):
        if where.log.stat().st_size > MAX_LOG_BYTES:
            where.log.unlink()
    log = os.open(where.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        launcher = subprocess.Popen(
            [sys.executable, "-I", "-c", _BOOTSTRAP, str(where.folder), repr(float(idle)), str(after or 0)],
            stdin=subprocess.DEVNULL, stdout=log, stderr=log, cwd=where.folder,
            env=daemon_environment(), start_new_session=True,
        )
    finally:
        os.close(log)
    launcher.wait()  # the launcher forks the daemon and exits at once, so nothing is left to reap


def status(where: Place | None = None) -> DaemonStatus | None:
    """The running daemon of this installation, or None; never starts one."""
    where = where or place()
    if where is None or not secure_folder(where.folder, create=False):
        return None
    reply = _ask_once(where, "status")
    if not reply or reply.get("kind") != "status":
        return None
    try:  # a daemon of another version may say less
        pid = int(reply["pid"])
        processes, rss, pss = memory(pid)
        return DaemonStatus(pid=pid, started=float(reply.get("started", 0)), current=bool(reply.get("current")),
                            busy=int(reply.get("busy", 0)), served=int(reply.get("served", 0)),
                            idle_seconds=float(reply.get("idle_seconds", IDLE_SECONDS)), socket=str(where.socket),
                            processes=processes, rss_kib=rss, pss_kib=pss)
    except (KeyError, ValueError, TypeError):
        return None


def _ask_once(where: Place, op: str) -> dict[str, Any] | None:
    """One question to the daemon and its one reply; None when nobody answers or the reply is garbled."""
    sock = _connect(where)
    if sock is None:
        return None
    with sock:
        try:
            sock.settimeout(CLIENT_PATIENCE_SECONDS)
            stream = _ask(where, sock, op)
            return next(_replies(stream), None) if stream is not None else None
        except (OSError, ValueError):
            return None


def stop(where: Place | None = None, wait: float = HANDOVER_SECONDS) -> int | None:
    """Stop this installation's daemon and wait until it and its workers are gone; its pid, or None if none ran."""
    where = where or place()
    if where is None or not secure_folder(where.folder, create=False):
        return None
    running = status(where)
    # Its processes now, before it stops: a worker's children are re-parented as their parents die.
    tree = {running.pid, *descendants(running.pid)} if running is not None else set()
    reply = _ask_once(where, "stop")
    if not reply or reply.get("kind") != "stopping" or type(reply.get("pid")) is not int:
        return None
    pid = reply["pid"]
    tree |= {pid, *descendants(pid)}
    deadline = time.monotonic() + wait
    while any(_alive(p) for p in tree) and time.monotonic() < deadline:
        time.sleep(0.05)
    return pid


# ---- memory, from /proc -----------------------------------------------------------------------


def descendants(pid: int) -> set[int]:
    """Every living process below `pid`."""
    from grader.sandbox import procfs

    found: set[int] = set()
    frontier = [pid]
    while frontier:
        children = [child for parent in frontier for child, _ in procfs.children(parent)]
        frontier = [child for child in children if child not in found]
        found.update(frontier)
    return found


def _alive(pid: int) -> bool:
    from grader.sandbox import procfs

    info = procfs.stat(pid)
    return info is not None and info.alive


def memory(pid: int) -> tuple[int, int, int | None]:
    """(processes, RSS in KiB, PSS in KiB or None) of `pid` and every process below it.

    RSS counts torch's shared libraries once per process; PSS shares each page
    among the processes that map it, so it is what they cost together.
    """
    from grader.sandbox import procfs

    processes, rss, pss = 0, 0, 0
    pss_known = True
    for member in (pid, *descendants(pid)):
        fields = procfs.status(member)
        if not fields:
            continue
        processes += 1
        rss += int(fields.get("VmRSS", "0 kB").split()[0])
        proportional = _pss_kib(member)
        pss_known = pss_known and proportional is not None
        pss += proportional or 0
    return processes, rss, pss if pss_known and processes else None


def _pss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


# ---- the daemon -----------------------------------------------------------------------------


def main() -> None:
    """The daemon process: `python -I -c <bootstrap> FOLDER IDLE_SECONDS` (see `start`)."""
    folder, idle, after = Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    _log(f"daemon {os.getpid()} starting in {folder}")
    try:
        Daemon(Place(folder), idle, after).run()
    except Exception:
        _log("daemon failed:\n" + traceback.format_exc())
    finally:
        _log(f"daemon {os.getpid()} exits")
    os._exit(0)  # every worker is closed; threads of finished connections need no joining


def _log(line: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {line}\n")
        sys.stderr.flush()


class Daemon:
    """One Engine and one reference cache, serving checks to clients of this user on one socket."""

    def __init__(self, where: Place, idle: float, after: int = 0) -> None:
        self.where = where
        self.idle = idle
        self.after = after  #: a process to let finish before the workers import torch (0: none)
        self.identity = identity()
        self.started = time.time()
        self._busy: dict[int, threading.Event] = {}  # id of a running check -> its cancel event
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._last = time.monotonic()
        self._served = 0
        self._looked = time.monotonic()
        self._stopping = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()

    def run(self) -> None:
        secure_folder(self.where.folder, create=True)
        lock = self._take_lock()
        if lock is None:
            return  # another daemon of this installation serves already
        try:
            listener = self._listen()
            try:
                self._serve(listener)
            finally:
                listener.close()
                self._shut_down()
        finally:
            os.close(lock)

    def _take_lock(self) -> int | None:
        """The installation's lock, waited for while a daemon being replaced finishes; None if one serves."""
        fd = os.open(self.where.lock, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + HANDOVER_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                serving = _connect(self.where)
                if serving is not None or time.monotonic() > deadline:
                    if serving is not None:
                        serving.close()
                    os.close(fd)
                    return None
                time.sleep(0.1)

    def _listen(self) -> socket.socket:
        from grader.course.atomic import write_atomic

        # Holding the lock, whatever socket file is there was left by a daemon that is gone.
        self.where.socket.unlink(missing_ok=True)
        write_atomic(self.where.token, secrets.token_hex(32))
        os.chmod(self.where.token, 0o600)
        self._token = self.where.token.read_text(encoding="utf-8").strip()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old_mask = os.umask(0o177)
        try:
            listener.bind(str(self.where.socket))
        finally:
            os.umask(old_mask)
        self._socket_inode = os.stat(self.where.socket).st_ino
        listener.listen(16)
        signal.signal(signal.SIGTERM, lambda *_: self.stop())
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        # The engine's probes must not reach this folder: cover it before any worker starts.
        from grader import sandbox
        from grader.engine.engine import LONG_SESSION_PRELOAD, Engine
        from grader.engine.refcache import ReferenceCache, default_cache_dir

        sandbox.protect(self.where.folder)
        self.engine = Engine(preload=LONG_SESSION_PRELOAD)
        self._warmer = threading.Thread(target=self._warm_up, daemon=True)
        self._warmer.start()
        self.cache = ReferenceCache(default_cache_dir())
        _log(f"daemon {os.getpid()} listens on {self.where.socket}")
        return listener

    def _warm_up(self) -> None:
        """Start the workers, once the check that started this daemon has finished (see `start`)."""
        deadline = time.monotonic() + REQUEST_WAIT_SECONDS
        while self.after and _alive(self.after) and time.monotonic() < deadline and not self._stopping.is_set():
            time.sleep(0.1)
        if not self._stopping.is_set():
            self.engine.start()

    def stop(self) -> None:
        self._stopping.set()
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")

    def _serve(self, listener: socket.socket) -> None:
        while not self._stopping.is_set():
            readable, _, _ = select.select([listener, self._wake_r], [], [], min(1.0, max(self.idle / 4, 0.05)))
            if listener in readable:
                with contextlib.suppress(OSError):
                    conn, _ = listener.accept()
                    thread = threading.Thread(target=self._connection, args=(conn,), daemon=True)
                    with self._lock:
                        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
                        self._last = time.monotonic()
                    thread.start()
            with self._lock:
                idle_for = time.monotonic() - self._last
                busy = bool(self._busy) or any(t.is_alive() for t in self._threads)
            if not busy and idle_for > self.idle:
                _log(f"daemon {os.getpid()} idle for {idle_for:.0f} s")
                return
            if not busy and time.monotonic() - self._looked > LOOK_AGAIN_SECONDS:
                self._looked = time.monotonic()
                if identity() != self.identity:  # the grader or a library changed under it: it would be stale
                    _log(f"daemon {os.getpid()} is stale: the code or the libraries changed")
                    return

    def _retire(self) -> None:
        """Take the socket's name away now, so the next client finds no daemon (or its successor), then stop."""
        with contextlib.suppress(OSError):
            if os.stat(self.where.socket).st_ino == self._socket_inode:
                self.where.socket.unlink()
        self.stop()

    def _shut_down(self) -> None:
        """Stop answering, stop every running check, close the workers, remove the socket and the token."""
        self._retire()
        with contextlib.suppress(OSError):
            if self.where.token.read_text(encoding="utf-8").strip() == self._token:
                self.where.token.unlink()  # a successor's token stays
        with self._lock:
            running = list(self._busy.values())
            threads = list(self._threads)
        for cancel in running:
            cancel.set()  # each probe collector kills its probe's group
        for thread in threads:
            thread.join(timeout=HANDOVER_SECONDS)
        if hasattr(self, "engine"):
            self._warmer.join(timeout=HANDOVER_SECONDS)  # it starts no worker once stopping is set
            self.engine.close()

    # -- one connection --

    def _connection(self, conn: socket.socket) -> None:
        with conn:
            try:
                if not self._peer_allowed(conn):
                    return
                conn.settimeout(REQUEST_WAIT_SECONDS)
                line = conn.makefile("rb").readline(MAX_REQUEST)
                if not line.endswith(b"\n"):
                    return  # a client that connected early and then ran the check itself, or went away
                request = json.loads(line)
                conn.settimeout(CLIENT_PATIENCE_SECONDS)
                self._answer(conn, request)
            except (OSError, ValueError, TypeError, KeyError, AttributeError):
                _log("a connection failed:\n" + traceback.format_exc())
            finally:
                with self._lock:
                    self._last = time.monotonic()

    def _peer_allowed(self, conn: socket.socket) -> bool:
        """Only this user, and only from this daemon's own namespaces (a confined probe has its own)."""
        pid, uid, _ = _UCRED.unpack(conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, _UCRED.size))
        if uid != os.geteuid() or pid <= 0:
            _log(f"refused a peer: pid {pid}, uid {uid}")
            return False
        for name in _NAMESPACES:
            try:
                same = os.readlink(f"/proc/{pid}/ns/{name}") == os.readlink(f"/proc/self/ns/{name}")
            except OSError:
                same = False
            if not same:
                _log(f"refused a peer in another {name} namespace: pid {pid}")
                return False
        return True

    def _answer(self, conn: socket.socket, request: dict[str, Any]) -> None:
        if not hmac.compare_digest(str(request.get("token", "")), self._token):
            _send(conn, {"kind": "refused"})
            return
        current = request.get("identity") == self.identity and request.get("protocol") == PROTOCOL
        op = request.get("op")
        if op == "status":
            with self._lock:
                busy = len(self._busy)
            _send(conn, {"kind": "status", "pid": os.getpid(), "started": self.started, "current": current,
                         "busy": busy, "served": self._served, "idle_seconds": self.idle})
        elif op == "stop":
            self._retire()
            _send(conn, {"kind": "stopping", "pid": os.getpid()})
        elif op == "check" and not current:
            _log(f"daemon {os.getpid()} is stale: a client of another identity called")
            self._retire()
            _send(conn, {"kind": "stale"})
        elif op == "check":
            self._check(conn, request)

    def _check(self, conn: socket.socket, request: dict[str, Any]) -> None:
        from grader.course.workspace import Workspace
        from grader.errors import Cancelled, LearnError
        from grader.usecases.check import check_exercise
        from grader.wire import Frame, FrameKind

        cancel, done, sending = threading.Event(), threading.Event(), threading.Lock()

        def send(message: dict[str, Any]) -> None:
            with sending:
                try:
                    _send(conn, message)
                except OSError:
                    cancel.set()  # the client is gone (Ctrl-C): stop its probes

        def on_frame(frame: Frame) -> None:
            if frame.kind == FrameKind.CASE:
                send({"kind": "case", "index": frame.index})

        key = id(cancel)
        with self._lock:
            self._busy[key] = cancel
        watcher = threading.Thread(target=_watch_client, args=(conn, cancel, done, send), daemon=True)
        watcher.start()
        try:
            ws = Workspace(Path(request["root"]), Path(request["solutions"]))
            file = Path(request["file"]) if request.get("file") else None
            result = check_exercise(ws, str(request["exercise"]), file=file, engine=self.engine, cache=self.cache,
                                    cancel=cancel, on_frame=on_frame if request.get("progress") else None)
            send({"kind": "result", "result": result.to_dict()})  # no language: both travel, the CLI picks one
            with self._lock:
                self._served += 1
        except Cancelled:
            pass  # nobody is left to answer
        except LearnError as exc:
            send({"kind": "error", "en": exc.message, "zh": exc.chinese, "code": exc.exit_code})
        except OSError as exc:
            send({"kind": "oserror", "errno": exc.errno, "strerror": exc.strerror, "filename": exc.filename})
        except Exception:  # a bug: the client runs the check itself, where it shows as it always would
            _log("a check failed:\n" + traceback.format_exc())
            send({"kind": "failed"})
        finally:
            done.set()
            watcher.join()
            with self._lock:
                self._busy.pop(key, None)


def _watch_client(conn: socket.socket, cancel: threading.Event, done: threading.Event,
                  send: Callable[[dict[str, Any]], None]) -> None:
    """Set `cancel` as soon as the client hangs up; say "alive" now and then so it knows the check goes on."""
    last = time.monotonic()
    while not done.is_set() and not cancel.is_set():
        try:
            readable, _, _ = select.select([conn], [], [], 0.1)
            if readable and not conn.recv(4096, socket.MSG_DONTWAIT):
                cancel.set()
                return
        except BlockingIOError:
            pass
        except (OSError, ValueError):
            cancel.set()
            return
        if time.monotonic() - last > HEARTBEAT_SECONDS:
            send({"kind": "alive"})
            last = time.monotonic()
