"""Each lesson's exercises and checks (``testcases/lessonNN``), on a shared engine (``testcases.engine``)."""
from testcases.engine import tracebacks

tracebacks.install()
