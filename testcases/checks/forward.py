"""Checks of lesson 02 (forward propagation).

``verify(name, student_fn, inputs, expected)`` calls the student's function on
``inputs`` and raises a Korean ``CheckFailed`` (an ``AssertionError``) at the first difference from
``expected``; the public ``check_<name>(student_fn)`` runs it on the seeded test
case, printing the student's output beside the stored expected output, and ends
with ``✅ 공개 테스트 통과``. The hidden tests run the same ``verify`` on random inputs.

``compute_loss`` and ``compute_accuracy`` call the student's ``feed_forward``. They
are graded on their own: while they run, the name ``feed_forward`` in the
student's notebook answers with the reference outputs, computed beforehand, so a
wrong ``feed_forward`` costs only its own points.
"""
import functools

import numpy as np

from dlutils.reference import forward as ref
from testcases import exercise
from testcases import forward as cases
from testcases import store
from testcases.exercise import Exercise
from testcases.feedback import check_array, check_dict, check_scalar, fail, passed, pick
from testcases.mistakes import forward as mistakes

LESSON = "forward"
USES_FEED_FORWARD = ("compute_loss", "compute_accuracy")
_ABSENT = object()


def _compare_outputs_and_cache(label, got, expected, mistake_list, output):
    check_array(f"{label}의 {output}", got[output], expected[output], pick(mistake_list, output))
    expected_cache = {key: value for key, value in expected.items() if key != output}
    check_dict(f"{label}의 cache", got["cache"], expected_cache, mistake_list)


def _compare_feed_forward(label, got, inputs, expected):
    _compare_outputs_and_cache(label, got, expected, mistakes.feed_forward(**inputs), "a")


def _compare_feed_forward_batch(label, got, inputs, expected):
    _compare_outputs_and_cache(label, got, expected, mistakes.feed_forward_batch(**inputs), "A")


def _compare_compute_loss(label, got, inputs, expected):
    check_scalar(f"{label}의 loss", got["loss"], expected["loss"], pick(mistakes.compute_loss(**inputs), "loss"))


def _compare_compute_accuracy(label, got, inputs, expected):
    check_scalar(f"{label}의 accuracy", got["accuracy"], expected["accuracy"],
                 pick(mistakes.compute_accuracy(**inputs), "accuracy"))


EXERCISES = {
    "feed_forward": Exercise(("a", "cache"), _compare_feed_forward, ("a", "cache")),
    "compute_loss": Exercise(("loss",), _compare_compute_loss, ("loss",)),
    "compute_accuracy": Exercise(("accuracy",), _compare_compute_accuracy, ("accuracy",)),
    "feed_forward_batch": Exercise(("A", "cache"), _compare_feed_forward_batch, ("A", "cache")),
}


def _key(x):
    return np.asarray(x, dtype=float).tobytes()


def with_correct_feed_forward(fn, x_val, parameters):
    """``fn`` run with its notebook's ``feed_forward`` answering from the reference's outputs on ``x_val``."""
    answers = {_key(x): ref.feed_forward(x, parameters) for x in x_val}

    def feed_forward(x, _parameters):
        if _key(x) not in answers:
            fail("feed_forward", ["x_val의 한 행이 아닌 값을 받았습니다."],
                 ["feed_forward에는 예제 하나 x를 넘기세요: for x, y in zip(x_val, y_val): ..."])
        a, cache = answers[_key(x)]
        return a.copy(), {key: value.copy() for key, value in cache.items()}

    namespace = getattr(fn, "__globals__", {})

    @functools.wraps(fn)
    def graded(*args):
        saved = namespace.get("feed_forward", _ABSENT)
        namespace["feed_forward"] = feed_forward
        try:
            return fn(*args)
        finally:
            if saved is _ABSENT:
                del namespace["feed_forward"]
            else:
                namespace["feed_forward"] = saved

    return graded


def _graded(name, fn, inputs):
    if name in USES_FEED_FORWARD:
        return with_correct_feed_forward(fn, inputs["x_val"], inputs["parameters"])
    return fn


def verify(name, fn, inputs, expected, label=None):
    """Call ``fn`` on ``inputs`` and compare with ``expected`` (used by the hidden tests)."""
    return exercise.verify(EXERCISES[name], name, _graded(name, fn, inputs), inputs, expected, label)


def _public(name, fn, inputs):
    exercise.public(EXERCISES[name], name, _graded(name, fn, inputs), inputs, store.expected(LESSON, name))
    passed()


def check_feed_forward(fn):
    x, parameters = cases.feed_forward_test_case()
    _public("feed_forward", fn, {"x": x, "parameters": parameters})


def check_compute_loss(fn):
    x_val, y_val, parameters = cases.loss_accuracy_test_case()
    _public("compute_loss", fn, {"x_val": x_val, "y_val": y_val, "parameters": parameters})


def check_compute_accuracy(fn):
    x_val, y_val, parameters = cases.loss_accuracy_test_case()
    _public("compute_accuracy", fn, {"x_val": x_val, "y_val": y_val, "parameters": parameters})


def check_feed_forward_batch(fn):
    X, parameters = cases.feed_forward_batch_test_case()
    _public("feed_forward_batch", fn, {"X": X, "parameters": parameters})
