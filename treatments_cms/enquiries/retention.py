"""Data protection: the retention purge, and per-person export and erasure.

Each function writes to the audit log (ids and counts only) and returns counts;
the management commands print those counts, never any enquiry content.
"""

import datetime
from typing import NamedTuple

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from wagtail.models import Site

from treatments_cms.conf import app_settings
from treatments_cms.emails import email_match_key
from treatments_cms.models import ClinicSettings, Enquiry

from . import audit
from .export import enquiry_as_dict
from .sites import site_for_path, site_label, sites_by_depth


class RetentionPeriod(NamedTuple):
    """The retention period the purge applies, and where it came from."""

    days: int
    source: str


class SitePurge(NamedTuple):
    """What the purge did (or, in a dry run, would do) for one site's enquiries.

    ``site`` is None only when the installation has no site at all.
    """

    site: object
    period: RetentionPeriod
    count: int


def _source(site):
    if site is None or site.is_default_site:
        return gettext("the default site's clinic settings")
    # Translators: where the purge's retention period came from.
    return gettext("the clinic settings of %(site)s") % {"site": site_label(site)}


def _floored(days, source):
    """``days`` from ``source``, raised to ``ENQUIRY_RETENTION_MIN_DAYS`` if under it."""
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


def _period(site, stored_days):
    """``site``'s period from its stored clinic settings' days (None: none stored)."""
    if stored_days is not None:
        return _floored(stored_days, _source(site))
    return _floored(
        app_settings.ENQUIRY_RETENTION_DAYS, "TREATMENTS_CMS_ENQUIRY_RETENTION_DAYS"
    )


def retention_period(site=None):
    """The period the purge applies to ``site``'s enquiries (default: the default site's).

    The configured period is that site's clinic settings, else
    ``TREATMENTS_CMS_ENQUIRY_RETENTION_DAYS``. A value under
    ``TREATMENTS_CMS_ENQUIRY_RETENTION_MIN_DAYS`` (stored before the floor was
    raised, or written straight to the database) is raised to the floor.
    """
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
        rows = ClinicSettings.objects.filter(site__is_default_site=True)
    else:
        rows = ClinicSettings.objects.filter(site=site)
    stored = rows.values_list("enquiry_retention_days", flat=True).first()
    return _period(site, stored)


def retention_periods():
    """``[(site, RetentionPeriod)]`` for every site: the default site first, then
    by host. ``[(None, period)]`` when there is no site at all."""
    sites = list(Site.objects.order_by("-is_default_site", "hostname", "port"))
    if not sites:
        return [(None, _period(None, None))]
    stored = dict(
        ClinicSettings.objects.filter(site__in=sites).values_list(
            "site_id", "enquiry_retention_days"
        )
    )
    return [(site, _period(site, stored.get(site.pk))) for site in sites]


def days_text(days):
    """A number of days in the site's language: "1 day", "30 days"."""
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


def retention_days(site=None):
    """The number of days the purge keeps ``site``'s enquiries (see ``retention_period``)."""
    return retention_period(site).days


def _without_site_by_site(periods, now):
    """``{site pk: [enquiry pk]}``: expired enquiries that recorded no site.

    Such an enquiry (stored before enquiries recorded their site, or its site
    deleted) belongs to its treatment's site, else the default site, and is
    judged by that site's period. Only those older than the shortest period are
    read.
    """
    shortest = min(period.days for _site, period in periods)
    candidates = Enquiry.objects.filter(
        site__isnull=True, created_at__lt=now - datetime.timedelta(days=shortest)
    ).values_list("pk", "created_at", "treatment__path")
    tree = sites_by_depth()
    default = periods[0][0]  # the default site (any site without one)
    days = {site.pk: period.days for site, period in periods}
    found = {}
    for pk, created_at, path in candidates.iterator():
        site = site_for_path(path, tree, fallback=default)
        if site is None or site.pk not in days:
            continue
        if created_at < now - datetime.timedelta(days=days[site.pk]):
            found.setdefault(site.pk, []).append(pk)
    return found


def expired_by_site(now=None):
    """``[(site, RetentionPeriod, queryset)]``: each site's expired enquiries.

    Every site's enquiries are judged by that site's own period
    (``retention_periods``); with no site at all, every enquiry by the setting's.
    """
    now = now or timezone.now()
    periods = retention_periods()
    if periods[0][0] is None:
        _none, period = periods[0]
        cutoff = now - datetime.timedelta(days=period.days)
        return [(None, period, Enquiry.objects.filter(created_at__lt=cutoff))]
    without_site = _without_site_by_site(periods, now)
    result = []
    for site, period in periods:
        cutoff = now - datetime.timedelta(days=period.days)
        condition = Q(site=site, created_at__lt=cutoff)
        if without_site.get(site.pk):
            condition |= Q(pk__in=without_site[site.pk])
        result.append((site, period, Enquiry.objects.filter(condition)))
    return result


def expired_enquiries(days=None, now=None):
    """Enquiries past their retention period.

    ``days``: received more than that many days ago, whatever their site;
    without it, each site's enquiries by that site's own period.
    """
    now = now or timezone.now()
    if days is not None:
        cutoff = now - datetime.timedelta(days=days)
        return Enquiry.objects.filter(created_at__lt=cutoff)
    ids = Q(pk__in=[])
    for _site, _period, queryset in expired_by_site(now):
        ids |= Q(pk__in=queryset.values("pk"))
    return Enquiry.objects.filter(ids)


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


def purge_expired(dry_run=False, user=None, now=None):
    """Delete each site's enquiries older than that site's retention period.

    Returns a ``SitePurge`` per site (what was deleted, or would be in a dry
    run); each period is ``retention_period(site)``: never shorter than the
    floor. Each site's deletions are one audit log run naming its period.
    """
    results = []
    for site, period, expired in expired_by_site(now):
        if dry_run:
            count = expired.count()
        else:
            data = {"retention_days": period.days}
            if site is not None:
                data["site_id"] = site.pk
            count = _delete_logged(expired, audit.PURGE, user=user, data=data)
        results.append(SitePurge(site, period, count))
    return results


def erase_for(email, user=None):
    """Delete all of one person's enquiries (right to erasure); returns the count."""
    return _delete_logged(
        enquiries_for(email), audit.ERASE, user=user, data={"reason": "request"}
    )


def export_for(email, user=None):
    """All of one person's enquiries as plain data (subject access request)."""
    enquiries = list(
        enquiries_for(email)
        .order_by("created_at", "pk")
        .select_related("location")
        .prefetch_related("concerns")
    )
    audit.log_enquiries(
        [enquiry.pk for enquiry in enquiries],
        audit.EXPORT,
        user=user,
        data={"format": "json"},
    )
    return [enquiry_as_dict(enquiry) for enquiry in enquiries]
