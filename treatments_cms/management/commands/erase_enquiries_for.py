"""Erase all of one person's enquiries (the right to erasure)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from treatments_cms.enquiries.retention import enquiries_for, erase_for


class Command(BaseCommand):
    help = (
        "Delete every enquiry sent from EMAIL (any letter case), after asking "
        "for confirmation unless --yes is given. The erasure is written to the "
        "audit log (enquiry numbers only)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The person's email address.")
        parser.add_argument(
            "--yes",
            "--noinput",
            "--no-input",
            action="store_true",
            dest="yes",
            help="Erase without asking for confirmation.",
        )

    def handle(self, *args, **options):
        count = enquiries_for(options["email"]).count()
        if not count:
            self.stdout.write(_("No enquiries match that address; nothing to erase."))
            return
        if not options["yes"]:
            # Translators: the person types the English word "yes" to confirm.
            prompt = ngettext(
                "Type yes to erase %(count)d enquiry: ",
                "Type yes to erase %(count)d enquiries: ",
                count,
            )
            answer = input(prompt % {"count": count})
            if answer.strip().lower() != "yes":
                raise CommandError(_("Erasure cancelled; nothing was erased."))
        erased = erase_for(options["email"])
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Erased %(count)d enquiry.", "Erased %(count)d enquiries.", erased
                )
                % {"count": erased}
            )
        )
