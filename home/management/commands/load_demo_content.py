"""Build the demo site: index pages, a treatment, its conditions and alternatives.

Idempotent: a second run finds everything by its slug or unique key, changes
nothing and says "unchanged" for each item.
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from home.demo_content import load

# What happened to one item, as the report prints it.
ACTIONS = {
    "created": pgettext_lazy("demo content item", "created"),
    "updated": pgettext_lazy("demo content item", "updated"),
    "unchanged": pgettext_lazy("demo content item", "unchanged"),
}


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
                self.stdout.write(styles[action](f"{ACTIONS[action]} {label}"))

        try:
            load(report)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _(
                "Demo content: %(created)d created, %(updated)d updated, "
                "%(unchanged)d unchanged."
            )
            % counts
        )
