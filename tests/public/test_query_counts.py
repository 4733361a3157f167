"""A page costs a fixed number of queries, whatever the number of links or cards.

Each test serves a page with one link (or card), then with many, and checks
both cost the same, pinned at a maximum. Every card and row has an image, so
a missing rendition prefetch would show. Each page is requested once before
counting, so renditions exist and Wagtail's site-root cache is warm, as on a
running site.
"""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from treatments_cms.models import (
    AlternativeConditionLink,
    TreatmentAlternativeLink,
    TreatmentConditionLink,
)

# The pinned costs of one request; raise them only for a reason you can name.
TREATMENT_PAGE_QUERIES = 15
CONDITION_PAGE_QUERIES = 15
ALTERNATIVE_PAGE_QUERIES = 14
INDEX_PAGE_QUERIES = 14


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.TREATMENTS_CMS_INDEX_PAGE_SIZE = 50


def image():
    return wagtail_factories.ImageFactory()


def queries_to_serve(client, url):
    """Queries one request for ``url`` costs, after a first, warming request."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_treatment_page_with_1_or_50_conditions_and_alternatives(
    client, site_tree, django_assert_max_num_queries
):
    treatment = site_tree.treatment
    for page in (site_tree.condition, site_tree.alternative, treatment):
        page.image = image()
        page.save_revision().publish()
    one = queries_to_serve(client, treatment.url)

    for n in range(49):
        condition = factories.ConditionPageFactory(image=image())
        TreatmentConditionLink.objects.create(
            page=treatment, condition=condition, note=f"Note {n}", sort_order=n + 1
        )
        model = (
            factories.AlternativePageFactory
            if n % 2
            else factories.TreatmentPageFactory
        )
        TreatmentAlternativeLink.objects.create(
            page=treatment, alternative=model(image=image()), sort_order=n + 1
        )
    many = queries_to_serve(client, treatment.url)

    assert many == one
    with django_assert_max_num_queries(TREATMENT_PAGE_QUERIES):
        response = client.get(treatment.url)
    body = response.content.decode()
    assert body.count('class="card"') == 50
    assert body.count('<th scope="row">') == 52  # itself, 50 options, no treatment


def test_condition_page_with_1_or_50_treatments_and_alternatives(
    client, site_tree, django_assert_max_num_queries
):
    condition = site_tree.condition
    for page in (site_tree.treatment, site_tree.alternative):
        page.image = image()
        page.save_revision().publish()
    one = queries_to_serve(client, condition.url)

    for _ in range(49):
        factories.TreatmentPageFactory(image=image(), conditions=[condition])
        alternative = factories.AlternativePageFactory(image=image())
        AlternativeConditionLink.objects.create(page=alternative, condition=condition)
    many = queries_to_serve(client, condition.url)

    assert many == one
    with django_assert_max_num_queries(CONDITION_PAGE_QUERIES):
        response = client.get(condition.url)
    assert response.content.decode().count('class="card"') == 100


def test_alternative_page_with_1_or_50_conditions_and_treatments(
    client, site_tree, django_assert_max_num_queries
):
    alternative = site_tree.alternative
    one = queries_to_serve(client, alternative.url)

    for n in range(49):
        condition = factories.ConditionPageFactory(image=image())
        AlternativeConditionLink.objects.create(
            page=alternative, condition=condition, sort_order=n + 1
        )
        factories.TreatmentPageFactory(image=image(), alternatives=[alternative])
    many = queries_to_serve(client, alternative.url)

    # Never more with fifty of each than with one (with Redis as the cache,
    # the second state can be one lookup cheaper than the first).
    assert many <= one
    with django_assert_max_num_queries(ALTERNATIVE_PAGE_QUERIES):
        client.get(alternative.url)


@pytest.mark.parametrize(
    ("index", "factory"),
    [
        ("treatment_index", factories.TreatmentPageFactory),
        ("condition_index", factories.ConditionPageFactory),
        ("alternative_index", factories.AlternativePageFactory),
    ],
)
def test_index_page_with_1_or_30_cards(
    client, site_tree, django_assert_max_num_queries, index, factory
):
    index_page = getattr(site_tree, index)
    (card,) = index_page.get_children().specific()
    card.image = image()
    card.save_revision().publish()
    url = index_page.url
    one = queries_to_serve(client, url)

    for _ in range(29):
        factory(image=image())
    many = queries_to_serve(client, url)

    assert many == one
    with django_assert_max_num_queries(INDEX_PAGE_QUERIES):
        response = client.get(url)
    assert response.content.decode().count('class="card"') == 30


def test_filtered_treatment_index_costs_the_same(
    client, site_tree, django_assert_max_num_queries
):
    site_tree.treatment.image = image()
    site_tree.treatment.save_revision().publish()
    url = f"{site_tree.treatment_index.url}?condition={site_tree.condition.slug}"
    one = queries_to_serve(client, url)

    for _ in range(29):
        factories.TreatmentPageFactory(image=image(), conditions=[site_tree.condition])
    many = queries_to_serve(client, url)

    assert many == one
    with django_assert_max_num_queries(INDEX_PAGE_QUERIES):
        client.get(url)


def test_search_costs_the_same_for_1_or_20_results(
    client, site_tree, django_assert_max_num_queries
):
    url = "/search/?q=veins"
    one = queries_to_serve(client, url)

    for n in range(19):
        factories.ConditionPageFactory(title=f"Veins {n}")
    many = queries_to_serve(client, url)

    assert many == one
