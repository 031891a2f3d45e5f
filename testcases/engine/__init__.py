"""The grading engine every lesson shares.

- ``exercise``: how a graded function or class is declared, once.
- ``invoke``: calling a student's function or class on declared inputs.
- ``runner``: the public check (in the student's kernel) and the hidden cases.
- ``compare`` and ``report``: comparisons that explain themselves in Korean.
- ``codec``: values as JSON (stored expected values, the judge's pipe).
- ``store``: each lesson's stored expected values.
- ``lessons``: which lessons exist and where their parts live.
- ``judge``: grades a submitted notebook outside the student's kernel.
"""
