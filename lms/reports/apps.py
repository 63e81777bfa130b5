from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Manager and trainer reports: completion, team summary, items, certificates.

    Reads teams, courses and quizzes; owns no data except what it renders.
    """

    name = "lms.reports"
    label = "reports"
    verbose_name = _("Reports")
