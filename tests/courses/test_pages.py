import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils  # noqa: F401  (sanity: importable)

from courses.models import CharterPage, CourseIndexPage, CoursePage, LessonPage
from tests.factories import CoursePageFactory, LessonPageFactory

pytestmark = pytest.mark.django_db


def test_tree_is_locked_catalogue_course_lesson():
    assert CourseIndexPage.allowed_subpage_models() == [CoursePage, CharterPage]
    assert CharterPage.allowed_subpage_models() == []
    assert CharterPage.allowed_parent_page_models() == [CourseIndexPage]
    assert CoursePage.allowed_subpage_models() == [LessonPage]
    assert LessonPage.allowed_subpage_models() == []
    assert CoursePage.allowed_parent_page_models() == [CourseIndexPage]
    assert LessonPage.allowed_parent_page_models() == [CoursePage]
    assert Page in CourseIndexPage.allowed_parent_page_models()


def test_catalogue_lists_live_courses_only(client, catalogue):
    live = CoursePageFactory(
        parent=catalogue, title="Confidentialité 101", estimated_minutes=45
    )
    draft = CoursePageFactory(parent=catalogue, title="Brouillon secret")
    draft.unpublish()
    response = client.get(catalogue.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert live.title in html
    assert "45 minutes" in html
    assert live.summary in html
    assert draft.title not in html


def test_course_page_shows_overview_and_ordered_lessons(client, catalogue):
    course = CoursePageFactory(parent=catalogue, audience="Les conseillers")
    first = LessonPageFactory(parent=course, title="Première leçon")
    second = LessonPageFactory(parent=course, title="Deuxième leçon")
    html = client.get(course.url).content.decode()
    assert "Les conseillers" in html
    assert "Régler ses paramètres de confidentialité" in html
    assert html.index(first.title) < html.index(second.title)


def test_lesson_page_shows_position_and_neighbours(client, catalogue):
    course = CoursePageFactory(parent=catalogue)
    lessons = [
        LessonPageFactory(parent=course, title=f"Leçon {i}") for i in range(1, 7)
    ]
    response = client.get(lessons[2].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Leçon 3 sur 6" in html or "Lesson 3 of 6" in html
    assert f'href="{lessons[1].url}" rel="prev"' in html
    assert f'href="{lessons[3].url}" rel="next"' in html


@pytest.mark.parametrize(
    ("lessons", "blocks"), [(2, 2), (12, 40)], ids=["small", "large"]
)
def test_lesson_page_query_count_does_not_grow(
    client, catalogue, learner, django_assert_max_num_queries, lessons, blocks
):
    """An enrolled learner's lesson: at most 8 queries, whatever its size.

    (User, content version, editor check, enrolment with lessons done: 4 once
    the render caches are warm, as on any running server.)
    """
    from courses.services import enrol

    course = CoursePageFactory(parent=catalogue)
    body = [{"type": "paragraph", "value": f"<p>Bloc {i}</p>"} for i in range(blocks)]
    pages = [LessonPageFactory(parent=course, body=body) for _ in range(lessons)]
    enrol(learner=learner, course=course)
    client.force_login(learner)
    client.get(pages[1].url)  # warm the render caches, as any running server has
    with django_assert_max_num_queries(8):
        response = client.get(pages[1].url)
    assert response.status_code == 200
    assert "Bloc 0" in response.content.decode()


@pytest.mark.parametrize(
    ("lessons", "blocks"), [(2, 2), (12, 40)], ids=["small", "large"]
)
def test_lesson_page_queries_for_a_visitor(
    client, catalogue, django_assert_max_num_queries, lessons, blocks
):
    """An anonymous visitor's lesson (the enrol prompt): one query once warm."""
    course = CoursePageFactory(parent=catalogue)
    body = [{"type": "paragraph", "value": f"<p>Bloc {i}</p>"} for i in range(blocks)]
    pages = [LessonPageFactory(parent=course, body=body) for _ in range(lessons)]
    client.get(pages[1].url)
    with django_assert_max_num_queries(1):
        assert client.get(pages[1].url).status_code == 200


def test_search_finds_courses_and_lessons(client, catalogue):
    course = CoursePageFactory(parent=catalogue, title="Étiquette professionnelle")
    LessonPageFactory(parent=course, title="Invitations LinkedIn personnalisées")
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    html = client.get("/fr/search/", {"q": "LinkedIn"}).content.decode()
    assert "Invitations LinkedIn personnalisées" in html
    html = client.get("/fr/search/", {"q": "Étiquette"}).content.decode()
    assert "Étiquette professionnelle" in html
    assert client.get("/fr/search/", {"q": "x" * 5000}).status_code == 200
