"""Telling the clinic about a new enquiry, by an email that carries no health data.

The email names the treatment and links to the enquiry in the admin; nothing the
visitor typed or chose (name, email, concerns, message, answers) is in it. The
notifier is swappable with ``TREATMENTS_CMS_ENQUIRY_NOTIFIER``.

No request sends it: the request queues a task (``tasks.py``) after commit, and
a worker, or ``send_enquiry_notifications`` for what is left over, calls
``deliver_notification``. The enquiry's notification status is the source of
truth. Whoever sends first claims the row with one conditional UPDATE
(pending, failed, or "sending" under a claim older than the lease, becomes
"sending"), so two workers or runs never send the same notification, on SQLite
and PostgreSQL alike. Whatever the notifier raises, the enquiry stays stored and
its status records the failure (the exception's type only) for a retry.

With ``DEBUG`` off, a mail backend that delivers nothing (console, dummy,
locmem, file) is refused before anything is claimed: a cron job that ran with
the wrong settings must not mark as sent what nobody received.
"""

import enum
import logging
import unicodedata
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..conf import app_settings
from ..models import ClinicSettings, Enquiry, NotificationStatus
from .sites import site_of_enquiry

logger = logging.getLogger(__name__)

INSPECT_URL_NAME = "treatments_cms_enquiry_modeladmin_inspect"


# Django's mail backends that deliver nothing, and what to call them.
NON_DELIVERING_MAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend": gettext_lazy("console"),
    "django.core.mail.backends.dummy.EmailBackend": gettext_lazy("dummy"),
    "django.core.mail.backends.locmem.EmailBackend": gettext_lazy("in-memory (locmem)"),
    "django.core.mail.backends.filebased.EmailBackend": gettext_lazy("file-based"),
}


class NoRecipients(Exception):
    """The clinic settings name nobody to notify."""


class MailBackendRefused(ImproperlyConfigured):
    """The mail backend delivers nothing and ``DEBUG`` is off: nothing was sent."""


class Delivery(enum.StrEnum):
    """What ``deliver_notification`` did with one enquiry."""

    SENT = "sent"
    FAILED = "failed"
    # Already sent, claimed by another worker or run, or deleted.
    SKIPPED = "skipped"


def single_line(value, max_length=150):
    """``value`` without control characters, whitespace collapsed, for a header."""
    text = "".join(
        " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char
        for char in value
    )
    text = " ".join(text.split())
    return text[:max_length]


def admin_url(enquiry):
    """The absolute URL of the enquiry in the admin (the admin home as a fallback)."""
    try:
        path = reverse(INSPECT_URL_NAME, args=[enquiry.pk])
    except NoReverseMatch:
        path = reverse("wagtailadmin_home")
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return base.rstrip("/") + path


def clinic_settings_for(enquiry):
    """The clinic settings of the site the enquiry was sent on (see ``sites``)."""
    site = site_of_enquiry(enquiry)
    if site is None:
        return None
    return ClinicSettings.for_site(site)


def build_message(enquiry, recipients):
    """The notification in the site's language (the worker runs in LANGUAGE_CODE)."""
    treatment = single_line(enquiry.treatment_title) or _("a treatment")
    received = timezone.localtime(enquiry.created_at)
    # Translators: when an enquiry arrived, e.g. "05 March 2025 at 14:30".
    when = _("%(date)s at %(time)s") % {
        "date": date_format(received, "d F Y"),
        "time": time_format(received, "H:i"),
    }
    body = _(
        "A new suitability enquiry about %(treatment)s arrived on %(when)s.\n\n"
        "Open it in the admin (sign-in required):\n"
        "%(url)s\n\n"
        "To protect the visitor's privacy, this email contains none of their "
        "details or answers.\n"
    ) % {"treatment": treatment, "when": when, "url": admin_url(enquiry)}
    if enquiry.location_id and enquiry.location is not None:
        # The clinic chosen, so the right team picks it up; not health data.
        clinic = _("Clinic: %(location)s") % {
            "location": single_line(enquiry.location.title)
        }
        body = f"{clinic}\n\n{body}"
    subject = _("New enquiry about %(treatment)s") % {"treatment": treatment}
    return EmailMessage(subject=subject, body=body, to=recipients)


def recipients_for(enquiry):
    """Who is told: the chosen clinic's recipients, else the site's.

    The location page's ``notification_recipients`` when the visitor chose a
    clinic that names any; otherwise those in the clinic settings of the site
    the enquiry was sent on (``clinic_settings_for``).
    """
    location = enquiry.location if enquiry.location_id else None
    recipients = getattr(location, "recipient_list", None) if location else None
    if recipients:
        return list(recipients)
    clinic = clinic_settings_for(enquiry)
    return clinic.recipient_list if clinic is not None else []


