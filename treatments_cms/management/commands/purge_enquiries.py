"""Delete enquiries older than the clinic's retention period."""

from django.core.management.base import BaseCommand

from treatments_cms.enquiries.retention import purge_expired, retention_period


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
            f"Retention period: {period.days} days, from {period.source}."
        )
        count, days = purge_expired(dry_run=options["dry_run"])
        if options["dry_run"]:
            self.stdout.write(
                f"Dry run: {count} enquiries are older than {days} days; "
                "nothing was deleted."
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Purged {count} enquiries older than {days} days.")
            )
