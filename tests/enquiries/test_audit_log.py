"""Enquiry views, exports, erasures and purges in Wagtail's audit log."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import EnquiryFactory
from treatments_cms.enquiries import audit
from treatments_cms.models import Enquiry, EnquiryLogEntry, EnquiryStatus

pytestmark = pytest.mark.django_db

SITE_HISTORY = "wagtailadmin_reports:site_history"


def inspect_url(enquiry):
    return reverse("treatments_cms_enquiry_modeladmin_inspect", args=[enquiry.pk])


@pytest.fixture
def sensitive(site_tree):
    """An enquiry whose every answer is easy to spot in a log."""
    enquiry = EnquiryFactory(
        treatment=site_tree.treatment,
        consent_statement=site_tree.consent,
        name="Secret Name",
        email="secret.person@example.com",
        phone="07700 900123",
        message="My private medical history",
    )
    enquiry.concerns.add(site_tree.condition)
    return enquiry


def visitor_values(enquiry):
    return [
        enquiry.name,
        enquiry.email,
        enquiry.phone,
        enquiry.message,
        enquiry.treatment_title,
        "Spider veins",
    ]


def test_inspect_is_logged_as_a_view(client, viewer_user, sensitive):
    client.force_login(viewer_user)

    client.get(inspect_url(sensitive))
    client.get(inspect_url(sensitive))

    entries = EnquiryLogEntry.objects.filter(action=audit.VIEW)
    assert entries.count() == 2
    entry = entries.first()
    assert entry.object_id == str(sensitive.pk)
    assert entry.user == viewer_user
    assert entry.label == f"Enquiry #{sensitive.pk}"
    assert entry.data == {"enquiry_id": sensitive.pk}


def test_denied_inspect_is_not_logged(client, editor_user, sensitive):
    client.force_login(editor_user)
    client.get(inspect_url(sensitive))
    assert not EnquiryLogEntry.objects.filter(action=audit.VIEW).exists()


def test_export_is_logged_per_enquiry(client, exporter_user, sensitive, site_tree):
    other = EnquiryFactory(treatment=site_tree.treatment)
    client.force_login(exporter_user)

    response = client.get(
        reverse("treatments_cms_enquiry_modeladmin_index"), {"export": "csv"}
    )
    b"".join(response.streaming_content)

    entries = EnquiryLogEntry.objects.filter(action=audit.EXPORT)
    assert sorted(e.object_id for e in entries) == sorted(
        [str(sensitive.pk), str(other.pk)]
    )
    assert {e.user for e in entries} == {exporter_user}
    assert entries[0].data == {"count": 2, "format": "csv"}


def test_denied_export_is_not_logged(client, viewer_user, sensitive):
    client.force_login(viewer_user)
    client.get(reverse("treatments_cms_enquiry_modeladmin_index"), {"export": "csv"})
    assert not EnquiryLogEntry.objects.filter(action=audit.EXPORT).exists()


def test_no_log_entry_carries_visitor_content(client, superuser, sensitive, site_tree):
    """View, export, edit, erase and purge: labels and data hold numbers only."""
    values = visitor_values(sensitive)
    client.force_login(superuser)
    client.get(inspect_url(sensitive))
    b"".join(
        client.get(
            reverse("treatments_cms_enquiry_modeladmin_index"), {"export": "csv"}
        ).streaming_content
    )
    client.post(
        reverse("treatments_cms_enquiry_modeladmin_edit", args=[sensitive.pk]),
        {"status": EnquiryStatus.CONTACTED, "assignee": "", "internal_notes": "x"},
    )
    call_command("export_enquiries_for", sensitive.email, stdout=io.StringIO())
    call_command("erase_enquiries_for", sensitive.email, "--yes", stdout=io.StringIO())
    purged = EnquiryFactory(
        treatment=site_tree.treatment,
        name="Other Secret",
        message="Another private history",
    )
    site_tree.settings.enquiry_retention_days = 1
    site_tree.settings.save()
    Enquiry.objects.filter(pk=purged.pk).update(
        # Past any retention period, whatever floor the purge applies.
        created_at=timezone.now() - datetime.timedelta(days=4000)
    )
    call_command("purge_enquiries", stdout=io.StringIO())

    entries = EnquiryLogEntry.objects.filter(
        content_type__app_label="treatments_cms", content_type__model="enquiry"
    )
    actions = {e.action for e in entries}
    assert {
        audit.VIEW,
        audit.EXPORT,
        audit.ERASE,
        audit.PURGE,
        "wagtail.edit",
    } <= actions
    dumped = json.dumps([[e.label, e.data] for e in entries])
    for value in [*values, "Other Secret", "Another private history"]:
        assert value not in dumped


def test_entries_show_in_the_site_history_report(client, superuser, sensitive):
    client.force_login(superuser)
    client.get(inspect_url(sensitive))
    call_command("erase_enquiries_for", sensitive.email, "--yes", stdout=io.StringIO())

    response = client.get(reverse(SITE_HISTORY))
    html = response.content.decode()

    assert response.status_code == 200
    assert f"Enquiry #{sensitive.pk}" in html
    assert "Viewed" in html
    assert (
        "Erased at the person&#x27;s request" in html
        or "Erased at the person's request" in html
    )
    # The action filter offers the custom actions by label.
    assert "View enquiry" in html
    assert "Secret Name" not in html


def test_site_history_filtered_to_one_action(client, superuser, sensitive):
    client.force_login(superuser)
    client.get(inspect_url(sensitive))

    response = client.get(reverse(SITE_HISTORY), {"action": audit.VIEW})

    assert response.status_code == 200
    assert f"Enquiry #{sensitive.pk}" in response.content.decode()
