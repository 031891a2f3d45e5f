"""nbgrader preprocessor for the feedback students receive.

nbgrader's ``ClearHiddenTests`` removes the hidden-test block from a cell's source,
but a traceback in the cell's output still quotes the lines around the failing
one. ``ClearHiddenTestTracebacks`` drops those quoted lines; it must run before
``ClearHiddenTests`` (see nbgrader_config.py).
"""
import re

from nbgrader.preprocessors import NbGraderPreprocessor

HIDDEN_BLOCK = re.compile(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", re.DOTALL)
ANSI_CODE = re.compile(r"\x1b\[[0-9;]*m")
LINE_NUMBER = re.compile(r"^\s*(?:-*>\s*)?\d+\s?")


def _quoted_code(traceback_line):
    """The source a traceback line quotes, without colour codes and line number."""
    return LINE_NUMBER.sub("", ANSI_CODE.sub("", traceback_line), count=1).strip()


class ClearHiddenTestTracebacks(NbGraderPreprocessor):
    """Remove traceback lines that quote a cell's hidden-test block."""

    def preprocess_cell(self, cell, resources, index):
        hidden = {line.strip() for block in HIDDEN_BLOCK.findall(cell.source)
                  for line in block.splitlines() if line.strip()}
        if hidden:
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    output.traceback = ["\n".join(line for line in entry.split("\n")
                                                  if _quoted_code(line) not in hidden)
                                        for entry in output.traceback]
        return cell, resources
