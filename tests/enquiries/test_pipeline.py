"""Saving an enquiry: one row per rendered form, Post/Redirect/Get, no-store."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from freezegun import freeze_time

from tests.enquiries.pipeline_helpers import (
    ENQUIRY_URL,
    THANKS_URL,
    assert_no_store,
    run_worker,
    soup,
    valid_data,
)
from tests.factories import (
    ConditionPageFactory,
    ConsentStatementFactory,
    EnquiryFactory,
)
from treatments_cms.conf import DEFAULTS
from treatments_cms.enquiries.forms import EnquiryForm
from treatments_cms.enquiries.services import save_enquiry
from treatments_cms.enquiries.tokens import read_token
from treatments_cms.models import Enquiry, NotificationStatus

pytestmark = pytest.mark.usefixtures("no_wait")


def test_a_valid_enquiry_is_stored_and_redirects_to_thank_you(client, site_tree):
    data = valid_data(site_tree)
    nonce, _issued = read_token(data["form_token"])

    response = client.post(ENQUIRY_URL, data)

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    assert_no_store(response)
    enquiry = Enquiry.objects.get()
    assert enquiry.treatment == site_tree.treatment
    assert enquiry.treatment_title == "Laser skin rejuvenation"
    assert enquiry.name == "Sam Example"
    assert enquiry.email == "sam@example.com"
    assert enquiry.contact_method == "email"
    assert enquiry.message == "I have some redness on my cheeks."
    assert list(enquiry.concerns.all()) == [site_tree.condition]
    assert enquiry.is_adult is True
    assert enquiry.marketing_opt_in is False
    assert enquiry.consent_statement == site_tree.consent
    assert enquiry.consent_version == site_tree.consent.version
    assert abs(enquiry.consented_at - timezone.now()) < datetime.timedelta(minutes=1)
    assert enquiry.submission_key == nonce
    assert enquiry.status == "new"


def test_the_thank_you_url_carries_no_identifier(client, site_tree):
    response = client.post(ENQUIRY_URL, valid_data(site_tree), follow=True)

    assert response.redirect_chain == [(THANKS_URL, 302)]
    enquiry = Enquiry.objects.get()
    assert "?" not in THANKS_URL
    assert str(enquiry.pk) not in THANKS_URL
    assert "sam" not in THANKS_URL
    assert "Thank you" in soup(response).find("h1").get_text()
    assert_no_store(response)


def test_the_standalone_form_stores_the_chosen_treatment(client, site_tree):
    other = ConditionPageFactory(title="Acne scars")

    response = client.post(
        ENQUIRY_URL,
        valid_data(
            site_tree,
            origin="standalone",
            concerns=[str(other.pk), str(site_tree.condition.pk)],
            contact_method="phone",
            phone="+44 20 7946 0000",
            marketing_opt_in="on",
            message="",
        ),
    )

    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.treatment == site_tree.treatment
    assert set(enquiry.concerns.all()) == {other, site_tree.condition}
    assert enquiry.contact_method == "phone"
    assert enquiry.phone == "+44 20 7946 0000"
    assert enquiry.marketing_opt_in is True
    assert enquiry.message == ""


def test_the_same_form_posted_twice_stores_one_enquiry(client, site_tree):
    data = valid_data(site_tree)

    first = client.post(ENQUIRY_URL, data)
    second = client.post(ENQUIRY_URL, {**data, "name": "Someone Else"})

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == THANKS_URL
    assert Enquiry.objects.get().name == "Sam Example"


def test_two_rendered_forms_store_two_enquiries(client, site_tree):
    client.post(ENQUIRY_URL, valid_data(site_tree))
    client.post(ENQUIRY_URL, valid_data(site_tree))

    assert Enquiry.objects.count() == 2


def _cleaned_form(site_tree):
    data = valid_data(site_tree)
    form = EnquiryForm(
        data, treatment=site_tree.treatment, consent_statement=site_tree.consent
    )
    assert form.is_valid(), form.errors
    return form


@pytest.mark.parametrize("outer_transaction", [False, True])
def test_a_lost_double_click_race_returns_the_first_enquiry(
    site_tree, outer_transaction
):
    """The second insert of a key fails on the unique constraint; it is not an error."""
    first = EnquiryFactory(treatment=site_tree.treatment, submission_key="k" * 32)
    form = _cleaned_form(site_tree)

    if outer_transaction:  # as under ATOMIC_REQUESTS
        with transaction.atomic():
            enquiry, created = save_enquiry(
                form, consent_statement=site_tree.consent, submission_key="k" * 32
            )
            assert Enquiry.objects.count() == 1  # the transaction is still usable
    else:
        enquiry, created = save_enquiry(
            form, consent_statement=site_tree.consent, submission_key="k" * 32
        )

    assert (enquiry, created) == (first, False)
    assert Enquiry.objects.count() == 1


def test_enquiries_without_a_key_do_not_collide(site_tree):
    form = _cleaned_form(site_tree)

    save_enquiry(form, consent_statement=site_tree.consent)
    save_enquiry(form, consent_statement=site_tree.consent)

    assert Enquiry.objects.filter(submission_key=None).count() == 2


def test_the_consent_version_shown_when_the_form_was_rendered_is_stored(
    client, site_tree
):
    start = timezone.now() + datetime.timedelta(minutes=1)
    with freeze_time(start) as clock:
        data = valid_data(site_tree)  # the form is rendered with the first wording
        clock.tick(60)
        ConsentStatementFactory(version="v-new", text="New wording.")
        clock.tick(60)

        response = client.post(ENQUIRY_URL, data)

    assert response.status_code == 302
    assert Enquiry.objects.get().consent_version == site_tree.consent.version


def test_a_new_form_shows_and_stores_the_newest_wording(client, site_tree):
    with freeze_time(timezone.now() + datetime.timedelta(minutes=1)):
        newer = ConsentStatementFactory(version="v-new", text="New wording.")
    with freeze_time(timezone.now() + datetime.timedelta(minutes=2)):
        page = soup(client.get(ENQUIRY_URL))
        assert page.find("label", {"for": "id_consent"}).get_text() == "New wording."
        response = client.post(
            ENQUIRY_URL,
            valid_data(
                site_tree,
                form_token=page.find("input", {"name": "form_token"})["value"],
            ),
        )

    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert (enquiry.consent_statement, enquiry.consent_version) == (newer, "v-new")


# --- ATOMIC_REQUESTS ------------------------------------------------------------


@pytest.fixture(params=[False, True], ids=["autocommit", "atomic_requests"])
def atomic_requests(request, monkeypatch):
    """Run the test with and without ATOMIC_REQUESTS (read per request)."""
    monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", request.param)
    return request.param


_DEPTHS = []


@pytest.fixture
def depth_probe(settings):
    """Record how many atomic blocks are open while the pipeline runs."""
    settings.TREATMENTS_CMS_ENQUIRY_SPAM_CHECKS = [
        *DEFAULTS["ENQUIRY_SPAM_CHECKS"],
        "tests.enquiries.test_pipeline.record_depth",
    ]
    _DEPTHS.clear()
    yield _DEPTHS
    _DEPTHS.clear()


def record_depth(request, form):
    _DEPTHS.append(len(connection.atomic_blocks))


def test_the_enquiry_is_saved_before_the_clinic_is_told(
    client,
    site_tree,
    atomic_requests,
    depth_probe,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    baseline = len(connection.atomic_blocks)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(ENQUIRY_URL, valid_data(site_tree))

    # ATOMIC_REQUESTS really took effect: the view ran in one more atomic block.
    assert depth_probe == [baseline + (1 if atomic_requests else 0)]
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.notification_status == NotificationStatus.PENDING
    assert mailoutbox == []  # nothing is sent before the commit
    assert len(callbacks) == 1

    callbacks[0]()

    assert mailoutbox == []  # queued for the worker, not sent by the request
    enquiry.refresh_from_db()
    assert enquiry.notification_status == NotificationStatus.PENDING

    run_worker()

    assert len(mailoutbox) == 1
    enquiry.refresh_from_db()
    assert enquiry.notification_status == NotificationStatus.SENT


# --- Cache-Control on every page that shows the form ----------------------------


def test_form_responses_are_private_and_not_stored(client, site_tree):
    assert_no_store(client.get(ENQUIRY_URL))
    assert_no_store(client.post(ENQUIRY_URL, valid_data(site_tree, email="x")))
    assert_no_store(client.post(ENQUIRY_URL, valid_data(site_tree)))
    assert_no_store(client.get(THANKS_URL))


def test_treatment_and_condition_pages_are_public(client, site_tree):
    # The form on a treatment page carries no per-visitor token (the visitor's
    # own come from the token view), so both pages may be cached: see
    # test_cached_form.py.
    treatment = client.get(site_tree.treatment.url)
    condition = client.get(site_tree.condition.url)

    assert treatment.status_code == condition.status_code == 200
    for response in (treatment, condition):
        assert response["Cache-Control"].startswith("public, ")
        assert not response.cookies


def test_an_integrity_error_that_is_not_a_double_click_is_not_hidden(
    site_tree, monkeypatch
):
    form = _cleaned_form(site_tree)

    def fail(**kwargs):
        raise IntegrityError("some other constraint")

    monkeypatch.setattr(Enquiry.objects, "create", fail)

    with pytest.raises(IntegrityError):
        save_enquiry(form, consent_statement=site_tree.consent, submission_key="k" * 32)


def test_without_the_token_check_enquiries_are_stored_without_a_key(
    client, site_tree, settings
):
    settings.TREATMENTS_CMS_ENQUIRY_SPAM_CHECKS = [
        "treatments_cms.enquiries.spam.check_honeypot"
    ]

    response = client.post(ENQUIRY_URL, valid_data(site_tree, form_token="none"))

    assert response.status_code == 302
    assert Enquiry.objects.get().submission_key is None


def test_the_signal_is_skipped_for_an_enquiry_deleted_meanwhile(site_tree, mailoutbox):
    from treatments_cms.enquiries.services import after_commit
    from treatments_cms.signals import enquiry_submitted

    received = []

    def receiver(sender, enquiry, **kwargs):
        received.append(enquiry)

    enquiry_submitted.connect(receiver)
    try:
        after_commit(987654)
        after_commit(EnquiryFactory(treatment=site_tree.treatment).pk)
    finally:
        enquiry_submitted.disconnect(receiver)
    run_worker()

    assert len(received) == 1  # only the enquiry that exists
    assert len(mailoutbox) == 1
