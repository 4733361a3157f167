"""The demo clinic group: three clinics, three practitioners, local prices."""

import pytest
from bs4 import BeautifulSoup

from treatments_cms import swappable

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(demo_content):
    return demo_content


def visible_text(response):
    main = BeautifulSoup(response.content.decode(), "html.parser").find("main")
    return " ".join(main.get_text(" ").split())


def test_three_clinics_with_different_hours_and_prices(loaded):
    locations = list(swappable.get_location_page_model().objects.order_by("path"))
    assert [location.title for location in locations] == [
        "Exampleton",
        "Harbourside",
        "Northgate",
    ]
    weeks = [
        [(row.weekday, row.opens, row.closes) for row in location.opening_hours.all()]
        for location in locations
    ]
    assert len({tuple(week) for week in weeks}) == 3
    prices = [location.offered_treatments.get().price_from for location in locations]
    assert len(set(prices)) == 3
    for location in locations:
        assert location.hours_exceptions.filter(note="Christmas Day").exists()
        assert location.postcode.startswith("ZZ")  # no real postcode area
        assert location.latitude is None  # coordinates would name a real place


def test_three_practitioners_one_per_kind_of_registration(loaded):
    practitioners = {
        p.slug: p
        for p in swappable.get_practitioner_model().objects.exclude(
            name="Dr Rowan Ashby"
        )
    }
    assert set(practitioners) == {"dr-imogen-hale", "niamh-carroll", "sam-okoro"}
    # A register that opens the entry, one that is a search page, and none.
    assert practitioners["dr-imogen-hale"].register_url.endswith("/doctors/0000000")
    assert practitioners["niamh-carroll"].register_url.endswith("search-the-register/")
    assert practitioners["sam-okoro"].register_url == ""
    for practitioner in practitioners.values():
        assert practitioner.photo is not None
        assert practitioner.photo_alt


def test_the_pages_for_the_readme_screenshots_render(loaded, client):
    location = client.get("/clinics/exampleton/")
    assert location.status_code == 200
    body = visible_text(location)
    assert "Opening hours" in body
    assert "Dr Imogen Hale" in body
    profile = client.get("/clinics/practitioners/dr-imogen-hale/")
    assert profile.status_code == 200
    assert "General Medical Council" in visible_text(profile)


def test_the_treatment_shows_the_lowest_local_price(loaded, client):
    response = client.get("/treatments/laser-skin-rejuvenation/")
    body = visible_text(response)
    assert "£180 at Exampleton, confirmed at consultation" in body
    assert "Who performs it" in body
    assert "Sam Okoro" not in body  # does not perform it
