"""Telling the clinic: queued after commit, no health data, failures recorded and retried."""

import datetime
import smtplib

import pytest
from django.core.mail import BadHeaderError
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from tests.enquiries.pipeline_helpers import (
    ENQUIRY_URL,
    THANKS_URL,
    run_worker,
    valid_data,
)
from tests.factories import EnquiryFactory, TreatmentPageFactory
from treatments_cms.enquiries import notify
from treatments_cms.enquiries.notify import Delivery
from treatments_cms.models import Enquiry, NotificationStatus
from treatments_cms.signals import enquiry_submitted

pytestmark = pytest.mark.usefixtures("no_wait")

VISITOR_DATA = (
    "Sam Example",
    "sam@example.com",
    "020 7946 0123",
    "redness on my cheeks",
    "Spider veins",  # the concern the visitor ticked
)


class FailingBackend(BaseEmailBackend):
    """A mail backend that raises ``FailingBackend.error``."""

    error = smtplib.SMTPException("mail server said no")

    def send_messages(self, email_messages):
        raise self.error


@pytest.fixture(params=[False, True], ids=["autocommit", "atomic_requests"])
def atomic_requests(request, monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", request.param)
    return request.param


def submit(client, tree, **changes):
    data = valid_data(tree, phone="020 7946 0123", contact_method="phone", **changes)
    return client.post(ENQUIRY_URL, data)


def test_the_clinic_is_emailed_after_commit_without_visitor_data(
    client, site_tree, mailoutbox, django_capture_on_commit_callbacks, atomic_requests
):
    site_tree.settings.notification_recipients = "a@example.com\nb@example.com"
    site_tree.settings.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, site_tree)

    assert response.status_code == 302
    assert mailoutbox == []  # queued, not sent by the request
    run_worker()
    enquiry = Enquiry.objects.get()
    [mail] = mailoutbox
    assert mail.to == ["a@example.com", "b@example.com"]
    assert mail.cc == mail.bcc == []
    assert mail.subject == "New enquiry about Laser skin rejuvenation"
    assert "Laser skin rejuvenation" in mail.body
    inspect = reverse("treatments_cms_enquiry_modeladmin_inspect", args=[enquiry.pk])
    assert f"http://testserver{inspect}" in mail.body
    raw = mail.message().as_string()
    for text in VISITOR_DATA:
        assert text not in raw
        assert text not in mail.body
    assert mail.attachments == []
    assert enquiry.notification_status == NotificationStatus.SENT
    assert enquiry.notification_attempts == 1
    assert enquiry.notified_at is not None
    assert enquiry.notification_claimed_at is None
    assert enquiry.notification_error == ""


def test_a_treatment_title_cannot_inject_headers(
    client, site_tree, mailoutbox, django_capture_on_commit_callbacks
):
    site_tree.treatment.title = "Laser\r\nBcc: thief@example.com\nX-Evil: 1"
    site_tree.treatment.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, site_tree)
    run_worker()

    [mail] = mailoutbox
    assert "\n" not in mail.subject and "\r" not in mail.subject
    assert mail.subject == "New enquiry about Laser Bcc: thief@example.com X-Evil: 1"
    assert mail.bcc == []
    assert mail.recipients() == ["enquiries@example.com"]
    headers = mail.message().as_string().split("\n\n", 1)[0]
    assert "\nBcc:" not in headers and "\nX-Evil:" not in headers
    assert Enquiry.objects.get().notification_status == NotificationStatus.SENT


