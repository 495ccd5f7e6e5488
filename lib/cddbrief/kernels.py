"""Kernels started ahead of need: every notebook run still gets a new kernel process, but the
kernel is launched, and its imports done, while this process does other work.

A kernel is started as papermill (nbclient) would start it: the same kernel name, working
folder, arguments and environment, plus silent imports at start-up
(``--IPKernelApp.exec_lines``) of modules every brief imports anyway (matplotlib's Agg
backend module, Jinja, cddbrief). No figure is made, no backend chosen and no style applied
there: the notebook does that itself, so a warmed kernel gives the same bytes as a cold one
(tests/test_kernels.py compares them).

``Kernels.take(cwd)`` hands one started kernel to one notebook run (which ends it);
``Kernels(spare=True)``, in a batch worker, starts the next one at once, while this brief
runs, and forks it from a template process that did the imports once (``processes.Template``):
still a new process for each brief, without a second of imports each. ``close()`` ends a
kernel nobody took, and the template: every path out of a build calls it.

Everything here is jupyter_client's public API: a kernel manager whose provisioner (jupyter_client's
extension point for how a kernel process is started, watched and ended) forks from the template
and sees an ended kernel gone at once, and a client whose ``wait_for_ready`` follows the
``kernel_info`` message flow. The processes themselves are ``processes``'.

>>> spec_for("/tmp").cwd
'/tmp'
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .processes import WARM_IMPORTS  # the template imports the same (processes is below this module)

if TYPE_CHECKING:
    from concurrent.futures import Future
# asyncio, concurrent.futures and charts are imported where a kernel is started: a build whose brief
# is up to date starts none, and imports none of them (~0.03 s of its ~0.2 s)

KERNEL = "python3"
# what nbclient gives the kernels it starts for papermill: the kernel's own log (TCP-without-encryption
# warnings, the interrupt at shutdown) is noise for a user; history kept in memory, never in a file
ARGUMENTS = ("--IPKernelApp.log_level=CRITICAL", "--HistoryManager.hist_file=:memory:")


@dataclass(frozen=True)
class KernelSpec:
    """What a kernel is started with: a kernel started ahead is used only for the same."""

    name: str
    cwd: str
    environment: tuple  # this process's environment when it was asked for (SOURCE_DATE_EPOCH, PYTHONPATH, ...)


def spec_for(cwd: str | Path) -> KernelSpec:
    """A kernel for a notebook run in ``cwd`` (made absolute: papermill changes this process's folder while it runs)."""
    return KernelSpec(KERNEL, str(Path(cwd).resolve()), tuple(sorted(os.environ.items())))


def start(spec: KernelSpec, warm: bool = True, template=None, beside: bool = False):
    """Launch a kernel (an ``AsyncKernelManager`` whose process runs); its imports go on in that process.
    ``template`` (a ``processes.Template``): fork it from there, when it can. ``beside``: the kernel
    may draw a chart's second picture in a second process (``processes.beside``; a single build's
    kernel, whose machine has a core idle while it draws), unless the environment says otherwise."""
    import uuid

    manager, client, provisioner = jupyter_classes()
    km = manager(kernel_name=spec.name, client_factory=client, kernel_spec_manager=kernel_specs())
    km.kernel_id = km.kernel_id or str(uuid.uuid4())
    km.provisioner = provisioner(kernel_id=km.kernel_id, kernel_spec=km.kernel_spec, parent=km, template=template)
    arguments = list(ARGUMENTS)
    if warm:
        arguments.append(f"--IPKernelApp.exec_lines=import {', '.join(WARM_IMPORTS)}")
    import asyncio

    from .processes import BESIDE

    env = dict(spec.environment)
    if beside:
        env.setdefault(BESIDE, "1")
    asyncio.run(km.start_kernel(extra_arguments=arguments, cwd=spec.cwd, env=env))
    return km


@cache
def jupyter_classes():
    """jupyter_client's kernel manager, and this module's client and provisioner classes, imported
    together in the thread that asks for a kernel (``Kernels.prestart``, ``take``), before the
    launcher thread starts one: that thread importing jupyter_client while this one imports papermill
    (which imports jupyter_client too) could be handed a module half imported by the other ("cannot
    import name 'AsyncKernelManager' from partially initialized module")."""
    from jupyter_client.manager import AsyncKernelManager

    kernel_specs()
    return AsyncKernelManager, ready_client(), provisioner_class()


@cache
def kernel_specs():
    """jupyter_client's kernel specs, looked up where it looks (``jupyter_path("kernels")`` and the
    IPython folder's ``kernels``), without importing IPython in this process to name that folder:
    ``IPYTHONDIR``, else ``~/.ipython`` (IPython's own answer, unless IPython is imported already).
    jupyter_client imports IPython for it: ~0.07 s of each kernel's launch, on a build's critical path."""
    import sys

    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_core.paths import jupyter_path

    if "IPython" in sys.modules:
        return KernelSpecManager()
    ipython = os.path.normpath(os.path.expanduser(os.environ.get("IPYTHONDIR") or "~/.ipython"))
    return KernelSpecManager(kernel_dirs=[*jupyter_path("kernels"), os.path.join(ipython, "kernels")])


ENDED_WITHIN = 0.005  # seconds between looks at a kernel that was asked to end


@cache
def provisioner_class():
    """jupyter_client's ``LocalProvisioner``, but its kernel is forked from a ``processes.Template``
    when it has one (else launched as usual), and a kernel asked to end is seen gone within 5 ms.

    jupyter_client's manager looks whether a kernel it ended is gone every 0.1 s: ending the kernel
    at the end of a notebook run took 0.1 s more than the kernel took, on the way to the page. Once
    it was asked to end (``shutdown_requested``, ``terminate``, ``kill``), ``poll`` here waits for it
    up to those 0.1 s, looking every ``ENDED_WITHIN`` s, so the manager's first look sees it gone."""
    import asyncio

    from jupyter_client.provisioning import LocalProvisioner
    from traitlets import Any, Bool

    class Provisioner(LocalProvisioner):
        template = Any(None, allow_none=True, help="a processes.Template that forks this kernel, or None")
        ending = Bool(False, help="the kernel was asked to end")

        async def launch_kernel(self, cmd, **kwargs):
            self.ending = False
            child = None
            if self.template is not None:
                env = dict(kwargs.get("env") or os.environ)
                env["JPY_PARENT_PID"] = str(os.getpid())  # what jupyter_client's launch_kernel gives a kernel
                cwd = str(kwargs.get("cwd") or os.getcwd())
                child = self.template.fork(cmd, env, cwd)
            if child is None:
                return await super().launch_kernel(cmd, **kwargs)
            self.process = child
            self.pid = self.pgid = child.pid  # the child made its own session, as Popen(start_new_session=True) does
            self.cwd = cwd
            return self.connection_info

        async def shutdown_requested(self, restart: bool = False) -> None:
            self.ending = True
            await super().shutdown_requested(restart=restart)

        async def terminate(self, restart: bool = False) -> None:
            self.ending = True
            await super().terminate(restart=restart)

        async def kill(self, restart: bool = False) -> None:
            self.ending = True
            await super().kill(restart=restart)

        async def poll(self):
            status = await super().poll()
            deadline = time.monotonic() + 0.1  # the manager's own interval between looks
            while status is None and self.ending and time.monotonic() < deadline:
                await asyncio.sleep(ENDED_WITHIN)
                status = await super().poll()
            return status

    return Provisioner


class DiedAtStart(RuntimeError):
    """A kernel ended before it answered: most often a port that another process took between the
    moment jupyter_client chose it and the kernel bound it (TCP's race); a new kernel gets new ports."""


async def idle_after(client, msg_id: str) -> bool:
    """IOPub says idle for ``msg_id`` (False: nothing came for 0.2 s, IOPub is not connected yet)."""
    from queue import Empty

    while True:
        try:
            msg = await client.iopub_channel.get_msg(timeout=0.2)
        except Empty:
            return False
        idle = msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle"
        if idle and msg["parent_header"].get("msg_id") == msg_id:
            return True


@cache
def ready_client():
    """jupyter_client's ``AsyncKernelClient``, but ready as soon as the kernel is: when it has answered
    ``kernel_info`` and said idle for it on IOPub.

    The stock client then drains IOPub until it has been silent for 0.2 s, a fixed 0.2 s of every
    notebook run; nbclient reads only the IOPub messages of the cell it runs, so a status message of
    another ``kernel_info`` left in the queue is skipped as it would be anyway. The reply's protocol
    version sets the session's, as the stock client does."""
    from queue import Empty

    from jupyter_client import protocol_version_info
    from jupyter_client.asynchronous import AsyncKernelClient

    class ReadyClient(AsyncKernelClient):
        async def wait_for_ready(self, timeout: float | None = None) -> None:
            deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
            while True:
                self.kernel_info()
                try:
                    msg = await self.shell_channel.get_msg(timeout=1)
                except Empty:
                    msg = None
                replied = msg is not None and msg["msg_type"] == "kernel_info_reply"
                if replied and await idle_after(self, msg["parent_header"].get("msg_id")):
                    major = int(msg["content"]["protocol_version"].split(".")[0])
                    if major != protocol_version_info[0]:
                        self.session.adapt_version = major
                    return
                if not await self.is_alive():
                    raise DiedAtStart("Kernel died before replying to kernel_info")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")

    return ReadyClient


def end(km) -> None:
    """End a kernel now, if it still runs (a notebook run normally ends its own)."""
    if km is None or not km.has_kernel:
        return

    import asyncio

    async def shutdown():
        await km.shutdown_kernel(now=True)

    # in a thread of its own: asyncio.run must not touch the event loop nbclient keeps in this thread
    thread = threading.Thread(target=lambda: asyncio.run(shutdown()), name="cddbrief-kernel-end")
    thread.start()
    thread.join()


def running(km) -> bool:
    """The kernel's process still runs (a kernel started ahead can die while it waits)."""
    process = getattr(km.provisioner, "process", None)
    return process is not None and process.poll() is None


def _end_when_started(future: Future) -> None:
    try:
        km = future.result()
    except Exception:  # it never started: nothing to end
        return
    end(km)


class Kernels:
    """Kernels started ahead of need, one at a time, for the notebook runs of one process.

    ``spare``: after each ``take`` start the next kernel (a batch worker); else only the one
    ``prestart`` asked for (a single build). ``warm``: import what briefs need at start-up.
    ``forked`` (by default with ``spare``): fork kernels from a template process
    (``processes.Template``); if the template cannot serve, kernels are launched as without it.
    ``beside``: its kernels may draw a chart's second picture in a second process (a single build's).
    """

    def __init__(self, spare: bool = False, warm: bool = True, forked: bool | None = None, beside: bool = False):
        self.spare = spare
        self.beside = beside
        self.warm = warm
        self.forked = spare and warm if forked is None else forked
        self._template = None  # touched in the launcher thread only, and by close() once it has stopped
        self._template_failed = False
        self._lock = threading.Lock()
        self._pending: tuple[KernelSpec, Future] | None = None
        self._closed = False
        self._launcher = None  # a ThreadPoolExecutor of one thread, made on first need

    def _start(self, spec: KernelSpec):
        if self._closed:  # close() came first: no kernel, and no template, is started any more
            raise RuntimeError("the kernels of this process are closed")
        return start(spec, self.warm, self._template_for(spec), beside=self.beside)

    def _template_for(self, spec: KernelSpec):
        """The template that forks kernels started as ``spec`` asks, started on first need; None when
        kernels are not forked here, or the template could not start (they are launched as usual)."""
        if not self.forked or self._template_failed:
            return None
        from .processes import Template, kernel_environment

        env = kernel_environment(dict(spec.environment))
        if self._template is not None and (not self._template.alive or self._template.env != env):
            self._template_failed = not self._template.alive  # one that died is not started again
            self._template.close()
            self._template = None
            if self._template_failed:
                return None
        if self._template is None:
            try:
                self._template = Template(env, spec.cwd)
            except Exception:  # no fork here (no pidfd, no prctl, an import that failed): launch as usual
                self._template_failed = True
        return self._template

    @property
    def template_pid(self) -> int | None:
        """The template process's id while it runs (tests look at its children)."""
        template = self._template
        return template.process.pid if template is not None and template.alive else None

    def _submit(self, fn, *args) -> Future:
        if self._launcher is None:
            from concurrent.futures import ThreadPoolExecutor

            self._launcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cddbrief-kernel")
        return self._launcher.submit(fn, *args)

    @property
    def ahead(self) -> KernelSpec | None:
        """How the kernel started ahead (not yet taken) was started; None when there is none."""
        pending = self._pending
        return pending[0] if pending else None

    def prestart(self, cwd: str | Path) -> None:
        """Start a kernel for a run in ``cwd`` in the background, unless one is already on its way."""
        spec = spec_for(cwd)
        jupyter_classes()
        with self._lock:
            if self._closed or (self._pending and self._pending[0] == spec):
                return
            old, self._pending = self._pending, (spec, self._submit(self._start, spec))
        if old:
            self._submit(_end_when_started, old[1])

    def launched(self) -> None:
        """Wait until the kernel started ahead is launched (its process runs; its imports go on). A
        single build waits here before its own imports, which would otherwise share this process
        with the launch and delay it (~0.08 s); what went wrong, if anything, ``take`` says."""
        pending = self._pending
        if pending is None:
            return
        try:
            pending[1].result()
        except Exception:
            pass

    def take(self, cwd: str | Path):
        """A started kernel for one notebook run in ``cwd``, now the caller's to end: the one started
        ahead when it was started the same way, else a new one. With ``spare``, the next starts now."""
        spec = spec_for(cwd)
        jupyter_classes()
        with self._lock:
            pending, self._pending = self._pending, None
            if self._closed:
                raise RuntimeError("the kernels of this process are closed")
            if pending is None or pending[0] != spec:
                if pending:
                    self._submit(_end_when_started, pending[1])
                pending = (spec, self._submit(self._start, spec))
        try:
            km = pending[1].result()  # a kernel that would not start raises here
            if not running(km):  # it died while it waited (its template was killed): start another
                self._submit(_end_when_started, pending[1])
                pending = (spec, self._submit(self._start, spec))
                km = pending[1].result()
        except BaseException:  # stopped while it started (Ctrl-C, SIGTERM): it is ended, not left running
            self._submit(_end_when_started, pending[1])
            raise
        if self.spare:
            self.prestart(cwd)
        return km

    def close(self) -> None:
        """End the kernel started ahead that nobody took, and wait for it to be gone."""
        with self._lock:
            self._closed = True
            pending, self._pending = self._pending, None
            launcher, self._launcher = self._launcher, None
        if launcher is None:
            return
        if pending:
            launcher.submit(_end_when_started, pending[1])
        launcher.shutdown(wait=True)
        template, self._template = self._template, None
        if template is not None:
            template.close()

    def stop_starting(self) -> None:
        """From a signal handler: start no more kernels (the caller ends the running ones)."""
        self._closed = True
