"""Queue a reminder to each reviewer of the pages due for clinical review.

Run it from cron (e.g. every Monday) with the production settings. Pages
overdue or due within 30 days are grouped by reviewer; one task per reviewer
mails the list (titles, due dates, admin links) to the clinic's notification
recipients, addressed for that reviewer. ``--dry-run`` prints the counts per
reviewer and queues nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ...reviews import queries
from ...reviews.reminders import (
    due_pages_by_reviewer,
    enqueue_reminder,
    recipients,
    reviewer_label,
    reviewer_names,
)


class Command(BaseCommand):
    help = "Queue a reminder per reviewer of the pages due for clinical review."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the counts per reviewer; queue and send nothing.",
        )

    def handle(self, *args, dry_run, **options):
        today = queries.today()
        groups = due_pages_by_reviewer(on=today)
        names = reviewer_names(groups)
        ordered = sorted(
            groups.items(),
            key=lambda item: (item[0] is None, names.get(item[0], ""), item[0] or 0),
        )
        for reviewer_pk, pages in ordered:
            overdue = sum(queries.is_overdue(page.review_due, today) for page in pages)
            self.stdout.write(
                ngettext(
                    "%(reviewer)s: %(count)s page due (%(overdue)s overdue).",
                    "%(reviewer)s: %(count)s pages due (%(overdue)s overdue).",
                    len(pages),
                )
                % {
                    "reviewer": reviewer_label(names.get(reviewer_pk)),
                    "count": len(pages),
                    "overdue": overdue,
                }
            )
        if not groups:
            self.stdout.write(_("No pages are due for review."))
            return
        if dry_run:
            self.stdout.write(_("Dry run: no reminder queued or sent."))
            return
        if not recipients():
            raise CommandError(
                _(
                    "The clinic settings name no notification recipients: "
                    "no reminder queued."
                )
            )
        for reviewer_pk, _pages in ordered:
            enqueue_reminder(reviewer_pk)
        self.stdout.write(
            ngettext(
                "Queued %(count)s reminder.",
                "Queued %(count)s reminders.",
                len(ordered),
            )
            % {"count": len(ordered)}
        )
