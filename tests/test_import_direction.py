"""Imports run one way: quizzes knows nothing of courses; courses uses quizzes."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_quizzes_imports_nothing_from_courses_nor_reports():
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            name
            for name in imported_modules(path)
            if name.split(".")[0] == "courses" or name.startswith("lms.reports")
        )
        for path in (ROOT / "quizzes").rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_courses_does_not_import_the_reports():
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            name for name in imported_modules(path) if name.startswith("lms.reports")
        )
        for path in (ROOT / "courses").rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_core_imports_no_app_of_the_project():
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            name
            for name in imported_modules(path)
            if name.split(".")[0] in {"quizzes", "courses", "lms", "demo"}
        )
        for path in (ROOT / "core").rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_nothing_but_the_demo_itself_imports_the_demo():
    apps = ("core", "quizzes", "courses", "lms")
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            name for name in imported_modules(path) if name.split(".")[0] == "demo"
        )
        for app in apps
        for path in (ROOT / app).rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_demo_dates_through_now_not_a_patched_clock():
    patched = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "demo").rglob("*.py")
        if any(name.startswith("unittest") for name in imported_modules(path))
    }
    assert patched == set()
