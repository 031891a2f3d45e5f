"""Lesson 06, Affine, SoftmaxWithLoss and a two-layer network: ``check("이름", 함수나 클래스)`` runs a public check."""
from testcases.engine.runner import checker

check = checker("06")
