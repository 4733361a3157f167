"""Write all of one person's enquiries as JSON (a subject access request)."""

import json
import os

from django.core.management.base import BaseCommand

from treatments_cms.enquiries.retention import export_for


class Command(BaseCommand):
    help = (
        "Write every enquiry sent from EMAIL (any letter case) as JSON, to "
        "standard output or --output FILE. The export is written to the audit log."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The person's email address.")
        parser.add_argument(
            "--output",
            metavar="FILE",
            help="Write to FILE (readable by its owner only) instead of standard output.",
        )

    def handle(self, *args, **options):
        enquiries = export_for(options["email"])
        document = json.dumps({"enquiries": enquiries}, indent=2, ensure_ascii=False)
        if options["output"]:
            fd = os.open(
                options["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600
            )
            with os.fdopen(fd, "w", encoding="utf-8") as output:
                output.write(document + "\n")
            self.stderr.write(f"Exported {len(enquiries)} enquiries.")
        else:
            self.stdout.write(document)
