"""Delete enquiries older than their site's retention period."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from treatments_cms.enquiries.retention import days_text, purge_expired
from treatments_cms.enquiries.sites import site_label


class Command(BaseCommand):
    help = (
        "Delete enquiries older than the retention period of the site they were "
        "sent on (that site's clinic settings, else "
        "TREATMENTS_CMS_ENQUIRY_RETENTION_DAYS; never less than "
        "TREATMENTS_CMS_ENQUIRY_RETENTION_MIN_DAYS). Prints each period it "
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
        dry_run = options["dry_run"]
        results = purge_expired(dry_run=dry_run)
        if len(results) == 1:
            self.report(results[0], dry_run)
            return
        for result in results:
            self.report(result, dry_run, site=site_label(result.site))
        total = sum(result.count for result in results)
        if dry_run:
            message = ngettext(
                "Dry run: %(count)d enquiry in all; nothing was deleted.",
                "Dry run: %(count)d enquiries in all; nothing was deleted.",
                total,
            )
            self.stdout.write(message % {"count": total})
        else:
            message = ngettext(
                "Purged %(count)d enquiry in all.",
                "Purged %(count)d enquiries in all.",
                total,
            )
            self.stdout.write(self.style.SUCCESS(message % {"count": total}))

    def report(self, result, dry_run, site=None):
        """One site's period, its source and its count (``site``: its name, when
        there is more than one site)."""
        values = {
            "count": result.count,
            "period": days_text(result.period.days),
            "source": result.period.source,
            "site": site,
        }
        if site is None:
            self.stdout.write(
                _("Retention period: %(period)s, from %(source)s.") % values
            )
        else:
            self.stdout.write(
                _("Retention period for %(site)s: %(period)s, from %(source)s.")
                % values
            )
        if dry_run:
            if site is None:
                message = ngettext(
                    "Dry run: %(count)d enquiry is older than %(period)s; nothing "
                    "was deleted.",
                    "Dry run: %(count)d enquiries are older than %(period)s; "
                    "nothing was deleted.",
                    result.count,
                )
            else:
                message = ngettext(
                    "Dry run: %(count)d enquiry of %(site)s is older than "
                    "%(period)s; nothing was deleted.",
                    "Dry run: %(count)d enquiries of %(site)s are older than "
                    "%(period)s; nothing was deleted.",
                    result.count,
                )
            self.stdout.write(message % values)
            return
        if site is None:
            message = ngettext(
                "Purged %(count)d enquiry older than %(period)s.",
                "Purged %(count)d enquiries older than %(period)s.",
                result.count,
            )
        else:
            message = ngettext(
                "Purged %(count)d enquiry of %(site)s older than %(period)s.",
                "Purged %(count)d enquiries of %(site)s older than %(period)s.",
                result.count,
            )
        self.stdout.write(self.style.SUCCESS(message % values))
