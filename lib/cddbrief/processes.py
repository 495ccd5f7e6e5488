"""Processes: every operating-system call that starts, watches or ends one, in one place.

A build runs its notebook in a kernel (``kernels``, through jupyter_client's public API); what
lies below that is here, one helper for each call to the operating system:

- death signals: a process that must not outlive its parent asks Linux for a signal when the
  parent ends (``die_with_parent``: prctl PR_SET_PDEATHSIG, the one place it is written);
- forks: ``fork`` (``os.fork``), ``watch`` (a pidfd, which never names a reused pid), ``ended``,
  ``signal_watched``, ``kill`` and ``reap``;
- a kernel *template* (a batch worker's): one process that imports IPython, ipykernel,
  matplotlib and cddbrief once, creating no thread, and ``fork``s a new kernel for each brief,
  in its own session, in the folder and with the environment jupyter_client asked for
  (``Template``, ``ForkedProcess``; ``python -m cddbrief.processes`` is the template). Every
  kernel is still a new process forked before any brief ran, so no state passes from one brief
  to the next; whatever goes wrong with the template, a kernel is launched the usual way;
- a picture drawn *beside*: a single build's kernel draws a chart's phone picture in a forked
  child while it draws the wide one (``beside``);
- a pool's workers (``pool_workers``).

Lifetimes: the template ends when its worker ends (its socket closes, or its death signal), and
kills its children then; each child dies with the template, each drawing child with its kernel.

>>> template_command(7)[-4:]
['--kernel', 'ipykernel_launcher', '--socket', '7']
>>> forkable(["python2", "-m", "ipykernel_launcher", "-f", "/tmp/เคอร์เนล-น่าน.json"])
False
"""

from __future__ import annotations

import functools
import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time

LAUNCHER = "ipykernel_launcher"
PR_SET_PDEATHSIG = 1  # prctl's option number (linux/prctl.h)
MESSAGE = 1 << 20  # the largest message (a request carries the kernel's environment)
READY_TIMEOUT = 120.0  # seconds for the template's imports, on a loaded machine
# what a warm kernel (kernels.py) and a template import ahead of a brief: plain imports of modules
# every brief imports anyway, nothing that makes or styles a figure. Not pandas: a brief's kernel
# never imports it (the trends notebook does, in its cell), and it was 0.2-0.28 s of each single
# build's kernel start, on the critical path
WARM_IMPORTS = (
    "matplotlib",
    "matplotlib.figure",
    "matplotlib.font_manager",
    "matplotlib.backends.backend_agg",
    "PIL.PngImagePlugin",
    "jinja2",
    "cddbrief.brief",
    "cddbrief.charts",
    "cddbrief.checks",
    "cddbrief.tidy",
    "cddbrief.meeting",
    "cddbrief.corpus",
    "cddbrief.notebooks",
    "cddbrief.trends",
)
BESIDE = "CDDBRIEF_DRAW_BESIDE"  # "1" in the environment of a kernel that may draw in a second process
BESIDE_TIMEOUT = 60.0  # seconds a child may take before its parent draws the picture itself


# --- one helper for each call to the operating system -------------------------------------------


@functools.cache
def _libc():
    import ctypes

    return ctypes.CDLL(None, use_errno=True)


def die_with_parent(signum: int) -> None:
    """Ask Linux to send ``signum`` to this process when its parent ends (prctl PR_SET_PDEATHSIG);
    OSError where it cannot (another system). Linux sends it when the parent *thread* that started
    this process ends: a template is started from its worker's kernel launcher thread, which lives
    as long as the worker's ``Kernels``."""
    if not sys.platform.startswith("linux"):
        raise OSError("PR_SET_PDEATHSIG is Linux's")
    import ctypes

    if _libc().prctl(PR_SET_PDEATHSIG, int(signum)) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")


