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


@register(Tags.compatibility)
def check_enquiry_pipeline(app_configs, **kwargs):
    """E010-E012: the enquiry pipeline's swappable parts and throttle settings.

    The throttle uses only the public cache API, so these checks pass with every
    cache backend (local memory, database, file, Redis).
    """
    from django.core.cache import caches
    from django.core.exceptions import ImproperlyConfigured
    from django.utils.module_loading import import_string

    from .conf import app_settings
    from .enquiries.throttle import parse_rate

    errors = []
    paths = [
        ("ENQUIRY_FORM_CLASS", app_settings.ENQUIRY_FORM_CLASS),
        ("ENQUIRY_NOTIFIER", app_settings.ENQUIRY_NOTIFIER),
        *(("ENQUIRY_SPAM_CHECKS", path) for path in app_settings.ENQUIRY_SPAM_CHECKS),
    ]
    for name, path in paths:
        try:
            import_string(path)
        except ImportError:
            errors.append(
                Error(
                    f"TREATMENTS_CMS_{name} names '{path}', which cannot be imported.",
                    hint="Give the dotted path of a class or function.",
                    id="treatments_cms.E010",
                )
            )
    try:
        parse_rate(app_settings.ENQUIRY_THROTTLE_RATE)
    except ImproperlyConfigured as exc:
        errors.append(
            Error(
                str(exc),
                hint="For example '5/10m': five enquiries per ten minutes, or None.",
                id="treatments_cms.E011",
            )
        )
    alias = app_settings.ENQUIRY_THROTTLE_CACHE
    if alias not in caches.settings:
        errors.append(
            Error(
                f"TREATMENTS_CMS_ENQUIRY_THROTTLE_CACHE names the cache '{alias}', "
                "which is not in CACHES.",
                id="treatments_cms.E012",
            )
        )
    return errors
