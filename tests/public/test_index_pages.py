"""Index pages: cards, pagination that never fails, and the condition filter."""

import pytest
import wagtail_factories

from tests import factories
from tests.public.conftest import links, main_text, soup, text


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def card_titles(response):
    return [text(h) for h in soup(response).select("main .card .card__title")]


@pytest.fixture
def five_treatments(db, settings):
    settings.TREATMENTS_CMS_INDEX_PAGE_SIZE = 2
    return [factories.TreatmentPageFactory(title=f"Treatment {n}") for n in range(5)]


def test_cards_link_to_each_page_with_its_summary(client, site_tree, media):
    site_tree.condition.image = wagtail_factories.ImageFactory(title="IMG_0042")
    site_tree.condition.hero_image_alt = "Red veins on a cheek"
    site_tree.condition.save_revision().publish()

    response = client.get(site_tree.condition_index.url)

    assert response.status_code == 200
    page = soup(response)
    assert text(page.find("h1")) == "Conditions"
    card = page.select_one("main .card")
    assert links(card) == {"Spider veins": site_tree.condition.url}
    assert "What spider veins is." in text(card)
    image = card.find("img")
    assert image["alt"] == "Red veins on a cheek"
    assert image["src"].startswith("/media/images/")


@pytest.mark.parametrize(
    ("index", "title"),
    [
        ("treatment_index", "Laser skin rejuvenation"),
        ("condition_index", "Spider veins"),
        ("alternative_index", "Chemical peel"),
    ],
)
def test_each_index_lists_its_pages(client, site_tree, index, title):
    response = client.get(getattr(site_tree, index).url)

    assert response.status_code == 200
    assert card_titles(response) == [title]


def test_drafts_are_not_listed(client, site_tree):
    draft = factories.TreatmentPageFactory(title="Coming soon")
    draft.unpublish()

    assert card_titles(client.get(site_tree.treatment_index.url)) == [
        "Laser skin rejuvenation"
    ]


def test_an_empty_index_says_so(client, db):
    index = factories.AlternativeIndexPageFactory()

    response = client.get(index.url)

    assert response.status_code == 200
    assert "There are no alternatives to show yet." in main_text(response)
    assert soup(response).select("main ul") == []


def test_pages_of_cards(client, five_treatments):
    index_url = five_treatments[0].get_parent().url

    first = client.get(index_url)
    second = client.get(index_url, {"page": "2"})

    assert card_titles(first) == ["Treatment 0", "Treatment 1"]
    assert card_titles(second) == ["Treatment 2", "Treatment 3"]
    nav = soup(second).find("nav", attrs={"aria-label": "Pagination"})
    assert links(nav) == {"Previous page": "?page=1", "Next page": "?page=3"}
    assert "Page 2 of 3" in text(nav)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("abc", ["Treatment 0", "Treatment 1"]),
        ("", ["Treatment 0", "Treatment 1"]),
        ("999", ["Treatment 4"]),
        ("-1", ["Treatment 4"]),
        ("0", ["Treatment 4"]),
        ("1.5", ["Treatment 0", "Treatment 1"]),
    ],
)
def test_invalid_or_out_of_range_page_shows_a_valid_page(
    client, five_treatments, value, expected
):
    response = client.get(five_treatments[0].get_parent().url, {"page": value})

    assert response.status_code == 200
    assert card_titles(response) == expected


def test_one_page_of_cards_has_no_pagination(client, site_tree):
    page = soup(client.get(site_tree.treatment_index.url))

    assert page.find("nav", attrs={"aria-label": "Pagination"}) is None


def test_treatments_filtered_by_condition(client, site_tree):
    factories.TreatmentPageFactory(title="Microneedling")

    response = client.get(
        site_tree.treatment_index.url, {"condition": site_tree.condition.slug}
    )

    assert response.status_code == 200
    assert card_titles(response) == ["Laser skin rejuvenation"]
    status = soup(response).find(class_="filter-status")
    assert "Showing treatments for Spider veins." in text(status)
    assert links(status) == {
        "Spider veins": site_tree.condition.url,
        "Show all treatments": site_tree.treatment_index.url,
    }
    selected = soup(response).find("option", selected=True)
    assert selected["value"] == "spider-veins"


def test_filter_offers_the_conditions_that_have_treatments(client, site_tree):
    factories.ConditionPageFactory(title="Untreated condition")

    page = soup(client.get(site_tree.treatment_index.url))

    form = page.find("form", class_="filter")
    label = form.find("label")
    assert text(label) == "Show treatments for"
    select = form.find("select")
    assert label["for"] == select["id"]
    assert [text(option) for option in select.find_all("option")] == [
        "All conditions",
        "Spider veins",
    ]
    assert form["method"] == "get"


def test_unknown_condition_shows_every_treatment_with_a_message(client, site_tree):
    factories.TreatmentPageFactory(title="Microneedling")

    response = client.get(site_tree.treatment_index.url, {"condition": "no-such"})

    assert response.status_code == 200
    assert card_titles(response) == ["Laser skin rejuvenation", "Microneedling"]
    assert "We could not find that condition, so all treatments are shown." in (
        main_text(response)
    )
    assert "no-such" not in response.content.decode()


def test_a_condition_with_no_treatments_yet(client, site_tree):
    condition = factories.ConditionPageFactory(title="Stretch marks")

    response = client.get(site_tree.treatment_index.url, {"condition": condition.slug})

    assert card_titles(response) == []
    assert "No treatments are listed yet for Stretch marks." in main_text(response)


def test_pagination_keeps_the_filter(client, five_treatments):
    condition = factories.ConditionPageFactory(title="Sun damage")
    for treatment in five_treatments:
        treatment.condition_links.create(condition=condition)
        treatment.save_revision().publish()

    response = client.get(
        five_treatments[0].get_parent().url, {"condition": condition.slug}
    )

    nav = soup(response).find("nav", attrs={"aria-label": "Pagination"})
    assert links(nav) == {"Next page": f"?condition={condition.slug}&page=2"}
