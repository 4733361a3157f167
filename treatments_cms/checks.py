"""System checks for projects that install treatments_cms."""

from urllib.parse import urlsplit

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


def _proxy_configured():
    return bool(
        getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        or getattr(settings, "USE_X_FORWARDED_HOST", False)
        or getattr(settings, "USE_X_FORWARDED_PORT", False)
    )


@register(Tags.security)
def check_trusted_proxies(app_configs, **kwargs):
    """W002: behind a proxy that no setting trusts, every visitor is one client.

    SECURE_PROXY_SSL_HEADER or USE_X_FORWARDED_HOST/PORT say a reverse proxy is
    in front of the site; with ENQUIRY_TRUSTED_PROXY_COUNT = 0 the enquiry
    throttle (and a login lockout that reads addresses the same way) sees only
    the proxy's address, so a few visitors close the form for everyone.
    """
    from .conf import app_settings

    if _proxy_configured() and not app_settings.ENQUIRY_TRUSTED_PROXY_COUNT:
        return [
            Warning(
                "A reverse proxy is configured (SECURE_PROXY_SSL_HEADER or "
                "USE_X_FORWARDED_HOST/PORT) but "
                "TREATMENTS_CMS_ENQUIRY_TRUSTED_PROXY_COUNT is 0, so every "
                "visitor reaches the enquiry throttle with the proxy's address "
                "and a few enquiries close the form for everyone.",
                hint=(
                    "Set TREATMENTS_CMS_ENQUIRY_TRUSTED_PROXY_COUNT to the number "
                    "of proxies that append to X-Forwarded-For (usually 1)."
                ),
                id="treatments_cms.W002",
            )
        ]
    return []


