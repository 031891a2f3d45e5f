"""Grading kernels started warm: a fork of a process that has ipykernel, numpy and matplotlib imported.

    python -m testcases.engine.warm_kernel FD

``WarmKernels`` (used by ``ConfinedKernelManager``) starts it once per grading
process, with one end of a socket pair as FD. It imports what every kernel and
every lesson's setup cell imports (never a reference solution or a given helper)
and waits. For each notebook it forks a child that takes the environment and
folder jupyter_client chose, confines itself (``sandbox.confine``: as root a user
id of its own that sees only the request's ``view``, no network, IPC sockets in
a private folder; always the resource limits) and becomes
the IPython kernel. No student code ever runs in this process, so each kernel
starts as clean as a new one, about a second sooner.

Kernels are this process's children and are reaped as they end (SIGCHLD ignored);
the grading process watches each through a pidfd.
"""
import contextlib
import io
import os
import select
import shutil
import signal
import sys

from traitlets.config import Config

from testcases.engine import sandbox
from testcases.engine.warm import WarmHelper, import_public_dlutils, serve

KERNEL_LIMITS = sandbox.Limits(cpu_seconds=600)
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"   # what ipykernel makes the default
# Figures in graded notebooks keep the layout they were drawn with (the lessons' figures call
# tight_layout) instead of being cropped by a second drawing: a third less time per figure.
GRADING_CONFIG = {"InlineBackend": {"print_figure_kwargs": {"bbox_inches": None}}}


def _preload():
    os.environ.pop("JPY_PARENT_PID", None)  # read when ipykernel is imported; the kernel's parent is this process
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")  # graders run kernels side by side; one BLAS thread each
    import ipykernel.kernelapp  # noqa: F401
    import matplotlib_inline.backend_inline  # noqa: F401

    import testcases.engine.runner  # noqa: F401  (the public checks of the test cells)

    import_public_dlutils()
    _warm_up_figures()
    _read_offline_mnist()


def _read_offline_mnist():
    """Read the 5,000 offline digits once (``load_mnist`` keeps them per process): each kernel
    forked from here has them without reading. A missing file is the kernel's to report."""
    from dlutils.data import DataFileError, load_mnist

    with contextlib.suppress(DataFileError):
        load_mnist(normalize=False, one_hot=False)  # the bytes as stored, nothing converted


def _warm_up_figures():
    """Draw one small figure with Korean text and math: the fonts and the math parser load here, once."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(2, 1))
    FigureCanvasAgg(figure)
    figure.subplots().set_title("한글 $a^{[1]}_{2}$")
    figure.savefig(io.BytesIO(), format="png", bbox_inches="tight")


def _give_a_home(workdir):
    """A writable home for the kernel's user: IPython's profile and matplotlib's settings live there."""
    os.environ.update(HOME=workdir, MPLCONFIGDIR=os.path.join(workdir, "matplotlib"),
                      IPYTHONDIR=os.path.join(workdir, "ipython"))
    os.makedirs(os.environ["MPLCONFIGDIR"], exist_ok=True)


def _become_kernel(request):
    """In the forked child: the kernel's environment and folder, confinement, then the IPython kernel."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.setsid()
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    command, workdir, uid = list(request["command"]), request["workdir"], request["uid"]
    if uid is not None:
        index = command.index("-f") + 1
        command[index] = shutil.copy(command[index], os.path.join(workdir, "connection.json"))
        _give_a_home(workdir)
        for root, folders, files in os.walk(workdir):
            for name in [root, *(os.path.join(root, n) for n in [*folders, *files])]:
                os.chown(name, uid, uid)
    sandbox.confine(KERNEL_LIMITS, sandbox.View(**request["view"]), uid=uid, own_group=False)
    from ipykernel import kernelapp

    # parent_handle: the kernel ends if this warm process ends, and prints no console banner
    sys.argv = ["ipykernel_launcher", *command[command.index("ipykernel_launcher") + 1:],
                f"--IPKernelApp.parent_handle={os.getppid()}"]
    kernelapp.launch_new_instance(config=Config(GRADING_CONFIG))


def _start_kernel(request, sock):
    pid = os.fork()
    if pid == 0:
        sock.close()
        try:
            _become_kernel(request)
        finally:
            os._exit(0)
    return pid


class KernelProcess:
    """What jupyter_client needs of a kernel's ``Popen``, for a kernel the warm process started.

    The kernel is not this process's child: a pidfd tells when it has ended. Its exit
    code does not reach here; ``returncode`` is minus the last signal sent to it, or 0
    (jupyter_client only logs it).
    """

    stdin = stdout = stderr = None  # the kernel's streams are not piped to this process

    def __init__(self, pid):
        self.pid, self.returncode = pid, None
        self._pidfd = os.pidfd_open(pid)
        self._signal = 0

    def poll(self):
        return self.wait(timeout=0)

    def wait(self, timeout=None):
        if self.returncode is None and select.select([self._pidfd], [], [], timeout)[0]:
            self.returncode = -self._signal
            os.close(self._pidfd)
        return self.returncode

    def send_signal(self, signum):
        """``signum`` to the kernel's process group (what it started too); after SIGKILL, wait
        until it is gone (briefly), so that jupyter_client finds it ended without polling."""
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pid, signum)  # the kernel leads its own session; alive, so the group is its
                self._signal = signum
            if signum == signal.SIGKILL:
                self.wait(timeout=1)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    def terminate(self):
        self.send_signal(signal.SIGTERM)


class WarmKernels(WarmHelper):
    """The grading process's side: starts the warm process on first use, asks it for kernels."""

    def __init__(self):
        super().__init__("testcases.engine.warm_kernel")

    def start(self, command, env, cwd, workdir, uid, view):
        """A confined kernel running ``command`` (``python -m ipykernel_launcher -f …``); its process."""
        if "ipykernel_launcher" not in command:
            raise ValueError(f"grading kernels must be Python's ipykernel, not {command}: "
                             "set the notebook's kernel to python3")
        reply = self.ask({"command": command, "env": env, "cwd": str(cwd), "workdir": workdir, "uid": uid,
                          "view": view})
        return KernelProcess(reply["pid"])


def main():
    _preload()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # ended kernels are reaped at once
    serve(lambda request, sock: {"pid": _start_kernel(request, sock)})


if __name__ == "__main__":
    main()