def email_clinic(enquiry):
    """The default notifier: email the clinic's recipients (``recipients_for``)."""
    recipients = recipients_for(enquiry)
    if not recipients:
        raise NoRecipients
    build_message(enquiry, recipients).send(fail_silently=False)


def mail_backend_refusal():
    """Why sending must be refused now, or ``None`` when it may go ahead.

    Refused when ``DEBUG`` is off and ``EMAIL_BACKEND`` is (a subclass of) one of
    Django's backends that deliver nothing, unless
    ``TREATMENTS_CMS_ENQUIRY_ALLOW_NON_DELIVERING_MAIL_BACKEND`` is set.
    """
    if settings.DEBUG or app_settings.ENQUIRY_ALLOW_NON_DELIVERING_MAIL_BACKEND:
        return None
    try:
        backend = import_string(settings.EMAIL_BACKEND)
    except ImportError:
        return None  # sending fails, and the failure is recorded
    # The backend or the nearest of its bases (the file backend is a console one).
    for base in getattr(backend, "__mro__", ()):
        label = NON_DELIVERING_MAIL_BACKENDS.get(f"{base.__module__}.{base.__name__}")
        if label:
            return _(
                "refusing to send: EMAIL_BACKEND is Django's %(label)s backend, "
                "which delivers nothing, and DEBUG is off. Set EMAIL_BACKEND, or "
                "DJANGO_SETTINGS_MODULE to the production settings."
            ) % {"label": label}
    return None


def check_mail_backend():
    """Raise ``MailBackendRefused`` when ``mail_backend_refusal()`` gives a reason."""
    reason = mail_backend_refusal()
    if reason:
        raise MailBackendRefused(reason)


def claimable(now=None):
    """The notifications that may be claimed: pending, failed, or a stale claim."""
    now = now or timezone.now()
    lease = timedelta(seconds=app_settings.ENQUIRY_NOTIFICATION_LEASE_SECONDS)
    return Q(
        notification_status__in=[NotificationStatus.PENDING, NotificationStatus.FAILED]
    ) | Q(
        notification_status=NotificationStatus.SENDING,
        notification_claimed_at__lt=now - lease,
    )


def claim(enquiry_pk, *, max_attempts=None):
    """Mark one notification "sending" if nobody else has it; True if this call did.

    One conditional UPDATE: the database lets only one of two concurrent
    callers change the row (PostgreSQL re-checks the condition after the first
    commits; SQLite runs one writer at a time).
    """
    now = timezone.now()
    rows = Enquiry.objects.filter(claimable(now), pk=enquiry_pk)
    if max_attempts is not None:
        rows = rows.filter(notification_attempts__lt=max_attempts)
    updated = rows.update(
        notification_status=NotificationStatus.SENDING,
        notification_claimed_at=now,
    )
    return updated == 1


def deliver_notification(enquiry_pk, *, max_attempts=None):
    """Claim one enquiry's notification, run the notifier, record the outcome.

    Returns a ``Delivery``. Raises ``MailBackendRefused`` (having claimed and
    marked nothing) when the mail backend would deliver nothing; any error of
    the notifier is recorded, never raised.
    """
    check_mail_backend()
    notifier = import_string(app_settings.ENQUIRY_NOTIFIER)
    if not claim(enquiry_pk, max_attempts=max_attempts):
        return Delivery.SKIPPED
    enquiry = (
        Enquiry.objects.select_related("treatment", "site", "location")
        .filter(pk=enquiry_pk)
        .first()
    )
    if enquiry is None:  # deleted since the claim
        return Delivery.SKIPPED
    rows = Enquiry.objects.filter(pk=enquiry_pk)
    try:
        notifier(enquiry)
    except Exception as exc:  # a mail failure must never lose the enquiry
        rows.update(
            notification_status=NotificationStatus.FAILED,
            notification_attempts=F("notification_attempts") + 1,
            notification_claimed_at=None,
            notification_error=type(exc).__name__[:255],
        )
        logger.warning(
            "Could not notify the clinic of enquiry %s: %s",
            enquiry_pk,
            type(exc).__name__,
        )
        return Delivery.FAILED
    rows.update(
        notification_status=NotificationStatus.SENT,
        notification_attempts=F("notification_attempts") + 1,
        notification_claimed_at=None,
        notified_at=timezone.now(),
        notification_error="",
    )
    return Delivery.SENT
