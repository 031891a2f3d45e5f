"""Start a Jupyter kernel confined (``sandbox.confine``): the grading run of a student's notebook.

    python -m testcases.engine.confined_kernel --workdir D [--uid U] [--hide PATH ...] -- KERNEL COMMAND

Started by ``ConfinedKernelManager`` in place of the kernel command. As root it
copies the connection file into ``D`` (owned by ``U``, where the kernel's IPC
sockets also live, so no network is needed), confines itself and becomes the
kernel with ``exec``.
"""
import argparse
import os
import shutil

from testcases.engine import sandbox

KERNEL_LIMITS = sandbox.Limits(cpu_seconds=600)


def _give_a_home(workdir):
    """A writable home in ``workdir`` with matplotlib's font cache, so the kernel builds none."""
    import matplotlib

    cache = os.path.join(workdir, "matplotlib")
    shutil.copytree(matplotlib.get_cachedir(), cache, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("tex.cache"))
    os.environ.update(HOME=workdir, MPLCONFIGDIR=cache, IPYTHONDIR=os.path.join(workdir, "ipython"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uid", type=int)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--hide", action="append", default=[])
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if sandbox.isolation_available():
        index = command.index("-f") + 1
        command[index] = shutil.copy(command[index], os.path.join(args.workdir, "connection.json"))
        _give_a_home(args.workdir)
        for root, folders, files in os.walk(args.workdir):
            for name in [*folders, *files]:
                os.chown(os.path.join(root, name), args.uid, args.uid)
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")  # graders run kernels side by side; one BLAS thread each
    sandbox.confine(KERNEL_LIMITS, args.hide, uid=args.uid, own_group=False)
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
