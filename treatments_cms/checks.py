"""System checks for projects that install treatments_cms."""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

REQUIRED_APPS = ("wagtail.contrib.settings", "wagtail.snippets", "modelcluster")


@register(Tags.compatibility)
def check_required_apps(app_configs, **kwargs):
    """E001: the Wagtail apps the plugin's models build on must be installed."""
    return [
        Error(
            f"treatments_cms needs '{app}' in INSTALLED_APPS.",
            hint=f"Add '{app}' to INSTALLED_APPS.",
            id="treatments_cms.E001",
        )
        for app in REQUIRED_APPS
        if not apps.is_installed(app)
    ]


@register(Tags.compatibility)
def check_email_timeout(app_configs, **kwargs):
    """W001: without EMAIL_TIMEOUT a slow mail server hangs a worker."""
    if getattr(settings, "EMAIL_TIMEOUT", None) is None:
        return [
            Warning(
                "EMAIL_TIMEOUT is not set, so a slow mail server can hang a "
                "worker while enquiry notifications are sent.",
                hint="Set EMAIL_TIMEOUT to a few seconds, e.g. EMAIL_TIMEOUT = 10.",
                id="treatments_cms.W001",
            )
        ]
    return []
