"""Trainers set the completion rule and certificate design in the page editor."""

import pytest
from django.urls import reverse

from tests.courses.conftest import french

pytestmark = pytest.mark.django_db


def test_course_editor_has_the_completion_and_certificate_tab(admin_client, course):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert french("Completion and certificate") in html
    for field in (
        "final_quiz",
        "certificate_validity_months",
        "certificate_wording",
        "certificate_signatory_name",
        "certificate_signatory_title",
        "certificate_logo",
        "certificate_accent_colour",
    ):
        assert f'name="{field}"' in html


def test_lesson_editor_has_the_knowledge_check(admin_client, lessons):
    response = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[lessons[0].pk])
    )
    assert 'name="knowledge_check"' in response.content.decode()


def test_certificates_are_in_the_admin_menu(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("courses_certificate:index") in html
