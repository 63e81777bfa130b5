"""The demo organisation's social-media charter, in French and English, with history.

Written in our own words from the seed articles' advice (a charter staff can
refer to: real names, no political or polemical posts, who speaks for the
organisation). Version 1 went live four months ago; version 2, three weeks
ago, added a rule (a material change). The demo learner "apprenant"
acknowledged version 1 only, so the charter page shows him what changed;
"apprenante2" acknowledged both.

:func:`seed_demo_charter` is re-runnable: the pages and their history are
built on the run that creates them, and left alone afterwards. Everything
goes through the services (``charter_publish``, ``charter_acknowledge``)
with ``now=``.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from courses.models import CharterPage, CharterVersion
from courses.services import charter_acknowledge, charter_publish

SLUG = {"fr": "charte-medias-sociaux", "en": "social-media-charter"}
TITLE = {"fr": "Charte des médias sociaux", "en": "Social media charter"}
INTRO = {
    "fr": "<p>Vous pouvez parler de votre travail en ligne : nous y tenons. "
    "Ces quelques règles disent jusqu'où aller, pour vous protéger et protéger "
    "l'organisation.</p>",
    "en": "<p>You are welcome to talk about your work online. These few rules "
    "say how far to go, to protect you and the organisation.</p>",
}
RULES_V1 = {
    "fr": [
        (
            "Présentez-vous sous votre vrai nom",
            "Pas de pseudonyme quand vous parlez de votre travail : on doit "
            "savoir qui s'exprime.",
        ),
        (
            "Évitez les sujets politiques et polémiques",
            "Un message partisan ou provocateur peut nuire à l'image de "
            "l'organisation, même publié sur votre compte personnel.",
        ),
        (
            "Seules les personnes désignées parlent au nom de l'organisation",
            "Vous parlez en votre nom. Pour une annonce, une réponse à un "
            "journaliste ou une crise, adressez-vous au service des communications.",
        ),
    ],
    "en": [
        (
            "Use your real name",
            "No pseudonym when you talk about your work: people must know who "
            "is speaking.",
        ),
        (
            "Stay away from political and polemical topics",
            "A partisan or provocative post can harm the organisation's image, "
            "even on your personal account.",
        ),
        (
            "Only designated people speak for the organisation",
            "You speak for yourself. For an announcement, a journalist's "
            "question or a crisis, turn to the communications team.",
        ),
    ],
}
NEW_RULE = {
    "fr": (
        "Réglez vos paramètres de confidentialité",
        "Avant de relier votre profil à l'organisation, vérifiez qui voit vos "
        "photos et publications privées.",
    ),
    "en": (
        "Set your privacy settings",
        "Before you link your profile to the organisation, check who can see "
        "your private photos and posts.",
    ),
}
RESPONSIBLE = {
    "fr": [("Mathieu Côté", "Responsable des communications", "poste 2041")],
    "en": [("Mathieu Côté", "Head of communications", "extension 2041")],
}


def _fields(language: str, rules: list) -> dict:
    return {
        "title": TITLE[language],
        "slug": SLUG[language],
        "intro": INTRO[language],
        "effective_date": datetime.date(2026, 1, 15),
        "rules": [
            {
                "type": "rule",
                "value": {"statement": s, "explanation": f"<p>{e}</p>"},
            }
            for s, e in rules
        ],
        "responsible": [
            {"type": "person", "value": {"name": n, "role": r, "contact": c}}
            for n, r, c in RESPONSIBLE[language]
        ],
    }


def _publish(page, fields, *, material_change, now):
    for name, value in fields.items():
        setattr(page, name, value)
    return charter_publish(page=page, material_change=material_change, now=now)


def seed_demo_charter(
    *, catalogues: dict, learners: dict | None = None, now=None
) -> dict[str, CharterPage]:
    """The charter in both languages, two versions, and the learners' history.

    ``learners``: ``{"v1_only": user, "both": user}``, or None without demo
    users. Returns ``{"fr": page, "en": page}``.
    """
    now = now or timezone.now()
    fr = CharterPage.objects.child_of(catalogues["fr"]).filter(slug=SLUG["fr"]).first()
    if fr is not None:
        en = fr.get_translation(catalogues["en"].locale).specific
        return {"fr": fr, "en": en}
    first, second = (
        now - datetime.timedelta(days=120),
        now - datetime.timedelta(days=21),
    )
    fr = catalogues["fr"].add_child(
        instance=CharterPage(**_fields("fr", RULES_V1["fr"]), live=False)
    )
    _publish(fr, {}, material_change=False, now=first)
    en = fr.copy_for_translation(catalogues["en"].locale).specific
    _publish(en, _fields("en", RULES_V1["en"]), material_change=False, now=first)
    version_1 = CharterVersion.objects.get(translation_key=fr.translation_key)
    learners = learners or {}
    for key, days in (("v1_only", 3), ("both", 5)):
        if key in learners:
            charter_acknowledge(
                learner=learners[key],
                version=version_1,
                language="fr",
                now=first + datetime.timedelta(days=days),
            )
    for page, language in ((fr, "fr"), (en, "en")):
        rules = [*RULES_V1[language], NEW_RULE[language]]
        _publish(
            page,
            _fields(language, rules),
            material_change=language == "fr",
            now=second,
        )
    version_2 = CharterVersion.objects.get(translation_key=fr.translation_key, number=2)
    if "both" in learners:
        charter_acknowledge(
            learner=learners["both"],
            version=version_2,
            language="fr",
            now=second + datetime.timedelta(days=2),
        )
    return {"fr": fr, "en": en}
