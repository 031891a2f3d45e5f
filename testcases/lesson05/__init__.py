"""Lesson 05, computational graphs and simple layers: ``check("이름", 클래스나 함수)`` runs a public check."""
from testcases.engine.runner import checker

check = checker("05")
