"""Runs notebook answers and their public checks in whatever Python runs it: ``python -I student_runner.py``.

tests/test_student_install.py runs it twice with the same job: in the student's fresh
venv (where ``testcases`` and ``dlutils`` come from the student wheel) and in the
instructor's install, and compares the two. It imports nothing from the repository.

The job (JSON on stdin): ``{"lessons": [{"lesson", "setup", "answers": {id: source},
"tests": {function: source}, "variants": {name: [function, source]}}]}``. For each
lesson the setup cell runs once; the solution's answers, then each variant (one answer
replaced), run in a fresh copy of its namespace followed by the test cells. The result
(JSON on stdout) says, per run, whether each public check passed, what it printed, and
the error (type, message and notes) when it failed.
"""
import contextlib
import io
import json
import os
import sys

os.environ.setdefault("MPLBACKEND", "Agg")


def without_magics(source):
    return "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))


def error_text(exc):
    return "\n".join([f"{type(exc).__name__}: {exc}", *getattr(exc, "__notes__", [])])


def run_cell(source, namespace, name):
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            exec(compile(without_magics(source), name, "exec"), namespace)
    except Exception as exc:  # a failed check, or an error in the answer
        return {"passed": False, "stdout": out.getvalue(), "error": error_text(exc)}
    return {"passed": True, "stdout": out.getvalue(), "error": ""}


def run_lesson(job):
    setup = {"__name__": "__main__"}
    result = run_cell(job["setup"], setup, "<setup>")
    if not result["passed"]:
        return {"setup": result}
    import matplotlib.pyplot as plt

    plt.close("all")
    runs = {"solution": (None, None), **{name: tuple(v) for name, v in job["variants"].items()}}
    results = {}
    for run, (function, source) in runs.items():
        namespace = dict(setup)
        for grade_id, answer in job["answers"].items():
            run_cell(source if grade_id == function else answer, namespace, f"<answer {grade_id}>")
        functions = [function] if function else list(job["tests"])
        results[run] = {f: run_cell(job["tests"][f], namespace, f"<test {f}>") for f in functions}
        plt.close("all")
    return results


def main():
    job = json.load(sys.stdin)
    import dlutils
    import testcases

    report = {"where": {"dlutils": dlutils.__file__, "testcases": testcases.__file__},
              "lessons": {lesson["lesson"]: run_lesson(lesson) for lesson in job["lessons"]}}
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
