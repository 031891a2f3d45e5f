"""Stable ids for the mistakes the checks name, so that a class's mistakes can be counted.

A check names a mistake by a Korean hint: a failed comparison by the hints of its
``CheckFailed``, a runtime error by the hint ``invoke.error_hint`` chose. A hint's id is the
name of the constant that holds its text, qualified by its module: ``lesson07.NO_MEAN``,
``compare.TUPLE_HINT``, ``invoke.ERROR_HINTS['not aligned']``; it stays the same when the
wording changes. A hint written in place gets ``hint:`` and a digest of its text instead (the
same text, the same id).
"""
import hashlib
import importlib
from functools import cache

from testcases.engine import compare, invoke
from testcases.engine.runner import ReferenceGuard

REFERENCE_CALLED = "runner.ReferenceGuard"


def _module_label(module):
    """``testcases.lesson07.exercises`` -> ``lesson07``, ``testcases.engine.compare`` -> ``compare``."""
    parts = module.__name__.split(".")
    return parts[-2] if parts[-1] == "exercises" else parts[-1]


@cache
def _constant_names(number):
    """Hint text -> id, for every text held by an upper-case constant (or a value of such a dict) of
    the lesson's exercises and of the engine modules that hold hints; the lesson's names come first."""
    names = {}
    for module in (importlib.import_module(f"testcases.lesson{number}.exercises"), compare, invoke):
        label = _module_label(module)
        for name, value in vars(module).items():
            if not name.isupper():
                continue
            if isinstance(value, str):
                names.setdefault(value, f"{label}.{name}")
            elif isinstance(value, dict):
                for key, text in value.items():
                    if isinstance(text, str):
                        names.setdefault(text, f"{label}.{name}[{key!r}]")
    return names


def mistake(number, hint):
    """``{"id", "text"}`` of a hint given in lesson ``number``."""
    digest = hashlib.sha256(hint.encode("utf-8")).hexdigest()[:10]
    return {"id": _constant_names(number).get(hint, f"hint:{digest}"), "text": hint}


def named(number, hints):
    """The mistakes a failed comparison's hints name."""
    return [mistake(number, hint) for hint in hints]


def named_in_error(number, exercise, message):
    """The mistake the hint of a runtime error names, found in the error's message (none for an error
    ``invoke.error_hint`` could only answer with its general advice)."""
    for hint in invoke.error_hints(exercise.error_hints):
        if hint in message:
            return [mistake(number, hint)]
    return []


def reference_called(exercise):
    """The mistake of an answer that called the exercise's reference or a helper that answers it."""
    return [{"id": REFERENCE_CALLED, "text": ReferenceGuard.message(exercise.name)}]
