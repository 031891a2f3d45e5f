"""``dlgrade roster import``: a class list from Excel or any CSV into nbgrader's gradebook, all or nothing.

Reads ``.xlsx`` (first sheet, with openpyxl) and CSV in UTF-8 (with or without the BOM Excel's
"CSV UTF-8" writes) or CP949/EUC-KR (Excel's plain "CSV" on Korean Windows). Headers may be Korean
or English, in any case and spacing: 학번/id, 성+이름 or first_name+last_name (or one full-name
column 이름/name), 이메일/email, and optionally the LMS's own user id (``lms_user_id``, e.g. the
number Moodle or Canvas puts in its submission archives). Every row is checked before anything is
written; then all rows go to the gradebook in one transaction.
"""
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from dlgrade import course

FIELDS = {  # normalised header -> Student attribute
    "id": "id", "학번": "id", "studentid": "id", "idnumber": "id",
    "firstname": "first_name", "lastname": "last_name", "성": "last_name", "surname": "last_name",
    "email": "email", "emailaddress": "email", "이메일": "email", "이메일주소": "email",
    "lmsuserid": "lms_user_id", "lmsid": "lms_user_id",
}
FULL_NAME = {"이름", "name", "성명"}  # one column with the whole name (이름 is the given name when 성 is there)
LABELS = {"id": "학번", "first_name": "이름", "last_name": "성", "email": "이메일", "lms_user_id": "LMS ID"}


class RosterError(course.CourseError):
    """A roster that cannot be imported; the message names the file, the rows and what to do."""


@dataclass
class Import:
    """What an import did: students added, changed (with the changed fields) and kept as they were."""
    added: list = field(default_factory=list)
    changed: dict = field(default_factory=dict)
    kept: list = field(default_factory=list)
    absent: list = field(default_factory=list)  # in the gradebook, not in the file: left untouched
    ignored: list = field(default_factory=list)  # columns not used

    def lines(self):
        lines = [f"추가한 학생: {len(self.added)}명", f"바뀐 학생: {len(self.changed)}명",
                 f"그대로인 학생: {len(self.kept)}명"]
        lines += [f"  {sid}: " + ", ".join(f"{LABELS[k]} {old or '(빈칸)'} → {new or '(빈칸)'}"
                                          for k, (old, new) in diff.items()) for sid, diff in self.changed.items()]
        if self.absent:
            lines.append(f"명단 파일에 없어 그대로 둔 학생: {len(self.absent)}명 ({', '.join(self.absent)})")
        if self.ignored:
            lines.append(f"쓰지 않은 열: {', '.join(self.ignored)}")
        return lines


def _normal(header):
    return "".join(str(header or "").replace("\ufeff", "").lower().split()).replace("_", "").replace("-", "")


