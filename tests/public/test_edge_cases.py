"""Small pieces of the public site at their edges."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from wagtail.models import Site

from tests import factories
from tests.public.conftest import json_ld, links, soup, text
from treatments_cms.sections import format_price


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("250.00"), "£250"),
        (Decimal("149.50"), "£149.50"),
        (Decimal("1200"), "£1,200"),
        (None, ""),
    ],
)
def test_prices_read_as_people_write_them(amount, shown):
    assert format_price(amount) == shown


def test_one_alternate_name_reads_naturally(client, db):
    condition = factories.ConditionPageFactory(
        title="Actinic keratosis", alternate_names=" solar keratosis ,, "
    )

    page = soup(client.get(condition.url))

    assert text(page.find(class_="also-known-as")) == "Also known as solar keratosis"
    entity = json_ld(client.get(condition.url))["MedicalWebPage"]["mainEntity"]
    assert entity["alternateName"] == ["solar keratosis"]


def test_a_host_no_site_answers_gets_a_plain_404(client, site_tree):
    Site.objects.update(is_default_site=False, hostname="clinic.example")

    response = client.get("/treatments/", HTTP_HOST="unknown.example")

    assert response.status_code == 404
    page = soup(response)
    assert text(page.find("h1")) == "Page not found"
    nav = page.find("nav", class_="site-nav")
    assert links(nav) == {"Search": "/search/"}
    assert page.find("script", type="application/ld+json") is None


def test_includes_render_outside_a_request(site_tree):
    """A project may render the includes in an email or a cache warm-up."""
    html = render_to_string(
        "treatments_cms/includes/breadcrumbs.html", {"page": site_tree.treatment}
    )
    crumbs = soup_of(html)
    assert [text(li) for li in crumbs.find_all("li")] == [
        "Home",
        "Treatments",
        "Laser skin rejuvenation",
    ]
    assert render_to_string("treatments_cms/includes/json_ld.html", {}).strip() == ""


def soup_of(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")
