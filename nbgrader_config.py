"""nbgrader configuration: this repository is the course root."""
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import ClearHiddenTests, GetGrades

from testcases.engine.nbgrader_preprocessors import ClearHiddenTestTracebacks

c = get_config()  # noqa: F821  (provided by nbgrader)

c.CourseDirectory.course_id = "dl-fundamentals-labs"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "notebooks"

# The Coursera-style blank that replaces every ### BEGIN SOLUTION ... ### END SOLUTION region.
c.ClearSolutions.code_stub = {
    "python": (
        "### START CODE HERE ###\n"
        'raise NotImplementedError("빈칸을 채우세요: 이 줄을 지우고 코드를 작성합니다.")\n'
        "### END CODE HERE ###"
    )
}
c.ClearSolutions.text_stub = "여기에 답을 쓰세요."

# Per-cell limit when autograding; an infinite loop loses only its own points.
c.Execute.timeout = 120

# Students see their feedback without the hidden tests' source, in cells or tracebacks.
c.GenerateFeedback.preprocessors = [GetGrades, CSSHTMLHeaderPreprocessor,
                                    ClearHiddenTestTracebacks, ClearHiddenTests]
