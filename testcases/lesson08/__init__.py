"""Lesson 08, a deep network applied to images: ``check("함수 이름", 함수)`` runs a public check."""
from testcases.engine.runner import checker

check = checker("08")
