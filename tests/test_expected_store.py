"""The stored expected outputs equal what the reference computes today."""
import pytest

from testcases.engine import lessons, store


@pytest.mark.parametrize("number", lessons.numbers())
def test_stored_expected_values_have_not_drifted(number):
    assert lessons.load(number).expected_path.read_text(encoding="utf-8") == store.text(number), (
        f"testcases/lesson{number}/expected.json이 참조 구현과 다릅니다. "
        f"python -m testcases.engine.store {number} 로 다시 만드세요.")
