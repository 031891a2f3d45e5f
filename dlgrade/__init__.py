"""``dlgrade``: the instructor's command for grading a whole class with nbgrader.

Subcommands: ``roster import`` (Excel or Korean CSV rosters, all or nothing), ``collect``
(an LMS's "download all submissions" archive into ``submitted/``), ``autograde`` (parallel,
confined, each student's previous results kept unless the new grading succeeds, clean
interrupts), ``status`` (graded, not submitted, not gradable, changed since), ``feedback``
(exercise names, offline math, per student), ``export`` (Excel, or an LMS's grade import),
``bundle`` (what students receive) and ``hub`` (a JupyterHub for the class on one machine).
"""
