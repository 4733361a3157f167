"""The site search page: grouped results and a friendly empty state."""

import pytest
from wagtail.models import PageViewRestriction

from tests import factories
from tests.public.conftest import links, main_text, soup, text


def groups(response):
    """{group heading: [result titles]} of a search results page."""
    return {
        text(section.find("h2")): [text(a) for a in section.find_all("a")]
        for section in soup(response).find_all("section", class_="search-group")
    }


def test_alternate_name_finds_the_condition(client, site_tree):
    response = client.get("/search/", {"q": "thread veins"})

    assert response.status_code == 200
    found = groups(response)
    assert "Spider veins" in found["Conditions"]
    section = soup(response).find("section", class_="search-group")
    assert links(section)["Spider veins"] == site_tree.condition.url


def test_results_are_grouped_by_type(client, site_tree):
    factories.ConditionPageFactory(title="Laser burns")
    factories.AlternativePageFactory(title="Laser-free peel")

    found = groups(client.get("/search/", {"q": "laser"}))

    assert list(found) == ["Treatments", "Conditions", "Alternatives"]
    assert found["Treatments"] == ["Laser skin rejuvenation"]
    assert found["Conditions"] == ["Laser burns"]
    assert found["Alternatives"] == ["Laser-free peel"]


def test_a_type_without_results_has_no_heading(client, site_tree):
    found = groups(client.get("/search/", {"q": "chemical peel"}))

    assert list(found) == ["Alternatives"]
    assert found["Alternatives"] == ["Chemical peel"]


def test_drafts_and_private_pages_are_not_found(client, site_tree):
    draft = factories.TreatmentPageFactory(title="Laser draft")
    draft.unpublish()
    private = factories.TreatmentPageFactory(title="Laser members only")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    found = groups(client.get("/search/", {"q": "laser"}))

    assert found["Treatments"] == ["Laser skin rejuvenation"]


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_empty_query_shows_a_friendly_prompt(client, site_tree, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert "Type the name of a treatment or a skin condition" in main_text(response)
    assert groups(response) == {}


def test_no_query_at_all(client, site_tree):
    response = client.get("/search/")

    assert response.status_code == 200
    assert text(soup(response).find("h1")) == "Search"


@pytest.mark.parametrize(
    "query",
    [
        "zzzqqq",
        "x" * 10_000,
        "thread veins " * 500,
        '"unbalanced (quote AND OR NOT * ~ ^ :',
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        # NUL and other controls are a 400 (tests/enquiries/test_bad_input.py).
        "\u202e bidi control",
        "🙂 émoji",
        "!!! ??? ***",
    ],
)
def test_absurd_queries_show_an_empty_state_not_an_error(client, site_tree, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    body = main_text(response)
    assert "No pages match" in body or groups(response)
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_query_is_kept_in_the_box_and_echoed_escaped(client, site_tree):
    response = client.get("/search/", {"q": "<b>veins</b>"})

    page = soup(response)
    box = page.find("input", attrs={"name": "q", "type": "search"})
    assert box["value"] == "<b>veins</b>"
    assert page.find("main").find("b") is None
    assert "No pages match “<b>veins</b>”." in main_text(response)


def test_long_query_is_cut_to_the_box_length(client, site_tree):
    response = client.get("/search/", {"q": "y" * 500})

    box = soup(response).find("input", id="search-query")
    assert box["value"] == "y" * 100
    assert box["maxlength"] == "100"


def test_search_page_is_not_indexed(client, site_tree):
    page = soup(client.get("/search/", {"q": "veins"}))

    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
