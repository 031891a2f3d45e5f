"""The student bundle: ``dlgrade bundle OUTDIR [--upto NN]``.

A bundle is what a student receives: the released notebooks (``notebooks/NN_*``,
lessons up to ``NN``), the data files they read (``data/``), a Korean README and ONE
wheel, ``dl-fundamentals-student``, built here with ``pip wheel`` from a staging
source tree made for it. The wheel holds

- ``dlutils``: the public helper modules (the core ones and every ``dlutils`` module
  the released notebooks and the shipped checks import, with their imports) and
  ``dlutils/given/lessonKK.py`` for ``KK <= NN`` only (a later lesson's given module
  holds earlier lessons' answers); the data files in ``dlutils/_data``;
- ``testcases``: the parts of the engine the public check needs in the kernel
  (``ENGINE_MODULES``) and, per released lesson, ``__init__.py``, ``expected.json``
  and ``exercises.py`` with its hidden-case generators stripped (``strip_hidden``);
- ``dl_course``: the ``dl-course`` command (``dlgrade/dl_course.py``) and the lessons
  it copies into the student's own workspace;
- ``share/jupyter/lab/settings/overrides.json``: Korean as JupyterLab's default language (``LAB_OVERRIDES``).

It depends on JupyterLab and its Korean language pack, not on nbgrader, so the
student's JupyterLab has none of the instructor's tools. It never holds
``dlutils/reference``, the hidden generators, ``solutions/`` or ``tests/``.
"""
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from dlgrade.course import CourseError
from dlgrade.dl_course import GLOSSARY

ROOT = Path(__file__).resolve().parents[1]
DIST_NAME = "dl-fundamentals-student"
CORE_MODULES = ("activations", "plotting", "data", "gradcheck", "shapes")
# What the public check needs in the student's kernel; never the judge, its children or sandbox.
ENGINE_MODULES = ("__init__", "report", "compare", "codec", "exercise", "invoke", "runner", "store", "lessons",
                  "cells", "tracebacks")
# Left out of the student's install.
INSTRUCTOR_ONLY = ("nbgrader", "notebook", "jupyter-server-mathjax", "tqdm", "openpyxl")
# JupyterLab's settings overrides in the student's install: Korean menus and dialogs from the first start,
# and no English prompt to fetch news or check for updates (``dl-course`` in a clone reads the same file).
LAB_OVERRIDES = json.loads((ROOT / "dlgrade" / "student_lab" / "overrides.json").read_text(encoding="utf-8"))
EXERCISE_FACTORIES = ("Exercise", "function")   # names in testcases.engine.exercise that declare an exercise
MARKER = ".dl-student-bundle"
LESSON_FOLDER = re.compile(r"(\d\d)_\w+$")
IGNORED = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc")


# ── stripping the hidden-case generators ──

class StripError(CourseError):
    """A lesson module whose hidden generators cannot be removed safely."""


def _loaded_names(node):
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _defined_names(stmt):
    """Module-level names a statement binds (functions, classes, plain assignments), else ``()``."""
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return (stmt.name,)
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] if isinstance(stmt, ast.AnnAssign) else []
    if targets and all(isinstance(t, ast.Name) for t in targets):
        return tuple(t.id for t in targets)
    return ()


def _factory_names(tree):
    """Names that declare an exercise: ``Exercise``/``function`` imported from ``testcases.engine.exercise``,
    and the module's own functions that hand their ``**kwargs`` (or a ``hidden`` parameter) on to one."""
    names = set()
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom) and stmt.module == "testcases.engine.exercise":
            names.update(alias.asname or alias.name for alias in stmt.names if alias.name in EXERCISE_FACTORIES)
    functions = [s for s in tree.body if isinstance(s, ast.FunctionDef)]
    while True:
        found = {f.name for f in functions if f.name not in names and _forwards_hidden(f, names)}
        if not found:
            return names
        names |= found


def _forwards_hidden(function_def, factories):
    kwargs = function_def.args.kwarg.arg if function_def.args.kwarg else None
    params = {a.arg for a in function_def.args.args + function_def.args.kwonlyargs}
    for node in ast.walk(function_def):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in factories:
            for kw in node.keywords:
                if kw.arg is None and isinstance(kw.value, ast.Name) and kw.value.id == kwargs:
                    return True
                if kw.arg == "hidden" and isinstance(kw.value, ast.Name) and kw.value.id in params:
                    return True
    return False


