"""``dlgrade``: a class graded in parallel gives nbgrader's own per-cell scores, and says what went wrong."""
import json
import subprocess
import sys

import pytest

from bank.lesson07 import WRONG
from course import copy_course, dlgrade, hand_in, nbgrader, read, release_path
from dlgrade.autograde import _shard
from dlgrade.cli import parser
from grading import submission
from nbgrader.api import Gradebook

pytestmark = pytest.mark.autograde

LESSON = "07_deep_nn_step_by_step"
BROKEN = '{"cells": ['


def _without_grade_cell_and_with_a_repeated_id(notebook, grade_id):
    """The notebook's text, one grade cell deleted and two cells sharing an id (as a careless editor leaves it)."""
    notebook.cells = [c for c in notebook.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") != grade_id]
    notebook.cells[2].id = notebook.cells[1].id
    return json.dumps(notebook, ensure_ascii=False)  # nbformat.write would repair the id


def submit_class(course):
    notebooks = {"correct": submission(LESSON), "untouched": read(release_path(LESSON)),
                 "wrong": submission(LESSON, {"linear_backward": WRONG["lb_dW_no_mean"].source}), "broken": BROKEN,
                 "tampered": submission(LESSON, {"compute_cost": WRONG["cost_no_mean"].source},
                                        {"test_compute_cost": "print('통과')"}, demos=False),
                 "deleted": _without_grade_cell_and_with_a_repeated_id(submission(LESSON), "test_update_parameters")}
    hand_in(course, LESSON, notebooks)
    return course


def scores(course):
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {s.student.id: {g.name: g.score for g in s.grades}
                for s in gradebook.find_notebook(LESSON, LESSON).submissions}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    plain = submit_class(copy_course(tmp_path_factory.mktemp("nbgrader")))
    nbgrader(plain, "generate_assignment", LESSON, "--force")
    nbgrader(plain, "autograde", LESSON, check=False)
    parallel = submit_class(copy_course(tmp_path_factory.mktemp("dlgrade")))
    run = subprocess.run([sys.executable, "-m", "dlgrade.cli", "autograde", LESSON, "--workers", "2"],
                         cwd=parallel, capture_output=True, text=True)
    return plain, parallel, run


def test_parallel_grades_equal_nbgrader_autograde(graded):
    plain, parallel, _ = graded
    graded_by_dlgrade = scores(parallel)
    assert set(graded_by_dlgrade) == {"correct", "untouched", "wrong", "tampered", "deleted"}
    assert graded_by_dlgrade["deleted"]["test_update_parameters"] == 1  # the grade cell was restored
    assert graded_by_dlgrade == {student: cells for student, cells in scores(plain).items() if student != "broken"}
    assert graded_by_dlgrade["tampered"]["test_compute_cost"] == 0


def test_a_file_that_cannot_be_graded_gets_no_grade_not_a_zero(graded):
    plain, parallel, _ = graded
    assert "broken" in scores(plain)  # plain nbgrader records a submission with no score
    assert "broken" not in scores(parallel)


def test_summary_names_what_could_not_be_graded_and_exits_non_zero(graded):
    _, _, run = graded
    assert run.returncode == 1
    assert "채점한 제출물: 5개" in run.stdout
    assert "채점하지 못한 제출물: 1개" in run.stdout
    assert "broken: submitted/broken/07_deep_nn_step_by_step/07_deep_nn_step_by_step.ipynb이(가) 중간에 잘렸거나" in run.stdout
    assert "dlgrade autograde 07_deep_nn_step_by_step --student broken" in run.stdout
    assert "linear_backward: 평균 1.20 / 2" in run.stdout  # correct 2, untouched 0, wrong 0, tampered 2, deleted 2


def test_summary_names_each_tampered_submission_once_with_its_cells(graded):
    _, _, run = graded
    assert "변조된 제출물: 2개" in run.stdout
    [line] = [line for line in run.stdout.splitlines() if line.strip().startswith("tampered:")]
    assert "test_compute_cost" in line
    [line] = [line for line in run.stdout.splitlines() if line.strip().startswith("deleted:")]
    assert line.endswith("test_update_parameters(지움)")
    assert "셀 id가 겹쳐 nbgrader가 고쳐서 채점한 제출물: deleted (1곳)" in run.stdout
    assert "Non-unique cell id" not in run.stderr
    assert not [line for line in run.stdout.splitlines() if line.strip().startswith(("correct:", "untouched:"))]


def test_an_unknown_lesson_lists_the_known_ones_and_an_empty_shard_is_a_warning(graded):
    _, parallel, _ = graded
    typo = dlgrade(parallel, "autograde", "07_deep_nn_step_by_stp")
    assert typo.returncode == 2 and "있는 실습: 01_mnist_and_the_neuron" in typo.stderr and "Traceback" not in typo.stderr
    empty = dlgrade(parallel, "autograde", LESSON, "--shard", "9/9")
    assert empty.returncode == 0 and "경고: --shard 9/9에 든 학생이 없습니다 (제출한 학생 6명)" in empty.stdout
    refused = dlgrade(parallel, "autograde", LESSON, "--workers", "0")
    assert refused.returncode == 2 and "1 이상이어야 합니다" in refused.stderr


def test_shards_split_the_class_without_overlap():
    students = [f"s{i}" for i in range(7)]
    parts = [_shard(students, (i, 3)) for i in (1, 2, 3)]
    assert sorted(sum(parts, [])) == students and all(parts)
    assert parser().parse_args(["autograde", LESSON, "--shard", "2/3"]).shard == (2, 3)
    with pytest.raises(SystemExit):
        parser().parse_args(["autograde", LESSON, "--shard", "4/3"])
