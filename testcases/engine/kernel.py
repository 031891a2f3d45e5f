"""The kernel manager nbgrader's autograde uses: every student's kernel starts confined.

As root the kernel runs as a user id of its own, in its own mount and network
namespaces, seeing only Python, the course's public packages and data, its own
submission folder and a private folder (``view``, set by ``ResilientExecute``;
``sandbox``); it talks to nbgrader through IPC sockets in that private folder
instead of the network. Whatever it leaves running is killed at shutdown.
Without root the kernel still gets the resource limits. Kernels are forked from a
warm process (``warm_kernel``) that has the kernel's imports done.
"""
import contextlib
import os
import secrets
import shutil
import tempfile
import time
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import DottedObjectName, Dict, Type

from testcases.engine import sandbox
from testcases.engine.warm_kernel import WarmKernels

_WARM_KERNELS = WarmKernels()  # one per grading process, shared by the notebooks it grades


class PromptClient(AsyncKernelClient):
    """The kernel client, ready as soon as the kernel has answered on both channels.

    jupyter_client's own ``wait_for_ready`` then waits for 0.2 s of silence on IOPub;
    messages that arrive later belong to the readiness check, and nbclient ignores them.
    """

    async def wait_for_ready(self, timeout=None):
        deadline = time.monotonic() + (timeout or 60)
        while True:
            self.kernel_info()
            with contextlib.suppress(Empty):
                reply = await self.shell_channel.get_msg(timeout=1)
                if reply["msg_type"] == "kernel_info_reply":
                    await self.iopub_channel.get_msg(timeout=0.2)  # IOPub is connected once a message arrives
                    self._handle_kernel_info_reply(reply)
                    return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")


class ConfinedKernelManager(AsyncKernelManager):
    view = Dict({}, help="what the kernel sees besides Python: readable and hidden paths").tag(config=True)
    client_class = DottedObjectName("testcases.engine.kernel.PromptClient")
    client_factory = Type(PromptClient, klass=AsyncKernelClient)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.confined_uid = None
        self.workdir = tempfile.mkdtemp(prefix="dl-kernel-")
        if sandbox.isolation_available():
            self.confined_uid = sandbox.FIRST_UID + 100_000 + secrets.randbelow(100_000)
            os.chown(self.workdir, self.confined_uid, self.confined_uid)
            os.chmod(self.workdir, 0o700)
            self.transport = "ipc"
            self.ip = os.path.join(self.workdir, "kernel")

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        """Fork the kernel from the warm process instead of starting a new interpreter."""
        provisioner, cwd = self.provisioner, kw.get("cwd") or os.getcwd()
        process = _WARM_KERNELS.start(kernel_cmd, env=kw.get("env") or dict(os.environ), cwd=cwd,
                                      workdir=self.workdir, uid=self.confined_uid,
                                      view={**self.view, "writable": [self.workdir]})
        # No pgid: jupyter_client then signals through ``process``, which signals the group and waits for SIGKILL.
        provisioner.process, provisioner.pid, provisioner.pgid, provisioner.cwd = process, process.pid, None, cwd
        self._reconcile_connection_info(provisioner.connection_info)

    async def _async_cleanup_resources(self, restart=False):
        await super()._async_cleanup_resources(restart=restart)
        if self.confined_uid is not None:
            sandbox.kill_user(self.confined_uid)
        shutil.rmtree(self.workdir, ignore_errors=True)
