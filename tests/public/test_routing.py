"""Routing: a child of the home page is found with its specific page in one query."""

import pytest
from django.http import Http404
from django.test import RequestFactory

from tests import factories
from treatments_cms import swappable
from treatments_cms.routing import ChildRouteMixin, child_types

pytestmark = pytest.mark.django_db


def route(page, *components):
    request = RequestFactory().get("/")
    return page.route(request, list(components)).page


def test_the_home_page_routes_through_the_mixin(site_tree):
    assert isinstance(site_tree.home, ChildRouteMixin)
    assert swappable.get_model("TreatmentIndexPage") in child_types(site_tree.home)


def test_an_index_is_found_specific_in_one_query(site_tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        index = route(site_tree.home, site_tree.treatment_index.slug)

    assert index == site_tree.treatment_index
    assert type(index) is type(site_tree.treatment_index)
    assert index.introduction == site_tree.treatment_index.introduction
    # The parent is known: asking for it costs nothing.
    with django_assert_num_queries(0):
        assert index.get_parent() == site_tree.home


def test_a_treatment_two_levels_down_costs_two_queries(
    site_tree, django_assert_num_queries
):
    with django_assert_num_queries(2):
        page = route(
            site_tree.home, site_tree.treatment_index.slug, site_tree.treatment.slug
        )

    assert page == site_tree.treatment
    assert type(page) is swappable.get_treatment_page_model()


def test_a_child_of_another_type_is_still_found(site_tree, django_assert_num_queries):
    # Not one of the home page's subpage types: Wagtail's second query finds it.
    stray = factories.TreatmentPageFactory(title="Stray", slug="stray")
    stray.move(site_tree.home, pos="last-child")

    with django_assert_num_queries(2):
        page = route(site_tree.home, "stray")

    assert type(page) is swappable.get_treatment_page_model()
    assert page.pk == stray.pk


def test_missing_and_draft_children_are_not_found(site_tree):
    with pytest.raises(Http404):
        route(site_tree.home, "no-such-page")

    site_tree.condition_index.unpublish()
    with pytest.raises(Http404):
        route(site_tree.home, site_tree.condition_index.slug)


def test_the_site_serves_every_page_as_before(client, site_tree):
    for page in site_tree.pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert response.context["page"].specific_class is page.specific_class
