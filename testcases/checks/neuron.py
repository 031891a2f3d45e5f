"""Checks of lesson 01 (MNIST and the neuron).

``verify(name, student_fn, inputs, expected)`` calls the student's function on
``inputs`` and raises a Korean ``AssertionError`` at the first difference from
``expected``, with a hint where a typical mistake reproduces the student's output.
The public ``check_<name>(student_fn)`` prints the inputs, the student's output and
the stored expected output, compares them and ends with ``✅ 공개 테스트 통과``.
``initialize_parameters`` is called right after ``np.random.seed(seed)``, the seed
being one of its inputs (42 in the public check, as in the lectures).
"""
from testcases import exercise, store
from testcases import neuron as cases
from testcases.exercise import Exercise
from testcases.feedback import call, check_array, check_dict, check_keys, fail, passed, pick, show
from testcases.mistakes import neuron as mistakes

LESSON = "neuron"


def _check_float(label, array, hint):
    """Values already match; the array must also hold floats, not integers or booleans."""
    if array.dtype.kind != "f":
        fail(label, [f"값은 맞지만 dtype이 {array.dtype}입니다. 실수(float) 배열이어야 합니다."], [hint])


def _compare_normalize(label, got, inputs, expected):
    check_array(label, got["normalized"], expected["normalized"],
                pick(mistakes.normalize(**inputs), "normalized"))
    _check_float(label, got["normalized"],
                 "np.zeros_like(images)는 images의 dtype(예: uint8)을 그대로 따릅니다. "
                 "np.zeros(images.shape)나 dtype=float로 실수 배열을 만드세요.")


def _compare_one_hot(label, got, inputs, expected):
    check_array(label, got["Y"], expected["Y"], pick(mistakes.one_hot(**inputs), "Y"))
    _check_float(label, got["Y"], "np.zeros((len(labels), num_classes))처럼 dtype을 정하지 않으면 "
                                  "실수 배열이 됩니다. 비교 결과(True/False)라면 .astype(float)로 바꾸세요.")


def _compare_initialize_parameters(label, got, inputs, expected):
    check_keys(label, got["parameters"], list(expected))
    check_dict(label, got["parameters"], expected, mistakes.initialize_parameters(**inputs))


EXERCISES = {
    "normalize": Exercise(("normalized",), _compare_normalize, ("normalized",)),
    "one_hot": Exercise(("Y",), _compare_one_hot, ("Y",)),
    "initialize_parameters": Exercise(("parameters",), _compare_initialize_parameters, ("parameters",)),
}


def verify(name, fn, inputs, expected, label=None):
    """Call ``fn`` on ``inputs`` and compare with ``expected`` (used by the hidden tests).

    ``initialize_parameters`` takes ``inputs = {"neurons_per_layer": ..., "seed": ...}``.
    """
    if name == "initialize_parameters":
        fn = cases.after_seed(fn)
    return exercise.verify(EXERCISES[name], name, fn, inputs, expected, label)


def check_normalize(fn):
    """Both public images in one block: the student's outputs, then the expected ones."""
    images = cases.normalize_test_cases()
    expected = store.expected(LESSON, "normalize")
    got = {f"normalize({name})": call(fn, {"images": value}, ("normalized",))["normalized"]
           for name, value in images.items()}
    show("입력", images)
    show("내 출력", got)
    show("기댓값", expected)
    for (name, value), shown in zip(images.items(), got):
        _compare_normalize(shown, {"normalized": got[shown]}, {"images": value}, {"normalized": expected[shown]})
    passed()


def check_one_hot(fn):
    labels, num_classes = cases.one_hot_test_case()
    inputs = {"labels": labels, "num_classes": num_classes}
    show("입력", inputs)
    exercise.public(EXERCISES["one_hot"], "one_hot", fn, inputs, store.expected(LESSON, "one_hot"))
    passed()


def check_initialize_parameters(fn):
    inputs = {"neurons_per_layer": cases.initialize_parameters_test_case(), "seed": cases.LECTURE_SEED}
    show("입력 (np.random.seed(seed) 바로 다음에 호출)", inputs)
    exercise.public(EXERCISES["initialize_parameters"], "initialize_parameters", cases.after_seed(fn),
                    inputs, store.expected(LESSON, "initialize_parameters"))
    passed()
