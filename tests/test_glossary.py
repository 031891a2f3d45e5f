"""One vocabulary: no lesson, check message, figure label or README uses a form the glossary
(``notebooks/glossary.md``) lists as not to be used, and every lesson links to the glossary."""
import ast
import re

import pytest

from course import LESSONS, ROOT, read, release_path, solution_path

GLOSSARY = ROOT / "notebooks" / "glossary.md"
FIGURE_TEXT_CALLS = {"set_xlabel", "set_ylabel", "set_title", "suptitle", "xlabel", "ylabel", "title", "text",
                     "annotate", "legend", "set_label"}
FIGURE_TEXT_KEYWORDS = {"label", "title", "xlabel", "ylabel"}


def glossary_rows():
    """``(term, english, meaning, forms not to use)`` for each row of the glossary's table."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        parts = [part.strip() for part in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(parts) == 4 and parts[0] != "용어":
            rows.append((parts[0], parts[1], parts[2], [form.strip() for form in parts[3].split(",") if form.strip()]))
    return rows


def forms_not_to_use():
    return [form for *_, forms in glossary_rows() for form in forms]


def prose(text):
    """Text as a reader reads it as Korean: without code, math, link targets and English glosses in
    parentheses such as ``(epoch)``."""
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"\$[^$]*\$", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"\([A-Za-z][A-Za-z ,.\-]*\)", " ", text)


def found(text):
    """The forms not to use that ``text`` holds; an English form only as a word of its own."""
    text = prose(text)
    hits = []
    for form in forms_not_to_use():
        pattern = rf"(?<![A-Za-z_]){re.escape(form)}(?![A-Za-z_])" if form.isascii() else re.escape(form)
        hits += [form] * len(re.findall(pattern, text))
    return hits


def _call_name(node):
    function = node.func
    return function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", None)


def code_text(source):
    """What a student reads of a code cell or module: its comments, the Korean of its strings, and every
    string it gives a figure as a label, title or text."""
    try:
        tree = ast.parse(source)
    except SyntaxError:  # a cell with IPython syntax: its comments only
        tree = ast.Module(body=[], type_ignores=[])
    parts = [line.split("#", 1)[1] for line in source.splitlines() if "#" in line]
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search("[가-힣]", node.value):
            parts.append(node.value)
        if isinstance(node, ast.Call):
            texts = [keyword.value for keyword in node.keywords if keyword.arg in FIGURE_TEXT_KEYWORDS]
            if _call_name(node) in FIGURE_TEXT_CALLS:
                texts += node.args
            parts += [piece for text in texts for piece in _strings(text)]
    return "\n".join(parts)


def _strings(node):
    """The literal text of a string or f-string expression (not of names, keys or other values in it)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [value.value for value in node.values if isinstance(value, ast.Constant)]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [piece for element in node.elts for piece in _strings(element)]
    return []


def test_the_glossary_has_rows_and_no_form_is_also_a_term():
    rows = glossary_rows()
    assert len(rows) >= 25
    terms = {term for term, *_ in rows}
    assert all(form not in terms for form in forms_not_to_use())
    assert found("에폭(epoch)마다 `epochs`번, $epoch$") == []
    assert found("25 epoch마다 미니 배치를 갱신합니다") == ["미니 배치", "갱신", "epoch"]
    assert found(code_text('ax.set_xlabel("epoch")\nax.plot(x, label=f"{n} epoch")  # 미니 배치')) == [
        "미니 배치", "epoch", "epoch"]
    assert found(code_text('Case({"epoch": 3}, title="학습")\nhistory["epoch"]')) == []


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_form_not_to_use_in_a_lesson(lesson):
    hits = []
    for index, cell in enumerate(read(solution_path(lesson)).cells):
        text = cell.source if cell.cell_type == "markdown" else code_text(cell.source)
        hits += [(index, form) for form in found(text)]
    assert hits == [], f"{lesson}: 용어집(notebooks/glossary.md)에서 쓰지 않기로 한 말 (셀, 말): {hits}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_links_to_the_glossary(lesson):
    first = read(release_path(lesson)).cells[0].source
    assert "](../glossary.md)" in first, f"{lesson}: 첫 셀에 용어집 링크가 없습니다"


MODULES = sorted([*ROOT.glob("testcases/**/*.py"), *ROOT.glob("dlutils/**/*.py"), *ROOT.glob("dlgrade/**/*.py")])


def test_no_form_not_to_use_in_check_messages_figure_labels_or_tools():
    hits = [(str(path.relative_to(ROOT)), form) for path in MODULES
            for form in found(code_text(path.read_text(encoding="utf-8")))]
    assert hits == [], f"용어집에서 쓰지 않기로 한 말 (파일, 말): {hits}"


def test_no_form_not_to_use_in_the_readme():
    korean = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## English")[0]
    assert found(korean) == []
