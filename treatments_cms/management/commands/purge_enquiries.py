"""Delete enquiries older than the clinic's retention period."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from treatments_cms.enquiries.retention import (
    days_text,
    purge_expired,
    retention_period,
)


class Command(BaseCommand):
    help = (
        "Delete enquiries older than the retention period (the default site's "
        "clinic settings, else TREATMENTS_CMS_ENQUIRY_RETENTION_DAYS; never less "
        "than TREATMENTS_CMS_ENQUIRY_RETENTION_MIN_DAYS). Prints the period it "
        "applies and where it came from. Each deletion is written to the audit "
        "log. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count the enquiries that would be deleted.",
        )

    def handle(self, *args, **options):
        period = retention_period()
        self.stdout.write(
            _("Retention period: %(period)s, from %(source)s.")
            % {"period": days_text(period.days), "source": period.source}
        )
        count, days = purge_expired(dry_run=options["dry_run"])
        values = {"count": count, "period": days_text(days)}
        if options["dry_run"]:
            self.stdout.write(
                ngettext(
                    "Dry run: %(count)d enquiry is older than %(period)s; nothing "
                    "was deleted.",
                    "Dry run: %(count)d enquiries are older than %(period)s; "
                    "nothing was deleted.",
                    count,
                )
                % values
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    ngettext(
                        "Purged %(count)d enquiry older than %(period)s.",
                        "Purged %(count)d enquiries older than %(period)s.",
                        count,
                    )
                    % values
                )
            )
