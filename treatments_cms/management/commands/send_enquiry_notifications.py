"""Retry the clinic's notification for enquiries whose email is pending or failed.

Run it from cron (e.g. every 10 minutes). It prints counts only, never any
enquiry content. Pending enquiries younger than ``--grace-minutes`` are left to
the request that saved them.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from ...conf import app_settings
from ...enquiries.notify import deliver_notification
from ...models import Enquiry, NotificationStatus


class Command(BaseCommand):
    help = "Send the clinic's notification for enquiries still pending or failed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--grace-minutes",
            type=int,
            default=5,
            help="Skip pending enquiries younger than this (default 5).",
        )
        parser.add_argument(
            "--max-attempts",
            type=int,
            default=None,
            help="Give up after this many attempts "
            "(default TREATMENTS_CMS_ENQUIRY_NOTIFICATION_MAX_ATTEMPTS).",
        )

    def handle(self, *args, grace_minutes, max_attempts, **options):
        if max_attempts is None:
            max_attempts = app_settings.ENQUIRY_NOTIFICATION_MAX_ATTEMPTS
        cutoff = timezone.now() - timedelta(minutes=grace_minutes)
        due = Enquiry.objects.filter(
            Q(notification_status=NotificationStatus.FAILED)
            | Q(notification_status=NotificationStatus.PENDING, created_at__lte=cutoff)
        )
        gave_up = due.filter(notification_attempts__gte=max_attempts).count()
        pks = list(
            due.filter(notification_attempts__lt=max_attempts)
            .order_by("created_at")
            .values_list("pk", flat=True)
        )
        sent = sum(1 for pk in pks if deliver_notification(pk))
        failed = len(pks) - sent
        self.stdout.write(
            f"Notifications sent: {sent}; failed: {failed}; "
            f"given up after {max_attempts} attempts: {gave_up}."
        )
