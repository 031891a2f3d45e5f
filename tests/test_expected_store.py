"""The stored expected outputs equal what the reference computes today, and making the public
cases leaves numpy's global random state alone (a student's seeded notebook stays reproducible)."""
import copy
import functools
import json

import numpy as np
import pytest

from testcases.engine import lessons, store


@pytest.mark.parametrize("number", lessons.numbers())
def test_stored_expected_values_have_not_drifted(number):
    drifted = store.drift(number)
    assert not drifted, (
        f"testcases/lesson{number}/expected.json이 참조 구현과 다릅니다 ({len(drifted)}곳, 처음: {drifted[:3]}). "
        f"python -m testcases.engine.store {number} 로 다시 만드세요.")


def _first_float_path(value, path=()):
    """The path to the first float in parsed JSON (depth first)."""
    if isinstance(value, float):
        return path
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        if (found := _first_float_path(child, (*path, key))) is not None:
            return found
    return None


def _changed(value, path, change):
    copied = copy.deepcopy(value)
    *parents, last = path
    holder = functools.reduce(lambda node, key: node[key], parents, copied)
    holder[last] = change(holder[last])
    return copied


@pytest.fixture(scope="module")
def stored07():
    return json.loads(lessons.load("07").expected_path.read_text(encoding="utf-8"))


def test_another_cpus_last_bits_are_no_drift(stored07):
    path = _first_float_path(stored07)
    assert store.differences(stored07, _changed(stored07, path, lambda x: float(np.nextafter(x, np.inf)))) == []
    assert store.differences(stored07, _changed(stored07, path, lambda x: x * (1 + 4e-16))) == []


def test_a_real_change_of_a_reference_is_drift(stored07):
    path = _first_float_path(stored07)
    assert len(store.differences(stored07, _changed(stored07, path, lambda x: x * (1 + 1e-9) + 1e-12))) == 1
    changed_shape = _changed(stored07, path[:-2] + ("shape",), lambda shape: shape[::-1] + [1])
    assert store.differences(stored07, changed_shape)
    renamed = dict(stored07, extra_exercise=stored07[next(iter(stored07))])
    assert store.differences(stored07, renamed)
    assert store.differences(stored07, _changed(stored07, path, lambda x: int(x)))


def test_a_cpus_last_bits_keep_a_recorded_calls_digest():
    rng = np.random.default_rng(0)
    W = rng.standard_normal((40, 30))
    noisy = W * (1 + rng.choice([-1, 0, 1], W.shape) * np.finfo(float).eps)
    assert (noisy != W).any() and store.digest((W, {"b": 0.5})) == store.digest((noisy, {"b": 0.5}))
    assert store.digest((W,)) != store.digest((W * (1 + 1e-6),)) and store.digest((W,)) != store.digest((W.T,))


@pytest.mark.parametrize("number", lessons.numbers())
def test_public_cases_do_not_touch_the_global_random_state(number):
    np.random.seed(7)
    expected = np.random.rand()
    np.random.seed(7)
    for exercise in lessons.load(number).exercises.values():
        exercise.public()
    assert np.random.rand() == expected
