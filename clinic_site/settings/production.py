"""Production: everything secret or site-specific comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS, WAGTAILADMIN_BASE_URL (the admin's public
address, e.g. https://clinic.example.com, used in links sent by email).
Behind a TLS proxy or load balancer, set TRUSTED_PROXY_COUNT (see base.py) to
the number of proxies that append to X-Forwarded-For, usually 1: otherwise the
enquiry throttle and the login lockout see every visitor as the proxy.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _env(name):
    try:
        return os.environ[name]
    except KeyError as exc:
        raise ImproperlyConfigured(f"Set the {name} environment variable.") from exc


DEBUG = False
SECRET_KEY = _env("SECRET_KEY")
WAGTAILADMIN_BASE_URL = _env("WAGTAILADMIN_BASE_URL")
# The public site's address (scheme and hostname) for canonical, sitemap and
# JSON-LD URLs; `manage.py set_site_address` applies it to the default site.
SITE_URL = os.environ.get("SITE_URL", WAGTAILADMIN_BASE_URL)
ALLOWED_HOSTS = [h.strip() for h in _env("ALLOWED_HOSTS").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true") == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false") == "true"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Over HTTPS only: browsers fetch any http:// asset of a page over https.
if SECURE_SSL_REDIRECT:
    CONTENT_SECURITY_POLICY = {
        **CONTENT_SECURITY_POLICY,  # noqa: F405
        "DIRECTIVES": {
            **CONTENT_SECURITY_POLICY["DIRECTIVES"],  # noqa: F405
            "upgrade-insecure-requests": True,
        },
    }
