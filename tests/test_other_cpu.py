"""The stored expected values and every solution notebook's outputs hold on another CPU.

Another machine computes the last bits of a float differently (other BLAS kernels, other
SIMD code for exp, log, sums). This runs the drift check and nbval on every solution
notebook a second time, in a pytest of its own, with OpenBLAS's generic Prescott kernels
(``OPENBLAS_CORETYPE``) and every SIMD target numpy dispatches to on this CPU turned off
(``NPY_DISABLE_CPU_FEATURES``), so the suite fails here where it would fail there.
"""
import json
import os
import subprocess
import sys

from course import ROOT

PROBE = """
import json, numpy, threadpoolctl
try:
    from numpy._core._multiarray_umath import __cpu_features__
except ImportError:
    from numpy.core._multiarray_umath import __cpu_features__
blas = [i["architecture"] for i in threadpoolctl.threadpool_info() if i["internal_api"] == "openblas"]
print(json.dumps({"features": {k: v for k, v in __cpu_features__.items() if v}, "blas": blas}))
"""


def _dispatched_features():
    """The SIMD targets numpy dispatches to on this CPU, beyond its baseline."""
    try:
        from numpy._core._multiarray_umath import __cpu_baseline__, __cpu_dispatch__, __cpu_features__
    except ImportError:
        from numpy.core._multiarray_umath import __cpu_baseline__, __cpu_dispatch__, __cpu_features__
    return [name for name in __cpu_dispatch__ if __cpu_features__.get(name) and name not in __cpu_baseline__]


def other_cpu_env():
    env = dict(os.environ, OPENBLAS_CORETYPE="Prescott", NPY_DISABLE_CPU_FEATURES=" ".join(_dispatched_features()))
    env.pop("OPENBLAS_L2_SIZE", None)
    return env


def _probe(env):
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True)
    return json.loads(run.stdout)


def test_the_other_cpu_really_computes_differently():
    here, there = _probe(dict(os.environ)), _probe(other_cpu_env())
    assert there["blas"] and there["blas"] != here["blas"]
    assert not set(_dispatched_features()) & set(there["features"])


def test_drift_check_and_every_solution_notebook_pass_on_another_cpu():
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-o", "addopts=", "--nbval", "-p", "no:cacheprovider", "-q",
         "solutions", "tests/test_expected_store.py::test_stored_expected_values_have_not_drifted"],
        cwd=ROOT, capture_output=True, text=True, env=other_cpu_env())
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
