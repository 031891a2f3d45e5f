"""The stored expected outputs equal what the reference computes today."""
import pytest

from testcases import store


@pytest.mark.parametrize("lesson", store.LESSONS)
def test_stored_expected_values_have_not_drifted(lesson):
    assert store.load(lesson) == store.compute(lesson), (
        f"testcases/expected/{lesson}.json이 참조 구현과 다릅니다. "
        "python -m testcases.store 로 다시 만드세요.")
