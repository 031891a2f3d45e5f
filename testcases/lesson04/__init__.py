"""Lesson 04, backpropagation: ``check("함수 이름", 함수)`` runs a public check."""
from testcases.engine.runner import checker

check = checker("04")
