"""The render caches of learner pages: fast, and never stale or shared wrongly.

Every cache here is keyed by the content version (``core.caching``); these
tests change content, progress, restrictions and users between two requests
and check the next request shows the change, for the visitor concerned only.
Query budgets are pinned with ``django_assert_max_num_queries``; no test
asserts a duration.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import PageViewRestriction

from core.auth import may_access_admin
from core.caching import content_version
from core.models import ContentVersion
from core.serving import CSRF_MARKER
from courses.models import LessonPage
from courses.selectors import (
    course_lessons,
    enrolment_progress,
    progress_for_enrolments,
)
from courses.selectors.progress import enrolment_and_done_keys, enrolment_done_keys
from courses.services import enrol, lesson_complete
from tests.courses.conftest import translate
from tests.factories import (
    CoursePageFactory,
    LessonPageFactory,
    UserFactory,
    paragraph,
)

pytestmark = pytest.mark.django_db


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.fixture
def visitor():
    """An anonymous browser (``client`` is the learner's once logged in)."""
    return Client()


@pytest.fixture
def other_client(other_learner):
    other = Client()
    other.force_login(other_learner)
    return other


# --- The content version -----------------------------------------------------------


def test_publishing_unpublishing_and_restrictions_bump_the_content_version(
    course, lessons
):
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    before = content_version()
    publish(lesson, title="Nouveau titre")
    assert content_version() > before
    before = content_version()
    lesson.unpublish()
    assert content_version() > before
    before = content_version()
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.LOGIN
    )
    assert content_version() > before
    before = content_version()
    restriction.delete()
    assert content_version() > before


def test_content_version_survives_a_missing_row():
    from core.caching import bump_content_version

    ContentVersion.objects.all().delete()  # e.g. a flushed test database
    assert content_version() == 0
    bump_content_version()
    assert content_version() == 1


# --- Publishing shows on the next request ------------------------------------------


def test_a_new_lesson_revision_shows_on_the_next_request(
    learner_client, enrolment, lessons
):
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    assert "Un paragraphe de leçon." in html(learner_client, lesson.url)
    publish(lesson, body=[paragraph("Texte révisé")], title="Titre révisé")
    page = html(learner_client, lesson.url)
    assert "Texte révisé" in page and "Un paragraphe de leçon." not in page
    assert "Titre révisé" in page
    # The sibling's outline shows the new title at once too.
    assert "Titre révisé" in html(learner_client, lessons[1].url)


def test_a_new_course_revision_shows_to_visitors_and_learners_at_once(
    visitor, learner_client, enrolment, course, catalogue
):
    assert course.title in html(visitor, catalogue.url)
    assert course.title in html(learner_client, course.url)
    publish(course.specific, title="Formation renommée", summary="Nouveau résumé")
    for browser in (visitor, learner_client):
        assert "Formation renommée" in html(browser, catalogue.url)
        page = html(browser, course.url)
        assert "Formation renommée" in page and "Nouveau résumé" in page


def test_a_lesson_added_or_reordered_shows_in_the_outline_at_once(
    learner_client, enrolment, course, lessons
):
    html(learner_client, course.url)
    LessonPageFactory(parent=course, title="Leçon ajoutée")
    assert "Leçon ajoutée" in html(learner_client, course.url)
    assert "Leçon ajoutée" in html(learner_client, lessons[0].url)
    last = LessonPage.objects.get(pk=lessons[2].pk)
    last.move(course, pos="first-child")
    page = html(learner_client, course.url)
    assert page.index("Leçon 3") < page.index("Leçon 1")


def test_a_translation_shows_in_the_language_switcher_at_once(
    client, course, lessons, locale_en
):
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    assert 'hreflang="en"' in html(client, lesson.url)
    english = translate(lesson, locale_en)
    english.slug = "lesson-one"
    english.save_revision().publish()
    assert "/en/" in html(client, lesson.url)
    assert "lesson-one" in html(client, lesson.url)


