"""Which clinic: the form's choice, its pre-selection, and where the notification goes.

The form lists only live clinics of the current site (on a treatment page, those
offering it), allows "No preference", pre-selects the clinic a location page
links from and ticks the condition a condition page links from; the clinic's
recipients are told, else the site's.
"""

import pytest
from bs4 import BeautifulSoup

from tests.enquiries.location_helpers import build_clinics, build_second_site
from tests.enquiries.pipeline_helpers import (
    ENQUIRY_URL,
    THANKS_URL,
    run_worker,
    soup,
    valid_data,
)
from tests.factories import ConditionIndexPageFactory, ConditionPageFactory
from treatments_cms.enquiries.forms import EnquiryForm
from treatments_cms.models import Enquiry, NotificationStatus

pytestmark = pytest.mark.usefixtures("no_wait")

NO_PREFERENCE = "No preference"


@pytest.fixture
def clinics(site_tree):
    return build_clinics(site_tree)


@pytest.fixture
def ireland(site_tree, clinics):
    return build_second_site(site_tree)


def options(response, name="location"):
    """``[(value, label, selected)]`` of the select ``name``, or None without one."""
    select = soup(response).find("select", attrs={"name": name})
    if select is None:
        return None
    return [
        (
            option.get("value", ""),
            option.get_text(strip=True),
            option.has_attr("selected"),
        )
        for option in select.find_all("option")
    ]


def labels(response):
    return [label for _value, label, _selected in options(response)]


def selected(response):
    return [label for _value, label, chosen in options(response) if chosen]


def ticked(response):
    """The ids of the ticked concerns."""
    boxes = soup(response).find_all("input", attrs={"name": "concerns"})
    return [box["value"] for box in boxes if box.has_attr("checked")]


def field_error(response, field):
    error = soup(response).find(id=f"id_{field}_error")
    return error.get_text(" ", strip=True) if error else None


# --- The choices ---------------------------------------------------------------


def test_a_treatment_page_lists_the_clinics_offering_it(
    client, site_tree, clinics, ireland
):
    response = client.get(site_tree.treatment.url)

    # Not York (does not offer it), Hull (a draft) or Dublin (another site).
    assert labels(response) == [NO_PREFERENCE, "Leeds"]
    assert selected(response) in ([], [NO_PREFERENCE])


def test_the_standalone_page_lists_every_clinic_of_the_site(
    client, site_tree, clinics, ireland
):
    response = client.get(ENQUIRY_URL)

    assert labels(response) == [NO_PREFERENCE, "Leeds", "York"]
    treatments = [label for _v, label, _s in options(response, "treatment")]
    assert "Laser (Ireland)" not in treatments


def test_the_second_site_lists_its_own_treatments_and_clinics(
    client, site_tree, clinics, ireland
):
    response = client.get(ENQUIRY_URL, HTTP_HOST="ie.example")

    assert labels(response) == [NO_PREFERENCE, "Dublin"]
    treatments = [label for _v, label, _s in options(response, "treatment")]
    assert treatments[1:] == ["Laser (Ireland)"]


def test_a_site_without_clinics_asks_no_such_question(client, site_tree):
    assert options(client.get(ENQUIRY_URL)) is None
    assert options(client.get(site_tree.treatment.url)) is None

    response = client.post(ENQUIRY_URL, valid_data(site_tree, location="1"))

    assert response.status_code == 302
    assert Enquiry.objects.get().location is None


def test_a_treatment_no_clinic_offers_has_no_clinic_question(
    client, site_tree, clinics
):
    response = client.get(clinics.microneedling.url)

    assert labels(response) == [NO_PREFERENCE, "York"]
    clinics.york.offered_treatments.all().delete()
    assert options(client.get(clinics.microneedling.url)) is None


def test_showing_the_form_reads_the_clinics_once(
    site_tree, clinics, django_assert_num_queries
):
    form = EnquiryForm(treatment=site_tree.treatment, site=site_tree.home.get_site())
    with django_assert_num_queries(0):
        rendered = str(form["location"])
    assert "Leeds" in rendered and "York" not in rendered


