"""딥러닝 기초 실습의 공용 도구: 활성화 함수, 기울기 확인, 데이터, 그림, 참조 구현.

Importing it sets the course's one BLAS-thread policy, for students and grading alike: numpy's
matrix products use one thread unless the user chose a number (OPENBLAS_NUM_THREADS,
OMP_NUM_THREADS, MKL_NUM_THREADS). The lessons' matrices are small, and a second BLAS thread
competing for a busy core costs far more than it gives: on a busy 2-core machine lesson 08 ran
top to bottom in 475 s with two BLAS threads and in 43 s with one (scripts/benchmark_lessons.py).
"""
import os as _os

import numpy as _numpy  # noqa: F401  (loads BLAS, so that the limit below finds it)
from threadpoolctl import threadpool_limits as _threadpool_limits

if not any(_os.environ.get(name) for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")):
    _threadpool_limits(limits=1, user_api="blas")
