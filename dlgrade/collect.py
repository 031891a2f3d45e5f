"""``dlgrade collect``: an LMS "download all submissions" archive into ``submitted/<id>/<lesson>/<lesson>.ipynb``.

Entry names, as each LMS writes them:

- Moodle (``mod/assign``, "Download all submissions"): a prefix ``<full name>_<participant id>`` (underscores in the
  name turned into spaces) and the plugin, ``_assignsubmission_file``, then either a folder per participant
  (``김민지_12345_assignsubmission_file/<file>``) or, flat, ``김민지_12345_assignsubmission_file_<file>``. The
  archive carries no late mark.
- Canvas ("Download Submissions", ``submissions.zip``): ``<sortable name lowercased, without spaces or
  punctuation>[_LATE]_<user id>_<attachment id>_<file>``, the file's name with ``-1``, ``-2`` … before the
  extension when it was uploaded again under the same name.

The id in an entry is the LMS's own user id; a student is found by it (matched against the roster's id and
``lms_user_id``) or else by the name (both orders of family and given name, ignoring case, spaces and
punctuation). An unknown or ambiguous name is listed, never guessed. Names are decoded as UTF-8 when the archive
sets the UTF-8 flag, else as UTF-8 or CP949 (Korean Windows tools), whichever the bytes are. Of several notebooks
of one student the newest is kept. Each notebook is written through a temporary file and an atomic rename, with
``collected.json`` beside it (archive, entry, LMS, upload time, late mark or ``null`` when the LMS does not say);
an existing, different notebook uploaded later than the archive's is never overwritten, only reported.
"""
import json
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from dlgrade import course

RECORD = "collected.json"
UTF8_FLAG = 0x800
PATTERNS = {
    "moodle": re.compile(r"(?P<name>[^/_]*)_(?P<id>\d+)_assignsubmission_[a-z]+[/_](?P<file>.+)"),
    "canvas": re.compile(r"(?P<name>[^/_]*)_(?P<late>LATE_)?(?P<id>\d+)_(?P<attachment>\d+)_(?P<file>[^/]+)"),
}
COPY_MARKS = [re.compile(p) for p in (r"^(?:사본|복사본|Copy of)\s*-?\s*", r"\s*\((\d+)\)$", r"-(\d+)$",
                                      r"\s*-\s*(?:복사본|사본|Copy)(?:\s*\((\d+)\))?$")]
JUNK = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")


class CollectError(course.CourseError):
    """An archive or lesson that cannot be collected at all; the message says what to do."""


@dataclass
class Entry:
    """One file of the archive, with what its name says."""
    info: zipfile.ZipInfo
    path: str
    lms: str
    lms_id: str
    name: str
    file: str
    late: bool | None
    attachment: int
    student: str | None = None

    @property
    def uploaded(self):
        try:
            return datetime(*self.info.date_time)
        except ValueError:  # a zero DOS date some tools write
            return datetime(1980, 1, 1)


