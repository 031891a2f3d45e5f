"""The judge's findings: mistakes get stable ids, and the file beside a graded notebook is written whole
and read back, or counted as no details when it is missing or unreadable."""
import json

from testcases.engine import findings, mistakes
from testcases.engine.compare import TUPLE_HINT
from testcases.lesson07.exercises import NO_MEAN, SWAPPED


def test_a_hint_is_named_by_the_constant_that_holds_it_or_by_its_text():
    assert mistakes.mistake("07", NO_MEAN) == {"id": "lesson07.NO_MEAN", "text": NO_MEAN}
    assert mistakes.mistake("07", SWAPPED)["id"] == "lesson07.SWAPPED"
    assert mistakes.mistake("09", NO_MEAN)["id"].startswith("hint:")  # a lesson names only its own constants
    assert mistakes.mistake("07", TUPLE_HINT)["id"] == "compare.TUPLE_HINT"
    assert mistakes.mistake("07", "행렬 곱의 모양이 맞지 않습니다. 곱하는 순서와 전치(.T)를 확인하세요.")["id"] == \
        "invoke.ERROR_HINTS['not aligned']"
    in_place = "편향 b를 더하지 않았습니다: Z = W·A + b."
    assert mistakes.mistake("07", in_place)["id"].startswith("hint:")
    assert mistakes.mistake("07", in_place)["id"] != mistakes.mistake("07", in_place + " ")["id"]


def test_findings_are_written_whole_and_read_back(tmp_path):
    tally = findings.Tally(public_total=1, hidden_total=5)
    tally.running(findings.PUBLIC, 1)
    tally.case_passed()
    tally.running(findings.HIDDEN, 1)
    tally.case_passed()
    tally.running(findings.HIDDEN, 2)
    wrong = tally.finding(findings.WRONG, [mistakes.mistake("07", NO_MEAN)])
    findings.write(tmp_path, "lesson", {"test_linear_backward": wrong})
    assert [p.name for p in tmp_path.iterdir()] == [f"lesson{findings.SUFFIX}"]  # no temporary file left
    assert findings.read(tmp_path, "lesson") == {"test_linear_backward": wrong}
    assert wrong["public_passed"] and (wrong["where"], wrong["case"], wrong["hidden"]) == ("hidden", 2, [1, 5])


def test_missing_or_unreadable_findings_are_no_details(tmp_path):
    assert findings.read(tmp_path, "lesson") is None
    path = findings.path(tmp_path, "lesson")
    for text in ("{", "[]", json.dumps({"format": 0, "cells": {}}), json.dumps({"format": 1, "cells": {"t": {}}})):
        path.write_text(text, encoding="utf-8")
        assert findings.read(tmp_path, "lesson") is None, text