def _cell(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 학번 typed as a number in Excel
    return "" if value is None else str(value).strip()


def read_table(path):
    """The rows of ``path`` (``.xlsx`` or CSV in UTF-8, UTF-8 with BOM, or CP949) as lists of strings."""
    path = Path(path)
    if not path.is_file():
        raise RosterError(f"{path}: 파일이 없습니다. 명단 파일의 경로를 확인하세요.")
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises several kinds for a damaged or mislabelled file
            raise RosterError(f"{path}: 엑셀 파일(.xlsx)로 읽을 수 없습니다 ({error}). "
                              "엑셀에서 열어 'Excel 통합 문서(.xlsx)'나 'CSV UTF-8'로 다시 저장하세요.") from None
        try:
            return [[_cell(v) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    if path.suffix.lower() == ".xls":
        raise RosterError(f"{path}: 옛 엑셀 형식(.xls)은 읽지 못합니다. 엑셀에서 'Excel 통합 문서(.xlsx)'나 "
                          "'CSV UTF-8'로 다시 저장하세요.")
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp949"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RosterError(f"{path}: UTF-8도 CP949(EUC-KR)도 아닌 글자가 있어 읽을 수 없습니다. "
                          "엑셀에서 '다른 이름으로 저장' › 'CSV UTF-8(쉼표로 분리)'로 다시 저장하세요.")
    return [[_cell(v) for v in row] for row in csv.reader(io.StringIO(text, newline=""))]


def _columns(header):
    """``{attribute: column index}`` for ``header``, plus the ignored headers."""
    names = [_normal(h) for h in header]
    columns, ignored = {}, []
    has_surname = any(FIELDS.get(n) == "last_name" for n in names)
    for index, name in enumerate(names):
        attribute = FIELDS.get(name) or (("first_name" if has_surname else "full_name") if name in FULL_NAME else None)
        if attribute is None or attribute in columns:
            if header[index]:
                ignored.append(header[index])
            continue
        columns[attribute] = index
    return columns, ignored


def parse(path):
    """``({id: {attribute: value}}, ignored columns)`` from the roster at ``path``; every bad row raises
    one ``RosterError`` naming all of them (row numbers as a spreadsheet shows them)."""
    table = read_table(path)
    start = next((i for i, row in enumerate(table) if any(FIELDS.get(_normal(c)) == "id" for c in row)), None)
    if start is None:
        first = next((row for row in table if any(row)), None)
        if first is None:
            raise RosterError(f"{path}: 빈 파일입니다. 첫 줄에 열 이름(학번, 이름, 이메일)을, 다음 줄부터 학생을 쓰세요.")
        raise RosterError(f"{path}: 학번 열이 없습니다 (첫 줄: {', '.join(c for c in first if c)}). 열 이름 줄에 "
                          "'학번' 또는 'id'를 쓰세요. 이름은 '성'+'이름' 또는 '이름' 하나, 'first_name'+'last_name', "
                          "이메일은 '이메일' 또는 'email'로 씁니다.")
    columns, ignored = _columns(table[start])  # rows above the header (a title, a date) are not students
    students, first_row, problems = {}, {}, []
    for number, row in enumerate(table[start + 1:], start=start + 2):
        if not any(row):
            continue  # blank lines Excel leaves at the end
        value = {a: (row[i] if i < len(row) else "") for a, i in columns.items()}
        sid = value.pop("id")
        if not sid:
            problems.append(f"{number}행: 학번이 비어 있습니다")
        elif any(c in sid for c in "/\\") or sid in (".", ".."):
            problems.append(f"{number}행: 학번 {sid!r}은(는) 폴더 이름으로 쓸 수 없습니다 ('/'나 '\\' 없이 쓰세요)")
        elif sid in students:
            problems.append(f"{number}행: 학번 {sid}이(가) {first_row[sid]}행과 겹칩니다")
        else:
            if "full_name" in value:
                value["first_name"] = value.pop("full_name")
            students[sid], first_row[sid] = value, number
    if problems:
        raise RosterError(f"{path}: 잘못된 행이 있어 아무것도 넣지 않았습니다. 고친 뒤 다시 실행하세요.\n  "
                          + "\n  ".join(problems))
    return students, ignored


def import_roster(root, path):
    """Add or update every student of the roster at ``path`` in one gradebook transaction; an ``Import``."""
    from nbgrader.api import Student

    students, ignored = parse(path)
    report = Import(ignored=ignored)
    with course.gradebook(root) as gradebook:
        session = gradebook.db
        existing = {s.id: s for s in session.query(Student)}
        try:
            for sid, value in students.items():
                value = {k: v or None for k, v in value.items()}
                if sid not in existing:
                    session.add(Student(id=sid, **value))
                    report.added.append(sid)
                    continue
                student = existing[sid]
                diff = {k: (getattr(student, k), v) for k, v in value.items() if getattr(student, k) != v}
                for attribute, (_, new) in diff.items():
                    setattr(student, attribute, new)
                if diff:
                    report.changed[sid] = diff
                else:
                    report.kept.append(sid)
            session.commit()
        except Exception:
            session.rollback()
            raise
    report.absent = sorted(set(existing) - set(students))
    return report
