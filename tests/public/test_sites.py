"""Two Wagtail sites in one installation are kept apart on the public site.

A clinic group's second site (here an Irish site on its own host) has its own
home page, sections and pages. Its pages, even those linked across to the
first site's, never show in the first site's search, condition and
alternative pages, index pages, navigation, sitemap or API, and the other way
round: every public query goes through ``treatments_cms.public``.
"""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from home.models import HomePage
from tests import factories

from .conftest import soup

SECOND_HOST = "ie.example.com"


@pytest.fixture
def second_site(site_tree):
    """A second site whose treatment links to the first site's condition and
    alternative (an editor may pick any page in the chooser)."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Irish clinic", slug="ireland"))
    site = Site.objects.create(hostname=SECOND_HOST, port=80, root_page=home)
    treatment_index = factories.TreatmentIndexPageFactory(parent=home)
    condition_index = factories.ConditionIndexPageFactory(parent=home)
    alternative_index = factories.AlternativeIndexPageFactory(parent=home)
    condition = factories.ConditionPageFactory(
        parent=condition_index, title="Irish spider veins"
    )
    alternative = factories.AlternativePageFactory(
        parent=alternative_index, title="Irish chemical peel", conditions=[condition]
    )
    treatment = factories.TreatmentPageFactory(
        parent=treatment_index,
        title="Irish laser veins",
        conditions=[condition, site_tree.condition],
        alternatives=[alternative, site_tree.alternative],
    )
    return SimpleNamespace(
        site=site,
        home=home,
        treatment_index=treatment_index,
        treatment=treatment,
        condition=condition,
        alternative=alternative,
    )


def on_second(client, url, **kwargs):
    return client.get(url, HTTP_HOST=SECOND_HOST, **kwargs)


def page_path(page):
    """The page's path on its own site (``url`` would add the other site's host)."""
    return page.get_url_parts()[2]


def test_search_lists_only_the_sites_own_pages(client, site_tree, second_site):
    first = client.get("/search/?q=veins").content.decode()
    assert "Spider veins" in first
    assert "Irish" not in first

    second = on_second(client, "/search/?q=veins").content.decode()
    assert "Irish laser veins" in second
    assert "Irish spider veins" in second
    assert ">Spider veins<" not in second


def test_condition_page_lists_no_treatment_of_another_site(
    client, site_tree, second_site
):
    body = client.get(site_tree.condition.url).content.decode()
    assert site_tree.treatment.title in body
    assert "Irish laser veins" not in body


def test_alternative_page_lists_no_treatment_of_another_site(
    client, site_tree, second_site
):
    body = client.get(site_tree.alternative.url).content.decode()
    assert site_tree.treatment.title in body
    assert "Irish laser veins" not in body


def test_a_treatment_shows_no_linked_page_of_another_site(
    client, site_tree, second_site
):
    response = on_second(client, page_path(second_site.treatment))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Irish spider veins" in body
    assert "Irish chemical peel" in body
    assert ">Spider veins<" not in body
    assert site_tree.alternative.title not in body


def test_index_pages_and_their_filter_list_only_the_sites_own_pages(
    client, site_tree, second_site
):
    first = client.get(site_tree.treatment_index.url).content.decode()
    assert "Irish" not in first
    second = on_second(client, page_path(second_site.treatment_index)).content
    second = second.decode()
    assert "Irish laser veins" in second
    assert site_tree.treatment.title not in second
    # The condition filter offers only the site's own conditions.
    filter_titles = [
        condition.title
        for condition in second_site.treatment_index.get_filter_conditions(
            on_second_request()
        )
    ]
    assert filter_titles == ["Irish spider veins"]


def on_second_request():
    from django.test import RequestFactory

    return RequestFactory().get("/", HTTP_HOST=SECOND_HOST)


def test_navigation_lists_only_the_sites_own_sections(client, site_tree, second_site):
    nav = soup(client.get(site_tree.condition.url)).find("nav", class_="site-nav")
    hrefs = [a["href"] for a in nav.find_all("a")]
    assert page_path(site_tree.treatment_index) in hrefs
    assert not any(SECOND_HOST in href for href in hrefs)

    nav = soup(on_second(client, "/")).find("nav", class_="site-nav")
    hrefs = [a["href"] for a in nav.find_all("a")]
    assert page_path(second_site.treatment_index) in hrefs
    assert not any("localhost" in href for href in hrefs)
    assert len(hrefs) == len(set(hrefs))


def test_sitemap_lists_only_the_sites_own_pages(client, site_tree, second_site):
    first = client.get("/sitemap.xml").content.decode()
    assert site_tree.treatment.get_url_parts()[2] in first
    assert SECOND_HOST not in first
    assert "irish" not in first.lower()

    second = on_second(client, "/sitemap.xml").content.decode()
    assert "irish-laser-veins" in second
    assert "laser-skin-rejuvenation" not in second


def test_api_lists_only_the_sites_own_linked_pages(client, site_tree, second_site):
    response = client.get(f"/api/v2/pages/{site_tree.condition.pk}/")
    if response.status_code == 404 and "api" not in response.get("Content-Type", ""):
        pytest.skip("the demo site has no API route")
    titles = [item["title"] for item in response.json()["treatments"]]
    assert titles == [site_tree.treatment.title]


def test_view_restrictions_are_read_once_per_request(client, site_tree, second_site):
    """Wagtail's ``.public()`` reads every restriction on each call; the plugin
    reads them once per request, whatever the number of lists on the page."""
    PageViewRestriction.objects.create(
        page=second_site.alternative, restriction_type="login"
    )
    url = page_path(second_site.treatment)
    on_second(client, url)
    with CaptureQueriesContext(connection) as captured:
        response = on_second(client, url)
    assert response.status_code == 200
    reads = [
        query["sql"]
        for query in captured.captured_queries
        if 'FROM "wagtailcore_pageviewrestriction"' in query["sql"]
    ]
    # Wagtail's own check of the page served, and the plugin's one read.
    assert len(reads) <= 2
    # The restricted alternative is not shown.
    assert "Irish chemical peel" not in response.content.decode()
