"""What the benchmark scripts (``scripts/benchmark_*.py``) share: how many threads BLAS may use."""
import contextlib

from threadpoolctl import threadpool_limits


def blas_threads(threads):
    """``(context, description)``: BLAS limited to ``threads`` (0: its own setting) while inside."""
    if threads == 0:
        return contextlib.nullcontext(), "BLAS 기본 설정"
    return threadpool_limits(limits=threads, user_api="blas"), f"BLAS 스레드 {threads}개"
