"""Lesson 03, gradient descent: ``check("함수 이름", 함수)`` runs a public check."""
from testcases.engine.runner import checker

check = checker("03")