def fork() -> int:
    """``os.fork()``: 0 in the child, the child's pid in the parent. Python 3.12+ warns of a fork in a
    process with threads; the callers' children run none of them (they draw, or become a kernel)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return os.fork()


def watch(pid: int) -> int:
    """A pidfd for a child (``os.pidfd_open``): readable once it ended; it never names a reused pid."""
    return os.pidfd_open(pid)


def ended(pidfd: int, timeout: float) -> bool:
    """The process a pidfd names has ended (``select``: its pidfd is readable then), waiting up to ``timeout`` s."""
    readable, _, _ = select.select([pidfd], [], [], timeout)
    return bool(readable)


def signal_watched(pidfd: int, signum: int) -> None:
    """Send ``signum`` to the process a pidfd names (``signal.pidfd_send_signal``); gone is no error."""
    try:
        signal.pidfd_send_signal(pidfd, signum)
    except ProcessLookupError:
        pass


def kill(pid: int, signum: int = signal.SIGKILL) -> None:
    """Send ``signum`` to ``pid`` (``os.kill``); a process already gone is no error."""
    try:
        os.kill(pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


def reap(pid: int | None = None) -> int | None:
    """Wait for a child to end (``os.waitpid``) and give its exit code; ``pid`` None: reap any child
    that has ended, without waiting, and give its pid (None when none has)."""
    if pid is not None:
        try:
            return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        except ChildProcessError:
            return None
    try:
        ended, _ = os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return None
    return ended or None


def pool_workers() -> list:
    """The worker processes this process started (a ``ProcessPoolExecutor``'s are ``multiprocessing``
    processes): ``multiprocessing.active_children()``, which also reaps those that ended."""
    import multiprocessing

    return multiprocessing.active_children()


def template_command(fd: int = 3) -> list[str]:
    """The template's command line: it names the kernel it stands in for (``-m ipykernel_launcher``)
    and the socket it is asked on."""
    return [sys.executable, "-m", "cddbrief.processes", "--kernel", LAUNCHER, "--socket", str(fd)]


def forkable(cmd) -> bool:
    """A kernel command this template can fork: ``<this python> -m ipykernel_launcher ...``."""
    return len(cmd) >= 3 and cmd[0] == sys.executable and cmd[1] == "-m" and cmd[2] == LAUNCHER


# --- the worker's side ------------------------------------------------------------------------------


class ForkedProcess:
    """A kernel forked by the template, as ``subprocess.Popen`` is seen by ``LocalProvisioner``:
    ``pid``, ``poll``, ``wait``, ``send_signal``, ``kill``, ``terminate``. It is the template's child,
    so it is watched and signalled through a pidfd (which cannot point at a reused pid)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int, pidfd: int):
        self.pid = pid
        self.returncode: int | None = None
        self._pidfd: int | None = pidfd
        self._signalled = 0
        self._lock = threading.Lock()  # a notebook run and the thread that ends its kernel both poll it

    def _ended(self, timeout: float) -> bool:
        with self._lock:
            if self._pidfd is None:
                return True
            if not ended(self._pidfd, timeout):
                return False
            # not our child: its exit status is the template's; a signal we sent is the best we know
            self.returncode = -self._signalled if self._signalled else 0
            os.close(self._pidfd)
            self._pidfd = None
            return True

    def poll(self) -> int | None:
        if self.returncode is None:
            self._ended(0)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.returncode is None:
            left = 1.0 if deadline is None else deadline - time.monotonic()
            if left <= 0:
                raise subprocess.TimeoutExpired([str(self.pid)], timeout)
            self._ended(min(left, 1.0))
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is not None:
            return  # ended: as Popen, signal nobody
        with self._lock:
            if self._pidfd is None:
                return
            signal_watched(self._pidfd, signum)
            self._signalled = self._signalled or signum

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def __del__(self):
        if self._pidfd is not None:
            try:
                os.close(self._pidfd)
            except OSError:
                pass


class Template:
    """One template process, started with the environment and in the folder its kernels get.

    ``fork(cmd, env, cwd)`` gives a ``ForkedProcess``, or None when this template cannot make that
    kernel (another command or environment, or the template is gone): the caller launches it the
    usual way then. ``close()`` ends the template and every kernel it forked.
    """

    def __init__(self, env: dict, cwd: str):
        self.env = dict(env)
        self._lock = threading.Lock()
        self._broken = False
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)  # one message per send
        try:
            # a session of its own, as jupyter_client's kernels: Ctrl-C at the terminal does not reach it
            self.process = subprocess.Popen(
                template_command(theirs.fileno()), env=self.env, cwd=cwd, stdin=subprocess.DEVNULL,
                pass_fds=[theirs.fileno()], start_new_session=True,
            )  # fmt: skip
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        self._sock = ours
        ready = self._receive(READY_TIMEOUT)
        if not ready or not ready[0].get("ready"):
            self.close()
            raise OSError(f"the kernel template did not start: {(ready or [{}])[0].get('error', 'no answer')}")

    def _send(self, message: dict) -> None:
        data = json.dumps(message).encode("utf-8") + b"\n"
        if self._sock.send(data) != len(data):
            raise OSError("the kernel template took part of a message")

    def _receive(self, timeout: float):
        """(message, fds) or None when the template is gone or silent for ``timeout`` s."""
        self._sock.settimeout(timeout)
        try:
            data, fds, _, _ = socket.recv_fds(self._sock, MESSAGE, 1)
        except (OSError, ValueError):
            return None
        if not data or not data.endswith(b"\n"):
            for fd in fds:
                os.close(fd)
            return None
        return json.loads(data), fds

    @property
    def alive(self) -> bool:
        return not self._broken and self.process.poll() is None

    def fork(self, cmd, env: dict, cwd: str) -> ForkedProcess | None:
        with self._lock:
            if not self.alive or not forkable(cmd) or dict(env) != self.env:
                return None
            try:
                self._send({"argv": list(cmd), "env": dict(env), "cwd": str(cwd)})
            except OSError:
                self._broken = True
                return None
            answer = self._receive(60.0)
            if answer is None or "pid" not in answer[0] or len(answer[1]) != 1:
                self._broken = True  # a template that does not answer as agreed is used no more
                if answer:
                    for fd in answer[1]:
                        os.close(fd)
                return None
            return ForkedProcess(answer[0]["pid"], answer[1][0])

    def close(self) -> None:
        """End the template (it kills the kernels it forked) and wait for it."""
        with self._lock:
            self._broken = True
            try:
                self._sock.close()
            except OSError:
                pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