def test_previews_never_read_or_fill_the_render_caches(
    learner_client, enrolment, superuser, lessons
):
    from django.test import RequestFactory

    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    assert "Un paragraphe de leçon." in html(learner_client, lesson.url)
    lesson.body = [paragraph("Brouillon secret")]
    lesson.save_revision()  # a draft: not published
    request = RequestFactory().get("/admin/")
    request.user = superuser
    draft = lesson.get_latest_revision_as_object()
    preview = draft.make_preview_request(request, draft.default_preview_mode)
    assert "Brouillon secret" in preview.content.decode()
    # The live page, for everyone, is unchanged; and a second preview is fresh.
    page = html(learner_client, lesson.url)
    assert "Brouillon secret" not in page and "Un paragraphe de leçon." in page
    draft.body = [paragraph("Deuxième brouillon")]
    preview = draft.make_preview_request(request, draft.default_preview_mode)
    assert "Deuxième brouillon" in preview.content.decode()


# --- Nothing personal is shared ----------------------------------------------------


def test_progress_and_names_never_cross_between_learners(
    learner, learner_client, other_learner, other_client, course, lessons
):
    mine = enrol(learner=learner, course=course)
    enrol(learner=other_learner, course=course)
    # Both learners warm every cache first.
    for browser in (learner_client, other_client):
        html(browser, course.url)
        html(browser, lessons[1].url)
    lesson_complete(enrolment=mine, lesson=lessons[0])
    lesson_complete(enrolment=mine, lesson=lessons[1])
    mine_course, theirs_course = (
        html(learner_client, course.url),
        html(other_client, course.url),
    )
    mine_lesson, theirs_lesson = (
        html(learner_client, lessons[1].url),
        html(other_client, lessons[1].url),
    )
    assert "Léa Tremblay" in mine_course and "Léa Tremblay" in mine_lesson
    assert "Olivier Gagnon" in theirs_course and "Olivier Gagnon" in theirs_lesson
    assert "Léa" not in theirs_course + theirs_lesson
    assert "Olivier" not in mine_course + mine_lesson
    assert mine_course.count("is-done") == 2 and "is-done" not in theirs_course
    assert mine_lesson.count("is-done") == 2 and "is-done" not in theirs_lesson
    assert 'name="csrfmiddlewaretoken"' in theirs_lesson  # "mark as complete"


def test_a_visitor_never_gets_a_learners_page_nor_the_reverse(
    visitor, learner, learner_client, course, lessons
):
    enrol(learner=learner, course=course)
    lesson_url = lessons[0].url
    for _ in range(2):
        anonymous = html(visitor, lesson_url)
        reader = html(learner_client, lesson_url)
    assert "Un paragraphe de leçon." not in anonymous  # the enrol prompt instead
    assert "Léa Tremblay" not in anonymous
    assert "Un paragraphe de leçon." in reader and "Léa Tremblay" in reader


def test_a_renamed_learner_sees_the_new_name_at_once(learner, learner_client, course):
    html(learner_client, course.url)
    learner.first_name = "Léonie"
    learner.save()
    assert "Léonie Tremblay" in html(learner_client, course.url)


def test_a_visitors_cached_page_holds_nothing_personal(client, course, lessons):
    first = client.get(lessons[0].url)
    second = client.get(lessons[0].url)
    assert first.content == second.content
    assert b"csrfmiddlewaretoken" not in second.content
    assert "csrftoken" not in second.cookies and "sessionid" not in second.cookies


def test_a_visitor_with_a_message_gets_a_fresh_page(client, catalogue, course):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage

    html(client, catalogue.url)  # cached for visitors
    storage = CookieStorage(None)
    message = storage._encode([Message(constants.INFO, "Vous êtes déconnecté.")])
    client.cookies["messages"] = message
    assert "Vous êtes déconnecté." in html(client, catalogue.url)
    assert "Vous êtes déconnecté." not in html(client, catalogue.url)


# --- Restricted and unpublished pages are gone at once ------------------------------


