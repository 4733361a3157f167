"""A project that swaps the treatment page and the practitioner for its own.

The plugin's links, lookups, page-type rules, editor, snippets and enquiry
form all use the project's models; a subclass's new field appears in its tab.
"""

import pytest
from bs4 import BeautifulSoup
from django.core import checks
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from tests import factories
from tests.example_project.clinic.models import (
    ClinicPractitioner,
    ClinicTreatmentPage,
    LaserTreatmentPage,
)
from treatments_cms import swappable
from treatments_cms.enquiries.forms import live_treatments
from treatments_cms.models import (
    ConditionPage,
    Enquiry,
    TreatmentAlternativeLink,
    TreatmentConditionLink,
    TreatmentIndexPage,
    TreatmentPage,
)


def tab_panels(response):
    """{tab label: tab panel} of an admin edit or create view."""
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        soup.select_one(f'[role="tab"][href="#{panel["id"]}"]')
        .find(string=True, recursive=False)
        .strip(): panel
        for panel in soup.select('[role="tabpanel"]')
    }


def test_system_checks_pass():
    errors = checks.run_checks(include_deployment_checks=False)
    assert [e for e in errors if e.level >= checks.ERROR] == []


def test_the_settings_resolve_to_the_project_models():
    assert swappable.get_treatment_page_model() is ClinicTreatmentPage
    assert swappable.get_practitioner_model() is ClinicPractitioner
    assert swappable.get_condition_page_model() is ConditionPage
    assert TreatmentPage._meta.swapped == "example_clinic.ClinicTreatmentPage"


@pytest.mark.parametrize(
    ("model", "field", "target"),
    [
        (TreatmentConditionLink, "page", ClinicTreatmentPage),
        (TreatmentAlternativeLink, "page", ClinicTreatmentPage),
        (Enquiry, "treatment", ClinicTreatmentPage),
        (ConditionPage, "reviewed_by", ClinicPractitioner),
        (ClinicTreatmentPage, "reviewed_by", ClinicPractitioner),
    ],
)
def test_foreign_keys_point_at_the_models_in_use(model, field, target):
    assert model._meta.get_field(field).related_model is target


def test_treatment_index_accepts_the_project_page_and_its_subclass(db):
    index = factories.TreatmentIndexPageFactory()
    assert set(TreatmentIndexPage.allowed_subpage_models()) == {
        ClinicTreatmentPage,
        LaserTreatmentPage,
    }
    assert ClinicTreatmentPage.can_create_at(index)
    assert LaserTreatmentPage.can_create_at(index)
    # The swapped-out default can be created nowhere.
    assert not TreatmentPage.can_create_at(index)
    assert TreatmentPage not in index.specific_class.creatable_subpage_models()


def test_a_treatment_built_by_the_factory_is_the_project_page_with_its_links(db):
    condition = factories.ConditionPageFactory(title="Spider veins")
    treatment = factories.TreatmentPageFactory(
        title="Laser", anaesthetic="numbing cream", conditions=[condition]
    )
    assert type(treatment) is ClinicTreatmentPage
    assert isinstance(treatment.reviewed_by, ClinicPractitioner)
    assert treatment.get_conditions() == [condition]
    assert [link.page for link in condition.get_treatment_links()] == [treatment]
    assert list(live_treatments()) == [treatment.page_ptr.specific]


def test_the_project_page_renders_with_the_plugin_template(client, db):
    condition = factories.ConditionPageFactory(title="Spider veins")
    treatment = factories.TreatmentPageFactory(
        title="Laser", conditions=[condition], alternatives=[]
    )
    response = client.get(treatment.url)
    assert response.status_code == 200
    assert "Spider veins" in response.content.decode()


def test_the_subclass_field_appears_in_its_tab(admin_client):
    index = factories.TreatmentIndexPageFactory()
    response = admin_client.get(
        reverse(
            "wagtailadmin_pages:add",
            args=["example_clinic", "lasertreatmentpage", index.pk],
        )
    )
    assert response.status_code == 200
    panels = tab_panels(response)
    assert list(panels)[:6] == [
        "Content",
        "Facts",
        "Links",
        "Safety",
        "Review",
        "Promote",
    ]
    assert panels["Facts"].select_one('[name="wavelength_nm"]')
    assert panels["Content"].select_one('[name="anaesthetic"]')
    assert panels["Links"].select_one('[name="condition_links-TOTAL_FORMS"]')


def test_the_project_page_is_saved_from_the_editor(admin_client):
    index = factories.TreatmentIndexPageFactory()
    response = admin_client.post(
        reverse(
            "wagtailadmin_pages:add",
            args=["example_clinic", "lasertreatmentpage", index.pk],
        ),
        {
            "title": "Vein laser",
            "slug": "vein-laser",
            "summary": "Closes small veins.",
            "wavelength_nm": "1064",
            "anaesthetic": "none",
            "results_last_unit": "years",
            "session_interval_unit": "weeks",
            "body-count": "0",
            "evidence_sources-count": "0",
            "condition_links-TOTAL_FORMS": "0",
            "condition_links-INITIAL_FORMS": "0",
            "condition_links-MIN_NUM_FORMS": "0",
            "condition_links-MAX_NUM_FORMS": "1000",
            "alternative_links-TOTAL_FORMS": "0",
            "alternative_links-INITIAL_FORMS": "0",
            "alternative_links-MIN_NUM_FORMS": "0",
            "alternative_links-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = LaserTreatmentPage.objects.get(slug="vein-laser")
    assert (page.wavelength_nm, page.anaesthetic) == (1064, "none")


def test_the_practitioner_snippet_is_the_project_model(admin_client):
    assert ClinicPractitioner in get_snippet_models()
    factories.PractitionerFactory(name="Dr Example", qualifications="FRCP")
    response = admin_client.get(
        reverse("wagtailsnippets_example_clinic_clinicpractitioner:list")
    )
    assert response.status_code == 200
    assert "Dr Example" in response.content.decode()
