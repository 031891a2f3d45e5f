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


@pytest.mark.parametrize("number", lessons.numbers())
def test_public_cases_do_not_touch_the_global_random_state(number):
    np.random.seed(7)
    expected = np.random.rand()
    np.random.seed(7)
    for exercise in lessons.load(number).exercises.values():
        exercise.public()
    assert np.random.rand() == expected
