"""``dlgrade report`` on a class whose answers are known (tests/report_class.py), graded for real.

Every count on the page equals what the answers handed in say; the page holds its figures and
works offline in Chromium (screenshots in ``test-output/report/``); the judge's findings hold no
hidden input and never reach the student's feedback (that they stay with the grade through a regrade
that fails or is stopped, tests/test_dlgrade_faults.py checks byte for byte); a second lesson makes
``--all``; wrong input gets a Korean message and exit code 2.
"""
import json
import logging
import re
import shutil
import warnings

import pytest
from bs4 import BeautifulSoup
from nbgrader.utils import find_all_files

from bank.lesson01 import WRONG as WRONG_01
from course import ROOT, dlgrade, hand_in
from dlgrade import cli
from dlgrade.course import load_config
from grading import submission
from report_class import LESSON, differences, expected_report, grade, shown
from test_student_install import CHROMIUM, CHROMIUM_ARGS
from testcases.engine import findings
from testcases.lesson07.exercises import EDGES

pytestmark = pytest.mark.autograde

SCREENSHOTS = ROOT / "test-output" / "report"
OTHER = "01_mnist_and_the_neuron"
# Six students from the bank (with six more playing what a real class has, see report_class.ROLES): the
# same mistake in several students, one hint in two exercises, mistakes only hidden cases catch, errors the
# judge names and one it cannot, a wrong value no check names, a call of the reference, correct alternatives.
CLASS = {
    "s01": ["lb_dW_no_mean", "laf_swapped", "cost_no_mean", "deep_init_hard_coded_dims", "update_in_place"],
    "s02": ["lb_dW_no_mean", "lab_swapped", "cost_divides_by_zero", "linear_forward_calls_reference", "init2_uniform"],
    "s03": ["lb_dW_no_mean", "laf_swapped", "linear_forward_twice_b", "lmf_three_layers_only",
            "deep_init_key_without_str"],
    "s04": ["lb_db_no_keepdims", "cost_no_mean", "lmb_dAL_sign", "lmf_all_sigmoid", "init2_no_scale"],
    "s05": ["lb_loops", "cost_mean", "laf_manual_sigmoid", "lmb_caches_index_L", "update_plus"],
    "s06": ["linear_forward_hard_coded", "update_plus", "init2_no_scale", "lab_sigmoid_derivative", "lmb_dAL_sign"],
}
FINDING_KEYS = {"passed", "public_passed", "public", "hidden", "failure", "where", "case", "mistakes", "error_type"}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course, run = grade(CLASS, tmp_path_factory.mktemp("report"))
    report = dlgrade(course, "report", LESSON)
    return course, run, report


@pytest.fixture(scope="module")
def page(graded):
    course, _, report = graded
    assert report.returncode == 0, report.stdout + report.stderr
    return (course / f"report-{LESSON}.html").read_text(encoding="utf-8")


def test_every_count_on_the_page_equals_the_answers_handed_in(graded, page):
    _, run, _ = graded
    assert "채점하지 못한 제출물: 1개" in run.stdout, run.stdout + run.stderr
    counts = shown(page)
    assert differences(expected_report(CLASS), counts) == []
    # read as a teacher would
    exercises = counts["exercises"]
    assert exercises["linear_backward"]["mistakes"]["lesson07.NO_MEAN"] == ["s01", "s02", "s03"]
    assert exercises["linear_activation_forward"]["mistakes"]["lesson07.SWAPPED"] == ["s01", "s03"]
    assert exercises["linear_activation_backward"]["mistakes"]["lesson07.SWAPPED"] == ["s02"]
    assert exercises["linear_forward"]["unnamed"] == ["s03", "s06"]
    assert exercises["update_parameters"]["stopped"] == ["never_ends"]
    assert exercises["update_parameters"]["categories"] == {"full": 4, "hidden_loss": 1, "public_wrong": 2,
                                                            "blank": 1, "no_details": 1}


def test_the_terminal_summary_names_the_class_and_a_note_per_exercise(graded):
    _, _, report = graded
    lines = report.stdout.splitlines()
    assert lines[0] == f"{LESSON}: 채점됨 9명, 채점 불가 1명, 제출 후 미채점 1명, 미제출 1명"
    assert lines[1].startswith("점수: 평균 ") and lines[1].endswith("(채점된 9명)")
    notes = [line.strip() for line in lines if line.startswith("  ")]
    assert len(notes) == 10 and all(re.match(r"\w+: 만점 \d+% \(\d+/9명\)", note) for note in notes), notes
    assert "세부 정보 없음: 1명" in report.stdout and re.search(r"보고서: report-\S+\.html \([\d.]+초\)", lines[-1])


def test_findings_hold_no_hidden_input_and_stay_out_of_feedback(graded):
    course, _, _ = graded
    folder = course / "autograded" / "never_ends" / LESSON
    text = findings.path(folder, LESSON).read_text(encoding="utf-8")
    kept = json.loads(text)["cells"]
    assert {key for finding in kept.values() for key in finding} == FINDING_KEYS
    assert kept["test_update_parameters"]["failure"] == findings.TIMEOUT
    assert (kept["test_update_parameters"]["where"], kept["test_update_parameters"]["case"]) == ("hidden", 2)
    assert not [edge for edge in EDGES if edge in text] and "숨겨진 테스트 " not in text
    # what nbgrader copies beside a notebook into autograded/ and feedback/ (BaseConverter.init_assignment)
    ignored = load_config(course).CourseDirectory.ignore
    assert find_all_files(str(folder), ignored + ["*.ipynb"]) == []


