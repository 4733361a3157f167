"""Settings of the example project: the plugin in a plain Wagtail site, no demo.

``TREATMENTS_CMS_TREATMENTPAGE_MODEL`` and ``TREATMENTS_CMS_PRACTITIONER_MODEL``
name the project's own models; every other page family keeps its default.
``TREATMENTS_CMS_ENQUIRY_FORM_CLASS`` names the project's enquiry form, and
Wagtail's API is served at ``api/v2/`` (``urls.py``).
"""

from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = "django-insecure-example-project-only"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "tests.example_project.clinic",
    "treatments_cms",
    "wagtail_modeladmin",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
]

TREATMENTS_CMS_TREATMENTPAGE_MODEL = "example_clinic.ClinicTreatmentPage"
TREATMENTS_CMS_PRACTITIONER_MODEL = "example_clinic.ClinicPractitioner"
TREATMENTS_CMS_ENQUIRY_FORM_CLASS = (
    "tests.example_project.clinic.forms.ClinicEnquiryForm"
)

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "tests.example_project.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(default="sqlite:///:memory:"),
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "enquiries": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
TREATMENTS_CMS_ENQUIRY_TASK_BACKEND = "enquiries"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_TIMEOUT = 10
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
WAGTAIL_SITE_NAME = "Example clinic"
WAGTAILADMIN_BASE_URL = "http://testserver"
USE_TZ = True
