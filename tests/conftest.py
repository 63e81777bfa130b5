"""Fixtures shared by every test: the page tree, the site and users.

The suite runs on whatever DATABASE_URL points at (SQLite by default,
PostgreSQL in CI's second run). Tests that need real row locks use
``postgres_only``.
"""

import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import Locale, Page, Site

from tests.factories import CourseIndexPageFactory, UserFactory


def pytest_collection_modifyitems(config, items):
    skip_sqlite = pytest.mark.skip(reason="needs PostgreSQL row locks")
    on_sqlite = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
    for item in items:
        if on_sqlite and "postgres_only" in item.keywords:
            item.add_marker(skip_sqlite)


_BROWSER_TIME = {"tests": set(), "seconds": 0.0}


def pytest_runtest_logreport(report):
    """Add up the browser tests' time (on the xdist controller, every worker's)."""
    if "tests/e2e/" in report.nodeid:
        _BROWSER_TIME["tests"].add(report.nodeid)
        _BROWSER_TIME["seconds"] += report.duration


def pytest_terminal_summary(terminalreporter, config):
    if not _BROWSER_TIME["tests"]:
        return
    workers = getattr(config.option, "numprocesses", None)
    workers = workers if isinstance(workers, int) and workers > 0 else 1
    seconds = _BROWSER_TIME["seconds"]
    terminalreporter.write_line(
        f"Browser tests: {len(_BROWSER_TIME['tests'])} tests, {seconds:.0f} s of "
        f"test time (set-up, call, tear-down) over {workers} worker(s), "
        f"about {seconds / workers:.0f} s of wall time."
    )


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


DB_FIXTURES = {"db", "transactional_db", "django_db_serialized_rollback"}


@pytest.fixture(autouse=True)
def _fresh_content_types(request, django_db_blocker):
    """Reload content types before each database test.

    A transactional test's flush recreates them with new ids, and
    django-polymorphic stamps every Question with one: a stale cache would
    break the next test. Warming here, in one thread, also keeps threaded
    concurrency tests from racing to create the same content type.
    """
    uses_db = request.node.get_closest_marker("django_db") or (
        DB_FIXTURES & set(request.fixturenames)
    )
    if not uses_db:
        return
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    with django_db_blocker.unblock():
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_models(
            *apps.get_models(), for_concrete_models=False
        )


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def is_postgres():
    return connection.vendor == "postgresql"


@pytest.fixture
def locale_fr(db):
    return Locale.objects.get_or_create(language_code="fr")[0]


@pytest.fixture
def locale_en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def root_page(db, locale_fr):
    return Page.get_first_root_node()


@pytest.fixture
def catalogue(root_page):
    """The French catalogue, made the default site's root page."""
    index = CourseIndexPageFactory(parent=root_page, slug="catalogue")
    site = Site.objects.get(is_default_site=True)
    site.root_page = index
    site.save()
    Site.clear_site_root_paths_cache()
    return index


@pytest.fixture
def site(catalogue):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def learner(db):
    return UserFactory(username="learner", first_name="Léa", last_name="Tremblay")


@pytest.fixture
def other_learner(db):
    return UserFactory(username="other", first_name="Olivier", last_name="Gagnon")


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)