def test_the_figures_draw_every_korean_glyph(graded, caplog):
    from dlgrade.report import counts, figures

    course, _, _ = graded
    counted = counts.count(course, LESSON)
    with warnings.catch_warnings(), caplog.at_level(logging.INFO, logger="matplotlib"):
        warnings.simplefilter("error")  # matplotlib warns about a glyph its font lacks
        drawn = [figures.score_histogram(counted), figures.outcome_bars(counted), figures.pass_rate_heatmap([counted])]
    assert all(uri.startswith("data:image/png;base64,") for uri in drawn)
    assert not [r.message for r in caplog.records if "findfont" in r.message or "glyph" in r.message.lower()]


@pytest.fixture(scope="module")
def all_page(graded, tmp_path_factory):
    """``dlgrade report --all`` after a second lesson is graded: two students of lesson 01, one wrong in one_hot."""
    course, _, _ = graded
    wrong = WRONG_01["onehot_off_by_one"]
    hand_in(course, OTHER, {"t1": submission(OTHER, demos=False),
                            "t2": submission(OTHER, {wrong.function: wrong.source}, demos=False)})
    assert dlgrade(course, "autograde", OTHER, "--workers", "1").returncode == 0
    out = tmp_path_factory.mktemp("all") / "all.html"
    run = dlgrade(course, "report", "--all", "-o", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    return out, run


def test_all_lessons_side_by_side(all_page):
    out, run = all_page
    assert run.stdout.splitlines()[0].startswith(f"{OTHER}: 채점됨 2명, 채점 불가 0명, 제출 후 미채점 0명, 미제출 ")
    rows = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser").select("table.pass-rates tr[data-lesson]")
    rates = {row["data-lesson"]: {cell["data-exercise"]: cell.get_text(" ").split()[-1]
                                  for cell in row.select("td[data-exercise]")} for row in rows}
    assert rates[OTHER] == {"normalize": "100%", "one_hot": "50%", "initialize_parameters": "100%"}
    assert list(rates) == [OTHER, LESSON] and len(rates[LESSON]) == 10


def _in_chromium(browser, path, screenshot, hide_ids=False):
    """Open ``path`` with every request but file:// refused and keep a screenshot; returns the requests
    refused, the images that did not load and the students' ids still shown."""
    refused = []
    context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
    try:
        context.route(re.compile(r"^(?!file:).*"), lambda route: (refused.append(route.request.url), route.abort()))
        page = context.new_page()
        page.goto(path.as_uri(), wait_until="load")
        broken = page.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0).length")
        if hide_ids:
            page.get_by_label("학번 숨기기").check()
        shown_ids = page.evaluate("[...document.querySelectorAll('.ids')].filter(e => e.offsetParent).length")
        page.screenshot(path=str(screenshot), full_page=True)
    finally:
        context.close()
    return refused, broken, shown_ids


def test_the_pages_work_offline_in_chromium_and_hide_ids_on_request(graded, page, all_page):
    from playwright.sync_api import sync_playwright

    course, _, _ = graded
    lesson_page, everything = course / f"report-{LESSON}.html", all_page[0]
    for html in (page, everything.read_text(encoding="utf-8")):
        assert not re.search(r"https?://", html)
        images = BeautifulSoup(html, "html.parser").select("img")
        assert images and all(img["src"].startswith("data:image/png;base64,") for img in images)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            refused, broken, shown_ids = _in_chromium(browser, lesson_page, SCREENSHOTS / "report-07.png")
            assert (refused, broken) == ([], 0) and shown_ids > 0
            assert _in_chromium(browser, lesson_page, SCREENSHOTS / "report-07-ids-hidden.png", True) == ([], 0, 0)
            refused, broken, _ = _in_chromium(browser, everything, SCREENSHOTS / "report-all.png")
            assert (refused, broken) == ([], 0)
        finally:
            browser.close()


def _run_here(capsys, *args):
    """``dlgrade`` run in this process: its exit code and what it printed to stderr."""
    try:
        code = cli.main(list(args))
    except SystemExit as stop:
        code = stop.code
    return code, capsys.readouterr().err


def test_wrong_input_is_refused_in_korean(graded, tmp_path, capsys):
    course, _, _ = graded
    code, said = _run_here(capsys, "--root", str(course), "report", "07_deep_nn_step_by_stp")
    assert code == 2 and "있는 실습: 01_mnist_and_the_neuron" in said
    code, said = _run_here(capsys, "--root", str(course), "report", "03_gradient_descent")
    assert code == 2 and "03_gradient_descent은(는) 아직 채점한 제출물이 없습니다. 먼저 " \
                         "`dlgrade autograde 03_gradient_descent`으로 채점하세요." in said
    code, said = _run_here(capsys, "--root", str(course), "report")
    assert code == 2 and "실습 이름과 --all 중 하나만 주세요" in said
    code, said = _run_here(capsys, "--root", str(course), "report", LESSON, "-o", str(tmp_path / "no" / "r.html"))
    assert code == 2 and "r.html에 쓸 수 없습니다 (폴더가 없습니다). 그 폴더가 있는지" in said
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    code, said = _run_here(capsys, "--root", str(tmp_path), "report", "--all")
    assert code == 2 and "채점한 실습이 하나도 없습니다" in said
