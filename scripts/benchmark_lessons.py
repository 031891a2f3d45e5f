"""Seconds a student waits for each lesson, run top to bottom as a student runs it, and its slowest cells.

    python scripts/benchmark_lessons.py [--busy] [--blas-threads N] [--top 3] [LESSON ...]

Each solution notebook runs in a fresh kernel from its own folder, on the 5,000 offline digits,
with nothing written back. ``--busy`` keeps every core but one busy with a spinning process while
it runs, as on a laptop doing something else (or a shared 2-core machine). ``--blas-threads``
sets OPENBLAS_NUM_THREADS for the kernel; without it the course's own policy applies (``dlutils``
pins BLAS to one thread). The goal: every lesson within 60 s on a busy 2-core machine, every cell
that does not train within 5 s.
"""
import argparse
import contextlib
import multiprocessing
import os
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir() and p.name[:2].isdigit())


def _spin():
    while True:
        pass


@contextlib.contextmanager
def busy_cores(count):
    """``count`` processes spinning on the CPU while inside."""
    spinners = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(count)]
    for spinner in spinners:
        spinner.start()
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.terminate()


def run_lesson(lesson):
    """``(total seconds, [(seconds, cell index, first line)])`` of one top-to-bottom run."""
    path = ROOT / "solutions" / lesson / f"{lesson}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    started = {}
    timings = []

    def on_start(cell, cell_index):
        started[cell_index] = time.perf_counter()

    def on_done(cell, cell_index, execute_reply):
        first = next((line for line in cell.source.splitlines() if line.strip()), "")
        timings.append((time.perf_counter() - started[cell_index], cell_index, first[:70]))

    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}},
                            on_cell_execute=on_start, on_cell_executed=on_done)
    began = time.perf_counter()
    client.execute()
    return time.perf_counter() - began, sorted(timings, reverse=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", default=LESSONS)
    parser.add_argument("--busy", action="store_true", help="keep every core but one busy meanwhile")
    parser.add_argument("--blas-threads", type=int, help="OPENBLAS_NUM_THREADS for the kernel")
    parser.add_argument("--top", type=int, default=3, help="slowest cells shown per lesson")
    args = parser.parse_args(argv)
    os.environ["DL_MNIST_DIR"] = ""  # the 5,000 offline digits, as the tests use
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.pop(variable, None)
    if args.blas_threads:
        os.environ["OPENBLAS_NUM_THREADS"] = str(args.blas_threads)
    blas = f"BLAS 스레드 {args.blas_threads}개" if args.blas_threads else "강의의 BLAS 설정(dlutils: 1개)"
    load = f", 다른 코어 {os.cpu_count() - 1}개를 바쁘게 둠" if args.busy else ""
    print(f"{blas}{load}, 코어 {os.cpu_count()}개")
    with busy_cores(os.cpu_count() - 1) if args.busy else contextlib.nullcontext():
        for lesson in args.lessons:
            total, cells = run_lesson(lesson)
            slowest = "; ".join(f"셀 {index} {seconds:.1f}초 `{first}`" for seconds, index, first in cells[:args.top])
            print(f"{lesson}: {total:.1f}초 | 가장 느린 셀: {slowest}", flush=True)


if __name__ == "__main__":
    main()
