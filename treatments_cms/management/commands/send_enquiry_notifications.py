"""Send the clinic's notification for enquiries the task worker has not sent.

Run it from cron (e.g. every 10 minutes) with the production settings. It picks
enquiries whose notification failed, is still pending after ``--grace-minutes``
(left to the worker until then), or was claimed by a worker that died (a
"sending" claim older than ``TREATMENTS_CMS_ENQUIRY_NOTIFICATION_LEASE_SECONDS``).
Each one is claimed atomically before it is sent, exactly as the worker does,
so overlapping runs, or a run beside the worker, never send one twice.

It prints the settings module and mail backend in use, then counts only, never
any enquiry content. With ``DEBUG`` off and a mail backend that delivers nothing
(console, dummy, locmem, file), it refuses: it marks nothing and exits non-zero.
"""

import os
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ...conf import app_settings
from ...enquiries.notify import (
    Delivery,
    claimable,
    deliver_notification,
    mail_backend_refusal,
)
from ...models import Enquiry, NotificationStatus


class Command(BaseCommand):
    help = "Send the clinic's notification for enquiries still pending or failed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--grace-minutes",
            type=int,
            default=5,
            help="Leave pending enquiries younger than this to the worker (default 5).",
        )
        parser.add_argument(
            "--max-attempts",
            type=int,
            default=None,
            help="Give up after this many attempts "
            "(default TREATMENTS_CMS_ENQUIRY_NOTIFICATION_MAX_ATTEMPTS).",
        )

    def handle(self, *args, grace_minutes, max_attempts, **options):
        verbose = options["verbosity"] > 0
        if verbose:
            settings_module = os.environ.get("DJANGO_SETTINGS_MODULE") or _("(none)")
            self.stdout.write(
                _("Settings: %(settings)s; mail backend: %(backend)s.")
                % {"settings": settings_module, "backend": settings.EMAIL_BACKEND}
            )
        reason = mail_backend_refusal()
        if reason:
            raise CommandError(reason)
        if max_attempts is None:
            max_attempts = app_settings.ENQUIRY_NOTIFICATION_MAX_ATTEMPTS
        now = timezone.now()
        due = Enquiry.objects.filter(claimable(now)).exclude(
            notification_status=NotificationStatus.PENDING,
            created_at__gt=now - timedelta(minutes=grace_minutes),
        )
        gave_up = due.filter(notification_attempts__gte=max_attempts).count()
        pks = list(
            due.filter(notification_attempts__lt=max_attempts)
            .order_by("created_at")
            .values_list("pk", flat=True)
        )
        counts = dict.fromkeys(Delivery, 0)
        for pk in pks:
            counts[deliver_notification(pk, max_attempts=max_attempts)] += 1
        if verbose:
            self.stdout.write(
                ngettext(
                    "Notifications sent: %(sent)d; failed: %(failed)d; skipped (sent "
                    "or claimed elsewhere): %(skipped)d; given up after "
                    "%(max_attempts)d attempt: %(gave_up)d.",
                    "Notifications sent: %(sent)d; failed: %(failed)d; skipped (sent "
                    "or claimed elsewhere): %(skipped)d; given up after "
                    "%(max_attempts)d attempts: %(gave_up)d.",
                    max_attempts,
                )
                % {
                    "sent": counts[Delivery.SENT],
                    "failed": counts[Delivery.FAILED],
                    "skipped": counts[Delivery.SKIPPED],
                    "max_attempts": max_attempts,
                    "gave_up": gave_up,
                }
            )
