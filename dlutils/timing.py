"""What the benchmark scripts (``scripts/benchmark_*.py``) share: how many threads BLAS may use."""
import contextlib

try:
    from threadpoolctl import threadpool_limits
except ImportError:  # not a dependency of the course: BLAS keeps its own setting
    threadpool_limits = None


def blas_threads(threads):
    """``(context, description)``: BLAS limited to ``threads`` (0: its own setting) while inside."""
    if threads == 0:
        return contextlib.nullcontext(), "BLAS 기본 설정"
    if threadpool_limits is None:
        return contextlib.nullcontext(), "BLAS 기본 설정 (threadpoolctl이 없어 스레드 수를 정하지 못함)"
    return threadpool_limits(limits=threads, user_api="blas"), f"BLAS 스레드 {threads}개"
