"""Test settings: fast hashing, in-memory mail, no debug."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "django-insecure-test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"

# Serve static files straight from the apps; no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Wagtail's own background tasks run at once in tests, as they did before the
# task queue; clinic notifications go through the database queue exactly as in
# production, and tests run the worker to send them.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "enquiries": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
TREATMENTS_CMS_ENQUIRY_TASK_BACKEND = "enquiries"

# Django's test runner swaps in the in-memory mail backend; let notifications
# be "sent" to it (tests of the refusal switch this back off).
TREATMENTS_CMS_ENQUIRY_ALLOW_NON_DELIVERING_MAIL_BACKEND = True

# The server-side page cache is off for the suite (a test that changes a page
# without publishing it would see the old one); tests of the cache switch it on.
TREATMENTS_CMS_PAGE_CACHE_SECONDS = 0
