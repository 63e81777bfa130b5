"""Wagtail admin for certificates: a read-only listing with a revoke action.

Certificates are issued by Relais when a learner completes a course; nobody
adds, edits or deletes them by hand. Trainers with the "Can revoke
certificates" permission revoke them with a reason, which is written to the
certificate's history (Wagtail's audit log).
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import HistoryView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, ListingButton
from wagtail.permission_policies import ModelPermissionPolicy

from core.converters import ID_CONVERTER
from courses import services
from courses.models import (
    Certificate,
    CertificateStatus,
    certificate_status_expression,
)

CERTIFICATE_REVOKED = _("Certificate of %(holder)s for “%(course)s” revoked.")

READ_ONLY_ACTIONS = frozenset({"add", "change", "delete"})


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Nobody adds, changes or deletes certificates; "view" and "revoke" apply."""

    def user_has_permission(self, user, action):
        if action in READ_ONLY_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = set(actions) - READ_ONLY_ACTIONS
        if not actions:
            return self.auth_model.objects.none()
        return super().users_with_any_permission(actions)


def can_revoke(user, certificate) -> bool:
    return certificate.revoked_at is None and user.has_perm(
        "courses.revoke_certificate"
    )


class CertificateFilterSet(WagtailFilterSet):
    """Filter the listing by status (computed from the revocation and expiry dates)."""

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CertificateStatus.choices, method="filter_status"
    )

    class Meta:
        model = Certificate
        fields = []

    def filter_status(self, queryset, name, value):
        # The status rule once, in SQL (courses.models.certificates).
        status = certificate_status_expression(now=timezone.now())
        return queryset.alias(current_status=status).filter(current_status=value)


class StatusColumn(StatusTagColumn):
    """The certificate's status, computed when the listing is drawn."""

    def get_value(self, instance):
        return instance.get_status_display()


class CertificateIndexView(IndexView):
    """Listing with a "Revoke" action on each certificate still in force."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if can_revoke(self.request.user, instance):
            buttons.append(
                ListingButton(
                    _("Revoke"),
                    url=reverse("courses_certificate:revoke", args=[instance.pk]),
                    icon_name="circle-xmark",
                    priority=40,
                )
            )
        return buttons


class CertificateInspectView(InspectView):
    """Every snapshot field, plus "Revoke" and the public verification page."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            Button(
                _("Verification page"),
                url=self.object.get_verification_path(),
                icon_name="link-external",
            )
        )
        if can_revoke(self.request.user, self.object):
            buttons.append(
                Button(
                    _("Revoke"),
                    url=reverse("courses_certificate:revoke", args=[self.object.pk]),
                    icon_name="circle-xmark",
                )
            )
        return buttons

    def get_field_label(self, field_name, field):
        if field_name == "status":  # computed, not a model field
            return _("Status")
        return super().get_field_label(field_name, field)

    def get_status_display_value(self):
        return self.object.get_status_display()


class CertificateHistoryView(HistoryView):
    """The audit log (issue, revocation) for anyone who may view certificates."""

    any_permission_required = ["view", "revoke"]

    def get_edit_url(self, instance):
        # Certificates have no edit view: the breadcrumb leads to "inspect".
        return reverse("courses_certificate:inspect", args=[instance.pk])

    @cached_property
    def header_buttons(self):
        return []


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_(
            "Recorded in the certificate's history. The public verification page "
            "shows the certificate as revoked, without the reason."
        ),
    )


class CertificateRevokeView(
    PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView
):
    """Ask for a reason, then revoke the certificate through the service."""

    model = Certificate
    permission_required = "revoke"
    form_class = RevokeForm
    template_name = "courses/admin/certificate_revoke.html"
    page_title = _("Revoke certificate")
    header_icon = "circle-xmark"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(Certificate, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("courses_certificate:index"),
                "label": Certificate._meta.verbose_name_plural.capitalize(),
            },
            {"url": "", "label": self.get_page_title(), "sublabel": str(self.object)},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(certificate=self.object, **kwargs)

    def form_valid(self, form):
        try:
            services.certificate_revoke(
                certificate=self.object,
                reason=form.cleaned_data["reason"],
                by=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            CERTIFICATE_REVOKED
            % {"holder": self.object.holder_name, "course": self.object.course_title},
        )
        return redirect("courses_certificate:index")


class CertificateViewSet(ModelViewSet):
    """Certificates in the Wagtail admin: list, search, filter, inspect, revoke."""

    model = Certificate
    icon = "success"
    pk_path_converter = ID_CONVERTER  # no 500 for a 25-digit pk (core.converters)
    menu_label = _("Certificates")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "certificates"
    name = "courses_certificate"
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    history_view_class = CertificateHistoryView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []  # the add/edit views are not routed (see get_urlpatterns)
    filterset_class = CertificateFilterSet
    search_fields = ["holder_name", "course_title", "code"]
    search_backend_name = None
    list_display = [
        "holder_name",
        "course_title",
        DateColumn("issued_at", label=_("Issued")),
        DateColumn("expires_at", label=_("Expires")),
        StatusColumn("status", label=_("Status")),
        Column("revocation_reason", label=_("Revocation reason")),
    ]
    inspect_view_fields = [
        "holder_name",
        "course_title",
        "status",
        "completed_on",
        "issued_at",
        "expires_at",
        "score_percent",
        "language",
        "code",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
    ]

    def get_urlpatterns(self):
        # No add, edit, delete or copy: certificates are issued, not authored.
        keep = {"index", "index_results", "inspect", "history", "history_results"}
        patterns = [p for p in super().get_urlpatterns() if p.name in keep]
        return patterns + [
            path("revoke/<id:pk>/", CertificateRevokeView.as_view(), name="revoke")
        ]
