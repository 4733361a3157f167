"""Purge what changed (issue 11, item 2): the exact URLs sent to the CDN backend.

A recording ``wagtail.contrib.frontend_cache`` backend keeps every URL it is
asked to purge; Wagtail's own handler (the published page alone) and the
plugin's batch both reach it.
"""

import pytest
from django.test import Client
from wagtail.contrib.frontend_cache.backends import BaseBackend

from tests.factories import ConditionPageFactory, SiteTree
from treatments_cms.cache import HIT_HEADER
from treatments_cms.models import TreatmentAlternativeLink

PURGED = []
ROOT = "http://localhost"


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def recorded(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.public.test_purge.RecordingBackend"}
    }
    PURGED.clear()
    yield PURGED
    PURGED.clear()


@pytest.fixture
def tree(db):
    return SiteTree.build()


def url(page):
    return ROOT + page.url


def shared_urls(tree):
    """Purged for every change: the three indexes, home and the sitemap."""
    return {
        url(tree.treatment_index),
        url(tree.condition_index),
        url(tree.alternative_index),
        f"{url(tree.treatment_index)}?condition={tree.condition.slug}",
        ROOT + "/",
        ROOT + "/sitemap.xml",
    }


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


def test_publishing_a_treatment_purges_it_and_every_page_that_shows_it(
    tree, recorded, django_capture_on_commit_callbacks
):
    publish(tree.treatment, django_capture_on_commit_callbacks)

    assert set(recorded) == {
        url(tree.treatment),
        url(tree.condition),
        url(tree.alternative),
        *shared_urls(tree),
    }


def test_publishing_a_condition_purges_its_treatments_and_alternatives(
    tree, recorded, django_capture_on_commit_callbacks
):
    publish(tree.condition, django_capture_on_commit_callbacks)

    assert set(recorded) == {
        url(tree.condition),
        url(tree.treatment),
        url(tree.alternative),
        *shared_urls(tree),
    }


def test_publishing_an_alternative_purges_the_treatments_that_list_it(
    tree, recorded, django_capture_on_commit_callbacks
):
    publish(tree.alternative, django_capture_on_commit_callbacks)

    assert set(recorded) == {
        url(tree.alternative),
        url(tree.condition),
        url(tree.treatment),
        *shared_urls(tree),
    }


def test_a_link_removed_on_publish_still_purges_its_old_page(
    tree, recorded, django_capture_on_commit_callbacks
):
    treatment = type(tree.treatment).objects.get(pk=tree.treatment.pk)
    treatment.alternative_links.set([])

    publish(treatment, django_capture_on_commit_callbacks)

    assert not TreatmentAlternativeLink.objects.filter(page=treatment).exists()
    # The alternative's page listed this treatment until now.
    assert url(tree.alternative) in recorded


def test_unpublishing_purges_the_same_pages(
    tree, recorded, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tree.treatment.unpublish()

    assert set(recorded) == {
        url(tree.treatment),
        url(tree.condition),
        url(tree.alternative),
        *shared_urls(tree),
    }


def test_deleting_purges_the_pages_that_showed_it(
    tree, recorded, django_capture_on_commit_callbacks
):
    treatment_url = url(tree.treatment)
    with django_capture_on_commit_callbacks(execute=True):
        tree.treatment.delete()

    assert {treatment_url, url(tree.condition), url(tree.alternative)} <= set(recorded)
    assert shared_urls(tree) <= set(recorded)


def test_a_new_slug_purges_the_old_url(
    tree, recorded, django_capture_on_commit_callbacks
):
    old = url(tree.condition)
    tree.condition.slug = "broken-veins"

    publish(tree.condition, django_capture_on_commit_callbacks)

    assert old in recorded
    assert ROOT + "/conditions/broken-veins/" in recorded
    assert url(tree.treatment) in recorded


def test_publishing_clears_the_server_side_page_cache_of_those_urls(
    tree, settings, django_capture_on_commit_callbacks
):
    settings.TREATMENTS_CMS_PAGE_CACHE_SECONDS = 300
    visitor = Client()
    other = ConditionPageFactory(title="Unrelated")
    for page in (tree.condition, other):
        visitor.get(page.url)
        assert visitor.get(page.url)[HIT_HEADER] == "hit"

    publish(tree.treatment, django_capture_on_commit_callbacks)

    assert visitor.get(tree.condition.url)[HIT_HEADER] == "miss"
    assert visitor.get(other.url)[HIT_HEADER] == "hit"


def test_renaming_a_condition_reindexes_its_treatments(
    tree, django_capture_on_commit_callbacks
):
    treatment_model = type(tree.treatment)
    assert not treatment_model.objects.live().search("capillaries")

    tree.condition.title = "Broken capillaries"
    publish(tree.condition, django_capture_on_commit_callbacks)

    found = list(treatment_model.objects.live().search("capillaries"))
    assert found == [tree.treatment]


def test_moving_purges_the_page_and_the_pages_that_show_it(
    tree, recorded, django_capture_on_commit_callbacks
):
    from tests.factories import TreatmentPageFactory

    other = TreatmentPageFactory(title="Microneedling")
    recorded.clear()

    with django_capture_on_commit_callbacks(execute=True):
        tree.treatment.move(other, pos="right")

    assert {
        url(tree.treatment),
        url(tree.condition),
        url(tree.alternative),
        *shared_urls(tree),
    } <= set(recorded)


def test_publishing_a_location_purges_the_treatments_it_offers(
    tree, recorded, django_capture_on_commit_callbacks
):
    from tests.factories import LocationPageFactory

    location = LocationPageFactory(title="Leeds", treatments=[tree.treatment])
    recorded.clear()

    publish(location, django_capture_on_commit_callbacks)

    assert {ROOT + location.url, url(tree.treatment)} <= set(recorded)


def test_a_treatment_change_purges_the_locations_that_offer_it(
    tree, recorded, django_capture_on_commit_callbacks
):
    from tests.factories import LocationPageFactory

    location = LocationPageFactory(title="Leeds", treatments=[tree.treatment])
    recorded.clear()

    publish(tree.treatment, django_capture_on_commit_callbacks)

    assert ROOT + location.url in recorded


def test_saving_the_clinic_settings_purges_every_live_page(
    tree, recorded, settings, django_capture_on_commit_callbacks
):
    settings.TREATMENTS_CMS_PAGE_CACHE_SECONDS = 300
    visitor = Client()
    visitor.get(tree.treatment.url)

    with django_capture_on_commit_callbacks(execute=True):
        tree.settings.phone = "0113 496 0999"
        tree.settings.save()

    assert {url(page) for page in tree.pages} <= set(recorded)
    assert visitor.get(tree.treatment.url)[HIT_HEADER] == "miss"