def _hidden_keywords(tree, filename):
    factories = _factory_names(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in factories):
            continue
        if node.func.id in factories - {"function"} and node.func.id.endswith("Exercise") and len(node.args) > 3:
            raise StripError(f"{filename}:{node.lineno}: Exercise(...)의 hidden을 위치 인자로 주었습니다. hidden=으로 쓰세요.")
        found.extend(kw for kw in node.keywords if kw.arg == "hidden")
    return found


def _reachable(start, uses, defs):
    """Statement indexes reachable from the statements ``start`` through the names they use."""
    seen, todo = set(), list(start)
    while todo:
        index = todo.pop()
        if index in seen:
            continue
        seen.add(index)
        for name in uses[index]:
            todo.extend(defs.get(name, ()))
    return seen


class _Source:
    """A module's text, edited by AST positions (``col_offset`` counts UTF-8 bytes)."""

    def __init__(self, text):
        self.lines = text.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))
        self.text = text

    def offset(self, lineno, col):
        line = self.lines[lineno - 1]
        return self.starts[lineno - 1] + len(line.encode()[:col].decode())

    def line_start(self, lineno):
        return self.starts[lineno - 1]


def strip_hidden(text, filename="exercises.py", keep=()):
    """``text`` with every exercise's ``hidden=`` set to ``None`` and the code only they reach removed.

    Removed: the module-level functions, classes and assignments reachable only from the
    hidden generators (the ``_hidden_*`` functions and whatever the ``hidden=`` values name),
    unless another statement of the module, or a name in ``keep`` (imported by another
    shipped file), still uses them. Raises ``StripError`` when a ``_hidden_*`` function is
    used by public code, or when the result still names one.
    """
    tree = ast.parse(text, filename)
    keywords = _hidden_keywords(tree, filename)
    body = tree.body
    defs, uses = {}, []
    for index, stmt in enumerate(body):
        for name in _defined_names(stmt):
            defs.setdefault(name, []).append(index)
        uses.append(_loaded_names(stmt))
    hidden_values = {id(kw.value) for kw in keywords}
    hidden_refs = set().union(*(_loaded_names(kw.value) for kw in keywords))
    hidden_defs = {i for name, places in defs.items() if name.startswith("_hidden_") for i in places}
    hidden_defs |= {i for name in hidden_refs for i in defs.get(name, ())}

    # Uses of each statement once its hidden= values are gone.
    public_uses = _public_uses(body, hidden_values, uses)

    candidates = _reachable(hidden_defs, uses, defs)
    candidates = {i for i in candidates if _defined_names(body[i])}
    roots = [i for i in range(len(body)) if i not in candidates]
    roots += [i for name in keep for i in defs.get(name, ())]
    kept = _reachable(roots, public_uses, defs)
    used_hidden = sorted(name for i in kept & hidden_defs for name in _defined_names(body[i]) if name.startswith("_hidden_"))
    if used_hidden:
        raise StripError(f"{filename}: 공개 코드가 숨겨진 테스트 함수를 씁니다: {', '.join(used_hidden)}")
    removed = sorted(candidates - kept)

    source = _Source(text)
    edits = []  # (start, end, replacement) as character offsets
    for kw in keywords:
        value = kw.value
        edits.append((source.offset(value.lineno, value.col_offset),
                      source.offset(value.end_lineno, value.end_col_offset), "None"))
    for index in removed:
        stmt = body[index]
        first = min([stmt.lineno] + [d.lineno for d in getattr(stmt, "decorator_list", [])])
        end = source.starts[stmt.end_lineno]  # through the end of its last line
        edits.append((source.line_start(first), end, ""))
    result = text
    for start, end, replacement in sorted(edits, reverse=True):
        if any(s < end and start < e for s, e, _ in edits if (s, e) != (start, end)):
            raise StripError(f"{filename}: 지울 코드가 겹칩니다 ({start}-{end})")
        result = result[:start] + replacement + result[end:]
    result = re.sub(r"\n{4,}", "\n\n\n", result)
    _verify_stripped(result, filename)
    return result


def _public_uses(body, hidden_values, uses):
    """Each statement's names, leaving out those that appear only inside its ``hidden=`` values."""
    result = []
    for stmt, names in zip(body, uses):
        inside = [node for node in ast.walk(stmt) if isinstance(node, ast.keyword) and id(node.value) in hidden_values]
        if not inside:
            result.append(names)
            continue
        skip = {id(n) for kw in inside for n in ast.walk(kw.value)}
        result.append({n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and id(n) not in skip})
    return result


