"""Wagtail admin registration for courses: certificates, the charter's audit log."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from courses.admin_views import CertificatePermissionPolicy, CertificateViewSet
from courses.models import Certificate
from courses.services import (
    CHARTER_ACKNOWLEDGE_ACTION,
    CHARTER_VERSION_ACTION,
    REVOKE_ACTION,
)

register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet()


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_action(
        REVOKE_ACTION, _("Revoke certificate"), _("Certificate revoked")
    )
    actions.register_action(
        CHARTER_VERSION_ACTION,
        _("New charter version"),
        _("Published as a new version of the charter"),
    )
    actions.register_action(
        CHARTER_ACKNOWLEDGE_ACTION,
        _("Acknowledge charter"),
        _("Charter acknowledged"),
    )
