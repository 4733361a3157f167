"""Clear validation messages, on the model and in the admin form an editor sees."""

import datetime
from decimal import Decimal
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from tests import factories
from tests.content.form_data import alternative_form_data, treatment_form_data
from treatments_cms.models import TreatmentPage

pytestmark = pytest.mark.django_db

SESSIONS = "The most sessions must be at least the fewest (5)."
RESULTS = "The longest time results last must be at least the shortest (3)."
DOWNTIME = "The most days of downtime must be at least the fewest (7)."
PRICE = "The price cannot be negative."
RISKS = (
    "Describe the risks and side effects before publishing: "
    "visitors must see them before they enquire."
)
REVIEW = "The next review must come after the last one."
DOCTOR = (
    "Say when to see a doctor: the page shows this instead of the enquiry invitation."
)


def add_treatment(client, parent, **fields):
    url = reverse(
        "wagtailadmin_pages:add", args=["treatments_cms", "treatmentpage", parent.pk]
    )
    return client.post(url, treatment_form_data(**fields))


def page_text(response):
    return unescape(response.content.decode())


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"sessions_min": "5", "sessions_max": "3"}, SESSIONS),
        ({"results_last_min": "3", "results_last_max": "1"}, RESULTS),
        ({"downtime_min_days": "7", "downtime_max_days": "2"}, DOWNTIME),
        ({"price_from": "-1.00"}, PRICE),
        ({"last_reviewed": "2026-11-02", "next_review_due": "2026-11-01"}, REVIEW),
    ],
)
def test_admin_form_shows_the_message_and_saves_nothing(
    admin_client, site_tree, fields, message
):
    response = add_treatment(admin_client, site_tree.treatment_index, **fields)

    assert response.status_code == 200
    assert message in page_text(response)
    assert not TreatmentPage.objects.filter(slug="microneedling").exists()


def test_equal_minimum_and_maximum_are_accepted(admin_client, site_tree):
    response = add_treatment(
        admin_client,
        site_tree.treatment_index,
        sessions_min="1",
        sessions_max="1",
        results_last_min="2",
        results_last_max="2",
        price_from="0",
        last_reviewed="2026-11-02",
        next_review_due="2026-11-02",
        **{"action-publish": "action-publish"},
    )
    assert response.status_code == 302
    page = TreatmentPage.objects.get(slug="microneedling")
    assert page.live
    assert page.sessions_display == "1 session"
    assert page.results_last_display == "2 years"
    assert page.price_from == Decimal("0")


def test_publishing_without_risks_is_refused(admin_client, site_tree):
    data = {"risks": rich_text(""), "action-publish": "action-publish"}
    response = add_treatment(admin_client, site_tree.treatment_index, **data)
    assert response.status_code == 200
    assert RISKS in page_text(response)
    assert not TreatmentPage.objects.filter(slug="microneedling").exists()


def test_submitting_for_review_without_risks_is_refused(admin_client, site_tree):
    """A review workflow ends in publishing, so submitting asks for the risks too."""
    data = {"risks": rich_text(""), "action-submit": "action-submit"}
    response = add_treatment(admin_client, site_tree.treatment_index, **data)
    assert response.status_code == 200
    assert RISKS in page_text(response)
    assert not TreatmentPage.objects.filter(slug="microneedling").exists()

    data["risks"] = rich_text("<p>Redness for a day or two.</p>")
    response = add_treatment(admin_client, site_tree.treatment_index, **data)
    assert response.status_code == 302
    page = TreatmentPage.objects.get(slug="microneedling")
    assert page.current_workflow_state is not None


def test_a_draft_without_risks_can_be_saved(admin_client, site_tree):
    response = add_treatment(
        admin_client, site_tree.treatment_index, risks=rich_text("")
    )
    assert response.status_code == 302
    page = TreatmentPage.objects.get(slug="microneedling")
    assert not page.live
    # Publishing the draft later still asks for the risks.
    edit = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        treatment_form_data(
            slug="microneedling",
            risks=rich_text("<p> </p>"),
            **{"action-publish": "action-publish"},
        ),
    )
    assert edit.status_code == 200
    assert RISKS in page_text(edit)
    page.refresh_from_db()
    assert not page.live


def test_alternative_admin_form_checks_its_ranges(admin_client, site_tree):
    url = reverse(
        "wagtailadmin_pages:add",
        args=["treatments_cms", "alternativepage", site_tree.alternative_index.pk],
    )
    response = admin_client.post(
        url, alternative_form_data(sessions_min="5", sessions_max="3")
    )
    assert response.status_code == 200
    assert SESSIONS in page_text(response)


def test_condition_needing_a_doctor_must_say_when(admin_client, site_tree):
    from tests.content.form_data import condition_form_data

    url = reverse(
        "wagtailadmin_pages:add",
        args=["treatments_cms", "conditionpage", site_tree.condition_index.pk],
    )
    response = admin_client.post(
        url, condition_form_data(requires_medical_assessment="on")
    )
    assert response.status_code == 200
    assert DOCTOR in page_text(response)

    response = admin_client.post(
        url,
        condition_form_data(
            requires_medical_assessment="on",
            medical_assessment_text=rich_text("<p>See your GP first.</p>"),
        ),
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"sessions_min": 5, "sessions_max": 3}, "sessions_max", SESSIONS),
        ({"results_last_min": 3, "results_last_max": 1}, "results_last_max", RESULTS),
        (
            {"downtime_min_days": 7, "downtime_max_days": 2},
            "downtime_max_days",
            DOWNTIME,
        ),
        (
            {
                "last_reviewed": datetime.date(2026, 11, 2),
                "next_review_due": datetime.date(2026, 1, 1),
            },
            "next_review_due",
            REVIEW,
        ),
    ],
)
def test_model_clean_gives_the_message_on_the_field(site_tree, fields, field, message):
    page = site_tree.treatment
    for name, value in fields.items():
        setattr(page, name, value)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict[field] == [message]


def test_model_refuses_a_negative_price_and_zero_sessions(site_tree):
    page = site_tree.treatment
    page.price_from = Decimal("-0.01")
    page.sessions_min = 0
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["price_from"] == [PRICE]
    assert "sessions_min" in error.value.message_dict


def test_condition_model_needs_doctor_text_when_flagged():
    condition = factories.ConditionPageFactory.build(
        title="Actinic keratosis", slug="ak", requires_medical_assessment=True
    )
    with pytest.raises(ValidationError) as error:
        condition.clean()
    assert error.value.message_dict == {"medical_assessment_text": [DOCTOR]}
    condition.medical_assessment_text = "<p>See your GP or dermatologist first.</p>"
    condition.clean()
