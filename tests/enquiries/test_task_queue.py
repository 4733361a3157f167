"""No request talks to the mail server: notifications go through the task queue.

A submission only queues a task holding the enquiry's primary key; the worker,
or ``send_enquiry_notifications`` for what is left over, claims each enquiry
atomically before sending, so nothing is sent twice; a mail backend that
delivers nothing is refused while ``DEBUG`` is off.
"""

import datetime
import socket
import sqlite3
import threading
import time
from unittest import mock

import pytest
from django.core import serializers
from django.core.management import CommandError, call_command, execute_from_command_line
from django.db import connection, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from freezegun import freeze_time

from tests.enquiries.pipeline_helpers import (
    ENQUIRY_URL,
    THANKS_URL,
    run_worker,
    valid_data,
)
from tests.factories import EnquiryFactory
from treatments_cms.enquiries import notify
from treatments_cms.enquiries.notify import Delivery, MailBackendRefused
from treatments_cms.enquiries.tasks import enqueue_notification
from treatments_cms.models import Enquiry, NotificationStatus

pytestmark = pytest.mark.usefixtures("no_wait")

VISITOR_DATA = ("Sam Example", "sam@example.com", "020 7946 0123", "redness")


def submit(client, tree):
    data = valid_data(tree, phone="020 7946 0123", contact_method="phone")
    return client.post(ENQUIRY_URL, data)


def test_a_submission_queues_the_primary_key_only_and_the_worker_sends_once(
    client, site_tree, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, site_tree)

    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.notification_status == NotificationStatus.PENDING
    assert mailoutbox == []
    [queued] = DBTaskResult.objects.all()
    assert queued.backend_name == "enquiries"
    assert queued.task_path == (
        "treatments_cms.enquiries.tasks.send_enquiry_notification"
    )
    assert queued.args_kwargs == {"args": [enquiry.pk], "kwargs": {}}
    stored = serializers.serialize("json", [queued])
    for text in VISITOR_DATA:
        assert text not in stored

    run_worker()
    run_worker()  # a second run finds nothing left to do

    [mail] = mailoutbox
    assert mail.subject == "New enquiry about Laser skin rejuvenation"
    enquiry.refresh_from_db()
    assert enquiry.notification_status == NotificationStatus.SENT
    assert enquiry.notification_attempts == 1
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    assert queued.return_value == "sent"


def test_an_enquiry_is_kept_pending_when_queueing_fails(
    client, site_tree, settings, mailoutbox, django_capture_on_commit_callbacks, caplog
):
    settings.TREATMENTS_CMS_ENQUIRY_TASK_BACKEND = "no-such-backend"

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, site_tree)

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    enquiry = Enquiry.objects.get()
    assert enquiry.notification_status == NotificationStatus.PENDING
    assert "Could not queue the notification of enquiry" in caplog.text
    assert "InvalidTaskBackend" in caplog.text
    for text in VISITOR_DATA:
        assert text not in caplog.text

    call_command("send_enquiry_notifications", grace_minutes=0)

    assert len(mailoutbox) == 1
    enquiry.refresh_from_db()
    assert enquiry.notification_status == NotificationStatus.SENT


def test_the_worker_skips_an_enquiry_the_command_already_sent(site_tree, mailoutbox):
    enquiry = EnquiryFactory(treatment=site_tree.treatment)
    enqueue_notification(enquiry.pk)

    call_command("send_enquiry_notifications", grace_minutes=0)
    run_worker()

    assert len(mailoutbox) == 1
    assert DBTaskResult.objects.get().return_value == "skipped"


# --- A mail server that accepts and never answers --------------------------------


