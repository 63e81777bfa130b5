"""The "People import" admin screens: access, upload, dry run, apply."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.onboarding.models import PeopleImport
from lms.onboarding.reading import FILE_NOT_SPREADSHEET
from lms.onboarding.views import FILE_CHANGED
from lms.teams.models import TeamMembership
from tests.factories import TeamFactory
from tests.lms.onboarding.helpers import csv_bytes

pytestmark = pytest.mark.django_db
User = get_user_model()
UPLOAD = "/admin/people-import/"


def post_file(client, content, name="people.csv"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("trainer", True), ("superuser", True), ("manager_a", False), ("learner", False)],
    ids=["trainer", "administrator", "manager", "learner"],
)
def test_only_administrators_and_trainers_import_people(client, request, role, allowed):
    client.force_login(request.getfixturevalue(role))

    response = client.get(UPLOAD)
    home = client.get(reverse("wagtailadmin_home"))

    assert reverse("people_import:upload") == UPLOAD
    assert (response.status_code == 200) is allowed
    assert (UPLOAD in home.content.decode()) is allowed


def test_upload_dry_run_then_apply(client, trainer):
    TeamFactory(name="Ventes")
    client.force_login(trainer)
    content = csv_bytes(
        [
            ["lea@example.org", "Léa", "Roy", "fr", "Ventes", ""],
            ["oops", "X", "Y", "", "", ""],
        ]
    )

    response = post_file(client, content)
    people_import = PeopleImport.objects.get()
    review = client.get(response["Location"])
    html = review.content.decode()

    assert response["Location"] == f"{UPLOAD}{people_import.token}/"
    assert "« oops »" in html or "“oops”" in html
    assert 'name="sha256"' not in html  # no apply while a line has an error
    assert not User.objects.filter(email="lea@example.org").exists()

    fixed = csv_bytes([["lea@example.org", "Léa", "Roy", "fr", "Ventes", "Neuve"]])
    review_url = post_file(client, fixed)["Location"]
    fixed_import = PeopleImport.objects.get(applied_at=None, pk__gt=people_import.pk)
    html = client.get(review_url).content.decode()
    assert 'name="create_teams"' in html and "Neuve" in html

    data = {"sha256": fixed_import.sha256, "create_teams": "on"}
    applied = client.post(review_url, data)
    again = client.post(review_url, data)  # a double click

    assert applied.status_code == again.status_code == 302
    lea = User.objects.get(email="lea@example.org")
    assert TeamMembership.objects.filter(learner=lea, team__name="Ventes").exists()
    fixed_import.refresh_from_db()
    assert fixed_import.result["create"] == 1
    assert User.objects.filter(email="lea@example.org").count() == 1
    assert 'id="import-result-heading"' in client.get(review_url).content.decode()


def test_a_stale_fingerprint_is_refused(client, trainer):
    client.force_login(trainer)
    review_url = post_file(client, csv_bytes([["a@example.org", "", "", "", "", ""]]))[
        "Location"
    ]

    response = client.post(review_url, {"sha256": "0" * 64})

    assert str(FILE_CHANGED) in response.content.decode()
    assert not User.objects.filter(email="a@example.org").exists()


def test_a_file_that_is_no_spreadsheet_is_refused_at_upload(client, trainer):
    client.force_login(trainer)

    response = post_file(client, b"%PDF-1.4\x00binary", name="cv.pdf")

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [str(FILE_NOT_SPREADSHEET)]
    assert not PeopleImport.objects.exists()


def test_an_unknown_token_is_404(client, trainer):
    client.force_login(trainer)

    # Django's LocaleMiddleware first redirects a 404 to the French prefix.
    assert client.get(f"{UPLOAD}not-a-token/", follow=True).status_code == 404