@dataclass
class Collection:
    """What ``collect`` did and what the instructor must look at (``problems``)."""
    written: dict = field(default_factory=dict)  # id -> "새로" | "바꿈"
    same: list = field(default_factory=list)
    late: list = field(default_factory=list)
    renamed: dict = field(default_factory=dict)  # id -> entry accepted under another file name
    several: dict = field(default_factory=dict)  # id -> (kept entry, number of older notebooks)
    newer_kept: dict = field(default_factory=dict)  # id -> entry not written, the existing one is newer
    unknown: list = field(default_factory=list)
    ambiguous: dict = field(default_factory=dict)  # entry -> candidate ids
    not_notebook: list = field(default_factory=list)
    other_lesson: dict = field(default_factory=dict)  # entry -> lesson
    unnamed: list = field(default_factory=list)  # entries not named the way the LMS names them
    missing: list = field(default_factory=list)  # roster students without a notebook in the archive

    @property
    def problems(self):
        return bool(self.newer_kept or self.unknown or self.ambiguous or self.not_notebook or self.other_lesson
                    or self.unnamed)

    def lines(self):
        new = sorted(s for s, how in self.written.items() if how == "새로")
        replaced = sorted(s for s, how in self.written.items() if how == "바꿈")
        lines = [f"새로 모은 제출물: {len(new)}개", f"더 새 것으로 바꾼 제출물: {len(replaced)}개" + _ids(replaced),
                 f"이미 같은 제출물: {len(self.same)}개", f"늦은 제출: {len(self.late)}개" + _ids(self.late)]
        lines += [f"  {sid}: 노트북 {n + 1}개 중 가장 새 것({entry})을 골랐습니다" for sid, (entry, n) in self.several.items()]
        lines += [f"  {sid}: 이름이 다른 노트북 {entry}을(를) 이 실습의 제출물로 받았습니다" for sid, entry in self.renamed.items()]
        if self.missing:
            lines.append(f"제출물이 없는 학생: {len(self.missing)}명" + _ids(self.missing))
        checks = [f"{sid}: 이미 있는 제출물이 {entry}보다 새것이라 덮어쓰지 않았습니다. 정말 바꾸려면 "
                  f"submitted/{sid}/의 폴더를 지우고 다시 실행하세요" for sid, entry in self.newer_kept.items()]
        checks += [f"{entry}: 명단에서 이 학생을 찾지 못했습니다. 명단에 학생을 넣거나 lms_user_id 열에 LMS의 ID를 "
                   "적은 뒤 다시 실행하세요" for entry in self.unknown]
        checks += [f"{entry}: 명단의 {', '.join(ids)} 중 누구인지 모릅니다. 명단의 lms_user_id 열에 LMS의 ID를 적은 뒤 "
                   "다시 실행하세요" for entry, ids in self.ambiguous.items()]
        checks += [f"{entry}: 노트북(.ipynb)이 아니라 받지 않았습니다. 학생에게 노트북 파일을 다시 받으세요"
                   for entry in self.not_notebook]
        checks += [f"{entry}: {lesson} 실습의 노트북이라 받지 않았습니다. 학생에게 이 실습의 노트북을 다시 받으세요"
                   for entry, lesson in self.other_lesson.items()]
        checks += [f"{entry}: LMS가 붙이는 이름(학생 이름과 ID)이 없어 누구 것인지 모릅니다. LMS의 '모든 제출물 "
                   "다운로드'로 받은 압축 파일을 그대로 쓰세요" for entry in self.unnamed]
        if checks:
            lines.append(f"확인할 것: {len(checks)}개")
            lines += [f"  {line}" for line in checks]
        return lines


def _ids(ids):
    return f" ({', '.join(ids)})" if ids else ""


def _key(name):
    return "".join(ch for ch in unicodedata.normalize("NFC", name).lower() if ch.isalnum())


