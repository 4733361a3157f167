"""Per-site settings: each site's enquiries are purged after that site's own period.

Measured on the old code: a 100-day-old enquiry of a site set to 30 days was
kept, because only the default site's period was applied.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from freezegun import freeze_time

from tests.enquiries.location_helpers import build_second_site
from tests.factories import EnquiryFactory
from treatments_cms.enquiries import audit
from treatments_cms.enquiries.retention import retention_periods
from treatments_cms.models import ClinicSettings, Enquiry, EnquiryLogEntry

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def ireland(site_tree):
    """A second site keeping enquiries 30 days; the default site keeps 365."""
    return build_second_site(site_tree, retention_days=30)


def received(days, **kwargs):
    with freeze_time(NOW - datetime.timedelta(days=days)):
        return EnquiryFactory(**kwargs)


@pytest.fixture
def ages(site_tree, ireland):
    default_site = site_tree.home.get_site()
    uk = {"treatment": site_tree.treatment, "site": default_site}
    ie = {"treatment": ireland.treatment, "site": ireland.site}
    return {
        "uk_100": received(100, name="Uma Hundred", **uk),
        "uk_400": received(400, name="Ulla Old", **uk),
        "ie_100": received(100, name="Ines Hundred", **ie),
        "ie_10": received(10, name="Iris Recent", **ie),
        # Stored before enquiries recorded their site: the treatment's site.
        "ie_legacy_40": received(40, name="Ida Legacy", treatment=ireland.treatment),
        "uk_legacy_40": received(40, name="Ugo Legacy", treatment=site_tree.treatment),
        # No site and no treatment any more: the default site's period.
        "orphan_100": received(
            100, name="Otto Orphan", treatment=None, treatment_title="Gone"
        ),
        "orphan_400": received(
            400, name="Olga Orphan", treatment=None, treatment_title="Gone"
        ),
    }


def purge(*args):
    out = io.StringIO()
    with freeze_time(NOW):
        call_command("purge_enquiries", *args, stdout=out)
    return out.getvalue()


def names():
    return set(Enquiry.objects.values_list("name", flat=True))


def test_each_site_keeps_its_enquiries_for_its_own_period(ages):
    out = purge()

    assert names() == {
        "Uma Hundred",  # 100 days, on a 365-day site
        "Iris Recent",
        "Ugo Legacy",
        "Otto Orphan",
    }
    assert (
        "Retention period for localhost: 365 days, from the default site's clinic settings."
        in out
    )
    assert (
        "Retention period for ie.example: 30 days, from the clinic settings of "
        "ie.example." in out
    )
    assert "Purged 2 enquiries of localhost older than 365 days." in out
    assert "Purged 2 enquiries of ie.example older than 30 days." in out
    assert "Purged 4 enquiries in all." in out
    for enquiry in ages.values():
        assert enquiry.name not in out


def test_the_dry_run_counts_per_site_and_deletes_nothing(ages):
    out = purge("--dry-run")

    assert Enquiry.objects.count() == len(ages)
    assert "Dry run: 2 enquiries of localhost are older than 365 days" in out
    assert "Dry run: 2 enquiries of ie.example are older than 30 days" in out
    assert "Dry run: 4 enquiries in all; nothing was deleted." in out
    assert not EnquiryLogEntry.objects.filter(action=audit.PURGE).exists()


def test_each_sites_purge_is_audited_with_its_period(ages, ireland, site_tree):
    purge()

    entries = EnquiryLogEntry.objects.filter(action=audit.PURGE)
    by_enquiry = {entry.object_id: entry.data for entry in entries}
    default_site = site_tree.home.get_site()
    assert by_enquiry[str(ages["uk_400"].pk)] == {
        "count": 2,
        "retention_days": 365,
        "site_id": default_site.pk,
    }
    assert by_enquiry[str(ages["ie_100"].pk)] == {
        "count": 2,
        "retention_days": 30,
        "site_id": ireland.site.pk,
    }
    assert len({entry.uuid for entry in entries}) == 2  # one run per site


def test_the_floor_applies_to_every_site(ages, ireland):
    ClinicSettings.objects.filter(pk=ireland.settings.pk).update(
        enquiry_retention_days=5
    )

    out = purge("--dry-run")

    assert (
        "Retention period for ie.example: 30 days, from "
        "TREATMENTS_CMS_ENQUIRY_RETENTION_MIN_DAYS, the floor (raised from 5 days "
        "in the clinic settings of ie.example)." in out
    )


def test_a_site_without_clinic_settings_uses_the_setting(ages, ireland, settings):
    settings.TREATMENTS_CMS_ENQUIRY_RETENTION_DAYS = 60
    ireland.settings.delete()

    periods = {site.hostname: period for site, period in retention_periods()}

    assert periods["ie.example"].days == 60
    assert periods["ie.example"].source == "TREATMENTS_CMS_ENQUIRY_RETENTION_DAYS"
    assert periods["localhost"].days == 365


def test_one_site_reads_as_before(site_tree):
    out = purge("--dry-run")

    assert "Retention period: 365 days, from the default site's clinic settings." in out
    assert " of " not in out


# --- Currency and recipients are read per site ------------------------------


def test_the_currency_is_read_from_the_requests_site(site_tree, ireland):
    from treatments_cms.models.locations import currency_for

    ireland.settings.currency = "EUR"
    ireland.settings.save()
    factory = RequestFactory()

    assert currency_for(factory.get("/", HTTP_HOST="ie.example")) == "EUR"
    assert currency_for(factory.get("/", HTTP_HOST="localhost")) == "GBP"


def test_the_recipients_are_read_from_the_enquirys_site(site_tree, ireland, mailoutbox):
    from treatments_cms.enquiries.notify import deliver_notification

    # Recorded on the Irish site, whatever its treatment (here the UK one).
    enquiry = EnquiryFactory(treatment=site_tree.treatment, site=ireland.site)

    deliver_notification(enquiry.pk)

    assert mailoutbox[0].to == ["ireland@example.com"]
