"""Only superusers change the retention period, and never below the floor."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import EnquiryFactory
from treatments_cms.models import ClinicSettings, Enquiry

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)
FLOOR_MESSAGE = "Keep enquiries for at least 30 days"


def edit_url(clinic):
    return reverse(
        "wagtailsettings:edit",
        args=("treatments_cms", "clinicsettings", clinic.site_id),
    )


def form_data(clinic, **changes):
    data = {
        "clinic_name": clinic.clinic_name,
        "address": clinic.address,
        "phone": clinic.phone,
        "email": clinic.email,
        "privacy_page": "",
        "notification_recipients": clinic.notification_recipients,
        "enquiry_retention_days": clinic.enquiry_retention_days,
        # The other required fields, as stored.
        "currency": clinic.currency,
        "enquiry_reply_by": clinic.enquiry_reply_by,
        "enquiry_reply_within": clinic.enquiry_reply_within,
        "logo": "",
        "logo_alt": "",
    }
    return {**data, **changes}


def stored(clinic):
    return ClinicSettings.objects.get(pk=clinic.pk)


@pytest.fixture
def clinic(site_tree):
    return site_tree.settings


@pytest.fixture
def settings_editor(make_user):
    """May edit the clinic settings; not a superuser."""
    return make_user("change_clinicsettings", username="office")


# --- Who may change it, over HTTP -----------------------------------------


def test_a_non_superuser_does_not_see_the_retention_field(
    client, settings_editor, clinic
):
    client.force_login(settings_editor)

    response = client.get(edit_url(clinic))

    assert response.status_code == 200
    assert 'name="enquiry_retention_days"' not in response.content.decode()


def test_a_non_superusers_retention_value_changes_nothing(
    client, settings_editor, clinic
):
    client.force_login(settings_editor)

    response = client.post(
        edit_url(clinic),
        form_data(clinic, phone="020 7946 0999", enquiry_retention_days=1),
    )

    assert response.status_code == 302
    assert stored(clinic).phone == "020 7946 0999"  # the rest was saved
    assert stored(clinic).enquiry_retention_days == 365


def test_a_superuser_changes_the_retention_period(admin_client, clinic):
    response = admin_client.post(
        edit_url(clinic), form_data(clinic, enquiry_retention_days=45)
    )

    assert response.status_code == 302
    assert stored(clinic).enquiry_retention_days == 45


def test_a_period_under_the_floor_is_refused_with_the_floor_named(admin_client, clinic):
    response = admin_client.post(
        edit_url(clinic), form_data(clinic, enquiry_retention_days=29)
    )

    assert response.status_code == 200
    assert FLOOR_MESSAGE in response.content.decode()
    assert stored(clinic).enquiry_retention_days == 365


def test_the_floor_is_a_setting(admin_client, clinic, settings):
    settings.TREATMENTS_CMS_ENQUIRY_RETENTION_MIN_DAYS = 7

    response = admin_client.post(
        edit_url(clinic), form_data(clinic, enquiry_retention_days=6)
    )
    assert "Keep enquiries for at least 7 days" in response.content.decode()

    admin_client.post(edit_url(clinic), form_data(clinic, enquiry_retention_days=7))
    assert stored(clinic).enquiry_retention_days == 7


def test_clean_refuses_a_new_value_under_the_floor(clinic):
    clinic.enquiry_retention_days = 1

    with pytest.raises(ValidationError) as raised:
        clinic.full_clean()

    assert FLOOR_MESSAGE in str(raised.value.message_dict["enquiry_retention_days"])


def test_a_stored_value_under_the_floor_does_not_block_other_edits(
    client, settings_editor, clinic
):
    ClinicSettings.objects.filter(pk=clinic.pk).update(enquiry_retention_days=1)
    client.force_login(settings_editor)

    response = client.post(edit_url(clinic), form_data(clinic, phone="020 7946 0111"))

    assert response.status_code == 302
    assert stored(clinic).phone == "020 7946 0111"


# --- The purge applies the floor and says which period it applies --------


def received(delta, clinic_tree):
    with freeze_time(NOW - delta):
        return EnquiryFactory(
            treatment=clinic_tree.treatment, consent_statement=clinic_tree.consent
        )


def purge(*args):
    out = io.StringIO()
    with freeze_time(NOW):
        call_command("purge_enquiries", *args, stdout=out)
    return out.getvalue()


def test_a_stored_value_under_the_floor_is_not_applied(site_tree):
    ClinicSettings.objects.filter(pk=site_tree.settings.pk).update(
        enquiry_retention_days=1
    )
    old = received(datetime.timedelta(days=31), site_tree)
    recent = received(datetime.timedelta(days=2), site_tree)

    out = purge()

    assert list(Enquiry.objects.values_list("pk", flat=True)) == [recent.pk]
    assert old.pk not in Enquiry.objects.values_list("pk", flat=True)
    assert (
        "Retention period: 30 days, from TREATMENTS_CMS_ENQUIRY_RETENTION_MIN_DAYS, "
        "the floor (raised from 1 day in the default site's clinic settings)." in out
    )
    assert "Purged 1 enquiry older than 30 days." in out


def test_the_purge_prints_the_period_and_its_source(site_tree):
    out = purge("--dry-run")

    assert "Retention period: 365 days, from the default site's clinic settings." in out


def test_without_clinic_settings_the_setting_is_named(settings):
    settings.TREATMENTS_CMS_ENQUIRY_RETENTION_DAYS = 90

    out = purge("--dry-run")

    assert (
        "Retention period: 90 days, from TREATMENTS_CMS_ENQUIRY_RETENTION_DAYS." in out
    )


def test_the_setting_is_raised_to_the_floor_too(settings):
    settings.TREATMENTS_CMS_ENQUIRY_RETENTION_DAYS = 10

    out = purge("--dry-run")

    assert "Retention period: 30 days" in out
    assert "raised from 10 days in TREATMENTS_CMS_ENQUIRY_RETENTION_DAYS" in out
