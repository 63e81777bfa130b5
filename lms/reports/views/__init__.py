"""The report views, one module per report; import them from here."""

from .certificates import CertificateRegisterView
from .charter import CharterReportView
from .completion import CompletionReportView
from .items import ItemAnalysisView, QuestionAnalysisView
from .scenarios import ScenarioChoicesView, ScenarioPathsView
from .summary import TeamSummaryReportView

__all__ = [
    "CertificateRegisterView",
    "CharterReportView",
    "CompletionReportView",
    "ItemAnalysisView",
    "QuestionAnalysisView",
    "ScenarioChoicesView",
    "ScenarioPathsView",
    "TeamSummaryReportView",
]