def test_the_treatment_page_offers_what_its_own_lists_hold(client, site_tree, clinics):
    """The page hands the form the clinics and conditions it loaded for its
    sections: the same choices, in the same order, as the form finds itself."""
    from treatments_cms.models import LocationTreatment, TreatmentConditionLink

    treatment = site_tree.treatment
    doctor_first = ConditionPageFactory(
        title="Actinic keratosis",
        requires_medical_assessment=True,
        medical_assessment_text="<p>See a doctor first.</p>",
    )
    later = ConditionPageFactory(title="Acne scars")
    TreatmentConditionLink.objects.create(
        page=treatment, condition=doctor_first, sort_order=1
    )
    TreatmentConditionLink.objects.create(page=treatment, condition=later, sort_order=2)
    LocationTreatment.objects.create(page=clinics.york, treatment=treatment)
    site = site_tree.home.get_site()

    response = client.get(treatment.url)
    shown = soup(response).find("form", class_="enquiry-form")
    by_itself = EnquiryForm(treatment=treatment, site=site)

    # The doctor-first condition is a card on the page, never a concern.
    assert "Actinic keratosis" in soup(response).find(id="conditions").get_text()
    assert ticked(response) == []
    concerns = [
        box["value"] for box in shown.find_all("input", attrs={"name": "concerns"})
    ]
    assert concerns == [str(pk) for pk, _label in by_itself.fields["concerns"].choices]
    assert concerns == [str(site_tree.condition.pk), str(later.pk)]
    assert labels(response) == [NO_PREFERENCE, "Leeds", "York"]
    assert str(shown.find("select", attrs={"name": "location"})) == str(
        BeautifulSoup(str(by_itself["location"]), "html.parser").find("select")
    )
    # Asked for by id, a doctor-first condition is not ticked either.
    assert ticked(client.get(f"{treatment.url}?condition={doctor_first.pk}")) == []


def test_given_choices_are_shown_without_a_query_and_posts_still_checked(
    site_tree, clinics, django_assert_num_queries
):
    treatment = site_tree.treatment
    site = site_tree.home.get_site()
    by_itself = EnquiryForm(treatment=treatment, site=site)
    concerns = list(by_itself.fields["concerns"].queryset)
    locations = list(by_itself.fields["location"].locations.values())

    given = EnquiryForm(
        treatment=treatment, site=site, locations=locations, concerns=concerns
    )
    with django_assert_num_queries(0):
        rendered = str(given["concerns"]) + str(given["location"])
    assert rendered == str(by_itself["concerns"]) + str(by_itself["location"])

    # A post is checked against the database, whatever the form was given.
    other = ConditionPageFactory(title="Rosacea")
    data = valid_data(site_tree, concerns=[str(other.pk)])
    posted = EnquiryForm(
        data, treatment=treatment, site=site, locations=locations, concerns=[other]
    )
    assert not posted.is_valid()
    assert "concerns" in posted.errors


# --- Sending -------------------------------------------------------------------


def test_the_chosen_clinic_and_the_site_are_stored(client, site_tree, clinics):
    response = client.post(
        ENQUIRY_URL, valid_data(site_tree, location=str(clinics.leeds.pk))
    )

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    enquiry = Enquiry.objects.get()
    assert enquiry.location == clinics.leeds
    assert enquiry.site == site_tree.home.get_site()


def test_no_preference_is_allowed(client, site_tree, clinics):
    response = client.post(ENQUIRY_URL, valid_data(site_tree, location=""))

    assert response.status_code == 302
    assert Enquiry.objects.get().location is None


@pytest.mark.parametrize(
    "clinic", ["york", "hull", "dublin", "unknown", "text", "negative", "huge"]
)
def test_a_clinic_not_offered_on_the_treatment_page_is_refused(
    client, site_tree, clinics, ireland, clinic
):
    value = {
        "york": str(clinics.york.pk),
        "hull": str(clinics.hull.pk),
        "dublin": str(ireland.dublin.pk),
        "unknown": "999999",
        "text": "Leeds",
        "negative": "-1",
        "huge": "9" * 40,
    }[clinic]

    response = client.post(ENQUIRY_URL, valid_data(site_tree, location=value))

    assert response.status_code == 400
    assert field_error(response, "location") == (
        "Error: Choose a clinic from the list, or \u201cNo preference\u201d."
    )
    assert not Enquiry.objects.exists()


