"""The Korean failure messages name what differs and why."""
import numpy as np
import pytest

from testcases.feedback import call, check_array, check_keys, check_scalar, render


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
    assert "keepdims=True" in fails(check_array, "db", np.zeros(3), np.zeros((3, 1)))
    assert "axis=1" in fails(check_array, "db", np.zeros((1, 3)), np.zeros((3, 1)))


def test_mistake_hint_only_when_it_reproduces_the_value():
    expected = np.array([1.0, 2.0])
    mistakes = [("1/m을 곱하세요", np.array([2.0, 4.0]))]
    assert "1/m을 곱하세요" in fails(check_array, "dW", np.array([2.0, 4.0]), expected, mistakes)
    assert "1/m" not in fails(check_array, "dW", np.array([3.0, 4.0]), expected, mistakes)


def test_scalar_messages():
    assert "0차원" in fails(check_scalar, "cost", np.array([[0.3]]), 0.3)
    assert "받은 값: 0.4" in fails(check_scalar, "cost", 0.4, 0.3)
    assert "숫자여야" in fails(check_scalar, "cost", "0.3", 0.3)
    check_scalar("cost", np.array(0.3), 0.3)
    check_scalar("cost", np.float64(0.3), 0.3)


def test_key_messages():
    message = fails(check_keys, "parameters", {"W1": 0, "W3": 0}, ["W1", "b1"])
    assert "빠진 키: ['b1']" in message and "남는 키: ['W3']" in message
    assert "딕셔너리" in fails(check_keys, "parameters", [1, 2], ["W1"])


def test_call_reports_arity_and_keeps_exception_types():
    def one_value(A):
        return A
    assert "2개를 튜플로" in fails(call, one_value, {"A": 1}, ("Z", "cache"))

    def broken(A):
        return np.dot(A, np.zeros((3, 3)))
    with pytest.raises(ValueError) as excinfo:
        call(broken, {"A": np.zeros((2, 2))}, ("Z",))
    assert "A (2, 2)" in excinfo.value.__notes__[0] and "모양" in excinfo.value.__notes__[0]

    def missing_key(parameters):
        return parameters["W2"]
    with pytest.raises(KeyError) as excinfo:
        call(missing_key, {"parameters": {"W1": 1}}, ("W",))
    assert "없는 키 'W2'" in excinfo.value.__notes__[0]


def test_call_passes_copies():
    def mutate(x):
        x[0] = 99
        return x
    original = np.zeros(2)
    call(mutate, {"x": original}, ("x",))
    assert not original.any()


def test_render_numbers_like_numpy():
    assert render(np.float64(0.25)) == "0.25"
    assert render(np.array(0.25)) == "0.25"
    assert render(np.array([[1.0, 0.5]])) == "[[1.  0.5]]"
