"""Factories for quizzes and every question type.

Each question factory builds sensible French content with its rows; pass
``rows=[...]`` (the neutral format's rows for that type) to choose them.
``QUESTION_FACTORIES`` maps every question model to its factory: the no-leak
test fails when a new type has none.
"""

import datetime
from decimal import Decimal
from itertools import cycle, islice

import factory
from django.utils import timezone
from wagtail.models import Locale

from quizzes.models import (
    AttemptState,
    EssayCriterion,
    EssayQuestion,
    MatchingPair,
    MatchingQuestion,
    MultipleResponseOption,
    MultipleResponseQuestion,
    NumericQuestion,
    OrderingItem,
    OrderingQuestion,
    QuizAttempt,
    QuizQuestion,
    ShortTextQuestion,
    SingleChoiceOption,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)
from quizzes.models import Quiz as QuizModel


def default_locale():
    return Locale.objects.get_or_create(language_code="fr")[0]


class QuestionFactory(factory.django.DjangoModelFactory):
    prompt = factory.Sequence(lambda n: f"<p>Question {n} : que faites-vous ?</p>")
    points = Decimal(1)
    explanation = "<p>Voir la leçon sur la confidentialité.</p>"
    locale = factory.LazyFunction(default_locale)

    class Meta:
        abstract = True
        skip_postgeneration_save = True


def _add_rows(question, create, relation, rows):
    if create:
        for index, row in enumerate(rows):
            row.question = question
            row.sort_order = index
            row.save()
    else:
        setattr(question, relation, rows)


class SingleChoiceQuestionFactory(QuestionFactory):
    class Meta:
        model = SingleChoiceQuestion

    @factory.post_generation
    def rows(obj, create, extracted, **kwargs):
        rows = extracted or [
            (
                "Accepter sans vérifier le profil",
                0,
                "Risqué : vous ne savez pas qui c'est.",
            ),
            ("Vérifier le profil, puis décider", 100, "Oui : on vérifie d'abord."),
            ("Répondre avec votre numéro de téléphone", 0, "Jamais de coordonnées."),
        ]
        _add_rows(
            obj,
            create,
            "choices",
            [SingleChoiceOption(text=t, credit=c, feedback=f) for t, c, f in rows],
        )


class MultipleResponseQuestionFactory(QuestionFactory):
    scoring = "partial"

    class Meta:
        model = MultipleResponseQuestion

    @factory.post_generation
    def rows(obj, create, extracted, **kwargs):
        rows = extracted or [
            ("Votre adresse personnelle", True, "À ne pas publier."),
            ("Le nom de votre employeur", False, "Souvent public."),
            ("Votre date de naissance complète", True, "Sert au vol d'identité."),
            ("Votre ville", False, "Peu risqué."),
        ]
        _add_rows(
            obj,
            create,
            "choices",
            [
                MultipleResponseOption(text=t, is_correct=c, feedback=f)
                for t, c, f in rows
            ],
        )


class TrueFalseQuestionFactory(QuestionFactory):
    answer = False
    feedback_true = "Non : une publication « privée » peut être copiée."
    feedback_false = "Exact : une capture d'écran suffit."

    class Meta:
        model = TrueFalseQuestion


class ShortTextQuestionFactory(QuestionFactory):
    accepted_answers = "Paramètres de confidentialité\nconfidentialité"
    ignore_case = True
    ignore_accents = True
    ignore_punctuation = True

    class Meta:
        model = ShortTextQuestion


class NumericQuestionFactory(QuestionFactory):
    answer = Decimal(20)
    tolerance = Decimal("0.5")
    unit = "%"

    class Meta:
        model = NumericQuestion


class OrderingQuestionFactory(QuestionFactory):
    scoring = "position"

    class Meta:
        model = OrderingQuestion

    @factory.post_generation
    def rows(obj, create, extracted, **kwargs):
        rows = extracted or [
            "Ouvrir les paramètres",
            "Choisir « Confidentialité »",
            "Limiter l'audience",
            "Enregistrer",
        ]
        _add_rows(obj, create, "items", [OrderingItem(text=text) for text in rows])


class MatchingQuestionFactory(QuestionFactory):
    class Meta:
        model = MatchingQuestion

    @factory.post_generation
    def rows(obj, create, extracted, **kwargs):
        rows = extracted or [
            ("LinkedIn", "Soigner son profil professionnel"),
            ("Facebook", "Limiter les publications aux amis"),
            ("Instagram", "Retirer la géolocalisation des photos"),
        ]
        _add_rows(
            obj,
            create,
            "pairs",
            [MatchingPair(left=left, right=right) for left, right in rows],
        )


