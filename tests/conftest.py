"""Fixtures shared by the whole suite: a published page tree in one call."""

import pytest

from tests import factories


@pytest.fixture
def home_page(db):
    return factories.home_page()


@pytest.fixture
def site_tree(db):
    """Home, the three index pages, one treatment linked to a condition and an alternative."""
    return factories.SiteTree.build()