def _verify_stripped(text, filename):
    tree = ast.parse(text, filename)
    names = sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id.startswith("_hidden_")}
                   | {s.name for s in ast.walk(tree) if isinstance(s, (ast.FunctionDef, ast.ClassDef))
                      and s.name.startswith("_hidden_")})
    if names:
        raise StripError(f"{filename}: 지운 뒤에도 숨겨진 테스트 코드가 남았습니다: {', '.join(names)}")
    for kw in _hidden_keywords(tree, filename):
        if not (isinstance(kw.value, ast.Constant) and kw.value.value is None):
            raise StripError(f"{filename}:{kw.value.lineno}: hidden=이 None이 아닙니다")
    compile(text, filename, "exec")


# ── what goes in ──

def released_lessons(root, upto=None):
    """``{number: folder name}`` of the released notebooks (``notebooks/NN_*``), up to ``upto``."""
    found = {}
    for folder in sorted((root / "notebooks").iterdir()):
        match = LESSON_FOLDER.match(folder.name)
        if match and folder.is_dir() and (folder / f"{folder.name}.ipynb").is_file():
            if upto is None or match.group(1) <= upto:
                found[match.group(1)] = folder.name
    return found


def _notebook_code(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell.get("cell_type") == "code":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            yield "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))


def _imports(text, filename):
    """``(module, names)`` of every import statement in ``text`` (relative ones are not used here)."""
    try:
        tree = ast.parse(text, filename)
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, ()
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module, tuple(alias.name for alias in node.names)
            for alias in node.names:    # from dlutils import activations
                yield f"{node.module}.{alias.name}", ()


def _dlutils_module(root, dotted):
    """``dlutils.x`` or ``dlutils.given.lessonKK`` -> its file, if that is a module of the repository."""
    parts = dotted.split(".")
    if parts[0] != "dlutils" or len(parts) < 2:
        return None
    path = root.joinpath(*parts).with_suffix(".py")
    return path if path.is_file() else None


def _named_functions(value):
    """``(module, name)`` of every function a stored JSON value names."""
    if isinstance(value, dict):
        if isinstance(value.get("__function__"), list):
            yield tuple(value["__function__"])
        for item in value.values():
            yield from _named_functions(item)
    elif isinstance(value, list):
        for item in value:
            yield from _named_functions(item)


@dataclass
class Plan:
    """The files of one bundle, before anything is written."""
    upto: str
    lessons: dict               # number -> released folder name
    dlutils: list               # paths of dlutils modules (relative to the repository)
    given: list                 # dlutils/given/lessonKK.py, KK <= upto
    keep: dict                  # lesson number -> names other shipped files import from its exercises
    data: list                  # paths in data/


def plan(root=ROOT, upto=None):
    lessons = released_lessons(root)
    if not lessons:
        raise CourseError(f"{root / 'notebooks'}에 배포된 실습이 없습니다.")
    if upto is None:
        upto = max(lessons)
    if not re.fullmatch(r"\d\d", upto):
        raise CourseError(f"--upto는 두 자리 실습 번호입니다 (예: 07): {upto}")
    lessons = {n: name for n, name in lessons.items() if n <= upto}
    if not lessons:
        raise CourseError(f"{upto}번까지 배포된 실습이 없습니다.")
    missing = [n for n in lessons if not (root / "testcases" / f"lesson{n}" / "expected.json").is_file()]
    if missing:
        raise CourseError(f"testcases/lessonNN/expected.json이 없습니다: {', '.join(missing)} "
                          "(python -m testcases.engine.store NN으로 만드세요)")
    given = sorted(p for p in (root / "dlutils" / "given").glob("lesson[0-9][0-9].py") if p.stem[6:] <= upto)

    # dlutils modules: the core ones, then whatever the notebooks and shipped modules import.
    texts = [(code, str(root / "notebooks" / name)) for name in lessons.values()
             for code in _notebook_code(root / "notebooks" / name / f"{name}.ipynb")]
    texts += [((root / "testcases" / f"lesson{n}" / "exercises.py").read_text(encoding="utf-8"), f"lesson{n}")
              for n in lessons]
    todo = [root / "dlutils" / f"{m}.py" for m in CORE_MODULES] + given
    modules, keep = set(), {n: set() for n in lessons}
    while texts or todo:
        for text, filename in texts:
            for module, names in _imports(text, filename):
                if (path := _dlutils_module(root, module)) is not None:
                    todo.append(path)
                match = re.fullmatch(r"testcases\.lesson(\d\d)\.exercises", module)
                if match and match.group(1) in keep:
                    keep[match.group(1)].update(names)
        texts = []
        while todo:
            path = todo.pop()
            if path in modules:
                continue
            relative = path.relative_to(root)
            if relative.parts[1] == "reference":
                raise CourseError(f"배포할 코드가 참조 구현을 가져옵니다: {relative}")
            if relative.parts[1] == "given" and path not in given:
                raise CourseError(f"배포할 코드가 {upto}번 뒤의 실습 모듈을 가져옵니다: {relative}")
            modules.add(path)
            texts.append((path.read_text(encoding="utf-8"), str(relative)))
    for number in lessons:  # functions the stored values name (codec: {"__function__": [module, name]})
        for module, name in _named_functions(json.loads(
                (root / "testcases" / f"lesson{number}" / "expected.json").read_text(encoding="utf-8"))):
            match = re.fullmatch(r"testcases\.lesson(\d\d)\.exercises", module)
            if match and match.group(1) in keep:
                keep[match.group(1)].add(name)
    dlutils = sorted(p for p in modules if p.parent == root / "dlutils")
    data = sorted(p for p in (root / "data").iterdir() if p.is_file() and not p.name.startswith("."))
    return Plan(upto, lessons, dlutils, given, keep, data)


# ── the staging tree and the wheel ──

def _project_version(root):
    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def student_dependencies(root=ROOT):
    """The course's dependencies without the instructor's tools."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [re.split(r"[\s<>=!~;\[]", dep, maxsplit=1)[0].lower() for dep in project["dependencies"]]
    return [dep for dep, name in zip(project["dependencies"], names) if name not in INSTRUCTOR_ONLY]


def _pyproject(version, packages, dependencies, upto):
    lines = [
        "[build-system]", 'requires = ["setuptools>=68"]', 'build-backend = "setuptools.build_meta"', "",
        "[project]", f'name = "{DIST_NAME}"', f'version = "{version}"',
        f'description = "딥러닝 기초 실습 학생용 ({upto}번 실습까지): 노트북, 공개 테스트, 한국어 JupyterLab"',
        'requires-python = ">=3.11"', f"dependencies = {json.dumps(dependencies, ensure_ascii=False)}", "",
        "[project.scripts]", 'dl-course = "dl_course:main"', "",
        "[tool.setuptools]", f"packages = {json.dumps(packages)}", "include-package-data = false", "",
        "[tool.setuptools.package-data]", 'dlutils = ["_data/*"]', 'testcases = ["lesson*/expected.json"]',
        'dl_course = ["lessons/*", "lessons/*/*", "lessons/*/*/*", "lessons/*/*/*/*"]', "",
        "[tool.setuptools.data-files]", '"share/jupyter/lab/settings" = ["overrides.json"]', "",
    ]
    return "\n".join(lines)


def _verify_lesson_module(staging, number):
    """Import the stripped module (with the staged engine) and build its public cases."""
    code = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(staging)!r})\n"
        "from testcases.engine import lessons, store\n"
        f"lesson = lessons.load({number!r})\n"
        "assert lessons.PACKAGE_DIR.parent.resolve() == __import__('pathlib').Path(sys.path[0]).resolve()\n"
        "for name, exercise in lesson.exercises.items():\n"
        "    assert exercise.hidden is None, name\n"
        "    assert len(exercise.public()) == len(store.records(lesson.number, name)), name\n"
        "print(len(lesson.exercises))\n")
    run = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, cwd=staging)
    if run.returncode != 0:
        raise StripError(f"숨겨진 테스트를 지운 testcases/lesson{number}/exercises.py가 돌지 않습니다:\n{run.stderr}")


def stage(root, staging, the_plan, version):
    """Write the wheel's source tree into ``staging``."""
    (staging / "dlutils" / "given").mkdir(parents=True)
    shutil.copy2(root / "dlutils" / "__init__.py", staging / "dlutils" / "__init__.py")
    for path in the_plan.dlutils:
        shutil.copy2(path, staging / "dlutils" / path.name)
    shutil.copy2(root / "dlutils" / "given" / "__init__.py", staging / "dlutils" / "given" / "__init__.py")
    for path in the_plan.given:
        shutil.copy2(path, staging / "dlutils" / "given" / path.name)
    (staging / "dlutils" / "_data").mkdir()
    for path in the_plan.data:
        shutil.copy2(path, staging / "dlutils" / "_data" / path.name)

    (staging / "testcases" / "engine").mkdir(parents=True)
    shutil.copy2(root / "testcases" / "__init__.py", staging / "testcases" / "__init__.py")
    for name in ENGINE_MODULES:
        shutil.copy2(root / "testcases" / "engine" / f"{name}.py", staging / "testcases" / "engine" / f"{name}.py")
    packages = ["dlutils", "dlutils.given", "testcases", "testcases.engine", "dl_course"]
    for number in the_plan.lessons:
        source, target = root / "testcases" / f"lesson{number}", staging / "testcases" / f"lesson{number}"
        target.mkdir()
        shutil.copy2(source / "__init__.py", target / "__init__.py")
        shutil.copy2(source / "expected.json", target / "expected.json")
        exercises = source / "exercises.py"
        text = strip_hidden(exercises.read_text(encoding="utf-8"), str(exercises.relative_to(root)),
                            keep=the_plan.keep[number])
        (target / "exercises.py").write_text(text, encoding="utf-8")
        packages.append(f"testcases.lesson{number}")

    (staging / "dl_course" / "lessons").mkdir(parents=True)
    shutil.copy2(root / "dlgrade" / "dl_course.py", staging / "dl_course" / "__init__.py")
    for name in the_plan.lessons.values():
        shutil.copytree(root / "notebooks" / name, staging / "dl_course" / "lessons" / name, ignore=IGNORED)
    shutil.copy2(root / "notebooks" / GLOSSARY, staging / "dl_course" / "lessons" / GLOSSARY)

    (staging / "overrides.json").write_text(json.dumps(LAB_OVERRIDES, indent=2) + "\n", encoding="utf-8")
    (staging / "pyproject.toml").write_text(
        _pyproject(version, packages, student_dependencies(root), the_plan.upto), encoding="utf-8")
    for number in the_plan.lessons:
        _verify_lesson_module(staging, number)


def _needs_isolation():
    """Whether ``pip wheel`` must fetch a build backend: setuptools >= 70.1 (or < 70.1 with ``wheel``) is enough."""
    from importlib import metadata, util

    try:
        version = tuple(int(part) for part in metadata.version("setuptools").split(".")[:2])
    except (metadata.PackageNotFoundError, ValueError):
        return True
    return version < (68, 0) or (version < (70, 1) and util.find_spec("wheel") is None)


def build_wheel(staging, outdir):
    """``pip wheel`` the staging tree into ``outdir``; returns the wheel's path."""
    isolation = [] if _needs_isolation() else ["--no-build-isolation"]
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", *isolation,
                          "--wheel-dir", str(outdir), str(staging)], capture_output=True, text=True)
    if run.returncode != 0:
        raise CourseError(f"학생용 휠을 만들지 못했습니다:\n{run.stdout}\n{run.stderr}")
    wheels = list(outdir.glob("dl_fundamentals_student-*.whl"))
    if len(wheels) != 1:
        raise CourseError(f"휠이 하나가 아닙니다: {wheels}")
    return wheels[0]


