"""nbgrader configuration: this repository is the course root."""
from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearHiddenTests, ClearOutput,
                                    DeduplicateIds, GetGrades, IgnorePattern, LimitOutput, OverwriteCells,
                                    OverwriteKernelspec, SaveAutoGrades)

from testcases.engine.findings import SUFFIX as FINDINGS_SUFFIX
from testcases.engine.nbgrader_preprocessors import (CapOutput, DropUnknownGradeCells, JudgeTestCells,
                                                      ResilientExecute, RestoreSubmittedSource, ShortWhileGraded,
                                                      StartJudge)

c = get_config()  # noqa: F821  (provided by nbgrader)

c.CourseDirectory.course_id = "dl-fundamentals-labs"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "notebooks"
# The judge's findings (testcases/engine/findings.py) stay beside the graded notebook: nbgrader copies
# neither a student's file of that name into autograded/ nor the judge's into feedback/.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", f"*{FINDINGS_SUFFIX}"]

# The Coursera-style blank that replaces every ### BEGIN SOLUTION ... ### END SOLUTION region.
c.ClearSolutions.code_stub = {
    "python": (
        "### START CODE HERE ###\n"
        'raise NotImplementedError("빈칸을 채우세요: 이 줄을 지우고 코드를 작성합니다.")\n'
        "### END CODE HERE ###"
    )
}
c.ClearSolutions.text_stub = "여기에 답을 쓰세요."

# Per-cell limit while the student's notebook runs (in a confined kernel); the judge has its own limits.
c.Execute.timeout = 120

# Autograde, first the submission as the release made it: cells the release lacks cannot grade,
# locked and grade cells come back from the gradebook (also when deleted).
c.Autograde.sanitize_preprocessors = [ClearOutput, DropUnknownGradeCells, DeduplicateIds, OverwriteKernelspec,
                                      OverwriteCells, CheckCellMetadata]
c.OverwriteCells.add_missing_cells = True

# Then hand the answers to the judge (testcases/engine/judge.py), which decides every test cell
# outside the kernel while the kernel runs the notebook for the student to read; then save the grades.
# Training and demo cells run their short version in the kernel (cell metadata dl_course.while_graded,
# see ShortWhileGraded), and the graded notebook shows the student's own source again afterwards.
c.Autograde.autograde_preprocessors = [StartJudge, ShortWhileGraded, ResilientExecute, RestoreSubmittedSource,
                                       IgnorePattern, ClearMetadataPreprocessor, CapOutput,
                                       LimitOutput, JudgeTestCells, SaveAutoGrades, AssignLatePenalties,
                                       CheckCellMetadata]

# Feedback never shows hidden tests.
c.GenerateFeedback.preprocessors = [GetGrades, CSSHTMLHeaderPreprocessor, ClearHiddenTests]
