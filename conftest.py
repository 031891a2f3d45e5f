"""Session set-up shared by the unit tests and nbval."""
import os

# One BLAS thread per process: the suite runs on pytest-xdist workers, each starting
# kernels, and oversubscribed OpenBLAS threads make a training cell ten times slower.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")


# Notebooks and tests use the 5,000 offline digits even where the full MNIST is installed
# (dlutils.data.find_full_mnist), so every stored output stays the same on every machine.
os.environ["DL_MNIST_DIR"] = ""


def pytest_sessionstart(session):
    # On a fresh machine the first `import matplotlib` builds its font cache and says
    # so on stderr; do it here so no notebook kernel prints that into a compared cell.
    import matplotlib.font_manager  # noqa: F401