def test_an_unpublished_lesson_is_gone_at_once(
    visitor, learner_client, enrolment, course, lessons
):
    lesson = LessonPage.objects.get(pk=lessons[1].pk)
    for browser in (visitor, learner_client):
        html(browser, lesson.url)
        html(browser, course.url)
    lesson.unpublish()
    for browser in (visitor, learner_client):
        assert browser.get(lesson.url).status_code == 404
        assert lesson.title not in html(browser, course.url)
        assert lesson.title not in html(browser, lessons[0].url)


def test_an_unpublished_course_leaves_the_catalogue_at_once(
    visitor, learner_client, course, catalogue
):
    assert course.title in html(visitor, catalogue.url)
    assert course.title in html(learner_client, catalogue.url)
    course.unpublish()
    assert course.title not in html(visitor, catalogue.url)
    assert course.title not in html(learner_client, catalogue.url)
    assert visitor.get(course.url).status_code == 404


def test_a_view_restriction_applies_and_lifts_at_once(
    visitor, learner, learner_client, enrolment, course, lessons
):
    trainers = Group.objects.create(name="Formateurs")
    lesson_url = lessons[0].url
    for browser in (visitor, learner_client):
        html(browser, lesson_url)
        html(browser, course.url)
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(trainers)
    for browser in (visitor, learner_client):
        assert browser.get(lesson_url).status_code == 302  # to the login page
        assert browser.get(course.url).status_code == 302
    learner.groups.add(trainers)
    assert learner_client.get(lesson_url).status_code == 200
    learner.groups.remove(trainers)
    assert learner_client.get(lesson_url).status_code == 302
    restriction.delete()
    for browser in (visitor, learner_client):
        assert browser.get(lesson_url).status_code == 200


def test_a_login_restriction_keeps_visitors_out_even_after_caching(
    visitor, learner_client, enrolment, course, lessons
):
    html(visitor, lessons[0].url)
    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.LOGIN
    )
    assert visitor.get(lessons[0].url).status_code == 302
    assert learner_client.get(lessons[0].url).status_code == 200


# --- Query budgets --------------------------------------------------------------------


def test_catalogue_for_a_visitor_costs_one_query(
    client, catalogue, course, django_assert_max_num_queries
):
    html(client, catalogue.url)
    with django_assert_max_num_queries(1):  # the content version
        assert course.title in html(client, catalogue.url)


def test_catalogue_for_a_learner_costs_one_query(
    learner_client, catalogue, course, django_assert_max_num_queries
):
    html(learner_client, catalogue.url)
    # the user, with the editor check and the content version
    with django_assert_max_num_queries(1):
        assert course.title in html(learner_client, catalogue.url)


@pytest.mark.parametrize("count", [3, 30], ids=["3-lessons", "30-lessons"])
def test_course_page_for_a_learner_has_a_fixed_budget(
    learner, learner_client, catalogue, count, django_assert_max_num_queries
):
    course = CoursePageFactory(parent=catalogue, lessons=count)
    enrolment = enrol(learner=learner, course=course)
    lesson_complete(enrolment=enrolment, lesson=course_lessons(course=course)[0])
    html(learner_client, course.url)
    # user (with the editor check and the content version), enrolment with
    # lessons done and completion
    with django_assert_max_num_queries(2):
        page = html(learner_client, course.url)
    assert page.count("is-done") == 1


def test_course_page_with_a_final_quiz_adds_one_query(
    learner, learner_client, quiz_course, django_assert_max_num_queries
):
    enrol(learner=learner, course=quiz_course)
    html(learner_client, quiz_course.url)
    with django_assert_max_num_queries(3):  # + the quiz's attempts
        html(learner_client, quiz_course.url)


