"""The full MNIST from IDX files (dlutils.data.load_full_mnist): found, read, and refused when broken.

The files here are small IDX files written by the test in the real format (the
full MNIST cannot be downloaded on the test machine).
"""
import gzip
import struct

import numpy as np
import pytest

from dlutils import data


def idx_bytes(array):
    array = np.asarray(array, dtype=np.uint8)
    return bytes([0, 0, 8, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape) + array.tobytes()


def write_mnist(folder, n_train=6, n_test=4, gzipped=False, seed=0):
    """Four IDX files of random digits in ``folder``; returns the arrays written."""
    rng = np.random.default_rng(seed)
    arrays = {"train_images": rng.integers(0, 256, (n_train, 28, 28)), "train_labels": np.arange(n_train) % 10,
              "test_images": rng.integers(0, 256, (n_test, 28, 28)), "test_labels": (np.arange(n_test) + 3) % 10}
    folder.mkdir(parents=True, exist_ok=True)
    for key, name in data.FULL_MNIST_FILES.items():
        content = idx_bytes(arrays[key])
        (folder / (f"{name}.gz" if gzipped else name)).write_bytes(gzip.compress(content) if gzipped else content)
    return arrays


@pytest.mark.parametrize("gzipped", [False, True])
def test_reads_the_four_files_with_load_mnists_options(tmp_path, monkeypatch, gzipped):
    arrays = write_mnist(tmp_path, gzipped=gzipped)
    monkeypatch.setenv(data.FULL_MNIST_VARIABLE, str(tmp_path))
    (X_train, y_train), (X_test, y_test) = data.load_full_mnist()
    assert X_train.shape == (6, 784) and y_train.shape == (6, 10) and X_test.shape == (4, 784)
    np.testing.assert_array_equal(X_train, arrays["train_images"].reshape(6, 784) / 255.0)
    np.testing.assert_array_equal(y_test.argmax(axis=1), arrays["test_labels"])
    (raw, labels), _ = data.load_full_mnist(normalize=False, flatten=False, one_hot=False)
    assert raw.dtype == np.uint8 and raw.shape == (6, 28, 28) and labels.dtype == np.int64
    np.testing.assert_array_equal(raw, arrays["train_images"])


def test_nothing_found_is_none_and_an_empty_variable_looks_nowhere(tmp_path, monkeypatch):
    write_mnist(tmp_path / "complete")
    monkeypatch.setattr(data, "FULL_MNIST_FOLDERS", (tmp_path / "complete",))
    monkeypatch.delenv(data.FULL_MNIST_VARIABLE, raising=False)
    assert data.find_full_mnist() == tmp_path / "complete"
    monkeypatch.setenv(data.FULL_MNIST_VARIABLE, "")
    assert data.find_full_mnist() is None and data.load_full_mnist() is None


def test_the_first_folder_with_all_four_files_wins(tmp_path, monkeypatch):
    write_mnist(tmp_path / "partial")
    (tmp_path / "partial" / data.FULL_MNIST_FILES["test_labels"]).unlink()
    write_mnist(tmp_path / "second", seed=1)
    monkeypatch.delenv(data.FULL_MNIST_VARIABLE, raising=False)
    monkeypatch.setattr(data, "FULL_MNIST_FOLDERS", (tmp_path / "missing", tmp_path / "partial", tmp_path / "second"))
    assert data.find_full_mnist() == tmp_path / "second"


def test_the_variable_alone_decides_when_it_is_set(tmp_path, monkeypatch):
    write_mnist(tmp_path / "standard")
    monkeypatch.setattr(data, "FULL_MNIST_FOLDERS", (tmp_path / "standard",))
    monkeypatch.setenv(data.FULL_MNIST_VARIABLE, str(tmp_path / "elsewhere"))
    assert data.find_full_mnist() is None


@pytest.mark.parametrize("damage, words", [
    (lambda b: b[:-10], "잘렸습니다"),
    (lambda b: b"\x00\x00\x0d" + b[3:], "IDX 파일이 아닙니다"),
    (lambda b: b"", "IDX 파일이 아닙니다"),
])
def test_a_broken_file_is_a_korean_error_naming_it(tmp_path, monkeypatch, damage, words):
    write_mnist(tmp_path)
    path = tmp_path / data.FULL_MNIST_FILES["train_images"]
    path.write_bytes(damage(path.read_bytes()))
    monkeypatch.setenv(data.FULL_MNIST_VARIABLE, str(tmp_path))
    with pytest.raises(data.DataFileError) as error:
        data.load_full_mnist()
    assert words in str(error.value) and str(path) in str(error.value) and "다시 받아" in str(error.value)


def test_a_gzip_that_is_not_one_is_a_korean_error(tmp_path):
    path = tmp_path / "train-images-idx3-ubyte.gz"
    path.write_bytes(b"not gzip at all")
    with pytest.raises(data.DataFileError, match="읽을 수 없습니다"):
        data.read_idx(path)


def test_images_and_labels_that_do_not_fit_together_are_refused(tmp_path, monkeypatch):
    write_mnist(tmp_path)
    (tmp_path / data.FULL_MNIST_FILES["test_labels"]).write_bytes(idx_bytes(np.arange(3)))
    monkeypatch.setenv(data.FULL_MNIST_VARIABLE, str(tmp_path))
    with pytest.raises(data.DataFileError, match="test 파일이 MNIST가 아닙니다"):
        data.load_full_mnist()
