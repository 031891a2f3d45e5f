"""What a student reads: a failed check's Korean message, and printed values."""
import numpy as np

PASSED = "✔ 공개 테스트 통과"


class CheckFailed(AssertionError):
    """A check found a difference; its Korean message is all a student needs to read."""

    brief = True  # shown as its message alone, see testcases.engine.tracebacks


def fail(label, lines, hints=()):
    """Raise ``CheckFailed``: ``label: lines[0]``, the other lines indented, then the hints."""
    unique = list(dict.fromkeys(hints))
    text = "\n".join([f"{label}: {lines[0]}", *("  " + line for line in lines[1:]),
                      *(f"  힌트: {hint}" for hint in unique)])
    raise CheckFailed(text)


def render(value):
    """How a value is printed to students: numpy's own ``str`` for arrays."""
    if isinstance(value, (float, np.floating)):
        return repr(float(value))
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return repr(value.item())
    return str(value)


def show(title, values):
    """Print ``[title]`` and one ``name = value`` line per value."""
    print(f"[{title}]")
    for name, value in values.items():
        text = render(value)
        sep = "\n" if "\n" in text else " "
        print(f"{name} ={sep}{text}")


def passed():
    print(PASSED)