@pytest.mark.parametrize(
    "error",
    [
        smtplib.SMTPException("no"),
        smtplib.SMTPServerDisconnected("gone"),
        BadHeaderError("bad header"),
        TimeoutError("slow"),  # socket.timeout is TimeoutError
        ConnectionRefusedError("refused"),
        OSError("network down"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_a_failing_mail_server_loses_nothing(
    client,
    site_tree,
    settings,
    django_capture_on_commit_callbacks,
    error,
    monkeypatch,
    atomic_requests,
):
    settings.EMAIL_BACKEND = "tests.enquiries.test_notify.FailingBackend"
    monkeypatch.setattr(FailingBackend, "error", error)

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, site_tree)
    run_worker()

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    enquiry = Enquiry.objects.get()
    assert enquiry.name == "Sam Example"
    assert enquiry.notification_status == NotificationStatus.FAILED
    assert enquiry.notification_attempts == 1
    assert enquiry.notification_error == type(error).__name__
    assert enquiry.notified_at is None


def test_the_failure_is_logged_by_type_only(
    client, site_tree, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "tests.enquiries.test_notify.FailingBackend"

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, site_tree)
    run_worker()

    assert "SMTPException" in caplog.text
    assert "mail server said no" not in caplog.text
    for text in VISITOR_DATA:
        assert text not in caplog.text


def test_no_recipients_is_a_recorded_failure(
    client, site_tree, mailoutbox, django_capture_on_commit_callbacks
):
    site_tree.settings.notification_recipients = ""
    site_tree.settings.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, site_tree)
    run_worker()

    assert response.status_code == 302
    assert mailoutbox == []
    enquiry = Enquiry.objects.get()
    assert enquiry.notification_status == NotificationStatus.FAILED
    assert enquiry.notification_error == "NoRecipients"


def test_the_email_links_to_the_admin_home_without_the_inbox(site_tree, monkeypatch):
    monkeypatch.setattr(notify, "INSPECT_URL_NAME", "no_such_url_name")
    enquiry = EnquiryFactory(treatment=site_tree.treatment)

    assert notify.admin_url(enquiry) == "http://testserver" + reverse(
        "wagtailadmin_home"
    )


def test_a_deleted_treatment_still_notifies_the_default_site(site_tree, mailoutbox):
    enquiry = EnquiryFactory(treatment=None, treatment_title="Old treatment")

    assert notify.deliver_notification(enquiry.pk) == Delivery.SENT

    assert mailoutbox[0].subject == "New enquiry about Old treatment"
    assert mailoutbox[0].to == ["enquiries@example.com"]


def test_an_enquiry_deleted_before_delivery_is_skipped(site_tree, mailoutbox):
    enquiry = EnquiryFactory(treatment=site_tree.treatment)
    pk = enquiry.pk
    enquiry.delete()

    assert notify.deliver_notification(pk) == Delivery.SKIPPED
    assert mailoutbox == []


# --- Swapping the notifier ------------------------------------------------------------

CALLS = []


def recording_notifier(enquiry):
    CALLS.append((enquiry.pk, connection.in_atomic_block))


def test_the_notifier_is_swappable(
    client, site_tree, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.TREATMENTS_CMS_ENQUIRY_NOTIFIER = (
        "tests.enquiries.test_notify.recording_notifier"
    )
    CALLS.clear()

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, site_tree)
    assert CALLS == []  # not in the request
    run_worker()

    enquiry = Enquiry.objects.get()
    assert [pk for pk, _atomic in CALLS] == [enquiry.pk]
    assert mailoutbox == []
    assert enquiry.notification_status == NotificationStatus.SENT


def broken_notifier(enquiry):
    raise RuntimeError("bug in a project's notifier")


def test_a_broken_notifier_never_reaches_the_visitor(
    client, site_tree, settings, django_capture_on_commit_callbacks
):
    settings.TREATMENTS_CMS_ENQUIRY_NOTIFIER = (
        "tests.enquiries.test_notify.broken_notifier"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, site_tree)
    run_worker()

    assert response.status_code == 302
    assert Enquiry.objects.get().notification_error == "RuntimeError"


# --- The enquiry_submitted signal -------------------------------------------------------


def test_the_signal_is_sent_after_commit(
    client, site_tree, django_capture_on_commit_callbacks
):
    received = []

    def receiver(sender, enquiry, **kwargs):
        received.append((sender, enquiry.pk, enquiry.notification_status))

    enquiry_submitted.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            submit(client, site_tree)
        assert received == []  # not before the commit
        for callback in callbacks:
            callback()
    finally:
        enquiry_submitted.disconnect(receiver)

    enquiry = Enquiry.objects.get()
    # The notification is queued by then, not sent.
    assert received == [(Enquiry, enquiry.pk, NotificationStatus.PENDING)]


def test_a_failing_receiver_is_logged_and_ignored(
    client, site_tree, django_capture_on_commit_callbacks, caplog
):
    def receiver(sender, enquiry, **kwargs):
        raise ValueError("a project's receiver failed")

    enquiry_submitted.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = submit(client, site_tree)
    finally:
        enquiry_submitted.disconnect(receiver)

    assert response.status_code == 302
    run_worker()
    assert Enquiry.objects.get().notification_status == NotificationStatus.SENT
    assert (
        f"An enquiry_submitted receiver raised ValueError for enquiry "
        f"{Enquiry.objects.get().pk}." in caplog.text
    )
    assert "sam@example.com" not in caplog.text


# --- send_enquiry_notifications ---------------------------------------------------------


def _enquiry(tree, status, attempts=0, age=datetime.timedelta(hours=1)):
    with freeze_time(timezone.now() - age):
        return EnquiryFactory(
            treatment=tree.treatment,
            notification_status=status,
            notification_attempts=attempts,
            name="Private Person",
            message="private words",
        )


def test_the_command_retries_pending_and_failed_enquiries(
    site_tree, mailoutbox, capsys
):
    failed = _enquiry(site_tree, NotificationStatus.FAILED, attempts=2)
    pending = _enquiry(site_tree, NotificationStatus.PENDING)
    just_arrived = _enquiry(
        site_tree, NotificationStatus.PENDING, age=datetime.timedelta()
    )
    sent = _enquiry(site_tree, NotificationStatus.SENT, attempts=1)
    exhausted = _enquiry(site_tree, NotificationStatus.FAILED, attempts=5)

    call_command("send_enquiry_notifications")

    output = capsys.readouterr().out
    assert output.splitlines() == [
        "Settings: clinic_site.settings.test; "
        "mail backend: django.core.mail.backends.locmem.EmailBackend.",
        "Notifications sent: 2; failed: 0; skipped (sent or claimed elsewhere): 0; "
        "given up after 5 attempts: 1.",
    ]
    assert "Private Person" not in output and "private words" not in output
    assert len(mailoutbox) == 2
    for enquiry, status, attempts in [
        (failed, NotificationStatus.SENT, 3),
        (pending, NotificationStatus.SENT, 1),
        (just_arrived, NotificationStatus.PENDING, 0),
        (sent, NotificationStatus.SENT, 1),
        (exhausted, NotificationStatus.FAILED, 5),
    ]:
        enquiry.refresh_from_db()
        assert (enquiry.notification_status, enquiry.notification_attempts) == (
            status,
            attempts,
        )


def test_the_command_counts_failures(site_tree, settings, capsys):
    settings.EMAIL_BACKEND = "tests.enquiries.test_notify.FailingBackend"
    settings.TREATMENTS_CMS_ENQUIRY_NOTIFICATION_MAX_ATTEMPTS = 2
    enquiry = _enquiry(site_tree, NotificationStatus.FAILED, attempts=1)

    call_command("send_enquiry_notifications", grace_minutes=0)
    call_command("send_enquiry_notifications", grace_minutes=0)

    assert capsys.readouterr().out.splitlines()[1::2] == [
        "Notifications sent: 0; failed: 1; skipped (sent or claimed elsewhere): 0; "
        "given up after 2 attempts: 0.",
        "Notifications sent: 0; failed: 0; skipped (sent or claimed elsewhere): 0; "
        "given up after 2 attempts: 1.",
    ]
    enquiry.refresh_from_db()
    assert enquiry.notification_attempts == 2
    assert enquiry.notification_error == "SMTPException"


def test_email_timeout_is_set(settings):
    assert settings.EMAIL_TIMEOUT and settings.EMAIL_TIMEOUT <= 30


def test_a_treatment_on_another_site_uses_that_sites_recipients(site_tree, mailoutbox):
    from wagtail.models import Site

    from tests.factories import ClinicSettingsFactory, TreatmentIndexPageFactory

    other_home = site_tree.home.add_sibling(
        instance=type(site_tree.home)(title="Other")
    )
    other_site = Site.objects.create(hostname="other.example", root_page=other_home)
    ClinicSettingsFactory(site=other_site, notification_recipients="other@example.com")
    index = TreatmentIndexPageFactory(parent=other_home)
    treatment = TreatmentPageFactory(parent=index, title="Other laser")
    enquiry = EnquiryFactory(treatment=treatment)

    notify.deliver_notification(enquiry.pk)

    assert mailoutbox[0].to == ["other@example.com"]
