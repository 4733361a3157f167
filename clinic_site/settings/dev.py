"""Local development: debug on, mail printed to the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The address `make run` serves; `manage.py set_site_address` copies it to the
# default Wagtail site, so canonical, sitemap and JSON-LD URLs point here.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Serve static files straight from the apps; no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Pages are rendered afresh on every request while developing (set
# PAGE_CACHE_SECONDS to try the page cache).
TREATMENTS_CMS_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