def entry_name(info):
    """The real name of a zip entry: UTF-8 when flagged, else UTF-8 or CP949 from the raw bytes."""
    if info.flag_bits & UTF8_FLAG:
        return unicodedata.normalize("NFC", info.filename)
    raw = info.filename.encode("cp437")  # zipfile decoded the raw bytes as cp437, which maps every byte
    for encoding in ("utf-8", "cp949"):
        try:
            return unicodedata.normalize("NFC", raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    return info.filename


def parse_entry(info, lms=None):
    """An ``Entry`` when the entry's name (or its part below some folder) is named as ``lms`` names
    submissions (any known LMS when ``None``); else ``None``."""
    path = entry_name(info)
    parts = path.split("/")
    for start in range(len(parts)):
        tail = "/".join(parts[start:])
        for name, pattern in PATTERNS.items():
            match = pattern.fullmatch(tail) if lms in (None, name) else None
            if match:
                groups = match.groupdict()
                late = bool(groups["late"]) if "late" in groups else None
                return Entry(info, path, name, groups["id"], groups["name"], groups["file"].rsplit("/", 1)[-1],
                             late, int(groups.get("attachment") or 0))
    return None


def notebook_stem(file):
    """``(name, copy number)`` of a notebook file name without the marks of a copy or a re-upload
    (``사본 - ``, ``Copy of ``, `` (1)``, ``-1``, `` - 복사본``); ``None`` for a file that is not a notebook."""
    if not file.lower().endswith(".ipynb"):
        return None
    stem, copy, changed = file[:-len(".ipynb")].strip(), 0, True
    while changed:
        changed = False
        for mark in COPY_MARKS:
            match = mark.search(stem)
            if match and match.group(0) != stem:
                copy = max(copy, int(next((g for g in match.groups() if g), 0)))
                stem, changed = (stem[:match.start()] + stem[match.end():]).strip(), True
    return stem, copy


def _roster(root):
    """``(ids, names)``: the roster's ids and LMS ids, and its names, each to the set of student ids."""
    with course.gradebook(root) as gradebook:
        students = [(s.id, s.lms_user_id, s.first_name or "", s.last_name or "") for s in gradebook.students]
    if not students:
        raise CollectError("성적부에 학생 명단이 없습니다. 먼저 'dlgrade roster import 명단파일'로 명단을 넣으세요.")
    ids, names = {}, {}
    for sid, lms_id, first, last in students:
        for key in {sid, lms_id} - {None, ""}:
            ids.setdefault(key, set()).add(sid)
        for key in {_key(last + first), _key(first + last)} - {""}:
            names.setdefault(key, set()).add(sid)
    return ids, names


def _match(entry, ids, names):
    """The students ``entry`` may belong to: by id, unless its name points at someone else (then both)."""
    by_id, by_name = ids.get(entry.lms_id, set()), names.get(_key(entry.name), set())
    if by_id and by_name and not by_id & by_name:
        return by_id | by_name
    return by_id or by_name


def _recorded_upload(folder, target):
    try:
        return datetime.fromisoformat(json.loads((folder / RECORD).read_text(encoding="utf-8"))["uploaded"])
    except (OSError, ValueError, KeyError, TypeError):
        return datetime.fromtimestamp(target.stat().st_mtime)


def _store(root, lesson, archive, entry, data):
    """Write ``entry``'s notebook for its student; ``"새로"``, ``"바꿈"``, ``"같음"`` or ``"더 새것 있음"``."""
    sid = entry.student
    folder = Path(root) / "submitted" / sid / lesson
    target = folder / f"{lesson}.ipynb"
    how = "새로"
    if target.exists():
        if target.read_bytes() == data:
            return "같음"
        if _recorded_upload(folder, target) > entry.uploaded:
            return "더 새것 있음"
        how = "바꿈"
    folder.mkdir(parents=True, exist_ok=True)
    course.write_atomically(target, data)
    stamp = entry.uploaded.timestamp()
    os.utime(target, (stamp, stamp))
    record = {"archive": Path(archive).name, "entry": entry.path, "lms": entry.lms,
              "uploaded": entry.uploaded.isoformat(), "late": entry.late,
              "collected": datetime.now().isoformat(timespec="seconds")}
    course.write_atomically(folder / RECORD, (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return how


def collect(root, lesson, archive, lms=None):
    """Unpack the LMS archive ``archive`` into ``submitted/`` for ``lesson``; a ``Collection``."""
    lessons = course.lessons(root)
    if lesson not in lessons:
        raise CollectError(f"실습 {lesson}이(가) 없습니다. 실습 이름은 {', '.join(lessons)} 중 하나입니다.")
    if not Path(archive).is_file():
        raise CollectError(f"{archive}: 파일이 없습니다. LMS에서 받은 압축 파일의 경로를 확인하세요.")
    try:
        zip_file = zipfile.ZipFile(archive)
    except zipfile.BadZipFile:
        raise CollectError(f"{archive}: zip 파일이 아닙니다. LMS의 '모든 제출물 다운로드'로 받은 .zip 파일을 "
                           "그대로 주세요.") from None
    ids, names = _roster(root)
    result = Collection()
    chosen = {}  # id -> [(entry, stem, copy)]
    with zip_file:
        for info in zip_file.infolist():
            if info.is_dir() or any(junk in info.filename for junk in JUNK):
                continue
            entry = parse_entry(info, lms)
            if entry is None:
                result.unnamed.append(entry_name(info))
                continue
            stem = notebook_stem(entry.file)
            students = _match(entry, ids, names)
            if stem is None:
                result.not_notebook.append(entry.path)
            elif stem[0] != lesson and stem[0] in lessons:
                result.other_lesson[entry.path] = stem[0]
            elif not students:
                result.unknown.append(entry.path)
            elif len(students) > 1:
                result.ambiguous[entry.path] = sorted(students)
            else:
                entry.student = next(iter(students))
                chosen.setdefault(entry.student, []).append((entry, *stem))
        for sid, candidates in sorted(chosen.items()):
            named = [c for c in candidates if c[1] == lesson] or candidates
            entry, stem, _ = max(named, key=lambda c: (c[0].uploaded, c[0].attachment, c[2]))
            if len(candidates) > 1:
                result.several[sid] = (entry.path, len(candidates) - 1)
            if stem != lesson:
                result.renamed[sid] = entry.path
            how = _store(root, lesson, archive, entry, zip_file.read(entry.info))
            if how == "같음":
                result.same.append(sid)
            elif how == "더 새것 있음":
                result.newer_kept[sid] = entry.path
            else:
                result.written[sid] = how
            if entry.late:
                result.late.append(sid)
    roster_ids = {sid for group in ids.values() for sid in group}
    result.missing = sorted(roster_ids - set(chosen))
    return result