class EssayQuestionFactory(QuestionFactory):
    """An essay graded with the demo's rubric: four criteria, 8 points in all."""

    prompt = (
        "<p>Un client vous envoie une demande d'ami. Écrivez votre refus personnel.</p>"
    )
    points = Decimal(8)
    model_answer = "<p>Bonjour, merci pour votre demande. Écrivez-moi au bureau.</p>"
    grader_instructions = "<p>Vérifiez le ton et l'adresse professionnelle.</p>"
    min_words = 20
    max_words = 120

    class Meta:
        model = EssayQuestion

    @factory.post_generation
    def rows(obj, create, extracted, **kwargs):
        rows = extracted or [
            ("Politesse", "0 | Ton sec\n1 | Ton correct\n2 | Ton chaleureux"),
            ("Contact professionnel", "0 | Contact absent\n2 | Contact donné"),
            ("Vie privée", "0 | Détails personnels donnés\n2 | Rien de personnel"),
            ("Longueur", "0 | Hors des bornes\n2 | Dans les bornes"),
        ]
        _add_rows(
            obj,
            create,
            "criteria",
            [EssayCriterion(criterion=name, levels=levels) for name, levels in rows],
        )


QUESTION_FACTORIES = {
    SingleChoiceQuestion: SingleChoiceQuestionFactory,
    MultipleResponseQuestion: MultipleResponseQuestionFactory,
    TrueFalseQuestion: TrueFalseQuestionFactory,
    ShortTextQuestion: ShortTextQuestionFactory,
    NumericQuestion: NumericQuestionFactory,
    OrderingQuestion: OrderingQuestionFactory,
    MatchingQuestion: MatchingQuestionFactory,
    EssayQuestion: EssayQuestionFactory,
}

#: Types a person grades: left out of ``mixed_questions`` so that quizzes
#: built from it grade at submission, as the tests written before them expect.
PERSON_GRADED = {EssayQuestion}


def mixed_questions(count: int, **kwargs) -> list:
    """``count`` saved questions cycling through every type."""
    automatic = [
        question_factory
        for model, question_factory in QUESTION_FACTORIES.items()
        if model not in PERSON_GRADED
    ]
    factories = islice(cycle(automatic), count)
    return [question_factory(**kwargs) for question_factory in factories]


class QuizFactory(factory.django.DjangoModelFactory):
    """A published quiz; ``questions=N`` adds N mixed questions, or pass a list."""

    title = factory.Sequence(lambda n: f"Quiz {n}")
    instructions = "<p>Répondez à toutes les questions.</p>"
    pass_mark = 60
    locale = factory.LazyFunction(default_locale)
    live = True

    class Meta:
        model = QuizModel
        skip_postgeneration_save = True

    @factory.post_generation
    def questions(obj, create, extracted, **kwargs):
        if not create or not extracted:
            return
        if isinstance(extracted, int):
            extracted = mixed_questions(extracted, locale=obj.locale)
        for index, question in enumerate(extracted):
            QuizQuestion.objects.create(quiz=obj, question=question, sort_order=index)


class QuizAttemptFactory(factory.django.DjangoModelFactory):
    """A submitted attempt, scored without questions; pass quiz= and learner=.

    For tests of what is read from attempts (kept attempt, pass); tests of
    taking a quiz go through ``quizzes.services``. ``score_percent=None`` is
    an attempt with nothing to score; ``passed`` follows the quiz's pass mark.
    """

    quiz = factory.SubFactory(QuizFactory)
    learner = factory.SubFactory("tests.factories.users.UserFactory")
    number = factory.Sequence(lambda n: n + 1)
    state = AttemptState.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)
    started_at = factory.LazyAttribute(
        lambda o: (o.submitted_at or timezone.now()) - datetime.timedelta(minutes=10)
    )
    pass_mark = factory.LazyAttribute(lambda o: o.quiz.pass_mark)
    score_percent = Decimal(100)
    max_points = Decimal(10)
    points = factory.LazyAttribute(
        lambda o: None if o.score_percent is None else o.score_percent / 10
    )
    passed = factory.LazyAttribute(
        lambda o: o.score_percent is not None and o.score_percent >= o.pass_mark
    )

    class Meta:
        model = QuizAttempt
