"""Exports over HTTP: a quiz's questions, and the question listing's bulk action."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from quizzes.interchange import gift, moodle_xml
from quizzes.interchange.registry import formats
from quizzes.interchange.writing import export_file
from quizzes.models import Question, Quiz
from quizzes.services import question_create_from_data
from tests.factories import QUESTION_FACTORIES
from tests.quizzes.test_question_types import _content

pytestmark = pytest.mark.django_db

EXPECTED = {
    "gift": ("text/plain; charset=utf-8", ".gift"),
    "moodle_xml": ("application/xml; charset=utf-8", ".xml"),
}


@pytest.mark.parametrize("format_code", ["gift", "moodle_xml"])
def test_a_quiz_downloads_in_each_format(
    admin_client_, quiz, every_type_questions, format_code
):
    response = admin_client_.get(
        reverse("quizzes_export_quiz", args=(quiz.pk, format_code))
    )
    content_type, extension = EXPECTED[format_code]
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == (
        f'attachment; filename="quiz-de-confidentialite{extension}"'
    )
    module = gift if format_code == "gift" else moodle_xml
    content = response.content.decode() if module is gift else response.content
    parsed = module.parse(content)
    expected = len(every_type_questions) - (1 if format_code == "gift" else 0)
    assert len(parsed) == expected


def test_what_gift_leaves_out_is_said(admin_client_, quiz):
    response = admin_client_.get(reverse("quizzes_export_quiz", args=(quiz.pk, "gift")))
    [message] = list(get_messages(response.wsgi_request))
    assert str(gift.GIFT_NO_ORDERING) in str(message)


def test_exported_questions_import_back_equal(every_type_questions, locale_fr):
    ids = [question.pk for question in every_type_questions]
    file = export_file(question_ids=ids, format_code="moodle_xml", title="Banque")
    for original, item in zip(
        every_type_questions, moodle_xml.parse(file.content), strict=True
    ):
        copy = question_create_from_data(data=item.data, locale=locale_fr)
        original = Question.objects.get(pk=original.pk)
        assert _content(Question.objects.get(pk=copy.pk)) == _content(original)


def test_export_queries_do_not_grow_with_questions(
    every_type_questions, django_assert_max_num_queries
):
    ids = [question.pk for question in every_type_questions]
    with django_assert_max_num_queries(len(ids) + 6):
        export_file(question_ids=ids, format_code="moodle_xml", title="x")
    more = [factory() for factory in QUESTION_FACTORIES.values()]
    # One query per type present (the essay, person-graded, joins here).
    with django_assert_max_num_queries(len(QUESTION_FACTORIES) + 6):
        export_file(
            question_ids=ids + [q.pk for q in more], format_code="gift", title="x"
        )


def test_the_bulk_action_exports_the_chosen_questions(
    admin_client_, every_type_questions
):
    chosen = every_type_questions[:3]
    url = reverse("wagtail_bulk_action", args=("quizzes", "question", "export"))
    query = "?" + "&".join(f"id={question.pk}" for question in chosen)
    page = admin_client_.get(url + query)
    assert page.status_code == 200
    assert 'name="format_code"' in page.content.decode()
    response = admin_client_.post(url + query, {"format_code": "gift"})
    assert response["Content-Type"] == EXPECTED["gift"][0]
    assert len(gift.parse(response.content.decode())) == 3


def test_listing_offers_the_export_action(admin_client_, every_type_questions):
    page = admin_client_.get(reverse(Question.snippet_viewset.get_url_name("list")))
    url = reverse("wagtail_bulk_action", args=("quizzes", "question", "export"))
    assert url in page.content.decode()


def test_quiz_listing_links_each_format(admin_client_, quiz):
    page = admin_client_.get(reverse(Quiz.snippet_viewset.get_url_name("list")))
    for entry in formats:
        assert (
            reverse("quizzes_export_quiz", args=(quiz.pk, entry.code))
            in page.content.decode()
        )


def test_a_learner_cannot_export(learner_client, quiz):
    response = learner_client.get(
        reverse("quizzes_export_quiz", args=(quiz.pk, "gift"))
    )
    assert response.status_code in (302, 403)
    assert "Content-Disposition" not in response


def test_images_travel_in_moodle_xml(locale_fr):
    image = get_image_model().objects.create(
        title="Capture", file=get_test_image_file()
    )
    question = QUESTION_FACTORIES[next(iter(QUESTION_FACTORIES))](
        prompt='<p>Regardez</p><embed alt="Une capture" embedtype="image" '
        f'format="fullwidth" id="{image.pk}"/>'
    )
    file = export_file(question_ids=[question.pk], format_code="moodle_xml", title="x")
    [item] = moodle_xml.parse(file.content)
    assert item.images and item.images[0].content.startswith(b"\x89PNG")
    assert 'alt="Une capture"' in item.data["prompt"]
    gift_file = export_file(question_ids=[question.pk], format_code="gift", title="x")
    assert b"embed" not in gift_file.content and b"PLUGINFILE" not in gift_file.content
