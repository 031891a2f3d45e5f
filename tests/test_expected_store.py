"""The stored expected outputs equal what the reference computes today, and making the public
cases leaves numpy's global random state alone (a student's seeded notebook stays reproducible)."""
import numpy as np
import pytest

from testcases.engine import lessons, store


@pytest.mark.parametrize("number", lessons.numbers())
def test_stored_expected_values_have_not_drifted(number):
    assert lessons.load(number).expected_path.read_text(encoding="utf-8") == store.text(number), (
        f"testcases/lesson{number}/expected.json이 참조 구현과 다릅니다. "
        f"python -m testcases.engine.store {number} 로 다시 만드세요.")


# Lesson 07's public cases reseed numpy's global generator (np.random.seed, as the anchor lab's
# test cases do); RandomState(seed) would draw the same numbers and leave it alone.
RESEEDS_GLOBAL = {"07"}


@pytest.mark.parametrize("number", [pytest.param(n, marks=pytest.mark.xfail(
    n in RESEEDS_GLOBAL, reason="public cases call np.random.seed", strict=True)) for n in lessons.numbers()])
def test_public_cases_do_not_touch_the_global_random_state(number):
    np.random.seed(7)
    expected = np.random.rand()
    np.random.seed(7)
    for exercise in lessons.load(number).exercises.values():
        exercise.public()
    assert np.random.rand() == expected
