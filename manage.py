#!/usr/bin/env python
"""Django's command-line utility for the clinic demo site.

Without ``DJANGO_SETTINGS_MODULE`` it uses the development settings. The
commands that send mail or delete data on a schedule (the task worker, the
notification retry, reminders, the retention purge) are the exception when run
unattended (cron, systemd: no terminal on standard input): the development
settings print mail instead of sending it and would mark notifications sent,
so such a run must say which settings it uses.
"""

import os
import sys

DEV_SETTINGS = "clinic_site.settings.dev"
SCHEDULED_COMMANDS = {
    "db_worker",
    "send_enquiry_notifications",
    "review_reminders",
    "purge_enquiries",
}


def main():
    if not os.environ.get("DJANGO_SETTINGS_MODULE"):
        command = sys.argv[1] if len(sys.argv) > 1 else ""
        if command in SCHEDULED_COMMANDS and not sys.stdin.isatty():
            sys.stderr.write(
                f"DJANGO_SETTINGS_MODULE is not set. Set it to the settings this "
                f"{command} run should use, e.g. clinic_site.settings.production "
                f"(or {DEV_SETTINGS} for development).\n"
            )
            sys.exit(2)
        os.environ["DJANGO_SETTINGS_MODULE"] = DEV_SETTINGS
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
