"""Values as JSON: arrays, tuples, numpy scalars and nested containers, with nothing executable.

Used for the stored expected values and for the judge's pipe to the process that
runs a student's code. ``decode`` only ever builds arrays, numbers, strings and
containers, so a hostile child cannot make the judge run code (unlike pickle).
A module-level function of the grading packages (a loss given to
``gradient_descent``, say) travels by name and comes back as that same function.
A value the codec does not know (a student's own object) travels as its type name
and comes back as an empty instance of a class of that name; an ndarray subclass
travels as the plain array numpy holds, so its own attributes cannot lie.
"""
import importlib
import json
import math

import numpy as np


class Foreign:
    """Stands for a value the codec could not carry; ``type(x).__name__`` is the original's."""

    def __repr__(self):
        return f"<{type(self).__name__}>"


def _foreign(name):
    return type(str(name)[:80], (Foreign,), {})()


NAMED_PACKAGES = ("testcases.", "dlutils.")


def _named_function(value):
    module, name = getattr(value, "__module__", "") or "", getattr(value, "__qualname__", "")
    if callable(value) and module.startswith(NAMED_PACKAGES) and name.isidentifier():
        return {"__function__": [module, name]}
    return None


def _function(module, name):
    if not (isinstance(module, str) and isinstance(name, str) and module.startswith(NAMED_PACKAGES)
            and name.isidentifier()):
        raise ValueError(f"not a function of the grading packages: {module}.{name}")
    function = getattr(importlib.import_module(module), name)
    if not callable(function) or getattr(function, "__module__", None) != module:
        raise ValueError(f"not a function defined in {module}: {name}")
    return function


def _float(value):
    return value if math.isfinite(value) else {"__float__": repr(value)}


def to_plain(value):
    if isinstance(value, np.ndarray):
        value = np.ndarray.view(value, np.ndarray)  # the data as numpy holds it, whatever a subclass claims
        if value.dtype.kind not in "biuf":
            return {"__foreign__": f"ndarray[{value.dtype}]"}
        return {"__array__": [to_plain(x) for x in value.ravel().tolist()],
                "dtype": value.dtype.str, "shape": list(value.shape)}
    if isinstance(value, np.generic) and value.dtype.kind in "biuf":
        return {"__scalar__": to_plain(value.item()), "dtype": value.dtype.str}
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, tuple):
        return {"__tuple__": [to_plain(x) for x in value]}
    if isinstance(value, list):
        return [to_plain(x) for x in value]
    if (named := _named_function(value)) is not None:
        return named
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith("__") for k in value):
            return {k: to_plain(v) for k, v in value.items()}
        return {"__dict__": [[to_plain(k), to_plain(v)] for k, v in value.items()]}
    return {"__foreign__": type(value).__name__}


def from_plain(value):
    if isinstance(value, list):
        return [from_plain(x) for x in value]
    if not isinstance(value, dict):
        return value
    if "__array__" in value:
        flat = [from_plain(x) for x in value["__array__"]]
        return np.array(flat, dtype=_numeric(value["dtype"])).reshape(value["shape"])
    if "__scalar__" in value:
        return _numeric(value["dtype"]).type(from_plain(value["__scalar__"]))
    if "__float__" in value:
        return float(value["__float__"])
    if "__tuple__" in value:
        return tuple(from_plain(x) for x in value["__tuple__"])
    if "__dict__" in value:
        return {_key(from_plain(k)): from_plain(v) for k, v in value["__dict__"]}
    if "__foreign__" in value:
        return _foreign(value["__foreign__"])
    if "__function__" in value:
        return _function(*value["__function__"])
    return {k: from_plain(v) for k, v in value.items()}


def _numeric(name):
    dtype = np.dtype(name)
    if dtype.kind not in "biuf":
        raise ValueError(f"not a numeric dtype: {name}")
    return dtype


def _key(key):
    return key if isinstance(key, (str, int, float, bool, tuple)) or key is None else repr(key)


def dumps(value, **kwargs):
    return json.dumps(to_plain(value), ensure_ascii=False, **kwargs)


def loads(text):
    return from_plain(json.loads(text))
