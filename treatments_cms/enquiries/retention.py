"""Data protection: the retention purge, and per-person export and erasure.

Each function writes to the audit log (ids and counts only) and returns counts;
the management commands print those counts, never any enquiry content.
"""

import datetime
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from treatments_cms.conf import app_settings
from treatments_cms.emails import email_match_key
from treatments_cms.models import ClinicSettings, Enquiry

from . import audit
from .export import enquiry_as_dict


class RetentionPeriod(NamedTuple):
    """The retention period the purge applies, and where it came from."""

    days: int
    source: str


def retention_period():
    """The period the purge applies: the configured one, never under the floor.

    The configured period is the default site's clinic settings, else
    ``TREATMENTS_CMS_ENQUIRY_RETENTION_DAYS``. A value under
    ``TREATMENTS_CMS_ENQUIRY_RETENTION_MIN_DAYS`` (stored before the floor was
    raised, or written straight to the database) is raised to the floor.
    """
    clinic = (
        ClinicSettings.objects.filter(site__is_default_site=True)
        .only("enquiry_retention_days")
        .first()
    )
    if clinic is not None:
        days = clinic.enquiry_retention_days
        source = gettext("the default site's clinic settings")
    else:
        days = app_settings.ENQUIRY_RETENTION_DAYS
        source = "TREATMENTS_CMS_ENQUIRY_RETENTION_DAYS"
    floor = app_settings.ENQUIRY_RETENTION_MIN_DAYS
    if days < floor:
        # Translators: where the purge's retention period came from.
        raised = gettext(
            "TREATMENTS_CMS_ENQUIRY_RETENTION_MIN_DAYS, the floor (raised from "
            "%(period)s in %(source)s)"
        )
        return RetentionPeriod(
            floor, raised % {"period": days_text(days), "source": source}
        )
    return RetentionPeriod(days, source)


def days_text(days):
    """A number of days in the site's language: "1 day", "30 days"."""
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


def retention_days():
    """The number of days the purge keeps enquiries (see ``retention_period``)."""
    return retention_period().days


def expired_enquiries(days=None, now=None):
    """Enquiries received more than ``days`` (default: the retention period) ago."""
    days = retention_days() if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return Enquiry.objects.filter(created_at__lt=cutoff)


def enquiries_for(email):
    """All of one person's enquiries, however the address was typed or stored.

    Matches on ``email_key`` (see ``email_match_key``): any letter case,
    invisible characters, composed or decomposed accents, and a domain in its
    Unicode or its ASCII ("xn--") form. A row whose key was never filled (saved
    without ``save()``, e.g. by ``bulk_create``) is matched on its address.
    """
    key = email_match_key(email)
    if not key:
        return Enquiry.objects.none()
    return Enquiry.objects.filter(email_key=key) | Enquiry.objects.filter(
        email_key="", email__iexact=email.strip()
    )


def _delete_logged(queryset, action, user=None, data=None):
    with transaction.atomic():
        ids = list(queryset.order_by("pk").values_list("pk", flat=True))
        audit.log_enquiries(ids, action, user=user, data=data)
        Enquiry.objects.filter(pk__in=ids).delete()
    return len(ids)


def purge_expired(dry_run=False, user=None):
    """Delete enquiries older than the retention period; returns (count, days).

    The period is ``retention_period()``: never shorter than the floor.
    """
    days = retention_days()
    expired = expired_enquiries(days)
    if dry_run:
        return expired.count(), days
    count = _delete_logged(
        expired, audit.PURGE, user=user, data={"retention_days": days}
    )
    return count, days


def erase_for(email, user=None):
    """Delete all of one person's enquiries (right to erasure); returns the count."""
    return _delete_logged(
        enquiries_for(email), audit.ERASE, user=user, data={"reason": "request"}
    )


def export_for(email, user=None):
    """All of one person's enquiries as plain data (subject access request)."""
    enquiries = list(
        enquiries_for(email).order_by("created_at", "pk").prefetch_related("concerns")
    )
    audit.log_enquiries(
        [enquiry.pk for enquiry in enquiries],
        audit.EXPORT,
        user=user,
        data={"format": "json"},
    )
    return [enquiry_as_dict(enquiry) for enquiry in enquiries]
