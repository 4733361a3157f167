"""Practitioners' public profiles, served under the locations index."""

import json

import pytest
import wagtail_factories

from tests import factories
from tests.public.conftest import links, main_text, soup, text

pytestmark = pytest.mark.django_db

DOCTOR_URL = "/clinics/practitioners/dr-aoife-byrne/"


def profile_json_ld(response):
    scripts = soup(response).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return {item["@type"]: item for item in json.loads(scripts[0].string)["@graph"]}


def test_profile_shows_role_registration_treatments_and_locations(client, clinic_group):
    response = client.get(DOCTOR_URL)
    assert response.status_code == 200
    page = soup(response)
    assert text(page.find("h1")) == "Dr Aoife Byrne"
    body = main_text(response)
    assert "Consultant dermatologist, MB BCh, MRCP" in body
    assert "General Medical Council" in body
    page_links = links(page.find("main"))
    assert page_links["GMC 7654321"] == "https://www.gmc-uk.org/doctors/7654321"
    assert page_links["Laser skin rejuvenation"] == clinic_group.tree.treatment.url
    assert page_links["Leeds"] == clinic_group.leeds.url
    assert "York" not in page_links


def test_profile_head_names_the_practitioner(client, clinic_group):
    response = client.get(DOCTOR_URL)
    page = soup(response)
    assert text(page.find("title")).startswith("Dr Aoife Byrne")
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical.endswith(DOCTOR_URL)
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert "Consultant dermatologist" in description
    assert "General Medical Council (7654321)" in description
    crumbs = [text(li) for li in page.find("nav", class_="breadcrumbs").find_all("li")]
    assert crumbs == ["Home", "Clinics", "Dr Aoife Byrne"]


def test_a_register_without_direct_entries_links_its_search_page(client, clinic_group):
    response = client.get("/clinics/practitioners/grace-okafor/")
    page_links = links(soup(response).find("main"))
    assert page_links["NMC 12A3456E"] == (
        "https://www.nmc.org.uk/registration/search-the-register/"
    )
    # She works at both clinics.
    assert {"Leeds", "York"} <= set(page_links)


def test_a_practitioner_without_a_regulator_says_so(client, clinic_group):
    response = client.get("/clinics/practitioners/sam-reid/")
    assert response.status_code == 200
    assert "not registered with a statutory regulator" in main_text(response)


def test_profile_photo_has_its_alt_text(client, clinic_group, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    doctor = clinic_group.doctor
    doctor.photo = wagtail_factories.ImageFactory()
    doctor.photo_alt = "Dr Byrne in the Leeds consulting room"
    doctor.save()
    response = client.get(DOCTOR_URL)
    image = soup(response).find("main").find("img")
    assert image["alt"] == "Dr Byrne in the Leeds consulting room"
    # Cards on the location page use the same description.
    card_image = (
        soup(client.get(clinic_group.leeds.url))
        .find("li", class_="card--person")
        .find("img")
    )
    assert card_image["alt"] == "Dr Byrne in the Leeds consulting room"


def test_unknown_and_unplaced_practitioners_have_no_profile(client, clinic_group):
    assert client.get("/clinics/practitioners/nobody/").status_code == 404
    # A reviewer who works at no clinic has no public profile.
    factories.PractitionerFactory(name="Dr Only Reviews")
    assert client.get("/clinics/practitioners/dr-only-reviews/").status_code == 404


def test_slugs_are_made_from_names_and_kept_unique(db):
    first = factories.PractitionerFactory(name="Dr Jo Smith")
    second = factories.PractitionerFactory(name="Dr Jo Smith")
    assert first.slug == "dr-jo-smith"
    assert second.slug == "dr-jo-smith-2"


def test_profile_json_ld_is_a_person_working_at_the_clinics(client, clinic_group):
    graph = profile_json_ld(client.get("/clinics/practitioners/grace-okafor/"))
    profile = graph["ProfilePage"]
    person = profile["mainEntity"]
    assert person["@type"] == "Person"
    assert person["name"] == "Grace Okafor"
    assert person["identifier"] == "NMC 12A3456E"
    assert person["url"] == "http://localhost/clinics/practitioners/grace-okafor/"
    assert [clinic["name"] for clinic in person["worksFor"]] == ["Leeds", "York"]
    assert person["worksFor"][0]["@id"] == "http://localhost/clinics/leeds/#clinic"
    assert person["memberOf"] == {"@id": graph["MedicalOrganization"]["@id"]}
    trail = graph["BreadcrumbList"]["itemListElement"]
    assert [item["name"] for item in trail] == ["Home", "Clinics", "Grace Okafor"]


def test_sitemap_lists_locations_and_practitioner_profiles(client, clinic_group):
    body = client.get("/sitemap.xml").content.decode()
    for path in (
        "/clinics/",
        "/clinics/leeds/",
        "/clinics/york/",
        DOCTOR_URL,
        "/clinics/practitioners/grace-okafor/",
        "/clinics/practitioners/sam-reid/",
    ):
        assert f"<loc>http://localhost{path}</loc>" in body, path
    factories.PractitionerFactory(name="Dr Only Reviews")
    assert "dr-only-reviews" not in client.get("/sitemap.xml").content.decode()


def test_practitioner_edits_the_treatments_they_perform(admin_client, clinic_group):
    """The relation is edited on the practitioner; the treatment page derives it."""
    from treatments_cms.models import PractitionerTreatment

    therapist = clinic_group.therapist
    PractitionerTreatment.objects.create(
        practitioner=therapist, treatment=clinic_group.tree.treatment
    )
    body = main_text(admin_client.get(clinic_group.tree.treatment.url))
    assert "Sam Reid" in body
    response = admin_client.get(
        f"/admin/snippets/treatments_cms/practitioner/edit/{therapist.pk}/"
    )
    assert response.status_code == 200
    assert "Treatments performed" in response.content.decode()
