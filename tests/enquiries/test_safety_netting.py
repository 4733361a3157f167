"""A condition a doctor must see first is never an enquiry concern.

It is not offered on any form, a crafted post naming it is refused beside the
concerns, an enquiry that names it anyway is flagged in the inbox, and the
treatment page says "see a doctor first" on its card.
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.enquiries.inbox_helpers import url
from tests.enquiries.pipeline_helpers import (
    ENQUIRY_URL,
    THANKS_URL,
    assert_no_store,
    soup,
    valid_data,
)
from treatments_cms.enquiries.forms import NEEDS_DOCTOR_FIRST
from treatments_cms.models import Enquiry, TreatmentConditionLink

pytestmark = pytest.mark.usefixtures("no_wait")

ORIGINS = ["standalone", "page"]
DOCTOR_FIRST_MESSAGE = str(NEEDS_DOCTOR_FIRST) % {"title": "Actinic keratosis"}
CARD_NOTE = (
    "the clinic does not take enquiries about Actinic keratosis until a doctor "
    "has checked your skin."
)


@pytest.fixture
def keratosis(site_tree):
    """A condition a doctor must see first, linked to the site tree's treatment."""
    condition = factories.ConditionPageFactory(
        title="Actinic keratosis",
        requires_medical_assessment=True,
        medical_assessment_text="<p>These patches can be pre-cancerous.</p>",
    )
    TreatmentConditionLink.objects.create(
        page=site_tree.treatment, condition=condition, sort_order=1
    )
    return condition


def offered_concerns(response):
    """The concern labels the rendered enquiry form offers."""
    fieldset = soup(response).find("fieldset", id="id_concerns")
    return [label.get_text(strip=True) for label in fieldset.find_all("label")]


def concerns_error(response):
    error = soup(response).find(id="id_concerns_error")
    return None if error is None else error.get_text(" ", strip=True)


def test_the_treatment_page_form_does_not_offer_it(client, site_tree, keratosis):
    response = client.get(site_tree.treatment.url)

    assert response.status_code == 200
    assert offered_concerns(response) == ["Spider veins"]


def test_the_standalone_form_does_not_offer_it(client, site_tree, keratosis):
    response = client.get(ENQUIRY_URL)

    assert response.status_code == 200
    assert offered_concerns(response) == ["Spider veins"]


@pytest.mark.parametrize("origin", ORIGINS)
@pytest.mark.parametrize("with_other", [False, True])
def test_a_posted_id_for_it_is_refused_by_name(
    client, site_tree, keratosis, origin, with_other
):
    concerns = [str(keratosis.pk)]
    if with_other:
        concerns.insert(0, str(site_tree.condition.pk))

    response = client.post(
        ENQUIRY_URL, valid_data(site_tree, origin=origin, concerns=concerns)
    )

    assert response.status_code == 400
    assert_no_store(response)
    assert DOCTOR_FIRST_MESSAGE in concerns_error(response)
    assert Enquiry.objects.count() == 0
    page = soup(response)
    assert page.find(id="id_name")["value"] == "Sam Example"
    assert page.find(id="id_email")["value"] == "sam@example.com"
    assert "redness on my cheeks" in page.find(id="id_message").get_text()


def test_an_unknown_id_keeps_the_plain_message(client, site_tree, keratosis):
    response = client.post(ENQUIRY_URL, valid_data(site_tree, concerns=["999999"]))

    assert response.status_code == 400
    assert concerns_error(response) == "Error: Choose from the listed concerns."
    assert Enquiry.objects.count() == 0


def test_the_other_concerns_are_still_accepted(client, site_tree, keratosis):
    response = client.post(ENQUIRY_URL, valid_data(site_tree))

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    assert list(Enquiry.objects.get().concerns.all()) == [site_tree.condition]


@pytest.fixture
def flagged(site_tree, keratosis):
    """An enquiry naming the condition, as stored before the form refused it."""
    enquiry = factories.EnquiryFactory(
        treatment=site_tree.treatment, consent_statement=site_tree.consent
    )
    enquiry.concerns.add(site_tree.condition, keratosis)
    return enquiry


@pytest.fixture
def plain(site_tree):
    enquiry = factories.EnquiryFactory(
        treatment=site_tree.treatment, consent_statement=site_tree.consent
    )
    enquiry.concerns.add(site_tree.condition)
    return enquiry


