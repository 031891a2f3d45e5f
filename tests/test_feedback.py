"""The Korean failure messages name what differs and why."""
import numpy as np
import pytest

from testcases.engine.compare import check_array, check_keys, check_scalar
from testcases.engine.report import render


def fails(check, *args):
    with pytest.raises(AssertionError) as excinfo:
        check(*args)
    return str(excinfo.value)


def test_array_messages():
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert "numpy 배열" in fails(check_array, "Z", [[1.0, 2.0], [3.0, 4.0]], expected)
    message = fails(check_array, "Z", expected.T.copy()[:, :1], expected)
    assert "기댓값 shape: (2, 2)" in message and "받은 값 shape: (2, 1)" in message
    message = fails(check_array, "Z", np.array([[1.0, 2.0], [3.5, 4.0]]), expected)
    assert "처음 다른 위치 [1, 0]: 기댓값 3, 받은 값 3.5" in message and "1 / 4" in message
    assert "nan" in fails(check_array, "Z", np.array([[1.0, 2.0], [np.nan, 4.0]]), expected)
    assert "정수 배열" in fails(check_array, "b", np.array([[0], [1]]), np.array([[0.0], [0.5]]))
    assert "dtype이 object" in fails(check_array, "Z", np.array([[None]]), np.array([[0.0]]))


def test_shape_hints():
    assert "전치" in fails(check_array, "Z", np.zeros((3, 2)), np.zeros((2, 3)))
    one_dimensional = fails(check_array, "db", np.zeros(3), np.zeros((3, 1)))
    assert "(n, 1) 열 벡터" in one_dimensional and "np.zeros((n, 1))" in one_dimensional
    assert "axis=1" in fails(check_array, "db", np.zeros((1, 3)), np.zeros((3, 1)))


def test_mistake_hint_only_when_it_reproduces_the_value():
    expected = np.array([1.0, 2.0])
    mistakes = [("1/m을 곱하세요", np.array([2.0, 4.0]))]
    assert "1/m을 곱하세요" in fails(check_array, "dW", np.array([2.0, 4.0]), expected, mistakes)
    assert "1/m" not in fails(check_array, "dW", np.array([3.0, 4.0]), expected, mistakes)


def test_scalar_messages():
    assert "0차원" in fails(check_scalar, "cost", np.array([[0.3]]), 0.3)
    assert "np.squeeze(...)" in fails(check_scalar, "cost", np.array([[0.3]]), 0.3)
    per_example = fails(check_scalar, "accuracy", np.zeros(8), 0.5)
    assert "np.mean" in per_example and "squeeze" not in per_example
    assert "받은 값: 0.4" in fails(check_scalar, "cost", 0.4, 0.3)
    assert "숫자여야" in fails(check_scalar, "cost", "0.3", 0.3)
    check_scalar("cost", np.array(0.3), 0.3)
    check_scalar("cost", np.float64(0.3), 0.3)


def test_key_messages():
    message = fails(check_keys, "parameters", {"W1": 0, "W3": 0}, ["W1", "b1"])
    assert "빠진 키: ['b1']" in message and "남는 키: ['W3']" in message
    assert "딕셔너리" in fails(check_keys, "parameters", [1, 2], ["W1"])


def test_render_numbers_like_numpy():
    assert render(np.float64(0.25)) == "0.25"
    assert render(np.array(0.25)) == "0.25"
    assert render(np.array([[1.0, 0.5]])) == "[[1.  0.5]]"
    assert render(715.0) == "715.0" and render(1e-12) == "1e-12"


def test_render_prints_no_digit_a_cpu_may_change():
    value = 0.2444861521584
    assert render(value) == render(np.nextafter(value, 1.0)) == render(np.nextafter(value, 0.0)) == "0.24448615"
    assert render(np.array(value)) == "0.24448615"


def test_render_writes_a_list_of_numbers_alike_whatever_their_types():
    assert render([np.float64(1.1168178763933567), 1.0950091038370886, np.int64(3)]) == "[1.1168179, 1.0950091, 3]"
    assert render((0.5,)) == "(0.5,)" and render([]) == "[]" and render([True, 2]) == "[True, 2]"


def test_only_the_first_matching_mistake_is_named():
    mistakes = [("첫 번째 원인", np.array([2.0])), ("두 번째 원인", np.array([2.0]))]
    message = fails(check_array, "x", np.array([2.0]), np.array([1.0]), mistakes)
    assert "첫 번째 원인" in message and "두 번째 원인" not in message


def test_a_tuple_where_an_array_belongs_names_unpacking():
    assert "A, cache = ..." in fails(check_array, "A", (np.zeros(2), np.zeros(2)), np.zeros(2))


def test_pass_mark_renders_with_the_fonts_of_a_plain_machine():
    from matplotlib import font_manager, ft2font

    from testcases.engine.report import PASSED
    dejavu = ft2font.FT2Font(font_manager.findfont("DejaVu Sans", fallback_to_default=False))
    symbols = [ch for ch in PASSED if not ("\uac00" <= ch <= "\ud7a3") and not ch.isspace()]
    assert symbols and all(ord(ch) in dejavu.get_charmap() for ch in symbols)
    assert "통과" in PASSED
