"""Units a learner may type after a numeric answer: the question's unit or a short form.

A question whose unit is "minutes par jour" accepts "20", "20 minutes par jour",
"20 min/jour", "20 min/j", "20 minutes/jour", "20 mn/jour" and the singular
"20 minute par jour". The forms come from a small table of word abbreviations
(WORD_FORMS) and one rule: the unit's words, each as itself, its singular or an
abbreviation, joined by spaces, and "par"/"per" also written "/". Comparison
ignores case, accents and spaces around "/". Nothing else is guessed.
"""

import itertools
import unicodedata

# Each group lists interchangeable spellings of one word (singular, accents
# removed, lower case). French and English, the languages of the courses.
WORD_FORMS: tuple[tuple[str, ...], ...] = (
    ("seconde", "second", "s", "sec"),
    ("minute", "min", "mn"),
    ("heure", "h"),
    ("hour", "h", "hr"),
    ("jour", "j"),
    ("day", "d"),
    ("semaine", "sem"),
    ("week", "wk"),
    ("annee", "an", "ans"),
    ("year", "yr"),
    ("%", "pourcent", "percent", "pct"),
    ("euro", "eur", "€"),
    ("metre", "m"),
    ("kilometre", "km"),
    ("kilogramme", "kg"),
    ("gramme", "g"),
    ("litre", "l"),
)
# Words that mean "for each": "minutes par jour" is also "minutes/jour".
PER_WORDS = frozenset({"par", "per", "/"})
# A unit with more words than this is accepted only as written (or singular):
# the combinations grow fast and such units are not abbreviated in practice.
MAX_COMBINED_WORDS = 5

_FORMS_OF: dict[str, frozenset[str]] = {}
for _group in WORD_FORMS:
    for _word in _group:
        _FORMS_OF[_word] = _FORMS_OF.get(_word, frozenset()) | frozenset(_group)


def normalise_unit(text: str) -> str:
    """``text`` in lower case, without accents, "/" without spaces around it.

    Spaces are collapsed and "pour cent"/"per cent" become one word.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    text = " ".join(text.replace("/", " / ").split())
    text = text.replace(" / ", "/").replace("pour cent", "pourcent")
    return text.replace("per cent", "percent")


def _singular(word: str) -> str:
    """``word`` without a plural "s"."""
    # French and English plurals of unit words end in "s" ("minutes", "jours").
    return word[:-1] if len(word) > 2 and word.endswith("s") else word


def _word_forms(word: str) -> set[str]:
    """The spellings accepted for one word of a unit."""
    singular = _singular(word)
    forms = {word, singular} | _FORMS_OF.get(word, set())
    forms |= _FORMS_OF.get(singular, set())
    # Spelled-out words may be plural whatever the unit says: "20 kilometres" for "km".
    return forms | {f"{form}s" for form in forms if form.isalpha() and len(form) > 3}


def unit_forms(unit: str) -> frozenset[str]:
    """Every accepted spelling of ``unit``, normalised (see normalise_unit)."""
    unit = normalise_unit(unit)
    if not unit:
        return frozenset()
    words = unit.replace("/", " / ").split()
    if len(words) > MAX_COMBINED_WORDS:
        return frozenset({unit, " ".join(_singular(word) for word in words)})
    choices = [
        sorted(PER_WORDS) if word in PER_WORDS else sorted(_word_forms(word))
        for word in words
    ]
    return frozenset(
        normalise_unit(" ".join(combination))
        for combination in itertools.product(*choices)
    )


def is_unit(text: str, unit: str) -> bool:
    """Whether ``text`` (what follows the number) is ``unit`` or a short form of it."""
    return normalise_unit(text) in unit_forms(unit)
