"""Downloading one's data; an administrator's export and erasure of a person."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from lms.privacy.export import person_export_zip
from lms.privacy.selectors import erasure_of
from lms.privacy.services import person_erase


def _zip_response(content: bytes, stem: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/zip")
    filename = f"{stem}-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@require_GET
@login_required
def my_data(request):
    """Everything Relais holds about the signed-in person, as a ZIP."""
    return _zip_response(person_export_zip(person=request.user), "relais-my-data")


def _administrator(request) -> None:
    # 404, not 403: a person's data is not even said to exist to others.
    if not request.user.is_superuser:
        raise Http404


def _person(user_id: int):
    return get_object_or_404(get_user_model(), pk=user_id)


@never_cache
@require_GET
def person_export(request, user_id: int):
    """An administrator's copy of the ZIP a person can download themselves."""
    _administrator(request)
    person = _person(user_id)
    return _zip_response(person_export_zip(person=person), f"relais-person-{person.pk}")


class ErasureForm(forms.Form):
    confirmation = forms.CharField(
        label=gettext_lazy("Type the person's email address to confirm"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def person_erase_view(request, user_id: int):
    """Ask for the person's email, then erase their data (idempotent)."""
    _administrator(request)
    person = _person(user_id)
    erasure = erasure_of(person)
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and erasure is None and form.is_valid():
        try:
            person_erase(
                person=person,
                by=request.user,
                confirmation=form.cleaned_data["confirmation"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, _("The person's data was erased."))
            return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        "privacy/erase.html",
        {
            "person": person,
            "form": form,
            "erasure": erasure,
            "page_title": _("Erase personal data"),
        },
    )
