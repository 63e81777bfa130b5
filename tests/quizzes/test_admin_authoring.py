"""Authoring through the Wagtail admin's own views, with the test client."""

import json
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry, ReferenceIndex
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from quizzes import services
from quizzes.admin_forms import DRAW_COUNT_TOO_HIGH, QUESTION_USED_TWICE
from quizzes.admin_views import REGRADED
from quizzes.models import (
    NumericQuestion,
    Question,
    Quiz,
    QuizAccommodation,
    QuizAttempt,
    SingleChoiceQuestion,
    question_types,
)
from quizzes.models.question_types import NEED_FULL_CREDIT_OPTION
from quizzes.wagtail_hooks import QUESTION_IN_A_QUIZ, QUIZ_HAS_ATTEMPTS
from tests.factories import QuizFactory, SingleChoiceQuestionFactory, mixed_questions

from .helpers import key_responses

pytestmark = pytest.mark.django_db


def url(model, view, *args):
    return reverse(model.snippet_viewset.get_url_name(view), args=args)


def test_quizzes_menu_groups_quizzes_questions_and_extra_time(admin_client_):
    page = admin_client_.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar menu is JSON in the page.
    for label in ("All questions", "Extra time"):
        assert json.dumps(_(label))[1:-1] in page
    # Per-type viewsets stay out of the menu.
    type_label = str(capfirst(SingleChoiceQuestion._meta.verbose_name_plural))
    assert json.dumps(type_label)[1:-1] not in page


def test_add_question_starts_with_a_type_choice(admin_client_):
    response = admin_client_.get(url(Question, "add") + "?locale=fr")
    assert response.status_code == 200
    page = response.content.decode()
    for model in question_types():
        assert url(model, "add") + "?locale=fr" in page
        assert str(model.type_description) in page


def _single_choice_post(choices):
    return nested_form_data(
        {
            "prompt": rich_text("<p>Quelle réponse à cette demande ?</p>"),
            "points": "2",
            "explanation": rich_text("<p>Voir la leçon 2.</p>"),
            "choices": inline_formset(
                [
                    {"text": text, "credit": str(credit), "feedback": feedback}
                    for text, credit, feedback in choices
                ]
            ),
        }
    )


def test_create_single_choice_question_with_its_choices(admin_client_, locale_fr):
    data = _single_choice_post(
        [
            ("Accepter", 0, "Trop vite."),
            ("Vérifier", 100, "Oui."),
            ("Ignorer", 50, "Bof."),
        ]
    )
    response = admin_client_.post(url(SingleChoiceQuestion, "add") + "?locale=fr", data)
    assert response.status_code == 302
    assert response["Location"] == url(Question, "list")
    question = SingleChoiceQuestion.objects.get()
    assert question.points == 2 and question.locale == locale_fr
    assert [(c.text, c.credit, c.feedback) for c in question.choices.all()] == [
        ("Accepter", 0, "Trop vite."),
        ("Vérifier", 100, "Oui."),
        ("Ignorer", 50, "Bof."),
    ]
    assert len({c.key for c in question.choices.all()}) == 3


def test_a_single_choice_question_needs_a_right_answer(admin_client_):
    data = _single_choice_post([("Accepter", 0, ""), ("Ignorer", 50, "")])
    response = admin_client_.post(url(SingleChoiceQuestion, "add") + "?locale=fr", data)
    assert response.status_code == 200
    assert str(NEED_FULL_CREDIT_OPTION) in response.content.decode()
    assert not SingleChoiceQuestion.objects.exists()


def test_every_type_has_its_own_create_page(admin_client_):
    for model in question_types():
        response = admin_client_.get(url(model, "add") + "?locale=fr")
        assert response.status_code == 200, model


def test_all_questions_links_to_each_question_own_views(
    admin_client_, every_type_questions
):
    page = admin_client_.get(url(Question, "list")).content.decode()
    for question in every_type_questions:
        assert url(type(question), "edit", question.pk) in page
    numeric = next(q for q in every_type_questions if isinstance(q, NumericQuestion))
    response = admin_client_.get(url(Question, "edit", numeric.pk))
    assert response["Location"] == url(NumericQuestion, "edit", numeric.pk)
    page = admin_client_.get(response["Location"]).content.decode()
    assert 'name="tolerance"' in page and 'name="answer"' in page


def _quiz_post(questions, **fields):
    return nested_form_data(
        {
            "title": "Quiz final",
            "instructions": rich_text("<p>Bonne chance.</p>"),
            "pass_mark": "70",
            "max_attempts": "",
            "grading_method": "highest",
            "time_limit_minutes": "",
            "draw_count": "",
            "questions_per_page": "all",
            "feedback_policy": "after_submission",
            "review_marks": "after_submission",
            "review_correct_answers": "after_submission",
            "review_explanations": "after_submission",
            "quiz_questions": inline_formset(
                [{"question": str(q.pk)} for q in questions]
            ),
            **fields,
        }
    )