def test_the_standalone_form_refuses_a_clinic_without_the_treatment(
    client, site_tree, clinics
):
    data = valid_data(site_tree, origin="standalone", location=str(clinics.york.pk))

    response = client.post(ENQUIRY_URL, data)

    assert response.status_code == 400
    assert field_error(response, "location") == (
        "Error: Laser skin rejuvenation is not offered at York. Choose a clinic "
        "that offers it (Leeds) or \u201cNo preference\u201d."
    )
    # Named in the error summary too, linking to the field; answers kept.
    summary = soup(response).find(id="error-summary")
    assert summary.find("a", href="#id_location") is not None
    assert selected(response) == ["York"]
    assert not Enquiry.objects.exists()


def test_the_standalone_form_accepts_a_clinic_offering_the_treatment(
    client, site_tree, clinics
):
    data = valid_data(
        site_tree,
        origin="standalone",
        treatment=str(clinics.microneedling.pk),
        concerns=[],
        location=str(clinics.york.pk),
    )

    response = client.post(ENQUIRY_URL, data)

    assert response.status_code == 302
    assert Enquiry.objects.get().location == clinics.york


def test_the_standalone_form_of_another_site_refuses_this_sites_clinic(
    client, site_tree, clinics, ireland
):
    data = valid_data(
        site_tree,
        origin="standalone",
        treatment=str(ireland.treatment.pk),
        concerns=[],
        location=str(clinics.leeds.pk),
    )

    response = client.post(ENQUIRY_URL, data, HTTP_HOST="ie.example")

    assert response.status_code == 400
    assert field_error(response, "location").startswith(
        "Error: Choose a clinic from the list"
    )
    assert not Enquiry.objects.exists()


# --- Pre-selection -------------------------------------------------------------


def test_coming_from_a_location_page_selects_that_clinic(client, site_tree, clinics):
    location_page = soup(client.get(clinics.york.url))
    link = location_page.find("a", href=f"{ENQUIRY_URL}?location={clinics.york.pk}")
    assert link is not None

    response = client.get(link["href"])

    assert response.status_code == 200
    assert selected(response) == ["York"]


def test_a_treatment_page_preselects_a_clinic_offering_it(client, site_tree, clinics):
    url = site_tree.treatment.url
    assert selected(client.get(f"{url}?location={clinics.leeds.pk}")) == ["Leeds"]
    # York does not offer it: nothing is selected.
    assert selected(client.get(f"{url}?location={clinics.york.pk}")) in (
        [],
        [NO_PREFERENCE],
    )


@pytest.mark.parametrize(
    "value", ["hull", "dublin", "999999", "abc", "1%00", "-1", "9" * 40, ""]
)
def test_a_location_that_is_not_a_choice_selects_nothing(
    client, site_tree, clinics, ireland, value
):
    value = {"hull": str(clinics.hull.pk), "dublin": str(ireland.dublin.pk)}.get(
        value, value
    )

    response = client.get(ENQUIRY_URL, {"location": value})

    assert response.status_code == 200
    assert selected(response) in ([], [NO_PREFERENCE])


def test_coming_from_a_condition_page_ticks_that_condition(client, site_tree):
    condition_page = soup(client.get(site_tree.condition.url))
    href = f"{ENQUIRY_URL}?condition={site_tree.condition.pk}"
    assert condition_page.find("a", href=href) is not None

    response = client.get(href)

    assert ticked(response) == [str(site_tree.condition.pk)]


def test_a_treatment_page_ticks_the_condition_it_treats(client, site_tree):
    url = f"{site_tree.treatment.url}?condition={site_tree.condition.pk}"

    assert ticked(client.get(url)) == [str(site_tree.condition.pk)]
    assert ticked(client.get(site_tree.treatment.url)) == []