def rows_by_name(response):
    table = BeautifulSoup(response.content, "html.parser").select_one("table.listing")
    headings = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    rows = {}
    for tr in table.select("tbody tr"):
        cells = [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        rows[cells[1]] = dict(zip(headings, cells, strict=True))
    return rows


def test_the_inbox_list_flags_it(client, viewer_user, flagged, plain):
    client.force_login(viewer_user)

    rows = rows_by_name(client.get(url("index")))

    assert rows[flagged.name]["Doctor first"] == "Needs a doctor first"
    assert "Needs a doctor first" not in rows[plain.name]["Doctor first"]


def test_the_flag_follows_the_condition(client, viewer_user, plain, site_tree):
    """Ticking the box on a condition later flags the enquiries already stored."""
    condition = site_tree.condition
    type(condition).objects.filter(pk=condition.pk).update(
        requires_medical_assessment=True
    )
    client.force_login(viewer_user)

    rows = rows_by_name(client.get(url("index")))

    assert rows[plain.name]["Doctor first"] == "Needs a doctor first"


@pytest.mark.parametrize(
    ("value", "expected"), [("yes", "flagged"), ("no", "plain"), (None, "both")]
)
def test_the_inbox_filters_by_the_flag(
    client, viewer_user, flagged, plain, value, expected
):
    client.force_login(viewer_user)
    params = {} if value is None else {"doctor_first": value}

    response = client.get(url("index"), params)

    assert response.status_code == 200
    names = set(rows_by_name(response))
    wanted = {"flagged": {flagged.name}, "plain": {plain.name}}
    assert names == wanted.get(expected, {flagged.name, plain.name})


@pytest.mark.parametrize(
    "query", ["doctor_first=maybe", "doctor_first=yes&doctor_first=no"]
)
def test_the_flag_filter_refuses_other_values(client, viewer_user, flagged, query):
    client.force_login(viewer_user)

    response = client.get(f"{url('index')}?{query}")

    assert response.status_code == 400


def test_the_inbox_list_query_count_does_not_grow(
    client, viewer_user, site_tree, keratosis
):
    """The flag is one subquery: 2 or 6 flagged rows cost the same."""

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("index")).status_code == 200
        return len(captured)

    client.force_login(viewer_user)
    for _ in range(2):
        enquiry = factories.EnquiryFactory(
            treatment=site_tree.treatment, consent_statement=site_tree.consent
        )
        enquiry.concerns.add(keratosis)
    client.get(url("index"))
    two = count()
    for _ in range(4):
        enquiry = factories.EnquiryFactory(
            treatment=site_tree.treatment, consent_statement=site_tree.consent
        )
        enquiry.concerns.add(keratosis)

    assert count() == two


@pytest.mark.parametrize("action", ["inspect", "edit"])
def test_the_enquiry_page_shows_a_prominent_note(client, superuser, flagged, action):
    client.force_login(superuser)

    response = client.get(url(action, flagged.pk))

    assert response.status_code == 200
    note = soup(response).select_one(".help-block.help-critical")
    assert note is not None
    assert "Needs a doctor first" in note.get_text(" ", strip=True)
    assert "Actinic keratosis" in note.get_text(" ", strip=True)
    assert "Spider veins" not in note.get_text(" ", strip=True)


def test_an_enquiry_without_it_has_no_note(client, viewer_user, plain):
    client.force_login(viewer_user)

    response = client.get(url("inspect", plain.pk))

    assert response.status_code == 200
    assert soup(response).select_one(".help-block.help-critical") is None
    assert "Needs a doctor first" not in response.content.decode()


def test_the_treatment_page_shows_the_note_on_its_card(client, site_tree, keratosis):
    response = client.get(site_tree.treatment.url)

    cards = {
        card.select_one(".card__title").get_text(strip=True): card
        for card in soup(response).select("li.card")
    }
    note = cards["Actinic keratosis"].select_one(".card__doctor-first")
    assert note is not None
    assert CARD_NOTE in note.get_text(" ", strip=True)
    assert "See your GP or dermatologist first" in note.get_text(" ", strip=True)
    assert cards["Spider veins"].select_one(".card__doctor-first") is None


def test_the_note_costs_no_query(client, site_tree):
    """The card reads the flag from the condition already loaded for it."""

    def count():
        client.get(site_tree.treatment.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(site_tree.treatment.url).status_code == 200
        return len(captured)

    before = count()
    condition = factories.ConditionPageFactory(
        title="Actinic keratosis",
        requires_medical_assessment=True,
        medical_assessment_text="<p>These patches can be pre-cancerous.</p>",
    )
    TreatmentConditionLink.objects.create(
        page=site_tree.treatment, condition=condition, sort_order=1
    )

    assert count() == before
    assert CARD_NOTE in client.get(site_tree.treatment.url).content.decode()
