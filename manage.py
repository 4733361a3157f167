#!/usr/bin/env python
"""Django's command-line utility for the clinic demo site.

From a terminal it defaults to the development settings. Run unattended (cron,
systemd, a container: no terminal on standard input) it refuses to guess:
the development settings print mail instead of sending it and would mark
notifications sent, so an unattended run must say which settings it uses.
"""

import os
import sys

DEV_SETTINGS = "clinic_site.settings.dev"


def main():
    if not os.environ.get("DJANGO_SETTINGS_MODULE"):
        if not sys.stdin.isatty():
            sys.stderr.write(
                "DJANGO_SETTINGS_MODULE is not set. Set it to the settings this "
                "run should use, e.g. clinic_site.settings.production (or "
                f"{DEV_SETTINGS} for development).\n"
            )
            sys.exit(2)
        os.environ["DJANGO_SETTINGS_MODULE"] = DEV_SETTINGS
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
