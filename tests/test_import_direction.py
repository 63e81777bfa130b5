"""Imports run one way, down the layers of docs/ARCHITECTURE.md.

    core ← quizzes ← scenarios ← courses ← lms.teams ← lms.accounts ← lms.onboarding
         ← lms.credentials ← lms.xapi ← lms.grading ← lms.reports ← project and demo

A module may import its own layer and the layers below it, never one above.
``core`` knows no app of the project; ``quizzes`` knows nothing of courses;
nothing but the demo itself imports the demo. Imports sit at the top of a
module: one inside a function must name, in a comment just above it, the
cycle it breaks.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Bottom first. The project layer is lms' configuration (settings, urls,
# wsgi, management commands) and the demo.
LAYERS = (
    "core",
    "quizzes",
    "scenarios",
    "courses",
    "lms.teams",
    "lms.accounts",
    "lms.onboarding",
    "lms.credentials",
    "lms.xapi",
    "lms.grading",
    "lms.reports",
    "lms.privacy",
    "project",
)
LMS_LAYERS = tuple(layer for layer in LAYERS if layer.startswith("lms."))
PACKAGES = ("core", "quizzes", "scenarios", "courses", "lms", "demo")


def layer_of(module: str) -> str | None:
    """The layer of a dotted module name; None for anything not the project's."""
    top = module.split(".")[0]
    if top not in PACKAGES:
        return None
    if top == "lms":
        for layer in LMS_LAYERS:
            if module == layer or module.startswith(f"{layer}."):
                return layer
        return "project"
    return "project" if top == "demo" else top


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path):
    """``(imported module, line, inside a function)`` for each import."""
    tree = ast.parse(path.read_text(), filename=str(path))
    nested = {
        id(node)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno, id(node) in nested
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module, node.lineno, id(node) in nested


def source_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_every_project_module_has_a_layer():
    assert all(layer_of(module_name(path)) for path in source_files())


def test_imports_run_down_the_layers():
    offenders = {}
    for path in source_files():
        here = LAYERS.index(layer_of(module_name(path)))
        upward = sorted(
            name
            for name, _line, _nested in imports(path)
            if (layer := layer_of(name)) and LAYERS.index(layer) > here
        )
        if upward:
            offenders[str(path.relative_to(ROOT))] = upward
    assert offenders == {}


@pytest.mark.parametrize(
    "module, forbidden",
    [
        ("core", {"quizzes", "scenarios", "courses", "lms", "demo"}),
        ("quizzes", {"scenarios", "courses", "lms", "demo"}),
        ("scenarios", {"courses", "lms", "demo"}),
        ("courses", {"lms", "demo"}),
    ],
)
def test_the_lower_layers_import_no_app_above_them(module, forbidden):
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            name
            for name, _line, _nested in imports(path)
            if name.split(".")[0] in forbidden
        )
        for path in (ROOT / module).rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_nothing_but_the_demo_itself_imports_the_demo():
    offenders = {
        str(path.relative_to(ROOT))
        for path in source_files()
        if not module_name(path).startswith("demo")
        and any(name.split(".")[0] == "demo" for name, _l, _n in imports(path))
    }
    assert offenders == set()


def test_the_demo_dates_through_now_not_a_patched_clock():
    patched = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "demo").rglob("*.py")
        if any(name.startswith("unittest") for name, _l, _n in imports(path))
    }
    assert patched == set()


def test_an_import_inside_a_function_names_the_cycle_it_breaks():
    """Allowed only under a comment (within three lines above) naming a cycle.

    ``AppConfig.ready()`` is Django's place for imports that need the app
    registry, and counts as such a comment's reason.
    """
    unexplained = []
    for path in source_files():
        lines = path.read_text().splitlines()
        for name, line, nested in imports(path):
            if not nested:
                continue
            above = " ".join(lines[max(0, line - 4) : line - 1]).lower()
            in_ready = path.name == "apps.py"
            if "cycle" not in above and not in_ready:
                unexplained.append(f"{path.relative_to(ROOT)}:{line} {name}")
    assert unexplained == []
