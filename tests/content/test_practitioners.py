"""Practitioners as evidence: a whole registration, a link to the public
register, and a history of who changed what."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests import factories
from treatments_cms.models.snippets import PUBLIC_REGISTERS, register_url
from treatments_cms.swappable import get_practitioner_model


@pytest.mark.parametrize(
    ("regulator", "number", "url"),
    [
        ("GMC", "7654321", "https://www.gmc-uk.org/doctors/7654321"),
        ("gmc", " 7654321 ", "https://www.gmc-uk.org/doctors/7654321"),
        (
            "GDC",
            "123456",
            "https://olr.gdc-uk.org/SearchRegister/SearchResult?RegistrationNumber=123456",
        ),
        ("NMC", "12A3456E", "https://www.nmc.org.uk/registration/search-the-register/"),
        ("GPhC", "2033467", "https://www.pharmacyregulation.org/registers"),
        ("HCPC", "PH095159", "https://www.hcpc-uk.org/check-the-register/"),
        ("Irish Medical Council", "123", ""),
        ("GMC", "", ""),
        ("GMC", "1 2/3", "https://www.gmc-uk.org/doctors/1%202/3"),
    ],
)
def test_register_table(regulator, number, url):
    assert register_url(regulator, number) == url


def test_the_table_covers_the_five_uk_regulators():
    assert set(PUBLIC_REGISTERS) == {"GMC", "NMC", "GDC", "GPHC", "HCPC"}
    assert all(url.startswith("https://") for _name, url in PUBLIC_REGISTERS.values())


@pytest.mark.parametrize(
    ("regulator", "number", "field"),
    [("GMC", "", "registration_number"), ("", "7654321", "regulator")],
)
def test_regulator_and_number_go_together(db, regulator, number, field):
    practitioner = get_practitioner_model()(
        name="Dr A",
        role="Dermatologist",
        regulator=regulator,
        registration_number=number,
    )
    with pytest.raises(ValidationError) as error:
        practitioner.full_clean()
    assert "or neither" in error.value.message_dict[field][0]


@pytest.mark.parametrize(("regulator", "number"), [("", ""), ("GMC", "7654321")])
def test_both_or_neither_is_accepted(db, regulator, number):
    get_practitioner_model()(
        name="Dr A",
        role="Dermatologist",
        regulator=regulator,
        registration_number=number,
    ).full_clean()


def test_the_snippet_form_shows_the_message(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_treatments_cms_practitioner:add"),
        {"name": "Dr A", "role": "Dermatologist", "regulator": "GMC"},
    )
    assert response.status_code == 200
    assert "Give both the regulator and the registration number" in response.text
    assert not get_practitioner_model().objects.exists()


def test_page_and_json_ld_link_to_the_register(client, site_tree):
    practitioner = site_tree.treatment.reviewed_by
    practitioner.regulator, practitioner.registration_number = "GMC", "7654321"
    practitioner.save()
    response = client.get(site_tree.treatment.url)
    html = response.text
    assert '<a href="https://www.gmc-uk.org/doctors/7654321"' in html
    assert ">GMC 7654321</a>" in html
    blocks = html.split('<script type="application/ld+json">')[1:]
    data = [json.loads(block.split("</script>")[0]) for block in blocks]
    assert "https://www.gmc-uk.org/doctors/7654321" in json.dumps(data)


def test_half_a_registration_is_never_shown(client, site_tree):
    practitioner = site_tree.treatment.reviewed_by
    # Stored before the rule: a regulator with no number.
    type(practitioner).objects.filter(pk=practitioner.pk).update(
        regulator="GMC", registration_number=""
    )
    html = client.get(site_tree.treatment.url).text
    assert ", GMC" not in html
    assert '"identifier"' not in html


def test_the_snippet_keeps_revisions_with_their_authors(admin_client, admin_user):
    practitioner = factories.PractitionerFactory(name="Dr Before")
    url = reverse(
        "wagtailsnippets_treatments_cms_practitioner:edit", args=[practitioner.pk]
    )
    response = admin_client.post(
        url,
        {
            "name": "Dr After",
            "role": practitioner.role,
            "regulator": practitioner.regulator,
            "registration_number": practitioner.registration_number,
            # The (empty) "Treatments performed" rows the form always sends.
            "treatment_links-TOTAL_FORMS": "0",
            "treatment_links-INITIAL_FORMS": "0",
            "treatment_links-MIN_NUM_FORMS": "0",
            "treatment_links-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302
    practitioner.refresh_from_db()
    revision = practitioner.latest_revision
    assert revision is not None
    assert revision.user == admin_user
    assert revision.content["name"] == "Dr After"
    history = admin_client.get(
        reverse(
            "wagtailsnippets_treatments_cms_practitioner:history",
            args=[practitioner.pk],
        )
    )
    assert history.status_code == 200
    assert admin_user.get_username() in history.text or "admin" in history.text
