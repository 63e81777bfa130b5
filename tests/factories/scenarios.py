"""Scenario factories: a small published scenario, built through the service."""

from wagtail.models import Locale

from scenarios.authoring import choice_data, situation_data
from scenarios.services import scenario_save


def small_situations() -> list:
    """Start → (good: ending "well", +2) | (bad: "trouble", -1); trouble → loop
    back to start or end "badly"."""
    return [
        situation_data(
            "start",
            "Une demande d'ami",
            "Un client vous demande en ami.",
            speaker="Client",
            choices=[
                choice_data("Refuser poliment", "well", "Le client comprend.", 2),
                choice_data("Accepter", "trouble", "Il voit vos photos.", -1),
            ],
        ),
        situation_data(
            "trouble",
            "Des commentaires",
            "Le client commente vos photos de vacances.",
            choices=[
                choice_data("Revenir en arrière", "start", "Vous le retirez.", 0),
                choice_data("Laisser faire", "badly", "Cela se sait.", -2),
            ],
        ),
        situation_data(
            "well",
            "Bonne fin",
            "Tout va bien.",
            ending=True,
            debrief="Séparer les profils protège.",
        ),
        situation_data(
            "badly",
            "Mauvaise fin",
            "Tout se sait.",
            ending=True,
            debrief="Mieux vaut refuser.",
        ),
    ]


def make_scenario(*, title="Demande d'ami", situations=None, locale=None, **kwargs):
    return scenario_save(
        title=title,
        situations=situations if situations is not None else small_situations(),
        locale=locale or Locale.get_default(),
        **kwargs,
    )
