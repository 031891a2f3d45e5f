"""How errors look in a student's Jupyter kernel.

A failed check (an exception with ``brief = True``) shows its Korean message alone,
without IPython's English preamble; any other error keeps its traceback minus the
frames of the grading package, so a student sees the test cell and their own code,
not the checker's internals.
"""
import sys
import types
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def _without_checker_frames(tb):
    """The traceback minus the frames of this package, so students see only their own code."""
    kept = []
    while tb is not None:
        if not Path(tb.tb_frame.f_code.co_filename).resolve().is_relative_to(PACKAGE_DIR):
            kept.append(tb)
        tb = tb.tb_next
    chain = None
    for entry in reversed(kept):
        chain = types.TracebackType(chain, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return chain


def _show_exception(shell, etype, value, tb, tb_offset=None):
    """IPython handler: a failed check as its message alone; other errors without our frames."""
    if getattr(value, "brief", False):
        shell._showtraceback(etype, value, [str(value)])
    else:
        shell.showtraceback((etype, value, _without_checker_frames(tb)), tb_offset=tb_offset)


def install():
    """In a Jupyter kernel, route every error through ``_show_exception``; elsewhere do nothing."""
    ipython = sys.modules.get("IPython")  # a kernel has imported it before any code of ours runs
    if ipython is None:
        return
    shell = ipython.get_ipython()
    if shell is not None:
        shell.set_custom_exc((Exception,), _show_exception)
