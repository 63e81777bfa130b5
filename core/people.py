"""Each person's preferred language, the one Relais uses for them everywhere.

The single stored preference is Wagtail's own
``UserProfile.preferred_language``: it already sets the admin's language, so
keeping one value keeps the admin, certificates, emails and reminders in step.
The learner's language switcher, their profile, the demo loader and (later)
the sign-in provider all write it through ``person_language_set``.
"""

from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language
from wagtail.users.models import UserProfile


def _spoken(language: str | None) -> str | None:
    """``language`` reduced to a code Relais speaks ("fr-CA" → "fr"), else None."""
    if not language:
        return None
    codes = {code for code, _name in settings.LANGUAGES}
    language = language.lower()
    if language in codes:
        return language
    base = language.split("-")[0].split("_")[0]
    return base if base in codes else None


def person_language(user, *, default: str | None = None) -> str:
    """The language to speak to ``user`` in: their preference, if they set one.

    Without a preference (or for an anonymous visitor), ``default`` if Relais
    speaks it, else the active language, else the site's default.
    """
    if user is not None and getattr(user, "pk", None):
        preferred = _spoken(UserProfile.get_for_user(user).preferred_language)
        if preferred:
            return preferred
    return _spoken(default) or _spoken(get_language()) or settings.LANGUAGE_CODE


def person_language_is_set(user) -> bool:
    """Whether ``user`` has chosen a language Relais speaks."""
    return _spoken(UserProfile.get_for_user(user).preferred_language) is not None


@transaction.atomic
def person_language_set(*, user, language: str) -> str:
    """Record ``language`` as ``user``'s preferred language; idempotent.

    Called by the language switcher and profile (the person's own choice), by
    the demo loader, and by a sign-in provider with its locale claim on first
    sign-in (OIDC, not built yet: pass the claim, e.g. "fr-CA"). Languages
    Relais does not speak are ignored. Returns the language now preferred
    (the previous one when ``language`` was ignored).
    """
    profile = UserProfile.get_for_user(user)
    spoken = _spoken(language)
    if spoken and profile.preferred_language != spoken:
        profile.preferred_language = spoken
        profile.save(update_fields=["preferred_language"])
    return _spoken(profile.preferred_language) or settings.LANGUAGE_CODE


def spoken_language(language: str | None) -> str | None:
    """``language`` as a code Relais speaks ("fr-CA" → "fr"), else None."""
    return _spoken(language)


@transaction.atomic
def person_languages_set(*, languages: dict[int, str]) -> int:
    """The bulk form of ``person_language_set``: user id → language; idempotent.

    For imports of many people (``lms.onboarding``): two queries plus one
    batched insert and one batched update, whatever the number of people.
    Languages Relais does not speak are ignored, as one by one. Returns the
    number of people whose preference changed.
    """
    wanted = {
        user_id: code
        for user_id, code in ((k, _spoken(v)) for k, v in languages.items())
        if code
    }
    if not wanted:
        return 0
    profiles = UserProfile.objects.filter(user_id__in=wanted).only(
        "pk", "user_id", "preferred_language"
    )
    changed = [p for p in profiles if p.preferred_language != wanted[p.user_id]]
    for profile in changed:
        profile.preferred_language = wanted[profile.user_id]
    UserProfile.objects.bulk_update(changed, ["preferred_language"], batch_size=500)
    have = {p.user_id for p in profiles}
    missing = [
        UserProfile(user_id=user_id, preferred_language=code)
        for user_id, code in wanted.items()
        if user_id not in have
    ]
    UserProfile.objects.bulk_create(missing, batch_size=500)
    return len(changed) + len(missing)
