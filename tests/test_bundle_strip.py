"""``dlgrade.bundle.strip_hidden``: the hidden-case generators leave a lesson module, nothing else does.

Fast unit tests on small modules; tests/test_student_install.py builds real bundles.
"""
import ast
import textwrap

import pytest

from dlgrade.bundle import StripError, strip_hidden

MODULE = textwrap.dedent('''
    """A lesson."""
    import numpy as np

    from testcases.engine.exercise import Case, Exercise, Step, function

    EDGES = ("equal sizes", "one unit")
    SHARED = 3


    def _dims(rng, trial):
        return [SHARED] * 2 if trial == 0 else [1, 1]


    def _shared_draw(rng):
        return rng.standard_normal(SHARED)


    def _public_cases():
        return [Case({"x": _shared_draw(np.random.default_rng(0))})]


    def _hidden_f(rng, trial):
        return Case({"x": _shared_draw(rng) * _dims(rng, trial)[0]}, detail=EDGES[trial])


    def _hidden_layer(rng, trial):
        return Case({"x": 1.0})


    def _layer(name, **kwargs):
        return Exercise(name=name, steps=(Step(None, ()),), **kwargs)


    def train(x, hidden="relu"):
        return dict(hidden=hidden)


    EXERCISES = [
        function("f", ("x",), ("y",), public=_public_cases, hidden=_hidden_f, expected=None, compare=None),
        _layer("Layer", public=_public_cases,
               hidden=_hidden_layer, expected=None, compare=None),
        function("g", ("x",), ("y",), public=_public_cases, hidden=lambda rng, trial: _hidden_layer(rng, trial),
                 expected=None, compare=None, error_hints={"x": str(train(1, hidden="sigmoid"))}),
    ]
''')


def _top_level_names(text):
    tree = ast.parse(text)
    return {getattr(s, "name", None) or getattr(getattr(s, "targets", [None])[0], "id", None) for s in tree.body}


def test_hidden_generators_and_what_only_they_use_are_removed():
    stripped = strip_hidden(MODULE)
    names = _top_level_names(stripped)
    assert {"_hidden_f", "_hidden_layer", "_dims", "EDGES"}.isdisjoint(names)
    assert {"_shared_draw", "_public_cases", "SHARED", "_layer", "train", "EXERCISES"} <= names
    assert stripped.count("hidden=None") == 3
    assert 'dict(hidden=hidden)' in stripped and 'hidden="sigmoid"' in stripped and 'hidden="relu"' in stripped
    assert "_hidden_" not in stripped
    compile(stripped, "stripped", "exec")


def test_names_other_shipped_files_import_are_kept():
    assert "def _dims(" in strip_hidden(MODULE, keep={"_dims"})


def test_public_code_that_uses_a_hidden_generator_is_refused():
    module = MODULE.replace("def _public_cases():\n    return [", "def _public_cases():\n    _hidden_layer(None, 0)\n    return [")
    with pytest.raises(StripError, match="_hidden_layer"):
        strip_hidden(module)


def test_a_positional_hidden_argument_is_refused():
    module = MODULE.replace('_layer("Layer", public=_public_cases,', 'Exercise("Layer", (), _public_cases, _hidden_layer,')
    with pytest.raises(StripError, match="위치 인자"):
        strip_hidden(module)
