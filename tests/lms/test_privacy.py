"""No page hands a person's data to a third party: no Gravatar in the admin."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url_name", ["wagtailadmin_home", "wagtailadmin_account"])
def test_admin_pages_do_not_link_to_gravatar(client, superuser, url_name):
    # Gravatar URLs carry a hash of the email: anyone can match it to the address.
    superuser.email = "claire.martin@example.org"
    superuser.save()
    client.force_login(superuser)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().casefold()
