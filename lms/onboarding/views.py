"""Admin views of the people import: upload, dry run, apply.

Open to administrators and trainers (``lms.teams.access.can_view_all_reports``,
the trainer role of the reports). The dry-run page re-plans the stored file
on every view; "Apply" posts only the file's fingerprint and the new-teams
checkbox, never the plan.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from lms.onboarding.forms import ApplyForm, PeopleFileForm
from lms.onboarding.models import PeopleImport
from lms.onboarding.planning import import_plan
from lms.onboarding.services import (
    max_bytes,
    people_import_apply,
    people_import_upload,
)
from lms.teams.access import can_view_all_reports

FILE_CHANGED = gettext_lazy(
    "The file changed since its dry run: upload it again to check it."
)
APPLIED_MESSAGE = gettext_lazy(
    "Import applied: %(create)s created, %(update)s updated, %(unchanged)s unchanged."
)


class ImportAccessMixin(WagtailAdminTemplateMixin):
    """Administrators and trainers only; a breadcrumb back to the upload."""

    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_all_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("people_import:upload"), "label": _("People import")},
            {"url": "", "label": self.get_page_title()},
        ]


class PeopleImportUploadView(ImportAccessMixin, FormView):
    """Upload a people file; its dry run follows."""

    template_name = "onboarding/upload.html"
    form_class = PeopleFileForm
    page_title = gettext_lazy("People import")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("people_import:upload"),
            submit_button_label=_("Check the file (dry run)"),
            form_is_multipart=True,
            **kwargs,
        )

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            people_import = people_import_upload(
                content=upload.read(max_bytes() + 1),
                filename=upload.name,
                user=self.request.user,
            )
        except ValidationError as error:
            form.add_error("file", error)
            return self.form_invalid(form)
        return redirect("people_import:review", token=people_import.token)


class PeopleImportReviewView(ImportAccessMixin, FormView):
    """The dry run of an uploaded file, and its "Apply" (or its result)."""

    template_name = "onboarding/review.html"
    form_class = ApplyForm
    page_title = gettext_lazy("Dry run")

    @cached_property
    def people_import(self) -> PeopleImport:
        return get_object_or_404(PeopleImport, token=self.kwargs["token"])

    def get_context_data(self, **kwargs):
        done = self.people_import.applied_at is not None
        plan = (
            None
            if done
            else import_plan(
                content=bytes(self.people_import.content),
                filename=self.people_import.filename,
            )
        )
        return super().get_context_data(
            people_import=self.people_import,
            plan=plan,
            result=self.people_import.result if done else None,
            upload_url=reverse("people_import:upload"),
            **kwargs,
        )

    def form_valid(self, form):
        if form.cleaned_data["sha256"] != self.people_import.sha256:
            form.add_error(None, FILE_CHANGED)
            return self.form_invalid(form)
        try:
            result = people_import_apply(
                people_import=self.people_import,
                user=self.request.user,
                create_teams=form.cleaned_data["create_teams"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, APPLIED_MESSAGE % result)
        return redirect("people_import:review", token=self.people_import.token)
