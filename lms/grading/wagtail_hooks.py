"""Wagtail admin registration of grading: its URLs and Quizzes › To grade."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms.grading import urls as grading_urls
from lms.grading.access import can_grade
from quizzes.wagtail_hooks import QUIZZES_MENU_HOOK


@hooks.register("register_admin_urls")
def register_grading_urls():
    return [path("grading/", include(grading_urls, namespace="grading"))]


class GraderMenuItem(MenuItem):
    """Shown to graders only (``lms.grading.access.can_grade``)."""

    def is_shown(self, request):
        return can_grade(request.user)


@hooks.register(QUIZZES_MENU_HOOK)
def register_grading_menu_item():
    return GraderMenuItem(
        _("To grade"),
        reverse("grading:queue"),
        name="relais-to-grade",
        icon_name="edit",
        order=900,
    )
