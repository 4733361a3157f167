"""The "New enquiries" panel on the admin dashboard."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import EnquiryFactory
from treatments_cms.models import EnquiryStatus

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 11, 1, 9, 0, tzinfo=datetime.UTC)


def panel(response):
    return BeautifulSoup(response.content.decode(), "html.parser").find(
        id="new-enquiries-section"
    )


@pytest.fixture
def inbox(site_tree):
    """Seven new enquiries an hour apart, and two already handled."""
    new = []
    for i in range(7):
        with freeze_time(START + datetime.timedelta(hours=i)):
            new.append(
                EnquiryFactory(
                    treatment=site_tree.treatment,
                    consent_statement=site_tree.consent,
                    name=f"New visitor {i}",
                )
            )
    for status in (EnquiryStatus.CONTACTED, EnquiryStatus.CLOSED):
        with freeze_time(START + datetime.timedelta(days=1)):
            EnquiryFactory(
                treatment=site_tree.treatment,
                consent_statement=site_tree.consent,
                name=f"Handled {status}",
                status=status,
            )
    return new


def test_panel_shows_count_and_latest_five(client, viewer_user, inbox):
    client.force_login(viewer_user)

    found = panel(client.get(reverse("wagtailadmin_home")))

    assert found is not None
    assert "New enquiries" in found.get_text()
    assert "7 new enquiries" in " ".join(found.get_text().split())
    links = found.select("td a")
    assert [a.get_text(strip=True) for a in links] == [
        f"Enquiry #{inbox[i].pk}" for i in (6, 5, 4, 3, 2)
    ]
    assert [a["href"] for a in links] == [
        reverse("treatments_cms_enquiry_modeladmin_inspect", args=[inbox[i].pk])
        for i in (6, 5, 4, 3, 2)
    ]
    assert found.get_text().count("Laser skin rejuvenation") == 5
    assert "Handled" not in found.get_text()


def test_panel_names_no_visitor(client, viewer_user, inbox):
    """On every admin home page, unaudited: number, treatment and time only."""
    client.force_login(viewer_user)

    response = client.get(reverse("wagtailadmin_home"))
    found = panel(response)

    assert found is not None
    assert "New visitor" not in response.content.decode()
    for enquiry in inbox:
        assert enquiry.email not in response.content.decode()
    headings = [th.get_text(strip=True) for th in found.select("thead th")]
    assert headings == ["Enquiry", "Treatment", "Received"]


@pytest.mark.parametrize("role", ["editor_user", "add_only_user"])
def test_panel_hidden_without_view_permission(client, request, role, inbox):
    client.force_login(request.getfixturevalue(role))

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert panel(response) is None
    assert "New visitor" not in response.content.decode()


def test_panel_escapes_stored_treatment_title(client, viewer_user, site_tree):
    EnquiryFactory(
        treatment=site_tree.treatment,
        treatment_title="<script>alert(1)</script>",
        name="<b>Visitor</b>",
    )
    client.force_login(viewer_user)

    raw = client.get(reverse("wagtailadmin_home")).content.decode()
    found = panel(client.get(reverse("wagtailadmin_home")))

    assert "<script>alert(1)</script>" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    assert "Visitor" not in raw
    assert "1 new enquiry" in " ".join(found.get_text().split())


def test_panel_queries_are_fixed(
    client, viewer_user, site_tree, django_assert_max_num_queries
):
    client.force_login(viewer_user)
    EnquiryFactory(treatment=site_tree.treatment)
    client.get(reverse("wagtailadmin_home"))
    with django_assert_max_num_queries(60) as one:
        client.get(reverse("wagtailadmin_home"))
    for _ in range(8):
        EnquiryFactory(treatment=site_tree.treatment)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(reverse("wagtailadmin_home"))
    assert len(panel(response).select("td a")) == 5
