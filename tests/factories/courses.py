import datetime

import factory
import wagtail_factories

from courses.models import CharterPage, CourseIndexPage, CoursePage, LessonPage


def paragraph(text="Un paragraphe de leçon."):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    """The catalogue page; pass parent= (usually the tree root)."""

    title = "Catalogue des formations"
    intro = "<p>Toutes nos formations.</p>"

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    """A course; pass parent= a CourseIndexPage. Add lessons with lessons=N."""

    title = factory.Sequence(lambda n: f"Formation {n}")
    summary = "Utiliser les médias sociaux au travail sans risque."
    audience = "Tout le personnel."
    estimated_minutes = 60
    objectives = factory.LazyFunction(
        lambda: [
            {"type": "objective", "value": "Régler ses paramètres de confidentialité"}
        ]
    )

    class Meta:
        model = CoursePage
        skip_postgeneration_save = True

    @factory.post_generation
    def lessons(obj, create, extracted, **kwargs):
        if create and extracted:
            for _ in range(int(extracted)):
                LessonPageFactory(parent=obj)


class LessonPageFactory(wagtail_factories.PageFactory):
    """A lesson; pass parent= a CoursePage."""

    title = factory.Sequence(lambda n: f"Leçon {n}")
    summary = "Ce que la leçon couvre."
    estimated_minutes = 10
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Introduction", "level": "h2"}},
            paragraph(),
        ]
    )

    class Meta:
        model = LessonPage


def charter_rule(statement: str, explanation: str = "") -> dict:
    """A charter rule block's raw value."""
    return {
        "type": "rule",
        "value": {
            "statement": statement,
            "explanation": f"<p>{explanation}</p>" if explanation else "",
        },
    }


class CharterPageFactory(wagtail_factories.PageFactory):
    """A charter; pass parent= a CourseIndexPage. No version until it is published
    through ``courses.services.charter_publish``."""

    title = "Charte des médias sociaux"
    effective_date = datetime.date(2026, 1, 1)
    rules = factory.LazyFunction(
        lambda: [
            charter_rule("Utilisez votre vrai nom", "Pas de pseudonyme."),
            charter_rule("Aucun message politique", "Restez neutre."),
        ]
    )

    class Meta:
        model = CharterPage
