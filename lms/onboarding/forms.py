"""Forms of the people import: the file to upload, and the confirmation."""

from django import forms
from django.utils.translation import gettext_lazy as _

FILE_REQUIRED = _("Choose a CSV or Excel (.xlsx) file.")


class PeopleFileForm(forms.Form):
    """The people file to check (a dry run comes first, nothing is written)."""

    file = forms.FileField(
        label=_("People file (CSV or Excel .xlsx)"),
        help_text=_(
            "Columns: email, first name, last name, language (fr or en), team(s), "
            "manager of — or in French: courriel, prénom, nom, langue, équipe(s), "
            "gestionnaire de. Separate several teams in one cell with | or ;."
        ),
        error_messages={"required": FILE_REQUIRED},
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.txt,.xlsx,text/csv,application/"
                "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )


class ApplyForm(forms.Form):
    """ "Apply": the file's fingerprint as shown, and consent to new teams."""

    sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)
    create_teams = forms.BooleanField(required=False)
