"""A project with its own base page (``WAGTAIL_PAGE_MODEL``): settings_basepage.

Wagtail's ``Page`` is swapped out, so the project builds all six page
families and the practitioner on the plugin's abstract bases and its own
``BasePage``. Run with ``--ds=tests.example_project.settings_basepage`` (the
example project's own run starts this in a subprocess).
"""

from io import StringIO
from types import SimpleNamespace

import pytest
import swapper
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from tests import factories
from tests.enquiries.pipeline_helpers import valid_data
from tests.example_project.admin_forms import (
    add_url,
    edit_url,
    form_errors,
    treatment_form_data,
)
from tests.example_project.basepage import models as project
from treatments_cms import swappable
from treatments_cms.models import ClinicSettings, Enquiry, TreatmentConditionLink


@pytest.fixture
def home(db):
    """The site's home page: a ``BasePage``, from Wagtail's own data migration."""
    return project.BasePage.objects.get(depth=2)


@pytest.fixture
def indexes(home):
    """The three section pages under the home page."""
    pages = {}
    for model, slug in [
        (project.TreatmentIndexPage, "treatments"),
        (project.ConditionIndexPage, "conditions"),
        (project.AlternativeIndexPage, "alternatives"),
    ]:
        pages[slug] = home.add_child(instance=model(title=slug.title(), slug=slug))
    return pages


def test_manage_py_check_is_clean():
    out = StringIO()
    call_command("check", fail_level="WARNING", stdout=out, stderr=out)
    assert "no issues" in out.getvalue()


def test_the_base_page_and_every_family_are_the_project_models():
    assert swapper.load_model("wagtailcore", "Page") is project.BasePage
    for name in swappable.SWAPPABLE_MODELS:
        assert swappable.get_model(name) is getattr(project, name)
    assert ClinicSettings._meta.get_field("privacy_page").related_model is (
        project.BasePage
    )
    assert TreatmentConditionLink._meta.get_field("page").related_model is (
        project.TreatmentPage
    )


def test_the_project_migrations_are_applied_and_complete(db):
    applied = MigrationRecorder(connection).applied_migrations()
    assert ("example_basepage", "0004_project_pages") in applied
    # Nothing left for makemigrations in the project's app.
    call_command(
        "makemigrations", "example_basepage", check=True, dry_run=True, verbosity=0
    )


def test_home_page_is_the_project_base_page(home):
    assert type(home.specific) is project.BasePage
    assert home.get_site().root_page_id == home.pk


def test_a_treatment_is_created_edited_and_served(admin_client, indexes):
    condition = indexes["conditions"].add_child(
        instance=project.ConditionPage(
            title="Spider veins", slug="spider-veins", summary="Small veins."
        )
    )
    response = admin_client.post(
        add_url(project.TreatmentPage, indexes["treatments"]),
        treatment_form_data(
            conditions=[condition], anaesthetic="numbing cream", publish=True
        ),
    )
    assert response.status_code == 302, form_errors(response)
    page = project.TreatmentPage.objects.get(slug="vein-laser")
    assert page.live
    assert page.anaesthetic == "numbing cream"

    response = admin_client.post(
        edit_url(page),
        treatment_form_data(
            page=page,
            anaesthetic="none needed",
            strapline="Fewer veins, fast",
            publish=True,
        ),
    )
    assert response.status_code == 302, form_errors(response)
    page.refresh_from_db()
    assert (page.anaesthetic, page.strapline) == ("none needed", "Fewer veins, fast")

    response = admin_client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vein laser" in html
    assert "Spider veins" in html


def test_the_head_tags_and_trail_know_the_project_pages(client, indexes):
    page = indexes["conditions"].add_child(
        instance=project.ConditionPage(
            title="Spider veins", slug="spider-veins", summary="Small red veins."
        )
    )
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('meta[name="description"]')["content"] == "Small red veins."
    assert soup.select_one('script[type="application/ld+json"]')
    trail = [a.get_text(strip=True) for a in soup.select("nav a")]
    assert "Conditions" in trail


@pytest.fixture
def treatment(indexes):
    condition = indexes["conditions"].add_child(
        instance=project.ConditionPage(
            title="Spider veins", slug="spider-veins", summary="Small red veins."
        )
    )
    page = indexes["treatments"].add_child(
        instance=project.TreatmentPage(
            title="Vein laser",
            slug="vein-laser",
            summary="Closes small veins.",
            risks="<p>Bruising.</p>",
            anaesthetic="cream",
        )
    )
    TreatmentConditionLink.objects.create(page=page, condition=condition)
    return SimpleNamespace(treatment=page, condition=condition)


def test_the_api_reads_the_project_pages(client, treatment):
    response = client.get(f"/api/v2/pages/{treatment.treatment.pk}/")
    assert response.status_code == 200, response.content[:500]
    data = response.json()
    assert data["meta"]["type"] == "example_basepage.TreatmentPage"
    assert data["summary"] == "Closes small veins."
    assert [linked["title"] for linked in data["conditions"]] == ["Spider veins"]


@pytest.mark.usefixtures("no_wait")
def test_an_enquiry_is_sent_from_the_project_page(client, treatment):
    factories.ClinicSettingsFactory()
    factories.ConsentStatementFactory()
    response = client.post(
        treatment.treatment.url, valid_data(treatment, heard_about_us="A friend")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    enquiry = Enquiry.objects.get()
    assert enquiry.treatment == treatment.treatment
    assert enquiry.extra_answers["heard_about_us"]["value"] == "A friend"


def test_the_project_location_family_serves_clinics_and_profiles(client, treatment):
    """The swapped location family: a clinic, its treatment's local price and a
    practitioner's profile, all on the project's own page models."""
    from decimal import Decimal

    from treatments_cms.models import (
        LocationPractitioner,
        LocationTreatment,
        PractitionerTreatment,
    )

    treatment = treatment.treatment
    home = project.BasePage.objects.get(depth=2)
    index = home.add_child(
        instance=project.LocationIndexPage(title="Clinics", slug="clinics")
    )
    clinic = index.add_child(
        instance=project.LocationPage(
            title="Leeds",
            slug="leeds",
            summary="Our Leeds clinic.",
            street_address="12 Park Row",
            locality="Leeds",
        )
    )
    practitioner = project.Practitioner.objects.create(
        name="Dr Jo Example",
        role="Dermatologist",
        regulator="GMC",
        registration_number="0000000",
    )
    LocationTreatment.objects.create(
        page=clinic, treatment=treatment, price_from=Decimal("180")
    )
    LocationPractitioner.objects.create(page=clinic, practitioner=practitioner)
    PractitionerTreatment.objects.create(practitioner=practitioner, treatment=treatment)

    clinic_page = client.get(clinic.url)
    assert clinic_page.status_code == 200
    assert "Vein laser" in clinic_page.content.decode()
    treatment_page = client.get(treatment.url).content.decode()
    assert "£180 at Leeds, confirmed at consultation" in treatment_page
    assert "/clinics/practitioners/dr-jo-example/" in treatment_page
    profile = client.get("/clinics/practitioners/dr-jo-example/")
    assert profile.status_code == 200
    assert "Dr Jo Example" in profile.content.decode()
