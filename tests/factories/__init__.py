"""factory-boy factories, one module per app; import them from here."""

from .courses import (
    CharterPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    charter_rule,
    paragraph,
)
from .progress import (
    CertificateFactory,
    CourseCompletionFactory,
    EnrolmentFactory,
    LessonProgressFactory,
)
from .teams import TeamFactory
from .users import UserFactory

__all__ = [
    "CharterPageFactory",
    "charter_rule",
    "CourseIndexPageFactory",
    "CoursePageFactory",
    "LessonPageFactory",
    "TeamFactory",
    "UserFactory",
    "paragraph",
]
from .quizzes import (
    QUESTION_FACTORIES,
    EssayQuestionFactory,
    MatchingQuestionFactory,
    MultipleResponseQuestionFactory,
    NumericQuestionFactory,
    OrderingQuestionFactory,
    QuizAttemptFactory,
    QuizFactory,
    ShortTextQuestionFactory,
    SingleChoiceQuestionFactory,
    TrueFalseQuestionFactory,
    mixed_questions,
)

__all__ += [
    "QUESTION_FACTORIES",
    "EssayQuestionFactory",
    "MatchingQuestionFactory",
    "MultipleResponseQuestionFactory",
    "NumericQuestionFactory",
    "OrderingQuestionFactory",
    "QuizAttemptFactory",
    "QuizFactory",
    "ShortTextQuestionFactory",
    "SingleChoiceQuestionFactory",
    "TrueFalseQuestionFactory",
    "mixed_questions",
]

__all__ += [
    "CertificateFactory",
    "CourseCompletionFactory",
    "EnrolmentFactory",
    "LessonProgressFactory",
]
