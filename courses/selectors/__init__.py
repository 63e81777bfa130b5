"""Read-side queries for courses, one module per concern; import them from here.

Every selector costs a fixed number of queries, whatever the number of
lessons, enrolments or certificates; tests pin those numbers.

Cross-language rule: enrolments, progress, completions and certificates point
at a course's original-language page and are matched on ``translation_key``,
so every translation of a course is the same course for the learner.
"""

from .certificates import (
    certificate_by_code,
    certificate_for_owner,
    certificates_due_reminder,
    email_language,
)
from .charter import (
    CharterReading,
    DiffLine,
    charter_current_version,
    charter_diff,
    charter_reading,
    charters_pending,
    current_version_subquery,
)
from .dashboard import Dashboard, DashboardCourse, learner_dashboard
from .learning import (
    CourseLearning,
    LessonLearning,
    course_learning,
    final_quiz_url,
    knowledge_check_in_language,
    lesson_knowledge_check_url,
    lesson_learning,
    scenario_url,
)
from .pages import (
    LessonNavigation,
    OutlineLesson,
    PageLink,
    canonical_page,
    catalogue_courses,
    course_lessons,
    course_outline,
    lesson_navigation,
    page_in_language,
)
from .progress import (
    CourseProgress,
    CourseRule,
    course_rule,
    enrolment_for,
    enrolment_progress,
    final_quiz_in_language,
    page_enrolment_progress,
    progress_for_enrolments,
    snippet_in_language,
)

__all__ = [
    "CharterReading",
    "DiffLine",
    "charter_current_version",
    "charter_diff",
    "charter_reading",
    "charters_pending",
    "current_version_subquery",
    "CourseLearning",
    "CourseProgress",
    "Dashboard",
    "DashboardCourse",
    "LessonLearning",
    "LessonNavigation",
    "OutlineLesson",
    "PageLink",
    "CourseRule",
    "course_rule",
    "canonical_page",
    "catalogue_courses",
    "certificate_by_code",
    "certificate_for_owner",
    "certificates_due_reminder",
    "course_learning",
    "course_lessons",
    "course_outline",
    "email_language",
    "enrolment_for",
    "enrolment_progress",
    "final_quiz_in_language",
    "final_quiz_url",
    "knowledge_check_in_language",
    "learner_dashboard",
    "lesson_knowledge_check_url",
    "lesson_learning",
    "lesson_navigation",
    "page_enrolment_progress",
    "page_in_language",
    "progress_for_enrolments",
    "scenario_url",
    "snippet_in_language",
]
