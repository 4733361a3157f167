"""Fixtures shared by the whole suite: a published page tree in one call."""

import os
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command
from hypothesis import settings as hypothesis_settings

from tests import factories
from tests.shared_rows import SHARED, shared_key

# Generated examples per property test: HYPOTHESIS_PROFILE=ci (CI's runs),
# the default, or nightly (a long run now and then).
hypothesis_settings.register_profile("ci", max_examples=120)
hypothesis_settings.register_profile("default", max_examples=520)
hypothesis_settings.register_profile("nightly", max_examples=5000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "fresh_rows: build site_tree or demo_content for this test alone "
        "(see tests/shared_rows.py)",
    )


# --- rows shared by a run of tests (tests/shared_rows.py) ----------------------


def _load_demo_content():
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


SHARED_BUILDS = {
    "site_tree": lambda: factories.SiteTree.ids(factories.SiteTree.build()),
    "demo_content": _load_demo_content,
}


@pytest.fixture
def _shared_rows(request, django_db_setup, django_db_blocker, media_root):
    """Open the shared transaction this test's rows live in, unless it is open.

    Closing is left to ``pytest_runtest_teardown``, which sees the next test.
    """
    key = shared_key(request.node)
    if key is not None and SHARED.key != key:
        SHARED.open(key, SHARED_BUILDS[key], django_db_blocker, media_root)


@pytest.fixture
def _django_db_helper(_shared_rows, _django_db_helper):
    """pytest-django's per-test transaction, opened inside the shared one."""
    return _django_db_helper


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    # At the end of a module, or before a test that reads other rows or makes
    # its own transactions (a unittest-style TestCase opens its class's
    # transaction before any fixture, so this cannot wait for the next setup).
    if SHARED.key is not None and (
        nextitem is None
        or getattr(nextitem, "module", None) is not getattr(item, "module", None)
        or shared_key(nextitem) != SHARED.key
    ):
        SHARED.close()


def pytest_terminal_summary(terminalreporter):
    lines = SHARED.summary()
    if lines:
        terminalreporter.section("shared rows (tests/shared_rows.py)")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture
def home_page(db):
    return factories.home_page()


@pytest.fixture
def site_tree(db):
    """Home, the three index pages, one treatment linked to a condition and an alternative."""
    if SHARED.key == "site_tree":
        SHARED.uses["site_tree"] += 1
        return factories.SiteTree.fetch(SHARED.value)
    return factories.SiteTree.build()


@pytest.fixture
def demo_content(db):
    """The demo site (``load_demo_content``); returns what the command printed."""
    if SHARED.key == "demo_content":
        SHARED.uses["demo_content"] += 1
        return SHARED.value
    return _load_demo_content()


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
