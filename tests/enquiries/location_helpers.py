"""Clinics (location pages) and a second Wagtail site for the enquiry tests."""

from types import SimpleNamespace

from wagtail.models import Site

from tests.factories import (
    ClinicSettingsFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
)


def build_clinics(tree):
    """Leeds offers the tree's treatment (and has its own recipients); York
    offers only a second treatment and has none; Hull offers the tree's
    treatment but is a draft."""
    microneedling = TreatmentPageFactory(title="Microneedling")
    leeds = LocationPageFactory(
        title="Leeds",
        treatments=[tree.treatment],
        notification_recipients="leeds@example.com\nleeds.manager@example.com",
    )
    york = LocationPageFactory(title="York", treatments=[microneedling])
    hull = LocationPageFactory(title="Hull", treatments=[tree.treatment], live=False)
    return SimpleNamespace(
        leeds=leeds, york=york, hull=hull, microneedling=microneedling
    )


def build_second_site(tree, hostname="ie.example", retention_days=365):
    """A second site (its own home, settings, treatment and clinic, Dublin).

    Dublin offers the second site's treatment and, across sites, the first
    site's too: the first site must still never list it.
    """
    home = tree.home.add_sibling(instance=type(tree.home)(title="Ireland"))
    site = Site.objects.create(hostname=hostname, port=80, root_page=home)
    settings = ClinicSettingsFactory(
        site=site,
        clinic_name="Example Skin Clinic Ireland",
        notification_recipients="ireland@example.com",
        enquiry_retention_days=retention_days,
    )
    treatment = TreatmentPageFactory(
        parent=TreatmentIndexPageFactory(parent=home), title="Laser (Ireland)"
    )
    dublin = LocationPageFactory(
        parent=LocationIndexPageFactory(parent=home),
        title="Dublin",
        country="IE",
        treatments=[treatment, tree.treatment],
        notification_recipients="dublin@example.com",
    )
    return SimpleNamespace(
        home=home, site=site, settings=settings, treatment=treatment, dublin=dublin
    )
