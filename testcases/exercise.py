"""One graded exercise: how to call it, compare it and show it; shared by every lesson.

A lesson's checks module describes each graded function as an ``Exercise`` and
runs it with ``verify`` (hidden tests) or ``public`` (the check students run).
"""
from typing import Callable, NamedTuple

from testcases.feedback import call, show


class Exercise(NamedTuple):
    outputs: tuple          # names of the values the function returns, in order
    compare: Callable       # compare(label, got, inputs, expected) raises AssertionError
    shown: tuple            # what the public check prints: output names, or "len(name)"


def hidden_label(name, trial, n_trials, detail):
    """How a hidden test names itself in a failure: which function, which trial, what input."""
    return f"{name} [숨겨진 테스트 {trial + 1}/{n_trials}, {detail}]"


def verify(exercise, name, fn, inputs, expected, label=None):
    """Call ``fn`` on ``inputs`` and compare its outputs with ``expected``; returns the outputs."""
    got = call(fn, inputs, exercise.outputs, label)
    exercise.compare(label or name, got, inputs, expected)
    return got


def _printable(got, shown):
    """The outputs to print, with dict outputs (parameters, grads) spread into their keys."""
    printable = {}
    for name in shown:
        if name.startswith("len(") and name.endswith(")"):
            value = got[name[4:-1]]
            printable[name] = len(value) if isinstance(value, (list, tuple)) else value
        elif isinstance(got[name], dict):
            printable.update(got[name])
        else:
            printable[name] = got[name]
    return printable


def public(exercise, name, fn, inputs, expected, title=""):
    """Run the public case: print the student's output and the stored expected one, then compare."""
    got = call(fn, inputs, exercise.outputs)
    if title:
        print(f"── {title} ──")
    show("내 출력", _printable(got, exercise.shown))
    show("기댓값", expected)
    exercise.compare(name, got, inputs, expected)

