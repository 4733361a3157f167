"""The example project as a site: editors create and edit its treatment page
in the admin, visitors read it and enquire on it, clients read it in the API.

``manage.py check`` is clean; the base-page variant (``settings_basepage``)
runs in a subprocess at the end.
"""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse

from tests import factories
from tests.enquiries.pipeline_helpers import valid_data
from tests.example_project.admin_forms import (
    add_url,
    edit_url,
    form_errors,
    treatment_form_data,
)
from tests.example_project.clinic.forms import ClinicEnquiryForm
from tests.example_project.clinic.models import ClinicTreatmentPage
from treatments_cms.enquiries.forms import get_form_class
from treatments_cms.models import Enquiry

HEARD_ABOUT = "How did you hear about us?"
# What migrating the plugin says while its migrations hard-code Wagtail's Page.


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def key_facts(response):
    facts = soup(response).select(".key-facts__item")
    return {
        fact.dt.get_text(strip=True): fact.dd.get_text(strip=True) for fact in facts
    }


def test_manage_py_check_is_clean():
    out = StringIO()
    call_command("check", fail_level="WARNING", stdout=out, stderr=out)
    assert "no issues" in out.getvalue()


# --- The editor -------------------------------------------------------------


def test_the_treatment_page_is_created_edited_and_served(admin_client, client):
    index = factories.TreatmentIndexPageFactory()
    condition = factories.ConditionPageFactory(title="Spider veins")

    response = admin_client.post(
        add_url(ClinicTreatmentPage, index),
        treatment_form_data(
            conditions=[condition], anaesthetic="numbing cream", publish=True
        ),
    )
    assert response.status_code == 302, form_errors(response)
    page = ClinicTreatmentPage.objects.get(slug="vein-laser")
    assert page.live
    assert page.anaesthetic == "numbing cream"
    assert [link.condition for link in page.condition_links.all()] == [condition]

    response = admin_client.post(
        edit_url(page),
        treatment_form_data(page=page, anaesthetic="none needed", publish=True),
    )
    assert response.status_code == 302, form_errors(response)
    page.refresh_from_db()
    assert page.anaesthetic == "none needed"
    assert not page.has_unpublished_changes

    response = client.get(page.url)
    assert response.status_code == 200
    assert key_facts(response)["Anaesthetic"] == "none needed"
    assert "Spider veins" in response.content.decode()


def test_a_draft_edit_leaves_the_live_page_alone(admin_client, client):
    page = factories.TreatmentPageFactory(title="Vein laser", anaesthetic="cream")
    response = admin_client.post(
        edit_url(page), treatment_form_data(page=page, anaesthetic="gel")
    )
    assert response.status_code == 302, form_errors(response)
    page.refresh_from_db()
    assert page.has_unpublished_changes
    assert key_facts(client.get(page.url))["Anaesthetic"] == "cream"


# --- The project's template for one section -----------------------------------
# templates/treatments_cms/sections/treatment/risks.html


def test_the_project_template_renders_the_risks_section(client, db):
    page = factories.TreatmentPageFactory(
        risks="<p>Bruising.</p>", benefits="<p>Fewer veins.</p>"
    )
    html = soup(client.get(page.url))
    risks = html.select_one("section#risks")
    assert risks.select_one(".clinic-risks").get_text(" ", strip=True) == (
        "Please read this before you book. Bruising."
    )
    # The section keeps its heading and anchor; every other section keeps the
    # plugin's template.
    assert risks.h2.get_text(strip=True) == "Risks and side effects"
    assert html.select_one('a[href="#risks"]')
    assert html.select_one("section#benefits .rich-text")
    assert not html.select(".clinic-risks")[1:]
    assert not html.select_one("section#benefits .clinic-risks")


# --- The API ----------------------------------------------------------------


def test_the_api_lists_the_project_page_with_the_plugin_fields(client, db):
    page = factories.TreatmentPageFactory(
        title="Vein laser", anaesthetic="cream", sessions_min=2, sessions_max=4
    )
    response = client.get(
        "/api/v2/pages/",
        {"type": "example_clinic.ClinicTreatmentPage", "fields": "summary,anaesthetic"},
    )
    assert response.status_code == 200, response.content[:500]
    [item] = response.json()["items"]
    assert item["id"] == page.pk
    assert item["meta"]["type"] == "example_clinic.ClinicTreatmentPage"
    assert item["summary"] == page.summary
    assert item["anaesthetic"] == "cream"


def test_the_api_detail_has_the_plugin_facts_and_the_project_field(client, db):
    condition = factories.ConditionPageFactory(title="Spider veins")
    page = factories.TreatmentPageFactory(
        anaesthetic="cream", sessions_min=2, sessions_max=4, conditions=[condition]
    )
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content[:500]
    data = response.json()
    assert data["sessions_min"] == 2
    assert data["anaesthetic"] == "cream"
    assert "Redness" in data["risks"]
    assert [linked["title"] for linked in data["conditions"]] == ["Spider veins"]


# --- The enquiry form ---------------------------------------------------------


@pytest.mark.usefixtures("no_wait")
def test_an_enquiry_with_the_project_question_is_stored_and_inspected(
    client, admin_client, site_tree
):
    assert get_form_class() is ClinicEnquiryForm
    form = soup(client.get(site_tree.treatment.url)).find("form", class_="enquiry-form")
    assert form.find("label", {"for": "id_heard_about_us"}).get_text() == HEARD_ABOUT

    response = client.post(
        site_tree.treatment.url,
        valid_data(site_tree, heard_about_us="A friend"),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("treatments_cms:enquiry_thanks")
    enquiry = Enquiry.objects.get()
    assert enquiry.treatment == site_tree.treatment
    assert enquiry.extra_answers == {
        "heard_about_us": {"label": HEARD_ABOUT, "value": "A friend"}
    }

    response = admin_client.get(
        reverse("treatments_cms_enquiry_modeladmin_inspect", args=[enquiry.pk])
    )
    assert response.status_code == 200
    text = soup(response).get_text(" ", strip=True)
    assert HEARD_ABOUT in text
    assert "A friend" in text


# --- Its own base page ----------------------------------------------------------


def test_the_base_page_variant_passes_in_its_own_process():
    """``settings_basepage``: Wagtail's Page swapped for the project's BasePage."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "pytest",
            str(Path(__file__).with_name("test_basepage.py")),
            "--ds=tests.example_project.settings_basepage",
            "-q",
            "-p",
            "no:cacheprovider",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