def kernel_environment(env: dict) -> dict:
    """The environment jupyter_client gives a local Python kernel launched from this process."""
    env = dict(env)
    env.pop("PYTHONEXECUTABLE", None)
    env["JPY_PARENT_PID"] = str(os.getpid())
    return env


# --- the template's side -------------------------------------------------------------------------


def _serve(sock: socket.socket, own_env: dict) -> dict | None:
    """Answer fork requests until the worker closes the socket; then kill every child and return None.
    In a forked child, return its request: the child unwinds to ``main`` and becomes the kernel there."""
    template = os.getpid()
    children: set[int] = set()

    def reap_ended(*_):
        while (pid := reap()) is not None:
            children.discard(pid)

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGCHLD, reap_ended)
    signal.signal(signal.SIGTERM, stop)
    try:
        while True:
            message = sock.recv(MESSAGE)
            if not message:
                return None  # the worker is gone, or closed it
            request = json.loads(message)
            env = request.get("env") or {}
            # the environment it was started with, as the worker checked; the interpreter may have added
            # to it since (LC_CTYPE, PEP 538), as a launched kernel's interpreter would too: the child keeps that
            if not forkable(request.get("argv", ())) or any(own_env.get(k) != v for k, v in env.items()):
                sock.sendall(json.dumps({"error": "not this template's kernel"}).encode() + b"\n")
                continue
            request["env"] = dict(own_env)
            sys.stdout.flush()
            sys.stderr.flush()
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})  # no reaping until its pidfd is open
            try:
                pid = fork()
                if pid == 0:
                    return request  # the child (its signal mask is set anew as it becomes the kernel)
                children.add(pid)
                pidfd = watch(pid)
            finally:
                if os.getpid() == template:
                    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
            try:
                socket.send_fds(sock, [json.dumps({"pid": pid}).encode() + b"\n"], [pidfd])
            finally:
                os.close(pidfd)
    finally:
        if os.getpid() == template:  # not in a child on its way to become a kernel: its siblings live on
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            for pid in list(children):
                kill(pid)
            reap_ended()
            for pid in list(children):
                reap(pid)


