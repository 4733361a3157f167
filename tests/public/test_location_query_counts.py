"""Clinic groups cost a fixed number of queries per page, whatever their size.

A treatment page with 50 clinics and 20 practitioners, a location page with
60 treatments, and the locations index with 100 clinics each cost what they
cost with two: every card's picture (and its renditions) and every
practitioner's photo are loaded with their list.
"""

from decimal import Decimal

import pytest
import wagtail_factories

from tests import factories
from tests.public.test_query_counts import queries_to_serve
from treatments_cms.models import (
    LocationPractitioner,
    LocationTreatment,
    PractitionerTreatment,
)

# The pinned costs of one request; raise them only for a reason you can name.
TREATMENT_PAGE_WITH_CLINICS_QUERIES = 17
LOCATION_PAGE_QUERIES = 18
LOCATION_INDEX_QUERIES = 14
PROFILE_QUERIES = 15


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.TREATMENTS_CMS_INDEX_PAGE_SIZE = 100


@pytest.fixture
def picture(db):
    return wagtail_factories.ImageFactory()


def add_clinics(treatment, count, picture, start=0):
    clinics = []
    for n in range(start, start + count):
        clinic = factories.LocationPageFactory(
            title=f"Clinic {n}", image=picture, hours=[]
        )
        LocationTreatment.objects.create(
            page=clinic, treatment=treatment, price_from=Decimal(200 + n)
        )
        clinics.append(clinic)
    return clinics


def add_practitioners(treatment, clinic, count, picture, start=0):
    for n in range(start, start + count):
        practitioner = factories.PractitionerFactory(
            name=f"Practitioner {n:02d}", photo=picture, photo_alt="A portrait"
        )
        factories.performs(practitioner, treatment)
        LocationPractitioner.objects.create(page=clinic, practitioner=practitioner)


def test_treatment_page_with_2_or_50_clinics_and_20_practitioners(
    client, site_tree, picture, django_assert_max_num_queries
):
    treatment = site_tree.treatment
    treatment.image = picture
    treatment.hero_image_alt = "A treatment room"
    treatment.save_revision().publish()
    clinics = add_clinics(treatment, 2, picture)
    add_practitioners(treatment, clinics[0], 2, picture)
    few = queries_to_serve(client, treatment.url)

    clinics += add_clinics(treatment, 48, picture, start=2)
    add_practitioners(treatment, clinics[-1], 18, picture, start=2)
    many = queries_to_serve(client, treatment.url)

    assert many == few
    with django_assert_max_num_queries(TREATMENT_PAGE_WITH_CLINICS_QUERIES):
        response = client.get(treatment.url)
    body = response.content.decode()
    assert body.count('class="card card--location"') == 50
    assert body.count('class="card card--person"') == 20
    assert "£200 at Clinic 0, confirmed at consultation" in body


def test_location_page_with_2_or_60_treatments(
    client, site_tree, picture, django_assert_max_num_queries
):
    clinic = factories.LocationPageFactory(title="Leeds", image=picture)

    def add_treatments(start, count):
        for n in range(start, start + count):
            treatment = factories.TreatmentPageFactory(
                image=picture, hero_image_alt="A treatment room"
            )
            LocationTreatment.objects.create(
                page=clinic, treatment=treatment, price_from=Decimal(100 + n)
            )

    add_treatments(0, 2)
    add_practitioners(site_tree.treatment, clinic, 2, picture)
    few = queries_to_serve(client, clinic.url)

    add_treatments(2, 58)
    add_practitioners(site_tree.treatment, clinic, 8, picture, start=2)
    many = queries_to_serve(client, clinic.url)

    assert many == few
    with django_assert_max_num_queries(LOCATION_PAGE_QUERIES):
        response = client.get(clinic.url)
    body = response.content.decode()
    assert body.count("here, confirmed at consultation") == 60
    assert body.count('class="card card--person"') == 10


def test_locations_index_with_2_or_100_clinics(
    client, site_tree, picture, django_assert_max_num_queries
):
    clinics = add_clinics(site_tree.treatment, 2, picture)
    index = clinics[0].get_parent()
    few = queries_to_serve(client, index.url)

    add_clinics(site_tree.treatment, 98, picture, start=2)
    many = queries_to_serve(client, index.url)

    assert many == few
    with django_assert_max_num_queries(LOCATION_INDEX_QUERIES):
        response = client.get(index.url)
    assert response.content.decode().count('class="card card--location"') == 100


def test_practitioner_profile_with_2_or_12_clinics_and_treatments(
    client, site_tree, picture, django_assert_max_num_queries
):
    practitioner = factories.PractitionerFactory(
        name="Dr Many Places", photo=picture, photo_alt="A portrait"
    )

    def add(start, count):
        for n in range(start, start + count):
            treatment = factories.TreatmentPageFactory(
                image=picture, hero_image_alt="A treatment room"
            )
            PractitionerTreatment.objects.create(
                practitioner=practitioner, treatment=treatment, sort_order=n
            )
            clinic = factories.LocationPageFactory(title=f"Clinic {n}", image=picture)
            LocationPractitioner.objects.create(page=clinic, practitioner=practitioner)

    add(0, 2)
    url = "/clinics/practitioners/dr-many-places/"
    few = queries_to_serve(client, url)
    add(2, 10)
    many = queries_to_serve(client, url)

    assert many == few
    with django_assert_max_num_queries(PROFILE_QUERIES):
        client.get(url)
