"""Shared by the interchange tests: samples and a file's way back to questions."""

from pathlib import Path

from quizzes.interchange.base import ExportItem
from quizzes.question_types import registry
from tests.quizzes.test_question_types import SAMPLES

DATA = Path(__file__).resolve().parent.parent / "data"

#: The agreed neutral format of the essay type (built in a parallel branch).
ESSAY_SAMPLE = {
    "type": "essay",
    "prompt": "<p>Racontez une publication qui vous a posé problème.</p>",
    "explanation": "<p>Prenez du recul.</p>",
    "points": "10",
    "model_answer": "<p>Un collègue a publié une photo du badge…</p>",
    "min_words": 50,
    "max_words": 300,
    "grader_instructions": "<p>Valorisez l'analyse.</p>",
    "rubric": [
        {
            "criterion": "Analyse",
            "levels": [
                {"label": "Faible", "points": "0"},
                {"label": "Bonne", "points": "5"},
            ],
        }
    ],
}


def sample(code: str) -> dict:
    return ESSAY_SAMPLE if code == "essay" else SAMPLES[code]


def export_item(code: str, **bank) -> ExportItem:
    """A sample question as a format writes it: through its type's exporter."""
    if code == "essay":
        return ExportItem(data=dict(ESSAY_SAMPLE), **bank)
    entry = registry.get(code)
    return ExportItem(data=entry.exporter(entry.importer(SAMPLES[code])), **bank)
