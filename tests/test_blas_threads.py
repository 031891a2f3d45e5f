"""The course's one BLAS-thread policy: importing dlutils pins numpy's BLAS to one thread, unless the
user chose a number (see dlutils/__init__.py for why)."""
import os
import subprocess
import sys

import pytest

PROBE = ("import dlutils, threadpoolctl; "
         "print([i['num_threads'] for i in threadpoolctl.threadpool_info() if i['user_api'] == 'blas'])")
VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def blas_threads(**chosen):
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES} | chosen
    return subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True).stdout


def test_importing_dlutils_leaves_one_blas_thread():
    assert blas_threads() == "[1]\n"


@pytest.mark.skipif(os.cpu_count() < 2, reason="BLAS starts one thread on one core anyway")
def test_a_number_the_user_chose_is_kept():
    assert blas_threads(OPENBLAS_NUM_THREADS="2") == "[2]\n"
