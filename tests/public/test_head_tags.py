"""The head tags work in a host project's own ``base.html``, one line each.

The host base template (``host_templates/base.html``) holds nothing but the
one-liners the README shows, so everything asserted here comes from them.
"""

import json
from pathlib import Path

import pytest
import wagtail_factories
from django.template import Context, Template
from django.test import RequestFactory

from tests.public.conftest import json_ld, soup, text

HOST_TEMPLATES = Path(__file__).parent / "host_templates"


@pytest.fixture
def host_site(settings):
    """The plugin's pages rendered inside a host project's base template only."""
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "DIRS": [HOST_TEMPLATES],
        }
    ]


def meta(page, **attrs):
    return page.find("meta", attrs=attrs)["content"]


def test_meta_canonical_and_open_graph_in_a_host_base(client, site_tree, host_site):
    treatment = site_tree.treatment
    url = treatment.get_full_url()

    page = soup(client.get(treatment.url))

    assert text(page.find("title")) == "Laser skin rejuvenation"
    assert meta(page, name="description") == "What laser skin rejuvenation does."
    assert page.find("link", rel="canonical")["href"] == url
    assert url.startswith("http://")
    assert meta(page, property="og:type") == "website"
    assert meta(page, property="og:title") == "Laser skin rejuvenation"
    assert meta(page, property="og:description") == (
        "What laser skin rejuvenation does."
    )
    assert meta(page, property="og:url") == url
    assert meta(page, property="og:site_name") == "Example Skin Clinic"
    assert meta(page, name="twitter:card") == "summary"
    assert page.find("meta", property="og:image") is None
    # Nothing of the demo site's chrome came along.
    assert page.find("header") is None
    sheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert "/static/home/css/site.css" not in sheets


def test_json_ld_in_a_host_base(client, site_tree, host_site):
    graph = json_ld(client.get(site_tree.treatment.url))

    assert graph["MedicalWebPage"]["url"] == site_tree.treatment.get_full_url()
    assert graph["MedicalWebPage"]["mainEntity"]["@type"] == "MedicalProcedure"
    assert graph["MedicalClinic"]["name"] == "Example Skin Clinic"
    assert [item["name"] for item in graph["BreadcrumbList"]["itemListElement"]] == [
        "Home",
        "Treatments",
        "Laser skin rejuvenation",
    ]


def test_breadcrumbs_in_a_host_base(client, site_tree, host_site):
    page = soup(client.get(site_tree.condition.url))

    trail = page.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert [text(li) for li in trail.find_all("li")] == [
        "Home",
        "Conditions",
        "Spider veins",
    ]
    assert [a["href"] for a in trail.find_all("a")] == [
        site_tree.home.url,
        site_tree.condition_index.url,
    ]
    assert trail.find(attrs={"aria-current": "page"}).string == "Spider veins"


def test_seo_title_search_description_and_image(
    client, site_tree, host_site, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    alternative = site_tree.alternative
    alternative.seo_title = "Chemical peels compared"
    alternative.search_description = "How a peel compares."
    alternative.image = wagtail_factories.ImageFactory(title="A peel")
    alternative.save_revision().publish()

    page = soup(client.get(alternative.url))

    assert meta(page, property="og:title") == "Chemical peels compared"
    assert meta(page, name="description") == "How a peel compares."
    assert meta(page, property="og:description") == "How a peel compares."
    assert meta(page, property="og:image").startswith("http://testserver/media/")
    assert meta(page, property="og:image:alt") == "A peel"
    assert meta(page, name="twitter:card") == "summary_large_image"


def test_a_page_of_another_app_gets_meta_but_no_trail(client, site_tree, host_site):
    """The demo's home page is not the plugin's: meta tags, the clinic, no trail."""
    home = site_tree.home
    home.search_description = "A clinic for your skin."
    home.save_revision().publish()

    response = client.get("/")
    page = soup(response)

    assert meta(page, name="description") == "A clinic for your skin."
    assert page.find("link", rel="canonical")["href"] == home.get_full_url()
    assert meta(page, property="og:title") == home.title
    assert set(json_ld(response)) == {"MedicalClinic"}
    assert page.find("nav", attrs={"aria-label": "Breadcrumb"}) is None


def test_site_name_falls_back_to_the_wagtail_site(client, db, host_site):
    from tests import factories

    treatment = factories.TreatmentPageFactory(title="Peel")
    site = treatment.get_site()
    site.site_name = "Skin Clinic Site"
    site.save()

    page = soup(client.get(treatment.url))

    assert meta(page, property="og:site_name") == "Skin Clinic Site"


LINES = (
    "{% load treatments_cms_head %}"
    "{% treatments_cms_meta %}{% treatments_cms_json_ld %}"
    "{% treatments_cms_breadcrumbs %}"
)


def test_the_tags_render_nothing_without_a_page(site_tree):
    """A search or error page has no Wagtail page: no tags, and no error."""
    request = RequestFactory().get("/search/")

    html = Template(LINES).render(Context({"request": request, "page": 2}))

    assert "<meta" not in html
    assert "breadcrumb" not in html.lower()
    scripts = soup_of(html).find_all("script", type="application/ld+json")
    assert [s["@type"] for s in json.loads(scripts[0].string)["@graph"]] == [
        "MedicalClinic"
    ]


def test_the_tags_find_the_page_as_self(site_tree):
    """Wagtail gives templates the page as ``self`` too; either name works."""
    request = RequestFactory().get(site_tree.treatment.url)

    html = Template(LINES).render(
        Context({"request": request, "self": site_tree.treatment})
    )

    page = soup_of(html)
    assert meta(page, property="og:title") == "Laser skin rejuvenation"
    assert text(page.find("nav")).endswith("Laser skin rejuvenation")


def soup_of(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")
