"""Fixtures shared by the whole suite: a published page tree in one call."""

import pytest
from django.core.cache import caches

from tests import factories


@pytest.fixture
def home_page(db):
    return factories.home_page()


@pytest.fixture
def site_tree(db):
    """Home, the three index pages, one treatment linked to a condition and an alternative."""
    return factories.SiteTree.build()


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
