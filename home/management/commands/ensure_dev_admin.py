"""Make sure a local admin account exists, and say how to log in (development only)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "clinic-demo-admin"  # noqa: S105  (a local, DEBUG-only demo login)


class Command(BaseCommand):
    help = "Create or reset the local demo admin account (only when DEBUG is on)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_dev_admin only runs with DEBUG on: it sets a known password."
            )
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=USERNAME, defaults={"email": "admin@example.com"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(PASSWORD)
        user.save()
        verb = "Created" if created else "Reset"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} the local admin account.\n"
                f"  Log in at http://127.0.0.1:8000/admin/ "
                f"as '{USERNAME}' with password '{PASSWORD}'."
            )
        )
