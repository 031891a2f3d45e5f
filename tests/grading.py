"""Grade a class of submissions with real nbgrader on a temporary copy of the course."""
from collections import defaultdict
from typing import NamedTuple

from nbgrader.api import Gradebook

from course import (answer_cells, copy_course, dlgrade, grade_cells, hand_in, nbgrader, nbgrader_meta, read,
                    release_path, solution_path)


class GradedClass(NamedTuple):
    course: object          # Path of the temporary course root
    scores: dict            # student -> {grade cell: (score, max score)}
    autograde: object       # CompletedProcess of `dlgrade autograde`

    def total(self, student):
        return sum(score for score, _ in self.scores[student].values())

    def max_total(self, student):
        return sum(maximum for _, maximum in self.scores[student].values())

    def notebook(self, folder, student, lesson):
        return read(self.course / folder / student / lesson / f"{lesson}.ipynb")


def submission(lesson, replacements=None, tests=None, demos=True):
    """The release with the solution's answers, then ``replacements`` and ``tests`` swapped in.

    Both map a cell's grade_id to the source that replaces it. ``demos=False``
    leaves out the code cells that neither set up, answer nor test (figures,
    training runs): students may delete them, and grading does not read them.
    """
    notebook = read(release_path(lesson))
    if not demos:
        notebook.cells = [c for c in notebook.cells if c.cell_type != "code" or nbgrader_meta(c)]
    solutions = answer_cells(read(solution_path(lesson)))
    for grade_id, cell in answer_cells(notebook).items():
        cell.source = (replacements or {}).get(grade_id, solutions[grade_id].source)
    for grade_id, cell in grade_cells(notebook).items():
        cell.source = (tests or {}).get(grade_id, cell.source)
    return notebook


class BundledBank(NamedTuple):
    """A bank's answers spread over students, at most one answer per graded function each.

    A wrong answer costs only its own cell (graded functions a function calls are
    answered by the reference), so every answer is still graded on its own in a
    real run, with fewer notebooks to execute.
    """
    wrong_students: dict    # student -> names of the wrong answers they hold
    correct_students: dict  # student -> names of the correct alternatives they hold

    @property
    def student_of(self):
        """answer name -> the student holding it."""
        return {name: student for group in self for student, names in group.items() for name in names}

    def misgraded(self, graded, wrong):
        """Every cell graded otherwise than expected: ``[]`` when only the cells holding a
        wrong answer scored 0 and every other cell, alternatives included, kept its points."""
        problems = []
        for student, names in {**self.wrong_students, **self.correct_students}.items():
            wrong_cells = {f"test_{wrong[n].function}" for n in names if n in wrong}
            for cell, (score, maximum) in graded.scores[student].items():
                if score != (0 if cell in wrong_cells else maximum):
                    problems.append(f"{student} {names}: {cell} scored {score} of {maximum}")
        return problems

    def submissions(self, lesson, wrong, correct):
        """A correct student and the untouched release (whole notebooks), and one submission per
        bundled student, without the demonstration cells (the run proves grading, not the demos)."""
        students = {"correct": submission(lesson), "untouched": read(release_path(lesson))}
        for answers, group in ((wrong, self.wrong_students), (correct, self.correct_students)):
            for student, names in group.items():
                students[student] = submission(lesson, {answers[n].function: answers[n].source for n in names},
                                               demos=False)
        return students


def _bundle(answers, prefix):
    by_function = defaultdict(list)
    for name, answer in sorted(answers.items()):
        by_function[answer.function].append(name)
    students = defaultdict(list)
    for names in by_function.values():
        for index, name in enumerate(names):
            students[f"{prefix}{index + 1}"].append(name)
    return dict(students)


def bundle(wrong, correct):
    return BundledBank(_bundle(wrong, "wrong_"), _bundle(correct, "alt_"))


def grade_class(root, lesson, students, timeout, config=""):
    """submit -> ``dlgrade autograde`` (one worker) -> generate_feedback -> export.

    ``students`` maps a student id to a notebook, or to raw text for a broken file;
    ``config`` is appended to the copy's nbgrader_config.py. ``dlgrade`` records the
    assignment itself (no generate_assignment first) and grades with nbgrader's own
    autograde, so the gradebook holds what ``nbgrader autograde`` would write.
    """
    course = copy_course(root, timeout=timeout)
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as file:
        file.write(config)
    hand_in(course, lesson, students)
    autograde = dlgrade(course, "autograde", lesson, "--workers", "1")
    nbgrader(course, "generate_feedback", lesson)
    nbgrader(course, "export")
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {
            student: {g.name: (g.score, g.max_score)
                      for g in gradebook.find_submission_notebook(lesson, lesson, student).grades}
            for student in students}
    return GradedClass(course, scores, autograde)
