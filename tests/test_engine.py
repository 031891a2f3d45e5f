"""The engine on its own: the codec, calling functions and classes, inputs that must not change."""
import numpy as np
import pytest

from testcases.engine import codec
from testcases.engine.compare import check_array, equal
from testcases.engine.exercise import Case, Exercise, Step, function
from testcases.engine.invoke import error_hint, invoke, missing
from testcases.engine.report import CheckFailed
from testcases.engine.runner import judge_case


def test_codec_keeps_types_and_values():
    value = {"W1": np.arange(6.0).reshape(2, 3), "shape": (2, 3), 1: [np.int64(4), 0.5, float("nan"), None],
             "flag": True, "empty": np.zeros((0, 2))}
    back = codec.loads(codec.dumps(value))
    assert back.keys() == value.keys() and equal(back["W1"], value["W1"]) and back["W1"].dtype == np.float64
    assert back["shape"] == (2, 3) and back[1][0] == 4 and isinstance(back[1][0], np.int64)
    assert np.isnan(back[1][2]) and back[1][3] is None and back["flag"] is True and back["empty"].shape == (0, 2)


def test_codec_carries_grading_functions_by_name():
    from dlutils import activations
    assert codec.loads(codec.dumps({"f": activations.relu}))["f"] is activations.relu
    assert isinstance(codec.loads(codec.dumps(lambda x: x)), codec.Foreign)
    with pytest.raises(ValueError):
        codec.from_plain({"__function__": ["os", "system"]})


def test_codec_carries_no_code():
    class Sneaky:
        def __reduce__(self):
            return (print, ("ran",))
    back = codec.loads(codec.dumps({"x": Sneaky()}))
    assert isinstance(back["x"], codec.Foreign) and type(back["x"]).__name__ == "Sneaky"
    with pytest.raises(ValueError):
        codec.from_plain({"__array__": [1], "dtype": "O", "shape": [1]})


def _compare_layer(label, got, inputs, expected):
    for name, value in expected.items():
        if missing(got[name]):
            raise CheckFailed(f"{label}: {name}을 저장하지 않았습니다.")
        check_array(f"{label}의 {name}", got[name], value)


MUL_LAYER = Exercise(
    name="MulLayer",
    steps=(Step(None, ()), Step("forward", ("x", "y"), ("out",)), Step("backward", ("dout",), ("dx", "dy"))),
    keeps=("x", "y"),
    public=lambda: [Case({"x": np.array([2.0, 3.0]), "y": np.array([4.0, 5.0]), "dout": np.array([1.0, 2.0])})],
    hidden=None,
    expected=lambda ref, i: {"out": i["x"] * i["y"], "dx": i["dout"] * i["y"], "dy": i["dout"] * i["x"],
                             "self.x": i["x"], "self.y": i["y"]},
    compare=_compare_layer)


class MulLayer:
    def __init__(self):
        self.x = self.y = None

    def forward(self, x, y):
        self.x, self.y = x, y
        return x * y

    def backward(self, dout):
        return dout * self.y, dout * self.x


class NoSwapMulLayer(MulLayer):
    def backward(self, dout):
        return dout * self.x, dout * self.y


class ForgetfulMulLayer:
    def forward(self, x, y):
        return x * y

    def backward(self, dout):
        return dout, dout


@pytest.mark.parametrize("layer, passes", [(MulLayer, True), (NoSwapMulLayer, False), (ForgetfulMulLayer, False)])
def test_a_class_is_graded_through_its_methods_and_kept_attributes(layer, passes):
    case = MUL_LAYER.public()[0]
    got, after = invoke(MUL_LAYER, layer, case.inputs)
    expected = MUL_LAYER.expected(None, case.inputs)
    if passes:
        judge_case(MUL_LAYER, "MulLayer", got, after, case.inputs, expected)
    else:
        with pytest.raises(CheckFailed):
            judge_case(MUL_LAYER, "MulLayer", got, after, case.inputs, expected)


def test_backward_before_forward_is_an_error_with_a_korean_note():
    early = Exercise(name="MulLayer", steps=(Step(None, ()), Step("backward", ("dout",), ("dx", "dy"))),
                     public=None, hidden=None, expected=None, compare=None)
    with pytest.raises(TypeError) as excinfo:
        invoke(early, MulLayer, {"dout": np.ones(2)})
    assert "MulLayer.backward 메서드를 실행하다가" in excinfo.value.__notes__[0]


SCALE = function("scale", ("x", "factor"), ("y",), public=None, hidden=None, expected=None,
                 compare=lambda label, got, inputs, expected: check_array(label, got["y"], expected["y"]))


def test_changing_an_input_fails_unless_declared():
    def in_place(x, factor):
        x *= factor
        return x
    inputs = {"x": np.array([1.0, 2.0]), "factor": 3.0}
    got, after = invoke(SCALE, in_place, inputs)
    with pytest.raises(CheckFailed, match="입력 x의 값을 그대로 고쳤습니다"):
        judge_case(SCALE, "scale", got, after, inputs, {"y": np.array([3.0, 6.0])})
    allowed = function("scale", ("x", "factor"), ("y",), public=None, hidden=None, expected=None,
                       compare=SCALE.compare, may_modify=("x",))
    judge_case(allowed, "scale", got, after, inputs, {"y": np.array([3.0, 6.0])})
    assert equal(inputs["x"], np.array([1.0, 2.0]))


def test_runtime_errors_get_a_named_cause():
    try:
        "W" + 1
    except TypeError as exc:
        assert '"W" + str(l)' in error_hint(exc)
    assert "범위" in error_hint(IndexError("list index out of range"))
    assert "없는 키" in error_hint(KeyError("a1"))


def test_nan_gets_the_generic_hint_only_when_no_named_mistake_explains_it():
    got, expected = np.array([[np.nan, 1.0]]), np.array([[0.5, 1.0]])
    with pytest.raises(CheckFailed) as generic:
        check_array("y", got, expected)
    assert "넘치지(overflow)" in str(generic.value) and "log(0)" in str(generic.value)
    overflow = ("np.exp가 넘쳤습니다. 최댓값을 빼세요.", lambda value: bool(np.isnan(value).any()))
    with pytest.raises(CheckFailed) as named:
        check_array("y", got, expected, [overflow])
    assert str(named.value).count("힌트:") == 1 and "최댓값을 빼세요" in str(named.value)
