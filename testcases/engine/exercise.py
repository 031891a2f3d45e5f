"""How one graded function or class is declared, once, for every check that grades it.

A lesson's ``testcases/lessonNN/exercises.py`` lists its ``Exercise`` objects. The
same declaration drives the public check a student runs in the notebook, the
hidden cases, the stored expected values and the judge that grades outside the
student's kernel.
"""
from dataclasses import dataclass, field
from typing import Callable


@dataclass(frozen=True)
class Step:
    """One call: the target itself (``method=None``: a function, or a class's constructor)
    or a method of the object the constructor made."""
    method: str | None
    args: tuple             # names of the case's inputs passed, in order
    outputs: tuple = ()     # names given to what the call returns (a tuple is spread)


@dataclass(frozen=True)
class Case:
    inputs: dict            # input name -> value
    title: str = ""         # printed above the case by the public check (e.g. "sigmoid")
    detail: str = ""        # names a hidden case in a failure (shapes, sizes)


@dataclass(frozen=True)
class Exercise:
    """A graded function (one ``Step``) or class (constructor, then methods).

    ``expected(ref, inputs)`` computes the outputs to compare with from the lesson's
    reference module ``ref``; ``compare(label, got, inputs, expected)`` raises
    ``CheckFailed`` on a difference. ``public()`` builds the seeded public cases;
    ``hidden(rng, trial)`` one hidden case per trial.
    """
    name: str
    steps: tuple
    public: Callable[[], list]
    hidden: Callable
    expected: Callable
    compare: Callable
    shown: tuple = ()                   # outputs the public check prints ("len(x)" prints a length)
    keeps: tuple = ()                   # attributes of the object compared after the steps
    may_modify: tuple = ()              # inputs it may change in place
    calls: tuple = ()                   # other graded functions it calls: graded with the reference's
    forbids: tuple = ()                 # "module.function" helpers that would answer it: guarded like the reference
    seed_input: str | None = None       # an input not passed but given to np.random.seed before the call
    show_inputs: bool = False           # the public check also prints its inputs
    mutation_hints: dict = field(default_factory=dict)  # input name -> hint when it was changed
    error_hints: dict = field(default_factory=dict)     # text in an error message -> Korean hint
    trials: int = 5

    @property
    def is_class(self):
        return any(step.method is not None for step in self.steps)

    @property
    def outputs(self):
        return tuple(name for step in self.steps for name in step.outputs) + tuple(
            f"self.{attr}" for attr in self.keeps)

    @property
    def inputs(self):
        names = [name for step in self.steps for name in step.args]
        if self.seed_input:
            names.append(self.seed_input)
        return tuple(dict.fromkeys(names))


def function(name, args, outputs, **kwargs):
    """An exercise that calls ``name(*args)`` once and names what it returns ``outputs``."""
    return Exercise(name=name, steps=(Step(None, tuple(args), tuple(outputs)),), **kwargs)


def hidden_label(name, trial, n_trials, detail):
    """How a hidden case names itself in a failure: which exercise, which trial, what input."""
    return f"{name} [숨겨진 테스트 {trial + 1}/{n_trials}, {detail}]"
