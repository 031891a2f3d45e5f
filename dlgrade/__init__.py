"""``dlgrade``: the instructor's command for grading a whole class with nbgrader.

Subcommands: ``autograde`` (parallel, confined, with a progress bar and a summary),
``export`` (one row per student, optionally one column per exercise) and
``feedback`` (nbgrader's feedback with exercise names and offline math).
"""
