"""Building a scenario's situations as StreamField data, for code (demo, tests).

Choice ids are derived from the situation key and the choice's position with
``uuid5``, so the same content always gets the same ids: re-running the demo
keeps runs' choice ids meaningful.
"""

import uuid

NAMESPACE = uuid.UUID("6f1d4a52-3c7e-4b6e-9a35-2f0e8f1f9b10")


def choice_data(text, leads_to, consequence="", points=0) -> dict:
    """One choice, as a ``ScenarioChoiceBlock`` value."""
    return {
        "text": text,
        "leads_to": leads_to,
        "consequence": consequence,
        "points": points,
    }


def situation_data(
    key,
    label,
    text,
    *,
    choices=(),
    speaker="",
    ending=False,
    debrief="",
    image=None,
    image_alt="",
) -> dict:
    """One situation as raw StreamField data (``{"type", "value", "id"}``)."""
    return {
        "type": "situation",
        "id": str(uuid.uuid5(NAMESPACE, f"situation:{key}")),
        "value": {
            "key": key,
            "label": label,
            "speaker": speaker,
            "text": text,
            "image": image,
            "image_alt": image_alt,
            "is_ending": ending,
            "debrief": debrief,
            "choices": [
                {
                    "type": "item",
                    "id": str(uuid.uuid5(NAMESPACE, f"choice:{key}:{position}")),
                    "value": choice,
                }
                for position, choice in enumerate(choices)
            ],
        },
    }