README = """# 딥러닝 기초 실습 (학생용, {upto}번 실습까지)

numpy로 신경망을 처음부터 만드는 실습입니다. 빈칸(`### START CODE HERE ###`)을 채우고
바로 아래 채점 셀을 실행하면 한국어로 결과와 힌트가 나옵니다.

## 설치하고 열기 (Linux·macOS 터미널, 이 폴더에서 한 줄)

```bash
python3 -m venv ~/dl-venv && ~/dl-venv/bin/pip install ./{wheel} && ~/dl-venv/bin/dl-course
```

- Python 3.11 이상이 필요합니다. Debian/Ubuntu에서 `venv`가 없다고 나오면
  `sudo apt-get install python3-venv`를 먼저 실행하세요.
- `dl-course`는 실습을 작업 폴더 `~/dl-course-work`에 복사하고 JupyterLab을 엽니다.
  다른 폴더를 쓰려면 `~/dl-venv/bin/dl-course 폴더`처럼 적습니다.
  브라우저가 열리지 않으면 터미널에 나온 `http://localhost:8888/lab?token=...` 주소를 여세요.
- 다음에 열 때는 `~/dl-venv/bin/dl-course`만 실행하면 됩니다.
- 메뉴는 한국어로 나옵니다 (설정 > 언어에서 바꿀 수 있습니다).

## 새 실습을 받았을 때

새 묶음 폴더에서 `~/dl-venv/bin/pip install --upgrade ./dl_fundamentals_student-*.whl` 한 뒤
`~/dl-venv/bin/dl-course`를 실행하세요. 작업 폴더에 아직 없는 실습만 복사하고,
이미 풀고 있는 노트북은 절대 덮어쓰지 않습니다.

## 실습하는 법

1. 노트북 맨 위의 첫 코드 셀(준비 셀)부터 차례로 실행합니다.
2. `### START CODE HERE ###`와 `### END CODE HERE ###` 사이를 채웁니다.
3. 바로 아래 채점 셀을 실행합니다. 틀리면 무엇이 다른지와 힌트가, 맞으면 공개 테스트 통과가 나옵니다.
   채점 셀은 고치지 마세요. 제출한 뒤 채점할 때는 숨겨진 테스트가 더 돌아갑니다.

## 제출

작업 폴더(`~/dl-course-work`)의 노트북 파일 `NN_이름/NN_이름.ipynb`를 저장(Ctrl+S)한 뒤
강사가 알려 준 곳에 그대로 올리세요. 파일 이름과 채점 셀은 바꾸지 마세요.

## 이 폴더에 든 것

- `{wheel}`: 설치 파일 (실습 도구, 공개 테스트, 노트북, 한국어 JupyterLab 설정)
- `notebooks/`: 실습 노트북 ({lessons})과 용어집(`glossary.md`)
- `data/`: 실습이 읽는 데이터 파일 (설치 파일에도 들어 있습니다)
"""


