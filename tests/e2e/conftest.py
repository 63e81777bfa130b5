"""Browser tests: Playwright for Python driving Debian's Chromium.

- Never downloads a browser: Chromium comes from `apt-get install chromium`
  (the Makefile's e2e-deps target) and is launched from /usr/bin/chromium.
- `SKIP_E2E=1` skips these tests locally; in CI (CI=true) a missing browser
  is an error, not a skip.
- On failure, a screenshot and the HTML of every page the test opened (in
  the `context` fixture and in contexts made with `new_context`) are saved
  under E2E_ARTIFACTS (default ./e2e-artifacts), which .ci/run prints.
- The `demo` fixture gives each test a fresh copy of the full demo. Loading
  it takes ~10 s, so it is loaded once and snapshotted; later tests get the
  snapshot copied back (well under a second).
"""

import os
import re
import sqlite3
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction

# Playwright's sync API runs an event loop in this thread; the ORM calls made
# by fixtures between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", "e2e-artifacts"))
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    skip_reason = None
    if os.environ.get("SKIP_E2E"):
        skip_reason = "SKIP_E2E is set"
    elif not Path(CHROMIUM).exists() and not os.environ.get("CI"):
        skip_reason = f"{CHROMIUM} is missing (apt-get install chromium)"
    for item in items:
        if Path(item.fspath).is_relative_to(here):
            item.add_marker(pytest.mark.e2e)
            if skip_reason:
                item.add_marker(pytest.mark.skip(reason=skip_reason))


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def _failed(request) -> bool:
    report = getattr(request.node, "rep_call", None)
    return report is not None and report.failed


@pytest.fixture(scope="package")
def playwright_instance(django_db_setup, django_db_blocker):
    """Playwright's sync API, started after the test databases exist.

    Package-scoped: the tests that run after this package get a thread
    without Playwright's event loop, as they would on their own.

    Starting it leaves an asyncio loop "running" in this thread, so Django
    (whose connection handler is thread-critical) keeps connections in a
    context variable from then on: later tests get fresh connection objects
    without the `_test_serialized_contents` made at set-up, and serialized
    rollback would silently restore nothing. Copy it across.

    Connections are closed on the way in and out, so none is left open in
    the storage that is out of sight (PostgreSQL would then refuse to drop
    the test database: "being accessed by other users").
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with django_db_blocker.unblock():
        serialized = {
            alias: connections[alias]._test_serialized_contents
            for alias in connections
            if hasattr(connections[alias], "_test_serialized_contents")
        }
        connections.close_all()
    with sync_playwright() as playwright:
        with django_db_blocker.unblock():
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
        yield playwright
        connections.close_all()


@pytest.fixture(scope="package")
def browser(playwright_instance):
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)  # as patient as the actions
    browser = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


def _new_context(browser, **options):
    context = browser.new_context(
        **{"viewport": DESKTOP, "accept_downloads": True, **options}
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture
def context(browser, request):
    context = _new_context(browser)
    yield context
    if _failed(request):
        save_artifacts(context.pages, request.node.name)
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def new_context(browser, request):
    """Make more browser contexts (phone, logged out, another tab's session).

    Each is closed after the test, and its pages are saved on failure.
    """
    made = []

    def make(**options):
        made.append(_new_context(browser, **options))
        return made[-1]

    yield make
    for number, extra in enumerate(made, start=2):
        if _failed(request):
            save_artifacts(extra.pages, f"{request.node.name}-context{number}")
        extra.close()


def save_artifacts(pages, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)[:120]
    for index, open_page in enumerate(pages):
        path = ARTIFACTS / (f"{stem}-{index}" if index else stem)
        try:
            open_page.screenshot(path=f"{path}.png", full_page=True)
            Path(f"{path}.html").write_text(open_page.content())
        except Exception as error:  # a closed page must not hide the failure
            Path(f"{path}.txt").write_text(f"no capture: {error}")


class DemoSnapshot:
    """The database right after `load_demo`, kept aside and copied back per test.

    SQLite uses its backup API (to and from a private in-memory copy);
    PostgreSQL copies every Django table into a side schema that `flush`
    cannot see.
    Sequences are left alone: they are already past every snapshotted id.
    """

    SCHEMA = "e2e_demo_snapshot"

    def __init__(self):
        self.vendor = None
        self.copy = None  # SQLite: a private in-memory database
        self.tables = []

    @property
    def taken(self) -> bool:
        return self.vendor == connection.vendor

    def take(self) -> None:
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            self.copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.copy)
        else:
            self.tables = sorted(
                connection.introspection.django_table_names(
                    only_existing=True, include_views=False
                )
            )
            quote = connection.ops.quote_name
            with connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA IF EXISTS {self.SCHEMA} CASCADE")
                cursor.execute(f"CREATE SCHEMA {self.SCHEMA}")
                for table in self.tables:
                    cursor.execute(
                        f"CREATE TABLE {self.SCHEMA}.{quote(table)}"
                        f" AS TABLE {quote(table)}"
                    )
        self.vendor = connection.vendor

    def restore(self) -> None:
        connection.ensure_connection()
        if self.vendor == "sqlite":
            self.copy.backup(connection.connection)
        else:
            quote = connection.ops.quote_name
            # Foreign keys are deferred, so the order of the copies is free.
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("TRUNCATE " + ", ".join(map(quote, self.tables)))
                for table in self.tables:
                    cursor.execute(
                        f"INSERT INTO {quote(table)} TABLE {self.SCHEMA}.{quote(table)}"
                    )


_snapshot = DemoSnapshot()


@pytest.fixture(scope="package", autouse=True)
def _migration_data_restored_after_e2e(django_db_blocker):
    """Leave the database as migrations made it, for the tests that run next.

    Serialized rollback restores that data at the *start* of the next test
    that asks for it; the transactional tests after this package that do not
    ask for it would otherwise start from empty tables (no content types,
    locales or root page) and a content-type cache naming deleted rows.
    """
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        for alias in connections:
            contents = getattr(connections[alias], "_test_serialized_contents", None)
            if contents:
                call_command(
                    "flush",
                    database=alias,
                    interactive=False,
                    verbosity=0,
                    inhibit_post_migrate=True,
                    reset_sequences=False,  # ids already used must stay used
                )
                connections[alias].creation.deserialize_db_from_string(contents)


@pytest.fixture
def demo(django_db_serialized_rollback, live_server, settings):
    """The full demo site behind a live server on 127.0.0.1, fresh for each test.

    Also fills ContentType's cache for every model: Wagtail's workflow Task
    looks its content type up in __init__, so the next test's serialized
    rollback, which starts from emptied tables, would otherwise create
    content types (new ids) just before restoring the same ones.
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    settings.WAGTAILADMIN_BASE_URL = live_server.url
    if _snapshot.taken:
        _snapshot.restore()
    else:
        call_command("load_demo", verbosity=0)
        _snapshot.take()
    ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)
    cache.clear()
    return live_server


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core (shipped by axe-playwright-python); keep serious/critical ones."""
    import axe_playwright_python

    script = Path(axe_playwright_python.__file__).with_name("axe.min.js")
    page.add_script_tag(path=str(script))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in impacts
    ]


def login(page, base_url: str, username: str, password: str, lang: str = "fr") -> None:
    page.goto(f"{base_url}/{lang}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