@pytest.mark.parametrize("count", [3, 30], ids=["3-lessons", "30-lessons"])
def test_lesson_page_for_a_learner_has_a_fixed_budget(
    learner, learner_client, catalogue, count, django_assert_max_num_queries
):
    course = CoursePageFactory(parent=catalogue, lessons=count)
    lessons = course_lessons(course=course)
    enrolment = enrol(learner=learner, course=course)
    lesson_complete(enrolment=enrolment, lesson=lessons[0])
    html(learner_client, lessons[1].url)
    # user (with the editor check and the content version), enrolment with
    # lessons done
    with django_assert_max_num_queries(2):
        page = html(learner_client, lessons[1].url)
    assert page.count("is-done") == 1


def test_learners_pages_ask_no_permission_queries(
    learner_client, enrolment, course, lessons, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    html(learner_client, lessons[0].url)
    with CaptureQueriesContext(connection) as ctx:
        html(learner_client, lessons[0].url)
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    # One EXISTS, in the query that loads the user: is this an editor?
    assert "auth_group_permissions" in sql
    assert sql.count("auth_permission") == 1
    assert len([q for q in ctx.captured_queries if "auth_permission" in q["sql"]]) == 1
    assert "auth_user" in next(
        q["sql"] for q in ctx.captured_queries if "auth_permission" in q["sql"]
    )
    assert "wagtailcore_pageviewrestriction" not in sql
    assert "wagtailcore_site" not in sql


# --- The raw-SQL selectors agree with the ORM ones -----------------------------------


def test_enrolment_and_done_keys_match_progress_for_enrolments(
    learner, course, lessons, locale_en
):
    enrolment = enrol(learner=learner, course=course)
    lesson_complete(enrolment=enrolment, lesson=lessons[0])
    lesson_complete(enrolment=enrolment, lesson=lessons[2])
    english = translate(course, locale_en)
    for page in (course, english):
        found, done = enrolment_and_done_keys(learner=learner, course=page)
        assert found.pk == enrolment.pk and found.cycle == enrolment.cycle
        assert found.cycle_started_at == enrolment.cycle_started_at
        assert found.current_completion_id is None
        expected = progress_for_enrolments(learner=learner, enrolments=[enrolment])
        assert done == expected[enrolment.pk].done_keys
        assert enrolment_done_keys(learner=learner, course=page) == (
            enrolment.pk,
            done,
        )
    stranger = UserFactory()
    assert enrolment_and_done_keys(learner=stranger, course=course) == (
        None,
        frozenset(),
    )


def test_done_keys_count_only_the_current_cycle(learner, course, lessons):
    from courses.models import LessonProgress

    enrolment = enrol(learner=learner, course=course)
    LessonProgress.objects.create(enrolment=enrolment, lesson=lessons[0], cycle=1)
    enrolment.cycle = 2
    enrolment.save()
    _found, done = enrolment_and_done_keys(learner=learner, course=course)
    assert done == frozenset()
    assert enrolment_progress(enrolment=enrolment).done_keys == frozenset()


# --- Who sees the user bar -----------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("learner", False),
        ("group", True),
        ("direct", True),
        ("superuser", True),
        ("other-permission", False),
    ],
    ids=["learner", "group", "direct", "superuser", "other-permission"],
)
def test_may_access_admin_matches_has_perm(kind, expected):
    user = UserFactory(is_superuser=kind == "superuser")
    access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    if kind == "group":
        group = Group.objects.create(name="Éditeurs")
        group.permissions.add(access)
        user.groups.add(group)
    elif kind == "direct":
        user.user_permissions.add(access)
    elif kind == "other-permission":
        user.user_permissions.add(Permission.objects.exclude(pk=access.pk).first())
    fresh = type(user).objects.get(pk=user.pk)
    assert may_access_admin(fresh) is expected
    assert fresh.has_perm("wagtailadmin.access_admin") is expected


def test_the_user_bar_shows_for_editors_only(client, learner_client, course):
    assert "wagtail-userbar" not in html(learner_client, course.url)
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    assert "wagtail-userbar" in html(client, course.url)


# --- The shared skeleton and its personal parts -------------------------------------


def _without_csrf_values(text: str) -> str:
    import re

    return re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]+', r"\1", text)