def test_create_and_publish_a_quiz_with_ordered_questions(admin_client_, locale_fr):
    questions = mixed_questions(3, locale=locale_fr)
    ordered = [questions[2], questions[0], questions[1]]
    data = _quiz_post(ordered, **{"action-publish": "action-publish"})
    response = admin_client_.post(url(Quiz, "add") + "?locale=fr", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    quiz = Quiz.objects.get()
    assert quiz.live and quiz.pass_mark == 70
    assert [qq.question_id for qq in quiz.quiz_questions.all()] == [
        q.pk for q in ordered
    ]
    assert quiz.revisions.count() == 1 and quiz.live_revision_id
    assert ModelLogEntry.objects.filter(
        action="wagtail.publish", object_id=str(quiz.pk)
    ).exists()


def test_quiz_form_refuses_repeats_and_impossible_draws(admin_client_, locale_fr):
    question = SingleChoiceQuestionFactory()
    data = _quiz_post([question, question], draw_count="3")
    page = admin_client_.post(url(Quiz, "add") + "?locale=fr", data).content.decode()
    assert (
        str(QUESTION_USED_TWICE % {"question": question}).replace("’", "&#x27;")[:10]
        in page
    )
    assert str(DRAW_COUNT_TOO_HIGH % {"count": 1}) in page
    assert not Quiz.objects.exists()


def test_saving_a_draft_leaves_learners_on_the_published_version(
    admin_client_, locale_fr
):
    questions = mixed_questions(2, locale=locale_fr)
    admin_client_.post(
        url(Quiz, "add") + "?locale=fr",
        _quiz_post(questions, **{"action-publish": "1"}),
    )
    quiz = Quiz.objects.get()
    draft = _quiz_post(questions[:1], title="Nouveau titre")
    draft["quiz_questions-INITIAL_FORMS"] = "0"
    response = admin_client_.post(url(Quiz, "edit", quiz.pk), draft)
    assert response.status_code == 302
    quiz.refresh_from_db()
    assert quiz.title == "Quiz final" and quiz.has_unpublished_changes
    assert quiz.quiz_questions.count() == 2
    assert quiz.revisions.count() == 2


def test_preview_shows_the_quiz_as_learners_see_it_without_keys(
    admin_client_, locale_fr
):
    question = SingleChoiceQuestionFactory()
    data = _quiz_post([question])
    preview_url = url(Quiz, "preview_on_add")
    response = admin_client_.post(preview_url, data)
    assert json.loads(response.content) == {"is_valid": True, "is_available": True}
    page = admin_client_.get(preview_url).content.decode()
    assert "Quiz final" in page and "Vérifier le profil, puis décider" in page
    assert "Oui : on vérifie" not in page  # feedback
    assert "credit" not in page and "Voir la leçon" not in page


def test_question_preview(admin_client_):
    question = SingleChoiceQuestionFactory()
    data = _single_choice_post(
        [("Accepter", 0, "Trop vite."), ("Vérifier", 100, "Secret")]
    )
    preview_url = url(SingleChoiceQuestion, "preview_on_edit", question.pk)
    assert admin_client_.post(preview_url, data).status_code == 200
    page = admin_client_.get(preview_url).content.decode()
    assert "Vérifier" in page and "Secret" not in page


def test_a_question_in_a_quiz_cannot_be_deleted(admin_client_, quiz):
    question = quiz.quiz_questions.first().question
    ReferenceIndex.create_or_update_for_object(quiz)
    delete_url = url(type(question), "delete", question.pk)
    message = escape(str(QUESTION_IN_A_QUIZ % {"question": question}))
    for method in (admin_client_.get, admin_client_.post):
        response = method(delete_url, follow=True)
        assert response.redirect_chain[0][0] == url(Question, "list")
        assert message in response.content.decode()
    assert Question.objects.filter(pk=question.pk).exists()


def test_a_quiz_with_attempts_cannot_be_deleted(admin_client_, quiz, learner):
    services.attempt_start(quiz=quiz, learner=learner)
    response = admin_client_.post(url(Quiz, "delete", quiz.pk), follow=True)
    assert escape(str(QUIZ_HAS_ATTEMPTS % {"quiz": quiz})) in response.content.decode()
    assert Quiz.objects.filter(pk=quiz.pk).exists()
    other = QuizFactory(questions=1)
    assert admin_client_.post(url(Quiz, "delete", other.pk)).status_code == 302
    assert not Quiz.objects.filter(pk=other.pk).exists()


def test_all_questions_can_be_searched(admin_client_, every_type_questions):
    numeric = next(q for q in every_type_questions if isinstance(q, NumericQuestion))
    numeric.prompt = "<p>Combien de jours garder une publication ?</p>"
    numeric.save()
    page = admin_client_.get(
        url(Question, "list_results") + "?q=combien"
    ).content.decode()
    assert url(NumericQuestion, "edit", numeric.pk) in page
    others = [q for q in every_type_questions if q.pk != numeric.pk]
    assert not any(url(type(q), "edit", q.pk) in page for q in others)


def test_a_question_only_used_by_attempts_can_be_deleted_safely(
    admin_client_, quiz, learner
):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = list(attempt.attempt_questions.order_by("slot"))
    services.attempt_submit(attempt=attempt, responses=key_responses(rows), sequence=0)
    link = quiz.quiz_questions.first()
    question = link.question
    link.delete()
    ReferenceIndex.create_or_update_for_object(quiz)  # as publishing the quiz does
    response = admin_client_.post(url(type(question), "delete", question.pk))
    assert response.status_code == 302
    assert not Question.objects.filter(pk=question.pk).exists()
    attempt.refresh_from_db()
    assert attempt.score_percent == 100
    assert attempt.attempt_questions.get(slot=1).question_id is None
    learner_client = Client()
    learner_client.force_login(learner)
    review = learner_client.get(reverse("quizzes:result", args=[attempt.pk]))
    assert review.status_code == 200
    assert "Vérifier le profil, puis décider" in review.content.decode()


def test_attempts_listing_and_regrade(admin_client_, quiz, learner, superuser):
    attempt = services.attempt_start(quiz=quiz, learner=learner)
    rows = list(attempt.attempt_questions.order_by("slot"))
    services.attempt_submit(attempt=attempt, responses=key_responses(rows), sequence=0)
    listing = admin_client_.get(url(Quiz, "attempts", quiz.pk))
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "Léa Tremblay" in page and "100" in page
    regrade = reverse(
        Quiz.snippet_viewset.get_url_name("regrade"), args=[quiz.pk, attempt.pk]
    )
    assert regrade in page
    assert admin_client_.get(regrade).status_code == 405
    question = quiz.quiz_questions.first().question
    for choice in question.choices.all():
        choice.credit = 100 if choice.sort_order == 0 else 0
        choice.save()
    response = admin_client_.post(regrade, follow=True)
    expected = REGRADED % {
        "number": 1,
        "learner": learner,
        "old": "100.00",
        "new": "85.71",
    }
    assert str(expected) in response.content.decode()
    assert QuizAttempt.objects.get().score_percent == Decimal("85.71")
    entry = ModelLogEntry.objects.get(action=services.ACTION_REGRADE)
    assert entry.user == superuser
    history = admin_client_.get(reverse("wagtailadmin_reports:site_history"))
    assert history.status_code == 200


def test_attempts_listing_needs_change_permission(client, quiz, learner):
    client.force_login(learner)
    response = client.get(url(Quiz, "attempts", quiz.pk))
    assert response.status_code in (302, 403)


def test_quiz_edit_page_links_to_attempts(admin_client_, quiz):
    page = admin_client_.get(url(Quiz, "edit", quiz.pk)).content.decode()
    assert url(Quiz, "attempts", quiz.pk) in page


def test_chooser_create_tab_makes_a_question_of_any_type(admin_client_, locale_fr):
    chooser = reverse("wagtailsnippetchoosers_quizzes_question:choose")
    page = json.loads(admin_client_.get(chooser).content)["html"]
    assert escape(_("Create a question")) in page
    create = reverse("wagtailsnippetchoosers_quizzes_question:create")
    response = admin_client_.post(
        create,
        {
            "question_type": "ordering",
            "locale": str(locale_fr.pk),
            "prompt": "Dans quel ordre ?",
            "answers": "Ouvrir\nChoisir\nEnregistrer",
            "explanation": "",
            "points": "1",
        },
    )
    payload = json.loads(response.content)
    assert payload["step"] == "chosen"
    question = Question.objects.get()
    assert question.type_code == "ordering"
    assert [item.text for item in question.items.all()] == [
        "Ouvrir",
        "Choisir",
        "Enregistrer",
    ]
    assert payload["result"]["edit_url"] == url(type(question), "edit", question.pk)


def test_chooser_create_tab_reports_answer_errors(admin_client_):
    create = reverse("wagtailsnippetchoosers_quizzes_question:create")
    response = admin_client_.post(
        create,
        {
            "question_type": "single_choice",
            "prompt": "?",
            "answers": "A\nB",
            "points": "1",
        },
    )
    payload = json.loads(response.content)
    assert payload["step"] == "reshow_creation_form"
    assert str(NEED_FULL_CREDIT_OPTION) in payload["htmlFragment"]
    assert not Question.objects.exists()


def test_chooser_lists_and_filters_questions(admin_client_, every_type_questions):
    results = reverse("wagtailsnippetchoosers_quizzes_question:choose_results")
    page = admin_client_.get(results + "?question_type=numeric").content.decode()
    numeric = next(q for q in every_type_questions if isinstance(q, NumericQuestion))
    assert str(numeric) in page
    assert page.count("data-chooser-modal-choice") == 1


def test_extra_time_is_edited_in_the_admin(admin_client_, quiz, learner):
    response = admin_client_.post(
        url(QuizAccommodation, "add"),
        {
            "quiz": quiz.pk,
            "learner": learner.pk,
            "time_multiplier": "1.5",
            "extra_minutes": "5",
            "note": "",
        },
    )
    assert response.status_code == 302
    assert QuizAccommodation.objects.get().time_multiplier == 1.5
