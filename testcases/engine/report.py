"""What a student reads: a failed check's Korean message, and printed values."""
import numpy as np

PASSED = "✔ 공개 테스트 통과"


class CheckFailed(AssertionError):
    """A check found a difference; its Korean message is all a student needs to read.

    ``hints`` are the message's hints, each naming a likely mistake; the judge keeps them for
    the instructor's report.
    """

    brief = True  # shown as its message alone, see testcases.engine.tracebacks

    def __init__(self, message, hints=()):
        super().__init__(message)
        self.hints = tuple(hints)


def fail(label, lines, hints=()):
    """Raise ``CheckFailed``: ``label: lines[0]``, the other lines indented, then the hints."""
    unique = list(dict.fromkeys(hints))
    text = "\n".join([f"{label}: {lines[0]}", *("  " + line for line in lines[1:]),
                      *(f"  힌트: {hint}" for hint in unique)])
    raise CheckFailed(text, unique)


SIGNIFICANT_DIGITS = 8  # printed numbers stop well above a CPU's last-bit noise and below the checks' rtol


def _number(value):
    """A float rounded to ``SIGNIFICANT_DIGITS``, written as Python writes a float (``0.25``, ``715.0``)."""
    return repr(float(f"{float(value):.{SIGNIFICANT_DIGITS}g}"))


def _is_real(value):
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def render(value):
    """How a value is printed to students: numpy's own ``str`` for arrays, floats to 8 significant digits.

    A number's last digits differ from one CPU to another (BLAS kernels, SIMD), so no float is
    printed at full precision; a list of numbers is written as plain numbers, whatever their type.
    """
    if isinstance(value, (float, np.floating)):
        return _number(value)
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return render(value.item())
    if isinstance(value, (list, tuple)) and value and all(_is_real(x) for x in value):
        items = ", ".join(_number(x) if isinstance(x, (float, np.floating)) else str(int(x)) for x in value)
        return f"[{items}]" if isinstance(value, list) else f"({items}{',' if len(value) == 1 else ''})"
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
