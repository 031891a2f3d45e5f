"""Run hidden tests on fresh copies of the grading code.

An answer cell can rebind anything it can import: a public check, a comparison
helper, a reference function. Hidden tests therefore import the grading packages
anew from their files, use those private copies, and put the student-visible
modules back afterwards. The hidden-test cell reaches this file through
``runpy.run_path``, so not even this module is taken from ``sys.modules``.
"""
import importlib
import sys

GRADING_PACKAGES = ("testcases", "dlutils")


def _is_grading_module(name):
    return any(name == p or name.startswith(p + ".") for p in GRADING_PACKAGES)


def fresh_import(name):
    """Import ``name`` and everything it imports from the grading packages anew."""
    saved = {k: m for k, m in sys.modules.items() if _is_grading_module(k)}
    for key in saved:
        del sys.modules[key]
    try:
        return importlib.import_module(name)
    finally:
        for key in [k for k in sys.modules if _is_grading_module(k)]:
            del sys.modules[key]
        sys.modules.update(saved)


def run_hidden(lesson, function_name, student_function):
    """Run ``hidden_<function_name>`` of ``testcases.hidden.<lesson>`` on a fresh copy."""
    hidden = fresh_import(f"testcases.hidden.{lesson}")
    getattr(hidden, "hidden_" + function_name)(student_function)