@register(Tags.security)
def check_admin_base_url(app_configs, **kwargs):
    """E013: without DEBUG, links in notification emails need the admin's address."""
    if settings.DEBUG:
        return []
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", None) or ""
    parts = urlsplit(base_url) if isinstance(base_url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        return [
            Error(
                f"WAGTAILADMIN_BASE_URL is {base_url!r}, not the absolute http(s) "
                "address of the site, so links to the admin in enquiry "
                "notifications would point nowhere.",
                hint="Set it to the address the admin is served at, e.g. "
                "'https://clinic.example.com'.",
                id="treatments_cms.E013",
            )
        ]
    return []


# Task backends that run a task inside the caller: a notification queued on one
# would talk to the mail server during the visitor's request again.
IN_REQUEST_TASK_BACKENDS = (
    "django_tasks.backends.immediate.ImmediateBackend",
    "django.tasks.backends.immediate.ImmediateBackend",
)


@register(Tags.compatibility)
def check_notification_task_backend(app_configs, **kwargs):
    """E014/W003: enquiry notifications need a task backend that queues them."""
    from .conf import app_settings

    alias = app_settings.ENQUIRY_TASK_BACKEND
    backends = getattr(settings, "TASKS", None) or {
        "default": {"BACKEND": IN_REQUEST_TASK_BACKENDS[0]}
    }
    if alias not in backends:
        return [
            Error(
                f"TREATMENTS_CMS_ENQUIRY_TASK_BACKEND names the task backend "
                f"'{alias}', which is not in TASKS.",
                hint="Add it to TASKS, e.g. django_tasks_db.DatabaseBackend.",
                id="treatments_cms.E014",
            )
        ]
    backend = backends[alias].get("BACKEND", "")
    if backend in IN_REQUEST_TASK_BACKENDS and not settings.DEBUG:
        return [
            Warning(
                f"Enquiry notifications are queued on '{alias}' ({backend}), which "
                "runs them inside the visitor's request: a slow mail server slows "
                "every enquiry.",
                hint="Use a queue with a worker, e.g. django_tasks_db.DatabaseBackend "
                "and `manage.py db_worker`.",
                id="treatments_cms.W003",
            )
        ]
    return []


# The abstract base each swappable model must be built on.
SWAPPABLE_BASES = {
    "TreatmentIndexPage": "AbstractTreatmentIndexPage",
    "TreatmentPage": "AbstractTreatmentPage",
    "ConditionIndexPage": "AbstractConditionIndexPage",
    "ConditionPage": "AbstractConditionPage",
    "AlternativeIndexPage": "AbstractAlternativeIndexPage",
    "AlternativePage": "AbstractAlternativePage",
    "LocationIndexPage": "AbstractLocationIndexPage",
    "LocationPage": "AbstractLocationPage",
    "Practitioner": "AbstractPractitioner",
}


@register(Tags.models)
def check_swapped_models(app_configs, **kwargs):
    """E015/E016: the swappable models fit each other and Wagtail's base page.

    E015: with WAGTAIL_PAGE_MODEL set, Wagtail's own ``Page`` is swapped out, so
    the plugin's default pages (built on it) cannot be used: each page family
    must name the project's own model. E016: a model a setting names must be
    built on the family's abstract base.
    """
    import swapper
    from django.core.exceptions import ImproperlyConfigured

    from . import models, swappable

    errors = []
    base_page = swapper.is_swapped("wagtailcore", "Page")
    if base_page:
        errors += [
            Error(
                f"WAGTAIL_PAGE_MODEL is '{base_page}', but "
                f"{swappable.setting_name(name)} still names the plugin's "
                f"treatments_cms.{name}, which is built on Wagtail's own Page.",
                hint=(
                    f"Define a model on {SWAPPABLE_BASES[name]} and your base "
                    f"page, e.g. class {name}({SWAPPABLE_BASES[name]}, "
                    f"{swapper.split(base_page)[1]}), and set "
                    f"{swappable.setting_name(name)} to it."
                ),
                id="treatments_cms.E015",
            )
            for name in swappable.PAGE_MODELS
            if not swappable.is_swapped(name)
        ]
    for name, base_name in SWAPPABLE_BASES.items():
        if not swappable.is_swapped(name):
            continue
        try:
            model = swappable.get_model(name)
        except ImproperlyConfigured:
            continue  # Django's own check (models.E002) says it is not installed.
        if not issubclass(model, getattr(models, base_name)):
            errors.append(
                Error(
                    f"{swappable.setting_name(name)} names "
                    f"'{model._meta.label}', which is not built on "
                    f"treatments_cms.models.{base_name}.",
                    hint=f"Make {model.__name__} a subclass of {base_name}.",
                    obj=model,
                    id="treatments_cms.E016",
                )
            )
    return errors


_DJANGO_CSRF = "django.middleware.csrf.CsrfViewMiddleware"
_ENQUIRY_CSRF = "treatments_cms.middleware.EnquiryCsrfViewMiddleware"


@register(Tags.security)
def check_csrf_middleware(app_configs, **kwargs):
    """A CSRF middleware is installed: Django's, or the plugin's subclass of it.

    Django's own ``security.W003`` looks for Django's class by name only; a
    project that uses ``EnquiryCsrfViewMiddleware`` silences it, and this
    check takes its place.
    """
    middleware = list(getattr(settings, "MIDDLEWARE", None) or [])
    if _DJANGO_CSRF in middleware or _ENQUIRY_CSRF in middleware:
        return []
    return [
        Warning(
            "No CSRF middleware is installed.",
            hint=f"Add {_ENQUIRY_CSRF!r} to MIDDLEWARE (it is Django's "
            "CsrfViewMiddleware, which also accepts the enquiry form of a "
            "cached page posted without JavaScript from this site).",
            id="treatments_cms.W010",
        )
    ]


@register(Tags.compatibility)
def check_page_cache_lifetimes(app_configs, **kwargs):
    """A cached page's form token must outlive every cache that keeps the page.

    The page token in a cached form is issued when the page is rendered; the
    server-side cache, then a CDN, then a browser may each keep the page for
    their whole lifetime before the visitor starts typing.
    """
    from .conf import app_settings

    kept = (
        int(app_settings.PAGE_CACHE_SECONDS)
        + int(app_settings.PAGE_SHARED_MAX_AGE)
        + int(app_settings.PAGE_MAX_AGE)
    )
    limit = int(app_settings.ENQUIRY_FORM_MAX_AGE_SECONDS)
    if kept * 2 <= limit:
        return []
    return [
        Warning(
            "Cached pages may outlive their enquiry form's token.",
            hint=(
                f"TREATMENTS_CMS_PAGE_CACHE_SECONDS + PAGE_SHARED_MAX_AGE + "
                f"PAGE_MAX_AGE is {kept} s; keep it under half of "
                f"TREATMENTS_CMS_ENQUIRY_FORM_MAX_AGE_SECONDS ({limit} s), or "
                "visitors of an old copy get a form that cannot be sent."
            ),
            id="treatments_cms.W011",
        )
    ]
