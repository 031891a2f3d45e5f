"""Grades as CSV: one row per student, nbgrader's total per lesson, optionally one column per exercise."""
import csv

from nbgrader.api import Gradebook, MissingEntry

from dlgrade import course

NAME_COLUMNS = ["student_id", "last_name", "first_name", "email"]


def _graded_cells(gradebook, assignment):
    """``[(notebook, test cell)]`` of an assignment, in notebook order."""
    cells = []
    for notebook in assignment.notebooks:
        names = [c.name for c in gradebook.find_notebook(notebook.name, assignment.name).source_cells]
        graded = {c.name for c in notebook.grade_cells}
        cells += [(notebook.name, name) for name in names if name in graded]
    return cells


def rows(root, per_exercise=False):
    """``(header, rows)`` of the course's gradebook."""
    config = course.load_config(root)
    with Gradebook(config.CourseDirectory.db_url) as gradebook:
        assignments = sorted(gradebook.assignments, key=lambda a: a.name)
        cells = {a.name: _graded_cells(gradebook, a) for a in assignments}
        header = list(NAME_COLUMNS)
        for assignment in assignments:
            header.append(assignment.name)
            if per_exercise:
                header += [f"{assignment.name}/{cell.removeprefix('test_')}" for _, cell in cells[assignment.name]]
        table = []
        for student in sorted(gradebook.students, key=lambda s: s.id):
            row = [student.id, student.last_name or "", student.first_name or "", student.email or ""]
            for assignment in assignments:
                try:
                    submission = gradebook.find_submission(assignment.name, student.id)
                except MissingEntry:
                    row += [""] * (1 + (len(cells[assignment.name]) if per_exercise else 0))
                    continue
                row.append(f"{submission.score:g}")
                if per_exercise:
                    scores = {(g.notebook.name, g.name): g.score for nb in submission.notebooks for g in nb.grades}
                    row += [f"{scores.get(cell, 0) or 0:g}" for cell in cells[assignment.name]]
            table.append(row)
    return header, table


def export(root, out, per_exercise=False):
    header, table = rows(root, per_exercise)
    with open(out, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(table)
    return len(table)