def bundle(outdir, upto=None, root=ROOT):
    """Write the student bundle into ``outdir``; returns the ``Plan`` and the wheel's path."""
    outdir = Path(outdir).resolve()
    if outdir.exists() and any(outdir.iterdir()):
        if not (outdir / MARKER).is_file():
            raise CourseError(f"묶음 폴더가 비어 있지 않습니다: {outdir}\n새 폴더를 주거나 비우세요.")
        shutil.rmtree(outdir)
    the_plan = plan(root, upto)
    version = f"{_project_version(root)}.{int(the_plan.upto)}.{time.strftime('%Y%m%d%H%M%S')}"
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dl-student-") as tmp:
        staging = Path(tmp) / "src"
        stage(root, staging, the_plan, version)
        wheel = build_wheel(staging, outdir)
    for name in the_plan.lessons.values():
        shutil.copytree(root / "notebooks" / name, outdir / "notebooks" / name, ignore=IGNORED)
    shutil.copy2(root / "notebooks" / GLOSSARY, outdir / "notebooks" / GLOSSARY)
    (outdir / "data").mkdir()
    for path in the_plan.data:
        shutil.copy2(path, outdir / "data" / path.name)
    (outdir / "README.md").write_text(
        README.format(upto=the_plan.upto, wheel=wheel.name, lessons=", ".join(the_plan.lessons.values())),
        encoding="utf-8")
    (outdir / MARKER).write_text(f"{DIST_NAME} {version}\n", encoding="utf-8")
    return the_plan, wheel


def main(outdir, upto=None, root=ROOT):
    root = Path(root).resolve()
    if not all((root / part).exists() for part in ("pyproject.toml", "notebooks", "testcases", "dlutils")):
        raise CourseError(f"강의 저장소가 아닙니다: {root}\n저장소 최상위 폴더에서 실행하거나 --root로 알려 주세요.")
    started = time.monotonic()
    the_plan, wheel = bundle(outdir, upto, root)
    size = sum(p.stat().st_size for p in Path(outdir).rglob("*") if p.is_file())
    print(f"학생용 묶음: {Path(outdir).resolve()} ({size / 1e6:.1f} MB, {time.monotonic() - started:.1f}초)")
    print(f"  실습: {', '.join(the_plan.lessons.values())}")
    print(f"  휠: {wheel.name}")
    return 0