@pytest.fixture
def silent_smtp_server():
    """A TCP server on 127.0.0.1 that accepts connections and never says a word."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.05)
    stop = threading.Event()
    accepted = []

    def serve():
        while not stop.is_set():
            try:
                conn, _addr = listener.accept()
            except TimeoutError:
                continue
            accepted.append(conn)  # held open, never answered

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1], accepted
    stop.set()
    thread.join(timeout=5)
    for conn in accepted:
        conn.close()
    listener.close()


def test_a_hung_mail_server_never_slows_a_submission(
    client,
    site_tree,
    settings,
    silent_smtp_server,
    django_capture_on_commit_callbacks,
):
    port, accepted = silent_smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10  # what production waits for a silent server
    data = valid_data(site_tree)

    started = time.perf_counter()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ENQUIRY_URL, data)
    elapsed = time.perf_counter() - started

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    assert elapsed < 1.0
    assert accepted == []  # the request never even connected
    enquiry = Enquiry.objects.get()
    assert enquiry.notification_status == NotificationStatus.PENDING

    settings.EMAIL_TIMEOUT = 0.3
    started = time.perf_counter()
    run_worker()
    assert time.perf_counter() - started < 5

    assert len(accepted) == 1  # the worker did try
    enquiry.refresh_from_db()
    assert enquiry.notification_status == NotificationStatus.FAILED
    assert enquiry.notification_attempts == 1
    assert enquiry.notification_error in {"SMTPServerDisconnected", "TimeoutError"}
    assert enquiry.name == "Sam Example"  # kept


# --- Claims ---------------------------------------------------------------------------


def _claimed(tree, claimed_ago):
    return EnquiryFactory(
        treatment=tree.treatment,
        notification_status=NotificationStatus.SENDING,
        notification_claimed_at=timezone.now() - claimed_ago,
    )


def test_a_stale_claim_is_taken_again_and_a_fresh_one_is_not(
    site_tree, settings, mailoutbox
):
    settings.TREATMENTS_CMS_ENQUIRY_NOTIFICATION_LEASE_SECONDS = 600
    stale = _claimed(site_tree, datetime.timedelta(seconds=601))
    fresh = _claimed(site_tree, datetime.timedelta(seconds=599))

    assert notify.deliver_notification(fresh.pk) == Delivery.SKIPPED
    assert notify.deliver_notification(stale.pk) == Delivery.SENT

    assert len(mailoutbox) == 1
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.notification_status == NotificationStatus.SENT
    assert stale.notification_claimed_at is None
    assert fresh.notification_status == NotificationStatus.SENDING


def test_the_command_retakes_stale_claims_only(site_tree, settings, mailoutbox, capsys):
    settings.TREATMENTS_CMS_ENQUIRY_NOTIFICATION_LEASE_SECONDS = 600
    stale = _claimed(site_tree, datetime.timedelta(hours=1))
    fresh = _claimed(site_tree, datetime.timedelta(minutes=1))

    call_command("send_enquiry_notifications")

    assert capsys.readouterr().out.splitlines()[-1] == (
        "Notifications sent: 1; failed: 0; skipped (sent or claimed elsewhere): 0; "
        "given up after 5 attempts: 0."
    )
    assert [mail.to for mail in mailoutbox] == [["enquiries@example.com"]]
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.notification_status == NotificationStatus.SENT
    assert fresh.notification_status == NotificationStatus.SENDING


def test_sent_enquiries_are_never_claimed(site_tree, mailoutbox):
    enquiry = EnquiryFactory(
        treatment=site_tree.treatment, notification_status=NotificationStatus.SENT
    )

    assert notify.claim(enquiry.pk) is False
    assert notify.deliver_notification(enquiry.pk) == Delivery.SKIPPED
    assert mailoutbox == []


# --- Overlapping runs ------------------------------------------------------------------

SENT_PKS = []


def slow_notifier(enquiry):
    """The default notifier, slowed down so overlapping runs really overlap."""
    time.sleep(0.01)
    SENT_PKS.append(enquiry.pk)
    notify.email_clinic(enquiry)


@pytest.fixture
def database_for_threads(tmp_path):
    """Let threads share the test database as processes share a real one.

    Django's SQLite test database lives in memory, shared between threads in
    SQLite's shared-cache mode, where a writer makes the others fail at once
    ("database table is locked") instead of waiting as they do on the file a
    site runs on. On SQLite the threads get a copy of it in a file.
    """
    if connection.vendor != "sqlite":
        yield
        return
    path = tmp_path / "threads.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    in_memory = connection.settings_dict["NAME"]
    connection.settings_dict["NAME"] = str(path)  # new (thread) connections only
    try:
        yield
    finally:
        connection.settings_dict["NAME"] = in_memory


def in_thread(run, start=None, errors=None):
    """A thread that runs ``run`` on its own database connection."""

    def target():
        try:
            if start is not None:
                start.wait()
            run()
        except Exception as exc:  # reported by the test's assertion
            if errors is None:
                raise
            errors.append(exc)
        finally:
            connections.close_all()

    return threading.Thread(target=target)


def read_in_thread(query):
    """``query()`` run by a thread, so it reads what the threads wrote."""
    result = []
    thread = in_thread(lambda: result.append(query()))
    thread.start()
    thread.join(timeout=30)
    return result[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_overlapping_runs_send_each_notification_exactly_once(
    site_tree, settings, mailoutbox, database_for_threads
):
    settings.TREATMENTS_CMS_ENQUIRY_NOTIFIER = (
        "tests.enquiries.test_task_queue.slow_notifier"
    )
    SENT_PKS.clear()

    def create():
        with freeze_time(timezone.now() - datetime.timedelta(hours=1)):
            enquiries = EnquiryFactory.create_batch(
                20, treatment_id=site_tree.treatment.pk, treatment_title="Laser"
            )
        for enquiry in enquiries:
            enqueue_notification(enquiry.pk)
        return sorted(enquiry.pk for enquiry in enquiries)

    pks = read_in_thread(create)
    start = threading.Barrier(4)
    errors = []

    def worker(worker_id):
        return Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="enquiries",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        ).run

    def command():
        call_command("send_enquiry_notifications", grace_minutes=0, verbosity=0)

    threads = [
        in_thread(command, start, errors),
        in_thread(command, start, errors),
        in_thread(worker("worker-1"), start, errors),
        in_thread(worker("worker-2"), start, errors),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(SENT_PKS) == pks  # each one notified, none twice
    assert len(mailoutbox) == 20
    rows = read_in_thread(
        lambda: set(
            Enquiry.objects.values_list("notification_status", "notification_attempts")
        )
    )
    assert rows == {(NotificationStatus.SENT, 1)}
    tasks = read_in_thread(
        lambda: sorted(DBTaskResult.objects.values_list("return_value", flat=True))
    )
    assert len(tasks) == 20 and set(tasks) <= {"sent", "skipped"}


# --- A mail backend that delivers nothing ----------------------------------------------


@pytest.fixture
def production_like(settings):
    """DEBUG off and the guard on, as in production (the test settings relax it)."""
    settings.DEBUG = False
    settings.TREATMENTS_CMS_ENQUIRY_ALLOW_NON_DELIVERING_MAIL_BACKEND = False
    return settings


@pytest.mark.parametrize(
    ("backend", "label"),
    [
        ("django.core.mail.backends.console.EmailBackend", "console"),
        ("django.core.mail.backends.locmem.EmailBackend", "in-memory (locmem)"),
        ("django.core.mail.backends.dummy.EmailBackend", "dummy"),
        ("django.core.mail.backends.filebased.EmailBackend", "file-based"),
    ],
)
def test_the_command_refuses_a_backend_that_delivers_nothing(
    site_tree, production_like, mailoutbox, capsys, backend, label
):
    production_like.EMAIL_BACKEND = backend
    production_like.EMAIL_FILE_PATH = "unused"
    enquiry = EnquiryFactory(treatment=site_tree.treatment)

    with pytest.raises(CommandError) as refused:
        call_command("send_enquiry_notifications", grace_minutes=0)

    assert str(refused.value) == (
        f"refusing to send: EMAIL_BACKEND is Django's {label} backend, which "
        "delivers nothing, and DEBUG is off. Set EMAIL_BACKEND, or "
        "DJANGO_SETTINGS_MODULE to the production settings."
    )
    assert mailoutbox == []
    assert "New enquiry" not in capsys.readouterr().out
    enquiry.refresh_from_db()
    assert enquiry.notification_status == NotificationStatus.PENDING
    assert enquiry.notification_attempts == 0
    assert enquiry.notification_claimed_at is None


def test_the_refusal_exits_non_zero_with_the_reason_on_stderr(
    site_tree, production_like, capsys
):
    production_like.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    EnquiryFactory(treatment=site_tree.treatment)

    # As from a shell; the command's closing of connections would end the test's.
    with (
        mock.patch.object(connections, "close_all"),
        pytest.raises(SystemExit) as exited,
    ):
        execute_from_command_line(
            ["manage.py", "send_enquiry_notifications", "--grace-minutes=0"]
        )

    assert exited.value.code == 1
    output = capsys.readouterr()
    assert "refusing to send: EMAIL_BACKEND is Django's console backend" in output.err
    assert "mail backend: django.core.mail.backends.console.EmailBackend" in (
        output.out
    )
    assert "New enquiry" not in output.out
    assert Enquiry.objects.get().notification_status == NotificationStatus.PENDING


def test_the_worker_refuses_too_and_leaves_the_enquiry_pending(
    site_tree, production_like, mailoutbox
):
    production_like.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    enquiry = EnquiryFactory(treatment=site_tree.treatment)
    enqueue_notification(enquiry.pk)

    with pytest.raises(MailBackendRefused):
        notify.deliver_notification(enquiry.pk)
    run_worker()

    assert mailoutbox == []
    enquiry.refresh_from_db()
    assert enquiry.notification_status == NotificationStatus.PENDING
    assert enquiry.notification_claimed_at is None
    task = DBTaskResult.objects.get()
    assert task.status == "FAILED"
    assert task.exception_class_path.endswith("MailBackendRefused")


def test_with_debug_on_the_console_backend_prints_and_marks_sent(
    site_tree, production_like, capsys
):
    production_like.DEBUG = True
    production_like.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    enquiry = EnquiryFactory(treatment=site_tree.treatment)

    assert notify.deliver_notification(enquiry.pk) == Delivery.SENT

    assert "Subject: New enquiry about" in capsys.readouterr().out


def test_an_smtp_backend_is_not_refused(production_like):
    production_like.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

    assert notify.mail_backend_refusal() is None


def test_an_unknown_backend_is_left_to_fail_and_be_recorded(site_tree, production_like):
    production_like.EMAIL_BACKEND = "no.such.EmailBackend"
    enquiry = EnquiryFactory(treatment=site_tree.treatment)

    assert notify.mail_backend_refusal() is None
    assert notify.deliver_notification(enquiry.pk) == Delivery.FAILED
    enquiry.refresh_from_db()
    assert enquiry.notification_error == "ModuleNotFoundError"


def test_an_enquiry_deleted_just_after_its_claim_is_skipped(
    site_tree, mailoutbox, monkeypatch
):
    enquiry = EnquiryFactory(treatment=site_tree.treatment)
    claim = notify.claim

    def claim_then_delete(pk, **kwargs):
        claimed = claim(pk, **kwargs)
        Enquiry.objects.filter(pk=pk).delete()
        return claimed

    monkeypatch.setattr(notify, "claim", claim_then_delete)

    assert notify.deliver_notification(enquiry.pk) == Delivery.SKIPPED
    assert mailoutbox == []
