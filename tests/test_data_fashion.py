"""Lesson 08's data: data/fashion_shirts.npz, scripts/make_fashion_subset.py and dlutils.data.load_fashion_shirts.

The regeneration tests need the Debian package ``dataset-fashion-mnist`` (the four
original idx files in /usr/share/datasets/fashion-mnist); without it they are skipped.
"""
from pathlib import Path

import numpy as np
import pytest

from course import load_script
from dlutils.data import DataFileError, load_fashion_shirts

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "data" / "fashion_shirts.npz"


@pytest.fixture(scope="module")
def script():
    return load_script("make_fashion_subset")


@pytest.fixture(scope="module")
def source(script):
    files = [script.DEFAULT_SOURCE / name for pair in script.FILES.values() for name in pair]
    if not all(path.is_file() for path in files):
        pytest.skip(f"Fashion-MNIST source files are not installed in {script.DEFAULT_SOURCE}: "
                    f"apt-get install -y {script.APT_PACKAGE}")
    return script.DEFAULT_SOURCE


def test_committed_file_is_what_the_script_writes(script, source, tmp_path):
    out = tmp_path / "fashion_shirts.npz"
    script.main(["--source", str(source), "--output", str(out)])
    assert out.read_bytes() == COMMITTED.read_bytes()


def test_images_are_the_source_images_at_the_recorded_positions(script, source):
    train_x, train_y, test_x, test_y = load_fashion_shirts()
    with np.load(COMMITTED) as archive:
        train_index, test_index = archive["train_index"], archive["test_index"]
    for split, images, labels, index in (("train", train_x, train_y, train_index), ("test", test_x, test_y, test_index)):
        source_images, source_labels = script.read_split(source, split)
        np.testing.assert_array_equal(images, source_images[index])
        np.testing.assert_array_equal(labels[0], (source_labels[index] == script.SHIRT).astype(int))
        assert set(source_labels[index]) == {script.TSHIRT, script.SHIRT}
    all_test = np.flatnonzero(np.isin(script.read_split(source, "test")[1], (script.TSHIRT, script.SHIRT)))
    np.testing.assert_array_equal(np.sort(test_index), all_test)


def test_loader_shapes_types_and_balance():
    train_x, train_y, test_x, test_y = load_fashion_shirts()
    assert train_x.shape == (1000, 28, 28) and test_x.shape == (2000, 28, 28)
    assert train_x.dtype == np.uint8 and test_x.dtype == np.uint8
    assert train_y.shape == (1, 1000) and test_y.shape == (1, 2000)
    assert set(np.unique(train_y)) == {0, 1} and train_y.sum() == 500 and test_y.sum() == 1000
    assert np.any(np.diff(train_y[0]) != 0), "the training images are shuffled, not sorted by class"
    assert len({image.tobytes() for image in train_x}) == 1000
    assert COMMITTED.stat().st_size <= 5 * 1024 * 1024


def test_missing_file_names_path_and_fix(tmp_path):
    path = tmp_path / "nowhere.npz"
    with pytest.raises(DataFileError) as err:
        load_fashion_shirts(path)
    message = str(err.value)
    assert "찾을 수 없습니다" in message and str(path) in message
    assert "apt-get install -y dataset-fashion-mnist" in message and "python scripts/make_fashion_subset.py" in message


@pytest.mark.parametrize("content", [b"", b"not a zip file", COMMITTED.read_bytes()[:1000]])
def test_broken_file_says_it_cannot_be_read(tmp_path, content):
    path = tmp_path / "broken.npz"
    path.write_bytes(content)
    with pytest.raises(DataFileError, match="읽을 수 없습니다") as err:
        load_fashion_shirts(path)
    assert "python scripts/make_fashion_subset.py" in str(err.value)
