"""Write data/MNIST_preprocessed.csv: 300 real MNIST digits for the lessons.

30 digits of each class are drawn with ``np.random.default_rng(0)`` from the
5,000 digits of ``data/mnist_5k.npz`` (``load_mnist``; source and licence in
``data/README.md``). Rows 0-249 (the training part) hold 25 of
each class and rows 250-299 (the test part) 5 of each, each part shuffled.
Columns, no header: 784 pixels divided by 255, then 10 one-hot label columns.
The output is byte-identical on every run.

Usage, from the repository root: ``python scripts/make_mnist_csv.py [-o PATH]``
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd

from dlutils.data import DEFAULT_CSV_PATH, N_CLASSES, load_mnist

SEED = 0
PER_CLASS_TRAIN = 25
PER_CLASS_TEST = 5
FLOAT_FORMAT = "%.6g"  # k/255 to 6 significant digits: round(x * 255) gives k back exactly


def build_mnist_csv_frame():
    """The 300 x 794 frame that is written to the CSV (float64, integer column names)."""
    X, labels = load_mnist(normalize=False, one_hot=False)
    rng = np.random.default_rng(SEED)
    train, test = [], []
    for digit in range(N_CLASSES):
        picked = rng.permutation(np.flatnonzero(labels == digit))[: PER_CLASS_TRAIN + PER_CLASS_TEST]
        train.append(picked[:PER_CLASS_TRAIN])
        test.append(picked[PER_CLASS_TRAIN:])
    order = np.concatenate([rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(test))])
    pixels = X[order] / 255.0
    one_hot = np.eye(N_CLASSES)[labels[order]]
    return pd.DataFrame(np.hstack([pixels, one_hot]))


def write_mnist_csv(path=DEFAULT_CSV_PATH):
    """Build the frame and write it to ``path``; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    build_mnist_csv_frame().to_csv(path, header=False, index=False, float_format=FLOAT_FORMAT, lineterminator="\n")
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_CSV_PATH, help="where to write the CSV")
    args = parser.parse_args(argv)
    write_mnist_csv(args.output)


if __name__ == "__main__":
    main()
