"""Grades for Excel and the LMS: one row per student, nbgrader's total per lesson, optionally one column per exercise.

- CSV (the default) is UTF-8 with a BOM: without it Excel on Korean Windows reads the file as CP949 and garbles
  every Hangul name. A name ending in ``.xlsx`` writes an Excel workbook instead, scores as numbers.
- ``lms="moodle"`` follows Moodle's grade import (Grades › Import › CSV file), whose format is Moodle's own grade
  export: "ID number", "First name", "Last name", "Email address", then one column per lesson. On import, map
  "ID number" to the user's ID number (``useridnumber``, where universities keep the 학번) or "Email address" to
  ``useremail``, and each lesson column to its grade item.
- ``lms="canvas"`` follows Canvas's Gradebook import, whose format is Canvas's Gradebook export: "Student"
  ("Last, First"), "ID" (Canvas's user id: the roster's ``lms_user_id``), "SIS User ID" (the 학번), "SIS Login
  ID", "Section", then one column per lesson, and a "Points Possible" row under the header. Canvas finds a
  student by ID, SIS User ID or name; a column whose header lacks Canvas's " (assignment id)" becomes a new
  assignment, so rename it to an existing column's header to fill that one instead.
"""
import csv
import io

from nbgrader.api import MissingEntry

from dlgrade import course, status

HEADERS = {None: ["student_id", "last_name", "first_name", "email"],
           "moodle": ["ID number", "First name", "Last name", "Email address"],
           "canvas": ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]}


def graded_cells(gradebook, assignment):
    """``[(notebook, test cell)]`` of an assignment, in notebook order."""
    cells = []
    for notebook in assignment.notebooks:
        names = [c.name for c in gradebook.find_notebook(notebook.name, assignment.name).source_cells]
        graded = {c.name for c in notebook.grade_cells}
        cells += [(notebook.name, name) for name in names if name in graded]
    return cells


def _name_columns(student, lms):
    first, last, email = student.first_name or "", student.last_name or "", student.email or ""
    if lms == "moodle":
        return [student.id, first, last, email]
    if lms == "canvas":
        return [", ".join(part for part in (last, first) if part), student.lms_user_id or "", student.id, "", ""]
    return [student.id, last, first, email]


def rows(root, per_exercise=False, lms=None):
    """``(header, rows)`` of the course's gradebook: scores as numbers, ``""`` where nothing was submitted;
    for Canvas the first row is its "Points Possible" row."""
    with course.gradebook(root) as gradebook:
        assignments = sorted(gradebook.assignments, key=lambda a: a.name)
        cells = {a.name: graded_cells(gradebook, a) for a in assignments}
        header = list(HEADERS[lms])
        points = ["    Points Possible"] + [""] * (len(header) - 1)
        for assignment in assignments:
            header.append(assignment.name)
            points.append(assignment.max_score)
            if per_exercise:
                header += [f"{assignment.name}/{cell.removeprefix('test_')}" for _, cell in cells[assignment.name]]
                points += [gradebook.find_grade_cell(cell, notebook, assignment.name).max_score
                           for notebook, cell in cells[assignment.name]]
        statuses = {} if lms else {a.name: {s.student: s.status for s in status.standings(root, a.name)}
                                   for a in assignments}
        if statuses:
            header = _with_status_columns(header, assignments, per_exercise, cells)
        table = [points] if lms == "canvas" else []
        students = {student.id: student for student in gradebook.students}
        for student_id in sorted(set(students).union(*(set(by_student) for by_student in statuses.values()))):
            row = _name_columns(students[student_id], lms) if student_id in students else [student_id, "", "", ""]
            for assignment in assignments:
                width = 1 + (len(cells[assignment.name]) if per_exercise else 0)
                try:
                    submission = gradebook.find_submission(assignment.name, student_id)
                except MissingEntry:
                    row += [""] * width
                else:
                    row.append(submission.score)
                    if per_exercise:
                        scores = {(g.notebook.name, g.name): g.score for nb in submission.notebooks for g in nb.grades}
                        row += [scores.get(cell, 0) or 0 for cell in cells[assignment.name]]
                if statuses:
                    row.append(statuses[assignment.name].get(student_id, status.MISSING))
            table.append(row)
    return header, table


def _with_status_columns(header, assignments, per_exercise, cells):
    """The header with a "<lesson> 상태" column after each lesson's scores."""
    names = list(header[:len(HEADERS[None])])
    position = len(names)
    for assignment in assignments:
        width = 1 + (len(cells[assignment.name]) if per_exercise else 0)
        names += header[position:position + width] + [f"{assignment.name} 상태"]
        position += width
    return names


def _text(value):
    return f"{value:g}" if isinstance(value, (int, float)) else value


def export(root, out, per_exercise=False, lms=None):
    """Write the grades to ``out`` (CSV with a BOM, or ``.xlsx``), laid out for ``lms`` when given; the
    number of students."""
    header, table = rows(root, per_exercise, lms)
    buffer = io.BytesIO()
    if str(out).lower().endswith(".xlsx"):
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = "성적"
        for row in [header, *table]:
            sheet.append(row)
        book.save(buffer)
    else:
        text = io.StringIO(newline="")
        writer = csv.writer(text)
        writer.writerow(header)
        writer.writerows([_text(v) for v in row] for row in table)
        buffer.write(text.getvalue().encode("utf-8-sig"))
    course.write_atomically(out, buffer.getvalue())  # a run that fails or is stopped leaves the previous file whole
    return len(table) - (lms == "canvas")
