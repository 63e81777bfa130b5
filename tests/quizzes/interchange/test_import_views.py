"""Quizzes › Import over HTTP: preview, confirm, bad files, permissions, audit."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry

from quizzes.admin_interchange import NAME_NEW_QUIZ
from quizzes.interchange import gift, moodle_xml
from quizzes.interchange.base import (
    FILE_TOO_LARGE,
    IMAGE_WITHOUT_ALT,
    NOT_UTF8,
    TOO_MANY_QUESTIONS,
)
from quizzes.models import Question, QuestionBankImport, Quiz, SingleChoiceQuestion
from quizzes.services.interchange import ACTION_QUESTION_IMPORT
from tests.factories import QuizFactory, UserFactory

from .helpers import DATA

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/quizzes/import/"


def upload(client, name, content, **extra):
    return client.post(
        reverse("quizzes_import"),
        {"file": SimpleUploadedFile(name, content), "locale": extra.pop("locale", "")}
        | extra,
    )


@pytest.fixture
def sample_gift():
    return (DATA / "moodle_sample.gift").read_bytes()


@pytest.fixture
def sample_xml():
    return (DATA / "moodle_sample.xml").read_bytes()


@pytest.fixture
def editor(locale_fr):
    """A trainer-like editor: admin access and the quizzes app's permissions."""
    client = Client()
    user = UserFactory(username="editor", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="quizzes")
        | Permission.objects.filter(codename="access_admin")
    )
    client.force_login(user)
    client.user = user
    return client


def preview_of(client, response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"], client.get(response["Location"])


def test_the_import_page_is_in_the_quizzes_menu(editor):
    page = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert IMPORT_URL in page
    response = editor.get(reverse("quizzes_import"))
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_preview_lists_every_question_and_saves_nothing(editor, locale_fr, sample_gift):
    url, response = preview_of(
        editor, upload(editor, "banque.gift", sample_gift, locale=locale_fr.pk)
    )
    page = response.content.decode()
    assert response.status_code == 200
    for text in ("Profil public", "Vos amis seulement", "50 %", "Associer", "LinkedIn"):
        assert text in page
    assert str(gift.GIFT_DESCRIPTION) in page  # the refused one, with its reason
    assert "Réseaux sociaux/Confidentialité" in page
    assert not Question.objects.exists()
    record = QuestionBankImport.objects.get()
    assert record.confirmed_at is None and record.user == editor.user


def test_confirm_creates_the_questions_once_and_logs_the_import(
    editor, locale_fr, sample_gift
):
    url, _page = preview_of(
        editor, upload(editor, "banque.gift", sample_gift, locale=locale_fr.pk)
    )
    response = editor.post(url, {"destination": "bank"})
    assert response.status_code == 302
    # The description is refused; the essay waits for its branch to be merged.
    created = Question.objects.count()
    assert created in (7, 8)
    question = SingleChoiceQuestion.objects.get()
    assert (question.name, question.category) == (
        "Profil public",
        "Réseaux sociaux/Confidentialité",
    )
    assert len(question.content_hash) == 64
    assert question.choices.count() == 3
    entry = ModelLogEntry.objects.get(action=ACTION_QUESTION_IMPORT)
    assert entry.user_id == editor.user.pk
    assert entry.data["filename"] == "banque.gift"
    assert len(entry.data["created"]) == created
    # A double click: nothing more.
    editor.post(url, {"destination": "bank"})
    assert Question.objects.count() == created
    assert ModelLogEntry.objects.filter(action=ACTION_QUESTION_IMPORT).count() == 1


def test_importing_the_same_file_again_adds_nothing(editor, locale_fr, sample_gift):
    for _attempt in range(2):
        url, page = preview_of(
            editor, upload(editor, "banque.gift", sample_gift, locale=locale_fr.pk)
        )
        editor.post(url, {"destination": "bank"})
    assert _("Already in the bank: reused, not added again.") in page.content.decode()
    assert Question.objects.filter(idnumber="assoc-1").count() == 1
    assert (
        Question.objects.values("content_hash").distinct().count()
        == Question.objects.count()
    )


def test_confirm_into_a_new_quiz(editor, locale_fr, sample_gift):
    url, _page = preview_of(
        editor, upload(editor, "banque.gift", sample_gift, locale=locale_fr.pk)
    )
    response = editor.post(
        url, {"destination": "new", "new_quiz_title": "Banque Moodle"}
    )
    quiz = Quiz.objects.get(title="Banque Moodle")
    assert response["Location"].endswith(f"/{quiz.pk}/")
    assert not quiz.live
    assert quiz.quiz_questions.count() == Question.objects.count()


def test_confirm_into_an_existing_quiz_makes_a_draft(editor, locale_fr, sample_gift):
    quiz = QuizFactory(questions=[], title="Existant")
    url, _page = preview_of(
        editor, upload(editor, "banque.gift", sample_gift, locale=locale_fr.pk)
    )
    editor.post(url, {"destination": "existing", "quiz": quiz.pk})
    quiz.refresh_from_db()
    draft = quiz.get_latest_revision_as_object()
    assert len(draft.quiz_questions.all()) == Question.objects.count()
    assert quiz.has_unpublished_changes


def test_a_destination_without_its_choice_is_asked_again(
    editor, locale_fr, sample_gift
):
    url, _page = preview_of(
        editor, upload(editor, "banque.gift", sample_gift, locale=locale_fr.pk)
    )
    response = editor.post(url, {"destination": "new", "new_quiz_title": " "})
    assert response.status_code == 200
    assert str(NAME_NEW_QUIZ) in response.content.decode()
    assert not Question.objects.exists()


def test_xml_images_become_wagtail_images_and_missing_alt_is_flagged(
    editor, locale_fr, sample_xml
):
    url, page = preview_of(
        editor, upload(editor, "banque.xml", sample_xml, locale=locale_fr.pk)
    )
    text = page.content.decode()
    assert str(IMAGE_WITHOUT_ALT % {"name": "schema.png"}) in text
    assert str(moodle_xml.UNSUPPORTED["multianswer"]) in text
    assert str(moodle_xml.UNSUPPORTED["ddimageortext"]) in text
    editor.post(url, {"destination": "bank"})
    images = get_image_model().objects.order_by("pk")
    assert [image.title for image in images] == [
        "Capture d'un faux message",
        "schema.png",
    ]
    question = Question.objects.get(idnumber="SEC-01")
    assert f'id="{images[0].pk}"' in question.prompt
    assert 'embedtype="image"' in question.prompt
    assert "@@PLUGINFILE@@" not in question.prompt
    assert "<script" not in question.prompt and "javascript" not in question.explanation


TRUNCATED = (DATA / "moodle_sample.xml").read_bytes()[:2000]
#: (file name, content, the message it gets): messages are built in the test,
#: in the language the page answers in.
BAD_FILES = [
    (
        "bad.gift",
        "Q1 {=a}\n\nQ2 {=é}".encode("latin-1"),
        lambda: str(NOT_UTF8 % {"line": 3}),
    ),
    (
        "bad.gift",
        b"Q1 {=a}\n\nQ2 {=b ~c\n",
        lambda: str(gift.GIFT_UNCLOSED_BRACE % {"line": 3}),
    ),
    (
        "bad.xml",
        TRUNCATED,
        lambda: str(
            moodle_xml.XML_MALFORMED % {"line": TRUNCATED.count(b"\n") + 1, "error": ""}
        ).split("(")[0],
    ),
    (
        "bomb.xml",
        b'<!DOCTYPE q [<!ENTITY a "aaaa">]><quiz>&a;</quiz>',
        lambda: str(moodle_xml.XML_FORBIDDEN),
    ),
    ("notes.docx", b"PK", lambda: ".gift, .txt, .xml"),
]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    BAD_FILES,
    ids=["not-utf8", "gift-syntax", "truncated-xml", "xml-entities", "unknown-format"],
)
def test_a_bad_file_says_why_and_creates_nothing(
    editor, locale_fr, name, content, message
):
    response = upload(editor, name, content, locale=locale_fr.pk)
    assert response.status_code == 200
    assert escape(message()) in response.content.decode()
    assert not QuestionBankImport.objects.exists()
    assert not Question.objects.exists()


