"""Telling the clinic about a new enquiry, by an email that carries no health data.

The email names the treatment and links to the enquiry in the admin; nothing the
visitor typed or chose (name, email, concerns, message, answers) is in it. The
notifier is swappable with ``TREATMENTS_CMS_ENQUIRY_NOTIFIER``; whatever it
raises, the enquiry stays stored and its notification status records the
failure (the exception's type only), for ``send_enquiry_notifications`` to retry.
"""

import logging
import unicodedata

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from wagtail.models import Site

from ..conf import app_settings
from ..models import ClinicSettings, Enquiry, NotificationStatus

logger = logging.getLogger(__name__)

INSPECT_URL_NAME = "treatments_cms_enquiry_modeladmin_inspect"


class NoRecipients(Exception):
    """The clinic settings name nobody to notify."""


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
    site = None
    if enquiry.treatment is not None:
        site = enquiry.treatment.get_site()
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return ClinicSettings.for_site(site)


def build_message(enquiry, recipients):
    treatment = single_line(enquiry.treatment_title) or "a treatment"
    received = timezone.localtime(enquiry.created_at).strftime("%d %B %Y at %H:%M")
    body = (
        f"A new suitability enquiry about {treatment} arrived on {received}.\n\n"
        "Open it in the admin (sign-in required):\n"
        f"{admin_url(enquiry)}\n\n"
        "To protect the visitor's privacy, this email contains none of their "
        "details or answers.\n"
    )
    return EmailMessage(
        subject=f"New enquiry about {treatment}", body=body, to=recipients
    )


def email_clinic(enquiry):
    """The default notifier: email the recipients in the site's clinic settings."""
    recipients = clinic_settings_for(enquiry).recipient_list
    if not recipients:
        raise NoRecipients
    build_message(enquiry, recipients).send(fail_silently=False)


def deliver_notification(enquiry_pk):
    """Run the notifier for one enquiry and record the outcome; never raise.

    Returns True when the clinic was notified.
    """
    enquiry = Enquiry.objects.select_related("treatment").filter(pk=enquiry_pk).first()
    if enquiry is None:
        return False
    notifier = import_string(app_settings.ENQUIRY_NOTIFIER)
    rows = Enquiry.objects.filter(pk=enquiry_pk)
    try:
        notifier(enquiry)
    except Exception as exc:  # a mail failure must never lose the enquiry
        rows.update(
            notification_status=NotificationStatus.FAILED,
            notification_attempts=F("notification_attempts") + 1,
            notification_error=type(exc).__name__[:255],
        )
        logger.warning(
            "Could not notify the clinic of enquiry %s: %s",
            enquiry_pk,
            type(exc).__name__,
        )
        return False
    rows.update(
        notification_status=NotificationStatus.SENT,
        notification_attempts=F("notification_attempts") + 1,
        notified_at=timezone.now(),
        notification_error="",
    )
    return True
