"""Build the demo site: catalogue, the bilingual demo course, demo users.

Every function here is idempotent: run it twice and you get the same pages,
users and groups (content is republished only when it changed). The
``load_demo`` management command is the only caller.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
)

from core.people import person_language_is_set, person_language_set
from courses.models import CourseIndexPage, CoursePage, LessonPage
from demo.charter import seed_demo_charter
from demo.illustrations import ensure_illustrations, with_images
from demo.progress import seed_demo_progress
from demo.scenarios import ensure_scenarios, seed_scenario_runs, with_lesson_scenario
from demo.sign_in import seed_demo_sign_in
from demo.teams import seed_demo_teams
from quizzes.services import quiz_import

CATALOGUE = {
    "fr": {
        "title": "Catalogue des formations",
        "slug": "formations",
        "intro": "<p>Des formations courtes, à suivre à votre rythme, pour utiliser "
        "les médias sociaux de façon professionnelle et sûre.</p>",
    },
    "en": {
        "title": "Course catalogue",
        "slug": "courses",
        "intro": "<p>Short self-paced courses to use social networks professionally "
        "and safely.</p>",
    },
}

TRAINERS_GROUP = "Formateurs / Trainers"
TRAINER_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
TRAINER_COLLECTION_PERMISSIONS = [
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
]
# Non-page models trainers manage as snippets: every permission of these apps.
TRAINER_APPS = ["quizzes", "scenarios", "courses"]
DEMO_PASSWORD = "relais-demo-2026"
# The demo office works in French: the language its people prefer.
DEMO_LANGUAGE = "fr"


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str


DEMO_USERS = [
    DemoUser("formatrice", "Fanny", "Lavoie", "trainer"),
    DemoUser("apprenant", "Antoine", "Bouchard", "learner"),
    DemoUser("apprenante2", "Camille", "Roy", "learner"),
    DemoUser("gestionnaire", "Mathieu", "Côté", "manager"),
]


def _canonical(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _apply(page: Page, fields: dict) -> bool:
    """Set fields on a page; save and publish a revision only when something changed."""
    changed = False
    for name, value in fields.items():
        current = getattr(page, name)
        if hasattr(current, "raw_data"):  # StreamValue
            current = list(current.raw_data)
            value_cmp = [{"type": b["type"], "value": b["value"]} for b in value]
            current_cmp = [{"type": b["type"], "value": b["value"]} for b in current]
            if _canonical(current_cmp) != _canonical(value_cmp):
                setattr(page, name, value)
                changed = True
        elif current != value:
            setattr(page, name, value)
            changed = True
    if changed or not page.live or page.has_unpublished_changes:
        page.save_revision().publish()
    return changed


def ensure_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


def ensure_catalogue(locales: dict[str, Locale]) -> dict[str, CourseIndexPage]:
    """Make the French catalogue the site root, with its English translation."""
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["fr"])
    )
    fr = CourseIndexPage.objects.filter(locale=locales["fr"], depth=2).first()
    if fr is None:
        fr = root.add_child(
            instance=CourseIndexPage(
                title=CATALOGUE["fr"]["title"],
                slug=CATALOGUE["fr"]["slug"],
                intro=CATALOGUE["fr"]["intro"],
                locale=locales["fr"],
            )
        )
    _apply(fr, {"title": CATALOGUE["fr"]["title"], "intro": CATALOGUE["fr"]["intro"]})
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=fr,
            is_default_site=True,
            site_name="Relais",
        )
    elif site.root_page_id != fr.pk:
        old_root = site.root_page
        site.root_page = fr
        site.site_name = "Relais"
        site.save()
        # Wagtail's "Welcome" placeholder page is of no use once the catalogue is root.
        if (
            old_root.specific_class is Page
            and old_root.depth == 2
            and not old_root.get_children().exists()
        ):
            old_root.delete()
    en = _translation(fr, locales["en"])
    _apply(
        en,
        {
            "title": CATALOGUE["en"]["title"],
            "slug": CATALOGUE["en"]["slug"],
            "intro": CATALOGUE["en"]["intro"],
        },
    )
    Site.clear_site_root_paths_cache()
    return {"fr": fr, "en": en}


def _translation(page: Page, locale: Locale) -> Page:
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    return page.copy_for_translation(locale, copy_parents=True).specific


def _course_fields(data: dict) -> dict:
    return {
        "title": data["title"],
        "summary": data["summary"],
        "audience": data["audience"],
        "level": data["level"],
        "estimated_minutes": sum(item["estimated_minutes"] for item in data["lessons"]),
        "objectives": [
            {"type": "objective", "value": text} for text in data["objectives"]
        ],
    }


def _lesson_fields(data: dict, images: dict[str, int]) -> dict:
    return {
        "title": data["title"],
        "summary": data["summary"],
        "estimated_minutes": data["estimated_minutes"],
        "body": with_images(data["body"], images),
    }


def ensure_course(catalogues: dict, contents: dict) -> dict[str, CoursePage]:
    """The demo course in French (source) and English (its translation).

    Each language's illustrations are loaded first, as Wagtail images.
    """
    images = {
        lang: ensure_illustrations(data.get("illustrations", {}))
        for lang, data in contents.items()
    }
    fr_data = contents["fr"]
    fr = (
        CoursePage.objects.child_of(catalogues["fr"])
        .filter(slug=fr_data["slug"])
        .first()
    )
    if fr is None:
        fr = catalogues["fr"].add_child(
            instance=CoursePage(slug=fr_data["slug"], **_course_fields(fr_data))
        )
    _apply(fr, _course_fields(fr_data))
    fr_lessons = []
    for lesson_data in fr_data["lessons"]:
        lesson = (
            LessonPage.objects.child_of(fr).filter(slug=lesson_data["slug"]).first()
        )
        if lesson is None:
            lesson = fr.add_child(
                instance=LessonPage(
                    slug=lesson_data["slug"],
                    **_lesson_fields(lesson_data, images["fr"]),
                )
            )
        _apply(lesson, _lesson_fields(lesson_data, images["fr"]))
        fr_lessons.append(lesson)

    en_data = contents["en"]
    en = _translation(fr, catalogues["en"].locale)
    _apply(en, {"slug": en_data["slug"], **_course_fields(en_data)})
    for lesson, lesson_data in zip(fr_lessons, en_data["lessons"], strict=True):
        en_lesson = _translation(lesson, catalogues["en"].locale)
        _apply(
            en_lesson,
            {"slug": lesson_data["slug"], **_lesson_fields(lesson_data, images["en"])},
        )
    return {
        "fr": CoursePage.objects.get(pk=fr.pk),
        "en": CoursePage.objects.get(pk=en.pk),
    }


def ensure_quizzes(courses: dict, quizzes: dict) -> dict:
    """The final quiz and the knowledge checks, French first, English as translations.

    ``quizzes`` maps a language to its content module's FINAL_QUIZ and
    KNOWLEDGE_CHECKS (keyed by lesson slug, in lesson order).
    """
    locale_en = courses["en"].locale
    final_fr = quiz_import(data=quizzes["fr"]["final"], locale=courses["fr"].locale)
    final_en = quiz_import(
        data=quizzes["en"]["final"], locale=locale_en, translation_of=final_fr
    )
    for lang, quiz in (("fr", final_fr), ("en", final_en)):
        _apply(courses[lang], {"final_quiz_id": quiz.pk})
    checks_fr, checks_en = quizzes["fr"]["checks"], quizzes["en"]["checks"]
    for (slug_fr, data_fr), (slug_en, data_en) in zip(
        checks_fr.items(), checks_en.items(), strict=True
    ):
        check_fr = quiz_import(data=data_fr, locale=courses["fr"].locale)
        check_en = quiz_import(data=data_en, locale=locale_en, translation_of=check_fr)
        lesson_fr = LessonPage.objects.child_of(courses["fr"]).get(slug=slug_fr)
        lesson_en = LessonPage.objects.child_of(courses["en"]).get(slug=slug_en)
        _apply(lesson_fr, {"knowledge_check_id": check_fr.pk})
        _apply(lesson_en, {"knowledge_check_id": check_en.pk})
    return {"fr": final_fr, "en": final_en}


def ensure_trainers_group(catalogues: dict) -> Group:
    """Trainers edit and publish course pages and quizzes; not users or settings."""
    group, _ = Group.objects.get_or_create(name=TRAINERS_GROUP)
    perms = list(
        Permission.objects.filter(content_type__app_label__in=TRAINER_APPS).exclude(
            content_type__model__in=["courseindexpage", "coursepage", "lessonpage"]
        )
    )
    perms.append(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    perms += list(
        Permission.objects.filter(
            content_type__app_label="simple_translation", codename="submit_translation"
        )
    )
    group.permissions.set(perms)
    for catalogue in catalogues.values():
        for codename in TRAINER_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=catalogue,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    root_collection = Collection.get_first_root_node()
    for codename in TRAINER_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root_collection,
            permission=Permission.objects.get(codename=codename),
        )
    return group


def ensure_users(trainers: Group) -> dict[str, object]:
    """Demo accounts with a dev-only password. Never called in production."""
    User = get_user_model()
    users = {}
    for spec in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=spec.username,
            defaults={
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "email": f"{spec.username}@example.org",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if spec.role == "trainer":
            user.groups.add(trainers)
        # The demo office is French-speaking: its staff and learners prefer
        # French (admin, certificates, emails). A choice made since is kept.
        if created or not person_language_is_set(user):
            person_language_set(user=user, language=DEMO_LANGUAGE)
        users[spec.username] = user
    return users


@transaction.atomic
def load_demo(*, contents: dict, with_users: bool, quizzes: dict | None = None) -> dict:
    """Build (or refresh) the whole demo and return what was built.

    With ``with_users``, also the demo accounts and their history: a learner
    who finished the course (with a certificate), one half-way through, and
    two teams of 30 learners whose manager is the demo manager. The charter
    (``demo.charter``) is built in both cases.
    """
    locales = ensure_locales()
    catalogues = ensure_catalogue(locales)
    scenarios = ensure_scenarios(locales)
    courses = ensure_course(catalogues, with_lesson_scenario(contents, scenarios))
    if quizzes:
        ensure_quizzes(courses, quizzes)
        courses = {
            lang: CoursePage.objects.get(pk=page.pk) for lang, page in courses.items()
        }
    trainers = ensure_trainers_group(catalogues)
    users = ensure_users(trainers) if with_users else {}
    charters = seed_demo_charter(
        catalogues=catalogues,
        learners={"v1_only": users["apprenant"], "both": users["apprenante2"]}
        if with_users
        else None,
    )
    if with_users:
        seed_demo_progress(
            course=courses["fr"],
            finished_learner=users["apprenant"],
            halfway_learner=users["apprenante2"],
            grader=users["formatrice"],
        )
        seed_demo_teams(
            course=courses["fr"], manager=users["gestionnaire"], trainers=trainers
        )
        seed_demo_sign_in()
        seed_scenario_runs(scenarios=scenarios, users=users)
    return {
        "catalogues": catalogues,
        "courses": courses,
        "charters": charters,
        "users": users,
        "scenarios": scenarios,
    }