def test_a_condition_that_is_not_a_choice_is_not_ticked(client, site_tree):
    other_treatments = ConditionPageFactory(title="Rosacea")  # not this treatment's
    doctor_first = ConditionPageFactory(
        title="Actinic keratosis",
        requires_medical_assessment=True,
        medical_assessment_text="<p>See a doctor first.</p>",
    )
    ireland = build_second_site(site_tree)
    elsewhere = ConditionPageFactory(
        title="Melasma", parent=ConditionIndexPageFactory(parent=ireland.home)
    )

    treatment_url = site_tree.treatment.url
    assert ticked(client.get(f"{treatment_url}?condition={other_treatments.pk}")) == []
    for condition in (doctor_first, elsewhere):
        assert ticked(client.get(ENQUIRY_URL, {"condition": condition.pk})) == []
    for value in ("abc", "1 OR 1=1", "9" * 40, "-3", "\u0661"):
        response = client.get(ENQUIRY_URL, {"condition": value})
        assert response.status_code == 200
        assert ticked(response) == []
    # A NUL is refused before the form (a 400, never a 500).
    assert client.get(ENQUIRY_URL, {"condition": "1\x00"}).status_code == 400


def test_the_pre_ticked_condition_is_sent_only_if_left_ticked(client, site_tree):
    data = valid_data(site_tree, origin="standalone", concerns=[])

    client.post(ENQUIRY_URL, data)

    assert list(Enquiry.objects.get().concerns.all()) == []


# --- Where the notification goes ---------------------------------------------


def submit_and_deliver(client, site_tree, django_capture_on_commit_callbacks, **data):
    host = data.pop("host", None)
    extra = {"HTTP_HOST": host} if host else {}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ENQUIRY_URL, valid_data(site_tree, **data), **extra)
    assert response.status_code == 302, response.content
    run_worker()
    run_worker()  # once only: a second run sends nothing
    return Enquiry.objects.get()


def test_the_chosen_clinics_recipients_are_told(
    client, site_tree, clinics, mailoutbox, django_capture_on_commit_callbacks
):
    enquiry = submit_and_deliver(
        client,
        site_tree,
        django_capture_on_commit_callbacks,
        location=str(clinics.leeds.pk),
    )

    [mail] = mailoutbox
    assert mail.to == ["leeds@example.com", "leeds.manager@example.com"]
    assert mail.body.startswith("Clinic: Leeds\n")
    assert "Sam Example" not in mail.body and "sam@example.com" not in mail.body
    assert enquiry.notification_status == NotificationStatus.SENT
    assert enquiry.notification_attempts == 1


def test_a_clinic_without_recipients_falls_back_to_the_sites(
    client, site_tree, clinics, mailoutbox, django_capture_on_commit_callbacks
):
    submit_and_deliver(
        client,
        site_tree,
        django_capture_on_commit_callbacks,
        origin="standalone",
        treatment=str(clinics.microneedling.pk),
        concerns=[],
        location=str(clinics.york.pk),
    )

    [mail] = mailoutbox
    assert mail.to == ["enquiries@example.com"]
    assert mail.body.startswith("Clinic: York\n")


def test_no_preference_tells_the_sites_recipients(
    client, site_tree, clinics, mailoutbox, django_capture_on_commit_callbacks
):
    submit_and_deliver(client, site_tree, django_capture_on_commit_callbacks)

    [mail] = mailoutbox
    assert mail.to == ["enquiries@example.com"]
    assert "Clinic:" not in mail.body


def test_the_second_sites_enquiry_tells_that_sites_recipients(
    client, site_tree, clinics, ireland, mailoutbox, django_capture_on_commit_callbacks
):
    enquiry = submit_and_deliver(
        client,
        site_tree,
        django_capture_on_commit_callbacks,
        host="ie.example",
        origin="standalone",
        treatment=str(ireland.treatment.pk),
        concerns=[],
    )

    assert enquiry.site == ireland.site
    [mail] = mailoutbox
    assert mail.to == ["ireland@example.com"]


def test_a_deleted_clinic_falls_back_to_the_sites_recipients(
    client, site_tree, clinics, mailoutbox
):
    from tests.factories import EnquiryFactory

    enquiry = EnquiryFactory(treatment=site_tree.treatment, location=clinics.leeds)
    clinics.leeds.delete()

    from treatments_cms.enquiries.notify import deliver_notification

    deliver_notification(enquiry.pk)

    [mail] = mailoutbox
    assert mail.to == ["enquiries@example.com"]
    enquiry.refresh_from_db()
    assert enquiry.location is None
