"""Fixtures shared by the whole suite: a published page tree in one call."""

import os

import pytest
from django.core.cache import caches
from hypothesis import settings as hypothesis_settings

from tests import factories

# Generated examples per property test: HYPOTHESIS_PROFILE=ci (CI's runs),
# the default, or nightly (a long run now and then).
hypothesis_settings.register_profile("ci", max_examples=120)
hypothesis_settings.register_profile("default", max_examples=520)
hypothesis_settings.register_profile("nightly", max_examples=5000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def home_page(db):
    return factories.home_page()


@pytest.fixture
def site_tree(db):
    """Home, the three index pages, one treatment linked to a condition and an alternative."""
    return factories.SiteTree.build()


@pytest.fixture(scope="session")
def media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def test_media(settings, media_root):
    """Pictures the tests make (the demo's, factories') stay out of the project.

    Wagtail's renditions cache is emptied too: a test's rolled-back image may
    share its id with the next test's.
    """
    settings.MEDIA_ROOT = media_root
    if "renditions" in settings.CACHES:
        caches["renditions"].clear()


@pytest.fixture
def clinic_group(site_tree):
    """``site_tree`` plus a locations index, two clinics and three practitioners."""
    return factories.ClinicGroup.build(site_tree)


@pytest.fixture(autouse=True)
def fresh_throttle():
    """One test's accepted enquiries (and cached counts) never reach the next."""
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def no_wait(settings):
    """Enquiry forms may be sent the moment they are rendered."""
    settings.TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS = 0
