"""Filters of the grading queue (django-filter): quiz, course, team, anonymous.

"Anonymous" filters nothing: it hides learners' names in the queue and on
the grading screen, for graders who want to grade blind.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from core.filters import IdModelChoiceFilter
from courses.models import CoursePage
from lms.grading.selectors import filter_by_course, filter_by_team, queue_quizzes
from lms.teams.selectors import teams_visible_to
from quizzes.models import QuizAttempt


def _teams(request):
    return teams_visible_to(user=request.user)


def _courses(request):
    return CoursePage.objects.filter(final_quiz__isnull=False).order_by("title")


class GradingQueueFilterSet(WagtailFilterSet):
    """Quiz, course (its final quiz, any translation), team, and blind grading."""

    quiz = IdModelChoiceFilter(label=_("Quiz"), queryset=lambda r: queue_quizzes())
    course = IdModelChoiceFilter(
        label=_("Course"), queryset=_courses, method="filter_course"
    )
    team = IdModelChoiceFilter(label=_("Team"), queryset=_teams, method="filter_team")
    anonymous = django_filters.BooleanFilter(
        label=_("Hide learners' names"),
        method="filter_nothing",
        widget=django_filters.widgets.BooleanWidget,
    )

    class Meta:
        model = QuizAttempt
        fields = ["quiz", "course", "team", "anonymous"]

    def filter_course(self, queryset, name, value):
        return filter_by_course(queryset, course=value) if value else queryset

    def filter_team(self, queryset, name, value):
        return filter_by_team(queryset, team_ids=[value.pk]) if value else queryset

    def filter_nothing(self, queryset, name, value):
        return queryset