def test_size_and_count_limits(editor, locale_fr, settings, sample_gift):
    settings.RELAIS_QUESTION_IMPORT_MAX_BYTES = 100
    response = upload(editor, "banque.gift", sample_gift, locale=locale_fr.pk)
    assert (
        str(FILE_TOO_LARGE % {"limit": f"{100 / 2**20:g}"}) in response.content.decode()
    )
    settings.RELAIS_QUESTION_IMPORT_MAX_BYTES = 10**6
    settings.RELAIS_QUESTION_IMPORT_MAX_QUESTIONS = 2
    response = upload(editor, "banque.gift", sample_gift, locale=locale_fr.pk)
    assert str(TOO_MANY_QUESTIONS % {"limit": 2}) in response.content.decode()
    assert not QuestionBankImport.objects.exists()


@pytest.fixture
def manager_client(db):
    """Admin access but no quiz permission, like the reports' managers."""
    client = Client()
    user = UserFactory(username="manager", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="access_admin"))
    client.force_login(user)
    return client


def test_learners_and_managers_cannot_import(
    learner_client, manager_client, editor, locale_fr, sample_gift
):
    url, _page = preview_of(
        editor, upload(editor, "banque.gift", sample_gift, locale=locale_fr.pk)
    )
    assert learner_client.get(reverse("quizzes_import")).status_code == 302  # to login
    home = reverse("wagtailadmin_home")
    for path in (reverse("quizzes_import"), url):
        # Wagtail's admin answers a refusal with a redirect home and a message.
        for response in (
            manager_client.get(path),
            manager_client.post(path, {"destination": "bank"}),
        ):
            assert (response.status_code, response["Location"]) == (302, home)
    assert (
        IMPORT_URL
        not in manager_client.get(reverse("wagtailadmin_home")).content.decode()
    )
    assert not Question.objects.exists()


def test_another_users_preview_is_not_found(editor, locale_fr, sample_gift):
    url, _page = preview_of(
        editor, upload(editor, "banque.gift", sample_gift, locale=locale_fr.pk)
    )
    other = UserFactory(username="other_editor", is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(other)
    assert client.get(url, follow=True).status_code == 404
    assert client.post(url, {"destination": "bank"}, follow=True).status_code == 404
    assert not Question.objects.exists()


def test_the_preview_queries_do_not_grow_with_the_file(
    editor, locale_fr, sample_gift, django_assert_max_num_queries
):
    many = b"\n\n".join(b"Question %d {=a ~b ~c}" % n for n in range(60))
    for content in (sample_gift, many):
        url, _page = preview_of(
            editor, upload(editor, "banque.gift", content, locale=locale_fr.pk)
        )
        with django_assert_max_num_queries(25):
            assert editor.get(url).status_code == 200
