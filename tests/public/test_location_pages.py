"""Location pages, the locations index, and a treatment's clinics and prices."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.public.conftest import json_ld, links, main_text, soup, text
from treatments_cms.models import LocationHoursException, LocationTreatment

pytestmark = pytest.mark.django_db


def test_location_page_shows_address_contact_map_treatments_and_team(
    client, clinic_group
):
    response = client.get(clinic_group.leeds.url)
    assert response.status_code == 200
    body = main_text(response)
    for expected in (
        "12 Park Row",
        "Leeds LS1 5HD",
        "0113 496 0000",
        "clinic@example.com",
        "Opening hours",
        "Treatments here",
        "Laser skin rejuvenation",
        "From £180 here, confirmed at consultation",
        "Who works here",
        "Dr Aoife Byrne",
        "Consultant dermatologist",
        "Grace Okafor",
    ):
        assert expected in body, expected
    page_links = links(soup(response).find("main"))
    assert page_links["Laser skin rejuvenation"] == clinic_group.tree.treatment.url
    assert page_links["Dr Aoife Byrne"] == "/clinics/practitioners/dr-aoife-byrne/"
    # The register entry of a GMC registration opens directly.
    assert page_links["GMC 7654321"] == "https://www.gmc-uk.org/doctors/7654321"
    # Enquire at this clinic: the form pre-selects it.
    assert any(
        href.endswith(f"?location={clinic_group.leeds.pk}")
        for href in page_links.values()
    )


def test_map_link_is_a_plain_link_and_nothing_third_party_loads(client, clinic_group):
    response = client.get(clinic_group.leeds.url)
    page = soup(response)
    map_link = page.find("section", class_="location-details").find(
        "a", href=lambda h: "openstreetmap" in h
    )
    assert map_link["href"].startswith("https://www.openstreetmap.org/?mlat=53.799600")
    assert "#map=17/53.799600/-1.547300" in map_link["href"]
    assert page.find("iframe") is None
    assert "OpenStreetMap" in text(map_link)
    for element in page.find_all(["img", "script", "link", "source"]):
        for attribute in ("src", "href", "srcset"):
            value = element.get(attribute) or ""
            assert "openstreetmap" not in value

    # Without coordinates the link searches for the address.
    york = client.get(clinic_group.york.url)
    york_link = (
        soup(york)
        .find("section", class_="location-details")
        .find("a", href=lambda h: "openstreetmap" in h)
    )
    assert york_link["href"].startswith("https://www.openstreetmap.org/search?query=")
    assert "3%20Stonegate" in york_link["href"]


def test_opening_hours_table_marks_today_and_its_exception(client, clinic_group):
    today = timezone.localdate()
    LocationHoursException.objects.create(
        page=clinic_group.leeds, date=today, closed=True, note="Staff training"
    )
    LocationHoursException.objects.create(
        page=clinic_group.leeds,
        date=today + datetime.timedelta(days=10),
        closed=False,
        opens=datetime.time(10),
        closes=datetime.time(14),
        note="Short day",
    )
    response = client.get(clinic_group.leeds.url)
    page = soup(response)
    table = page.find("table", class_="opening-hours")
    rows = {
        text(row.th).replace(" (today)", ""): text(row.td)
        for row in table.tbody.find_all("tr")
    }
    assert rows["Monday"] == "09:00–17:00"
    assert rows["Saturday"] == "Closed"
    assert rows["Sunday"] == "Closed"
    current = table.find("tr", class_="is-current")
    assert "(today)" in text(current.th)
    body = main_text(response)
    assert "Today the usual hours do not apply: Closed (Staff training)" in body
    assert "Open 10:00 to 14:00 (Short day)" in body


def test_past_and_far_exceptions_are_not_listed(client, clinic_group):
    today = timezone.localdate()
    for days, note in ((-1, "Yesterday"), (400, "Next year")):
        LocationHoursException.objects.create(
            page=clinic_group.leeds,
            date=today + datetime.timedelta(days=days),
            note=note,
        )
    body = main_text(client.get(clinic_group.leeds.url))
    assert "Yesterday" not in body
    assert "Next year" not in body
    assert "Changes to these hours" not in body


def test_location_json_ld_is_a_medical_clinic_of_the_group(client, clinic_group):
    today = timezone.localdate()
    LocationHoursException.objects.create(
        page=clinic_group.leeds,
        date=today + datetime.timedelta(days=3),
        note="Bank holiday",
    )
    graph = json_ld(client.get(clinic_group.leeds.url))
    group = graph["MedicalOrganization"]
    clinic = graph["WebPage"]["mainEntity"]
    assert clinic["@type"] == "MedicalClinic"
    assert group["name"] == "Example Skin Clinic"
    assert clinic["name"] == "Leeds"
    assert clinic["parentOrganization"] == {"@id": group["@id"]}
    assert clinic["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "12 Park Row",
        "addressLocality": "Leeds",
        "postalCode": "LS1 5HD",
        "addressCountry": "GB",
    }
    assert clinic["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 53.7996,
        "longitude": -1.5473,
    }
    assert clinic["telephone"] == "0113 496 0000"
    monday = clinic["openingHoursSpecification"][0]
    assert monday == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Monday",
        "opens": "09:00",
        "closes": "17:00",
    }
    assert len(clinic["openingHoursSpecification"]) == 5
    special = clinic["specialOpeningHoursSpecification"][0]
    assert special["validFrom"] == special["validThrough"]
    assert (special["opens"], special["closes"]) == ("00:00", "00:00")
    assert special["description"] == "Bank holiday"
    assert [s["name"] for s in clinic["availableService"]] == [
        "Laser skin rejuvenation"
    ]
    members = {m["name"]: m for m in clinic["member"]}
    assert set(members) == {"Dr Aoife Byrne", "Grace Okafor"}
    assert members["Dr Aoife Byrne"]["@type"] == "Person"
    assert members["Dr Aoife Byrne"]["url"] == (
        "http://localhost/clinics/practitioners/dr-aoife-byrne/"
    )
    assert members["Dr Aoife Byrne"]["sameAs"] == (
        "https://www.gmc-uk.org/doctors/7654321"
    )


def test_york_has_no_geo_in_json_ld(client, clinic_group):
    clinic = json_ld(client.get(clinic_group.york.url))["WebPage"]["mainEntity"]
    assert "geo" not in clinic


def test_a_single_clinic_site_stays_a_medical_clinic(client, site_tree):
    graph = json_ld(client.get(site_tree.treatment.url))
    assert "MedicalClinic" in graph
    assert "MedicalOrganization" not in graph


def test_locations_index_lists_clinics_and_the_group_lists_them(client, clinic_group):
    response = client.get(clinic_group.index.url)
    assert response.status_code == 200
    page_links = links(soup(response).find("main"))
    assert page_links["Leeds"] == clinic_group.leeds.url
    assert page_links["York"] == clinic_group.york.url
    assert "3 Stonegate" in main_text(response)
    group = json_ld(response)["MedicalOrganization"]
    assert [clinic["name"] for clinic in group["subOrganization"]] == [
        "Leeds",
        "York",
    ]


def test_navigation_and_home_page_list_the_clinics(client, clinic_group):
    response = client.get("/")
    nav = soup(response).find("header")
    assert "Clinics" in text(nav)


def test_treatment_page_shows_where_and_who_and_the_lowest_price(client, clinic_group):
    response = client.get(clinic_group.tree.treatment.url)
    body = main_text(response)
    assert "Price from £180 at Leeds, confirmed at consultation" in body
    assert "Where you can have it" in body
    assert "From £210.50, confirmed at consultation" in body
    assert "Who performs it" in body
    page_links = links(soup(response).find("main"))
    assert page_links["Leeds"] == clinic_group.leeds.url
    assert page_links["York"] == clinic_group.york.url
    assert page_links["Dr Aoife Byrne"] == "/clinics/practitioners/dr-aoife-byrne/"
    assert page_links["Grace Okafor"] == "/clinics/practitioners/grace-okafor/"
    # Sam Reid works at York but does not perform the treatment.
    assert "Sam Reid" not in body
    on_this_page = text(soup(response).find("nav", class_="on-this-page"))
    assert "Where you can have it" in on_this_page
    assert "Who performs it" in on_this_page


def test_treatment_price_falls_back_to_its_own_price_without_local_prices(
    client, site_tree
):
    site_tree.treatment.price_from = 150
    site_tree.treatment.save_revision().publish()
    body = main_text(client.get(site_tree.treatment.url))
    assert "£150, confirmed at consultation" in body
    assert "Where you can have it" not in body
    assert "Who performs it" not in body


def test_prices_use_the_sites_currency(client, clinic_group):
    settings = clinic_group.tree.settings
    settings.currency = "EUR"
    settings.save()
    body = main_text(client.get(clinic_group.tree.treatment.url))
    assert "€180 at Leeds, confirmed at consultation" in body
    assert "From €210.50, confirmed at consultation" in body
    assert "£" not in body


def test_unpublished_location_is_left_out_everywhere(client, clinic_group):
    clinic_group.leeds.unpublish()
    body = main_text(client.get(clinic_group.tree.treatment.url))
    assert "£210.50 at York" in body
    assert "Leeds" not in body
    # Dr Byrne worked only at Leeds: no longer listed, no profile.
    assert "Dr Aoife Byrne" not in body
    assert client.get("/clinics/practitioners/dr-aoife-byrne/").status_code == 404
    index_body = main_text(client.get(clinic_group.index.url))
    assert "York" in index_body
    assert "Leeds" not in index_body


def test_location_page_of_a_draft_treatment_hides_it(client, clinic_group):
    draft = factories.TreatmentPageFactory(title="Secret peel")
    draft.unpublish()
    LocationTreatment.objects.create(page=clinic_group.leeds, treatment=draft)
    body = main_text(client.get(clinic_group.leeds.url))
    assert "Secret peel" not in body
