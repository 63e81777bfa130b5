"""Question types: one module per type, each holding its model and registry entry.

``registry`` maps a type code to a ``QuestionType`` entry (model, form reader,
widget template, display builder, importer, exporter, quick-creation parser).
The type modules themselves are imported, and so registered, by
``quizzes.models.question_types``: Django must see their models while it
loads ``quizzes.models``. See docs/QUESTION_TYPES.md to add a type.

This package's ``__init__`` imports only the registry, so that the question
base model can use it without importing the types that build on it.
"""

from .registry import (
    UNKNOWN_QUESTION_TYPE,
    QuestionType,
    QuestionTypeRegistry,
    UnknownQuestionType,
    registry,
)

__all__ = [
    "UNKNOWN_QUESTION_TYPE",
    "QuestionType",
    "QuestionTypeRegistry",
    "UnknownQuestionType",
    "registry",
]
