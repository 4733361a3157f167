"""Build the demo site: index pages, a treatment, its conditions and alternatives.

Idempotent: a second run finds everything by its slug or unique key, changes
nothing and says "unchanged" for each item.
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from treatments_cms.demo_content import load


class Command(BaseCommand):
    help = (
        "Create or update the demo clinic content under the default site's home "
        "page. Safe to run again: unchanged items are left alone."
    )

    def handle(self, *args, **options):
        styles = {
            "created": self.style.SUCCESS,
            "updated": self.style.WARNING,
            "unchanged": str,
        }
        counts = dict.fromkeys(styles, 0)

        def report(action, label):
            counts[action] += 1
            if options["verbosity"] >= 1:
                self.stdout.write(styles[action](f"{action} {label}"))

        try:
            load(report)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            "Demo content: {created} created, {updated} updated, "
            "{unchanged} unchanged.".format(**counts)
        )