def test_skeleton_and_personal_parts_make_the_same_page_as_a_full_render(
    monkeypatch, learner, learner_client, catalogue, course, lessons, quiz_course
):
    import courses.models.pages as pages

    enrolment = enrol(learner=learner, course=course)
    lesson_complete(enrolment=enrolment, lesson=lessons[0])
    urls = [catalogue.url, course.url, lessons[0].url, lessons[1].url]
    served = {}
    for url in urls:
        html(learner_client, url)  # fills the skeleton
        served[url] = _without_csrf_values(html(learner_client, url))
    monkeypatch.setattr(
        pages,
        "serve_with_personal_parts",
        lambda page, request, serve_page, *args, **kwargs: serve_page(
            request, *args, **kwargs
        ),
    )
    for url in urls:
        assert _without_csrf_values(html(learner_client, url)) == served[url], url


def test_messages_show_once_on_a_skeleton_page(learner_client, enrolment, lessons):
    html(learner_client, lessons[1].url)  # the skeleton is cached
    response = learner_client.post(
        f"/fr/learn/lessons/{lessons[0].pk}/complete/", follow=True
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == lessons[1].url
    assert 'class="messages"' in page
    assert 'class="messages"' not in html(learner_client, lessons[1].url)


def test_a_skeleton_never_holds_a_csrf_token_nor_a_name(
    learner, learner_client, enrolment, lessons, course
):
    import pickle

    from django.core.cache import cache

    for url in (lessons[0].url, course.url):
        html(learner_client, url)
    skeletons = [
        pickle.loads(value)
        for key, value in cache._cache.items()  # the local-memory cache's store
        if ":relais:skeleton:" in key
    ]
    assert len(skeletons) == 2
    for skeleton in skeletons:
        # Every form holds the marker that each request replaces with its token.
        assert skeleton.count("csrfmiddlewaretoken") >= 1
        assert skeleton.count("csrfmiddlewaretoken") == skeleton.count(
            f'name="csrfmiddlewaretoken" value="{CSRF_MARKER}"'
        )
        assert "Léa" not in skeleton and "Tremblay" not in skeleton
        assert "relais-personal:includes/user_name.html" in skeleton


def test_each_request_gets_its_own_csrf_token_in_every_form(
    learner_client, enrolment, lessons
):
    import re

    from django.middleware.csrf import _unmask_cipher_token

    html(learner_client, lessons[1].url)  # the skeleton is cached
    pages = [html(learner_client, lessons[1].url) for _ in range(2)]
    tokens = [
        re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', p) for p in pages
    ]
    # mark as complete, log out, the language switcher (core.views)
    assert [len(found) for found in tokens] == [3, 3]
    assert "\x00" not in pages[0] + pages[1]
    assert tokens[0][0] != tokens[1][0]  # masked afresh for each response
    secret = learner_client.cookies["csrftoken"].value
    assert {_unmask_cipher_token(token) for found in tokens for token in found} == {
        secret
    }
    # And the form works: marking the lesson complete with that token.
    learner_client.handler.enforce_csrf_checks = True
    response = learner_client.post(
        f"/fr/learn/lessons/{lessons[1].pk}/complete/",
        {"csrfmiddlewaretoken": tokens[1][0]},
    )
    assert response.status_code == 302


def test_a_done_lesson_and_a_lesson_to_do_get_their_own_skeleton(
    learner, learner_client, enrolment, lessons
):
    lesson_complete(enrolment=enrolment, lesson=lessons[0])
    done, todo = (
        html(learner_client, lessons[0].url),
        html(learner_client, lessons[1].url),
    )
    assert (
        'id="lesson-complete"' in done
        and "<form" not in done.split('id="lesson-complete"')[1].split("</div>")[0]
    )
    assert f"/fr/learn/lessons/{lessons[1].pk}/complete/" in todo
    # The same lesson, now done, for the same learner: the other skeleton.
    lesson_complete(enrolment=enrolment, lesson=lessons[1])
    assert f"/fr/learn/lessons/{lessons[1].pk}/complete/" not in html(
        learner_client, lessons[1].url
    )
