"""Write data/fashion_shirts.npz: real Fashion-MNIST T-shirts and shirts for lesson 08.

The source is the Debian package ``dataset-fashion-mnist`` (MIT licence, Zalando
Research), which installs the four original idx files in
``/usr/share/datasets/fashion-mnist/``:

    apt-get update && apt-get install -y dataset-fashion-mnist

Two classes: 0 "T-shirt/top" (label 0 here) and 6 "Shirt" (label 1 here).
- train: 1,000 of the 12,000 training images of the two classes, 500 of each,
  drawn with ``np.random.default_rng(0)`` and shuffled;
- test: all 2,000 test images of the two classes (1,000 of each), in file order.

The archive holds ``train_x`` (1000, 28, 28) uint8, ``train_y`` (1, 1000) int64,
``test_x`` (2000, 28, 28) uint8, ``test_y`` (1, 2000) int64 and ``train_index``,
``test_index`` (positions of the images in the original idx files). It is a zip
written with fixed timestamps, so the output is byte-identical on every run;
``np.load`` reads it like any ``.npz``.

Usage, from the repository root:
``python scripts/make_fashion_subset.py [--source DIR] [-o PATH]``
"""
import argparse
import io
import sys
import zipfile
from pathlib import Path

import numpy as np

from dlutils.data import read_idx

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "data" / "fashion_shirts.npz"
DEFAULT_SOURCE = Path("/usr/share/datasets/fashion-mnist")
APT_PACKAGE = "dataset-fashion-mnist"
FILES = {"train": ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
         "test": ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")}
TSHIRT, SHIRT = 0, 6        # Fashion-MNIST class numbers; here y = 1 means "shirt"
PER_CLASS_TRAIN = 500
SEED = 0
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def read_split(source, split):
    images, labels = FILES[split]
    return read_idx(Path(source) / images), read_idx(Path(source) / labels)


def build_arrays(source=DEFAULT_SOURCE):
    """The arrays written to the archive, by name."""
    train_images, train_labels = read_split(source, "train")
    test_images, test_labels = read_split(source, "test")
    rng = np.random.default_rng(SEED)
    picked = [rng.choice(np.flatnonzero(train_labels == c), PER_CLASS_TRAIN, replace=False) for c in (TSHIRT, SHIRT)]
    train_index = rng.permutation(np.concatenate(picked))
    test_index = np.flatnonzero((test_labels == TSHIRT) | (test_labels == SHIRT))
    return {
        "train_x": train_images[train_index],
        "train_y": (train_labels[train_index] == SHIRT).astype(np.int64).reshape(1, -1),
        "test_x": test_images[test_index],
        "test_y": (test_labels[test_index] == SHIRT).astype(np.int64).reshape(1, -1),
        "train_index": train_index.astype(np.int64),
        "test_index": test_index.astype(np.int64),
    }


def write_npz(arrays, path):
    """An ``.npz`` (zip of ``.npy`` files) whose bytes depend only on ``arrays``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, buffer.getvalue(), compresslevel=9)
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of the four idx .gz files")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the .npz")
    args = parser.parse_args(argv)
    missing = [name for pair in FILES.values() for name in pair if not (args.source / name).is_file()]
    if missing:
        sys.exit(f"Fashion-MNIST idx files not found in {args.source}: {', '.join(missing)}\n"
                 f"Install them with: apt-get update && apt-get install -y {APT_PACKAGE}")
    write_npz(build_arrays(args.source), args.output)


if __name__ == "__main__":
    main()