def _become_kernel(sock: socket.socket, request: dict, template: int) -> int:
    """In the forked child: become ``python -m ipykernel_launcher ARGS`` run in ``cwd`` with ``env``;
    the kernel's exit status. The child then ends through the interpreter's exit (``sys.exit``), which
    runs what the kernel registered with ``atexit``; the first thing registered here, it ends the
    process there (``end_forked_kernel``)."""
    import atexit

    atexit.register(end_forked_kernel)  # registered first of the kernel's, so run after all of them
    try:
        for restored in (signal.SIGCHLD, signal.SIGTERM):  # as Python starts (SIGPIPE stays ignored, as there)
            signal.signal(restored, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, set())
        sock.close()
        os.setsid()
        die_with_parent(signal.SIGKILL)
        if os.getppid() != template:
            return 1  # the template ended before the line above
        read, write = os.pipe()  # as a launched kernel's stdin: a pipe whose writing end is closed
        os.close(write)
        os.dup2(read, 0)
        os.close(read)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        import ipykernel_launcher

        sys.argv = [ipykernel_launcher.__file__, *request["argv"][3:]]
        if "numpy" in sys.modules:  # a new process would seed it afresh
            sys.modules["numpy"].random.seed()
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
        return 0
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException as exc:  # one line, as a user reads it (the build says the kernel failed, or starts another)
        if os.environ.get("CDDBRIEF_DEBUG"):
            import traceback

            traceback.print_exc()
        else:
            print(f"cddbrief: a kernel could not start ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 1


EXIT_STATUS = {"code": 1}  # a forked kernel's exit status, for end_forked_kernel


def end_forked_kernel() -> None:
    """End a forked kernel once the exit handlers the kernel registered have run: flush its output and
    leave (``os._exit``). What remains of the interpreter's exit is the template's, not the kernel's:
    the exit handlers registered before the fork (logging, multiprocessing) and freeing every module
    the template imported, which took 0.8 s of each kernel's end (the notebook run waits for it)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(EXIT_STATUS["code"])


def main(argv=None) -> int:
    """The template process: ``python -m cddbrief.processes --kernel ipykernel_launcher --socket FD``."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 4 or argv[:3] != ["--kernel", LAUNCHER, "--socket"]:
        print("cddbrief.processes: started by cddbrief's batch workers only", file=sys.stderr)
        return 2
    own_env = dict(os.environ)  # what every kernel asked of it must have, before anything below adds to it
    # as ipykernel_launcher: the folder is not on sys.path while modules load
    if sys.path and (sys.path[0] == "" or os.path.realpath(sys.path[0]) == os.path.realpath(os.getcwd())):
        del sys.path[0]
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the worker ends it (and it has a session of its own)
    sock = socket.socket(fileno=int(argv[3]))
    template = os.getpid()
    try:
        die_with_parent(signal.SIGKILL)
        # what ipykernel sets before a warm kernel's imports: matplotlib reads it when imported
        os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        import importlib

        import ipykernel.kernelapp  # noqa: F401 - IPython, zmq, tornado: every kernel's own imports
        import ipykernel_launcher  # noqa: F401

        for name in WARM_IMPORTS:
            importlib.import_module(name)
        os.environ.clear()
        os.environ.update(own_env)
        # a fork copies one thread: none of Python's may run here. ZeroMQ's context (and its threads)
        # is made by each kernel as it starts; pyzmq makes a new one in a forked process anyway
        if threading.active_count() != 1:
            raise RuntimeError("a thread exists before fork")
    except BaseException as exc:  # the worker launches its kernels the usual way
        sock.sendall(json.dumps({"error": f"{type(exc).__name__}: {exc}"}).encode() + b"\n")
        return 1
    sock.sendall(json.dumps({"ready": True}).encode() + b"\n")
    try:
        request = _serve(sock, own_env)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    except Exception:  # quietly: the worker launches its kernels the usual way from now on
        return 1
    if request is None:
        return 0
    EXIT_STATUS["code"] = _become_kernel(sock, request, template)
    return EXIT_STATUS["code"]


# --- a picture drawn beside ----------------------------------------------------------------------


def beside(make):
    """``make()`` (a picture's data URI) started in a forked child, on a core this process would leave
    idle; returns the function that gives its result. The child is this process, forked: it draws
    exactly what this process would, so the bytes are the same either way; whenever it cannot give
    them (it failed, was killed, took longer than ``BESIDE_TIMEOUT``, or wrote anything, such as a
    warning, that this process would have shown), this process draws the picture itself.

    Only where ``BESIDE`` is "1" (a single build's kernel: a batch keeps every core busy with
    briefs), on a machine with two cores or more. The child touches nothing of the kernel's
    (ZeroMQ, its threads, its output streams): it draws, writes the bytes to a pipe and ends with
    ``os._exit``; it dies with the kernel (``die_with_parent``), and the kernel reaps it.

    >>> os.environ.get(BESIDE) == "1" or beside(lambda: "แผนภูมิ")() == "แผนภูมิ"
    True
    """
    if os.environ.get(BESIDE) != "1" or len(os.sched_getaffinity(0)) < 2:
        return make
    _libc()  # loaded here: the child imports nothing
    read, write = os.pipe()
    pid = fork()
    if pid == 0:
        code = 1
        try:
            os.close(read)
            code = _draw_in_child(make, write)
        finally:
            os._exit(code)
    os.close(write)

    def result() -> str:
        data = None
        try:
            data = _read_all(read, BESIDE_TIMEOUT)
        finally:
            if data is None:
                kill(pid)
            status = reap(pid)
        return data.decode("ascii") if data is not None and status == 0 else make()

    def cancel() -> None:
        os.close(read)
        kill(pid)
        reap(pid)

    result.cancel = cancel
    return result


def _draw_in_child(make, fd: int) -> int:
    """In the forked child: die with the kernel, draw, hand the picture over; the exit status (0: given)."""
    import io
    import warnings

    die_with_parent(signal.SIGKILL)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    sys.stdout = sys.stderr = said = io.StringIO()  # never the kernel's streams (they would reach it over ZeroMQ)
    with warnings.catch_warnings(record=True) as shown:
        data = make().encode("ascii")
    if shown or said.getvalue():  # what the notebook would show: this process draws the picture itself, and shows it
        return 1
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    return 0


def _read_all(fd: int, timeout: float) -> bytes | None:
    """Everything written to a pipe until it closes; None if that takes longer than ``timeout``."""
    deadline = time.monotonic() + timeout
    chunks = []
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return None
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(fd)


if __name__ == "__main__":
    sys.exit(main())
