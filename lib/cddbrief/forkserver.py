"""Kernels forked from a template process that has done the imports once (a batch worker's).

A cold or warm kernel is a new ``python -m ipykernel_launcher`` process that imports IPython,
ipykernel, matplotlib and cddbrief again: about a second of CPU per brief. Here a
batch worker keeps one *template* process that imports all that once, creating no zmq context,
no thread and no event loop, and for each kernel ``os.fork()``s a child that becomes a new
ipykernel (``IPKernelApp`` on the connection file jupyter_client wrote), in its own session, in
the folder and with the environment jupyter_client asked for. Every kernel is still a new
process forked before any brief ran, so no state passes from one brief to the next.

jupyter_client drives it through ``ForkingProvisioner`` (a ``LocalProvisioner`` whose launch
asks the template to fork): poll, wait, signals and kill act on the child through a pidfd the
template hands over, since the child is the template's, not ours. Whatever goes wrong with the
template, a kernel is launched the usual way instead.

Lifetimes: the template ends when its worker ends (its socket closes, or PR_SET_PDEATHSIG),
and kills its children then; each child dies with the template (PR_SET_PDEATHSIG).

>>> template_command(7)[-4:]
['--kernel', 'ipykernel_launcher', '--socket', '7']
>>> forkable(["python2", "-m", "ipykernel_launcher", "-f", "/tmp/เคอร์เนล-ลำปาง.json"])
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
PR_SET_PDEATHSIG = 1
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


def template_command(fd: int = 3) -> list[str]:
    """The template's command line: it names the kernel it stands in for (``-m ipykernel_launcher``)
    and the socket it is asked on."""
    return [sys.executable, "-m", "cddbrief.forkserver", "--kernel", LAUNCHER, "--socket", str(fd)]


def forkable(cmd) -> bool:
    """A kernel command this template can fork: ``<this python> -m ipykernel_launcher ...``."""
    return len(cmd) >= 3 and cmd[0] == sys.executable and cmd[1] == "-m" and cmd[2] == LAUNCHER


def die_with_parent(signum: int) -> None:
    """Ask Linux to send ``signum`` to this process when its parent ends (PR_SET_PDEATHSIG).

    Linux sends it when the parent *thread* that started this process ends: a template is started
    from its worker's kernel launcher thread, which lives as long as the worker's ``Kernels``."""
    import ctypes

    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signum)) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")


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
            readable, _, _ = select.select([self._pidfd], [], [], timeout)
            if not readable:
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
            try:
                signal.pidfd_send_signal(self._pidfd, signum)
                self._signalled = self._signalled or signum
            except ProcessLookupError:
                pass

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
            self.process = subprocess.Popen(
                template_command(theirs.fileno()), env=self.env, cwd=cwd, stdin=subprocess.DEVNULL, pass_fds=[theirs.fileno()],
                start_new_session=True,  # as jupyter_client's kernels: Ctrl-C at the terminal does not reach it
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


@functools.cache
def _provisioner_class():
    from jupyter_client.provisioning import LocalProvisioner

    class ForkingProvisioner(LocalProvisioner):
        """``LocalProvisioner`` whose launch asks ``template`` to fork the kernel; as usual without one."""

        template: Template | None = None

        async def launch_kernel(self, cmd, **kwargs):
            env = dict(kwargs.get("env") or os.environ)
            env["JPY_PARENT_PID"] = str(os.getpid())  # what jupyter_client's launch_kernel gives a kernel
            cwd = str(kwargs.get("cwd") or os.getcwd())
            child = self.template.fork(cmd, env, cwd) if self.template is not None else None
            if child is None:
                return await super().launch_kernel(cmd, **kwargs)
            self.process = child
            self.pid = self.pgid = child.pid  # the child made its own session, as Popen(start_new_session=True) does
            self.cwd = cwd
            return self.connection_info

    return ForkingProvisioner


def provisioner_for(km, template: Template | None):
    """A ``ForkingProvisioner`` for ``km`` (set before ``start_kernel``): its kernel is forked from
    ``template`` when it can be, else launched as usual."""
    import uuid

    km.kernel_id = km.kernel_id or str(uuid.uuid4())
    provisioner = _provisioner_class()(kernel_id=km.kernel_id, kernel_spec=km.kernel_spec, parent=km)
    provisioner.template = template
    return provisioner


def kernel_environment(env: dict) -> dict:
    """The environment jupyter_client gives a local Python kernel launched from this process."""
    env = dict(env)
    env.pop("PYTHONEXECUTABLE", None)
    env["JPY_PARENT_PID"] = str(os.getpid())
    return env


# --- the template's side -------------------------------------------------------------------------


def _serve(sock: socket.socket, own_env: dict) -> None:
    """Answer fork requests until the worker closes the socket; then kill every child and return."""
    template = os.getpid()
    children: set[int] = set()

    def reap(*_):
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            children.discard(pid)

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGCHLD, reap)
    signal.signal(signal.SIGTERM, stop)
    try:
        while True:
            message = sock.recv(MESSAGE)
            if not message:
                return  # the worker is gone, or closed it
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
                pid = os.fork()
                if pid == 0:
                    _become_kernel(sock, request, template)  # never returns
                children.add(pid)
                pidfd = os.pidfd_open(pid)  # it names this child, never a pid reused after it
            finally:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
            try:
                socket.send_fds(sock, [json.dumps({"pid": pid}).encode() + b"\n"], [pidfd])
            finally:
                os.close(pidfd)
    finally:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        for pid in list(children):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        reap()
        for pid in list(children):
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


def _become_kernel(sock: socket.socket, request: dict, template: int) -> None:
    """In the forked child: become ``python -m ipykernel_launcher ARGS`` run in ``cwd`` with ``env``."""
    code = 1
    try:
        for restored in (signal.SIGCHLD, signal.SIGTERM):  # as Python starts (SIGPIPE stays ignored, as there)
            signal.signal(restored, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, set())
        sock.close()
        os.setsid()
        die_with_parent(signal.SIGKILL)
        if os.getppid() != template:
            os._exit(1)  # the template ended before the line above
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
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException as exc:  # one line, as a user reads it (the build says the kernel failed, or starts another)
        if os.environ.get("CDDBRIEF_DEBUG"):
            import traceback

            traceback.print_exc()
        else:
            print(f"cddbrief: a kernel could not start ({type(exc).__name__}: {exc})", file=sys.stderr)
    finally:
        try:
            import atexit

            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def main(argv=None) -> int:
    """The template process: ``python -m cddbrief.forkserver --kernel ipykernel_launcher --socket FD``."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 4 or argv[:3] != ["--kernel", LAUNCHER, "--socket"]:
        print("cddbrief.forkserver: started by cddbrief's batch workers only", file=sys.stderr)
        return 2
    own_env = dict(os.environ)  # what every kernel asked of it must have, before anything below adds to it
    # as ipykernel_launcher: the folder is not on sys.path while modules load
    if sys.path and (sys.path[0] == "" or os.path.realpath(sys.path[0]) == os.path.realpath(os.getcwd())):
        del sys.path[0]
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the worker ends it (and it has a session of its own)
    sock = socket.socket(fileno=int(argv[3]))
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
        import zmq

        if threading.active_count() != 1 or zmq.Context._instance is not None:
            raise RuntimeError("a thread or a zmq context exists before fork")
    except BaseException as exc:  # the worker launches its kernels the usual way
        sock.sendall(json.dumps({"error": f"{type(exc).__name__}: {exc}"}).encode() + b"\n")
        return 1
    sock.sendall(json.dumps({"ready": True}).encode() + b"\n")
    try:
        _serve(sock, own_env)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    except Exception:  # quietly: the worker launches its kernels the usual way from now on
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
