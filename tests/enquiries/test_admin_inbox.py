"""The enquiry inbox in the admin: list, filters, search, inspect, edit, export."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_list_shows_enquiry(client, viewer_user, enquiry):
    client.force_login(viewer_user)
    response = client.get(reverse("treatments_cms_enquiry_modeladmin_index"))
    assert response.status_code == 200
    assert enquiry.name in response.content.decode()
