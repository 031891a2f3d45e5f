"""Seeded inputs, stored expected outputs and the checks students run, per lesson."""
from testcases import tracebacks

tracebacks.install()
