"""Settings shared by every environment of the clinic demo site.

Everything environment-specific is read from the environment, so the same code
runs on the SQLite default and on PostgreSQL and Redis in production.
"""

import datetime
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "home",
    "treatments_cms",
    "wagtail_modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.api.v2",
    "wagtail.embeds",
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
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the query, cookies or a posted form: a 400 for NUL
    # and other control characters, and for a form in a charset other than UTF-8.
    "treatments_cms.middleware.RequestSanityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: locks out repeated failed admin logins.
    "axes.middleware.AxesMiddleware",
]

# django-axes first, so a locked-out username and client is refused before the
# password is even checked. AxesBackend rather than AxesStandaloneBackend: it
# also has ModelBackend's get_user(), which Wagtail's page test assertions need
# (they log in through the first backend listed).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "clinic_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "clinic_site.wsgi.application"

# DATABASE_URL selects the database (PostgreSQL in production and in the
# second CI pass); without it the site runs on an embedded SQLite file.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the task worker write to one SQLite file at once:
    # write-ahead logging lets readers go on while one writes, a writer takes
    # its lock when its transaction starts (so two never deadlock upgrading a
    # read lock), and a busy writer is waited for, up to 20 s, rather than
    # failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        **DATABASES["default"].get("OPTIONS", {}),
    }

# REDIS_URL selects Django's own Redis cache, shared by every worker; without
# it each process keeps a local-memory cache.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background tasks (Django's task framework, through the django-tasks
# backport): clinic notifications, and Wagtail's own tasks, are queued in the
# database and run by a worker process (`manage.py db_worker`), so no request
# talks to the mail server. The SQLite default needs nothing more.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The site speaks one language, LANGUAGE_CODE, for every visitor (no
# LocaleMiddleware: the pages' content is written in one language, so the words
# around it must not follow the browser). The plugin ships its own catalogues;
# the demo site's templates and home app are translated in locale/.
LANGUAGE_CODE = "en-gb"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A slow mail server must never hang a worker (Django's default is no timeout).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "clinic@example.com")

WAGTAIL_SITE_NAME = "Clinic"
# The address of the admin, used in links sent by email (the enquiry
# notification). Development settings default it to the local server;
# production refuses to start without it.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "pdf", "txt", "xlsx"]

# The demo site's home page is the only parent the three index pages accept.
TREATMENTS_CMS_INDEX_PARENT_PAGE_TYPES = ["home.HomePage"]

# A refused form (stale or missing CSRF token) gets a friendly page that tells
# the visitor to reload and send again, not Django's bare 403.
CSRF_FAILURE_VIEW = "treatments_cms.enquiries.views.csrf_failure"

# --- Reverse proxies ---
# TRUSTED_PROXY_COUNT: how many reverse proxies in front of the site append to
# X-Forwarded-For (1 for one TLS proxy or load balancer). 0, the default,
# trusts only REMOTE_ADDR: right without a proxy, but behind one every visitor
# shares the proxy's address. Never set it higher than the number of proxies
# that really append the header, or clients can choose their own address.
# The enquiry throttle and the login lockout both count clients this way.
TREATMENTS_CMS_ENQUIRY_TRUSTED_PROXY_COUNT = int(
    os.environ.get("TRUSTED_PROXY_COUNT", "0")
)

# --- Login throttle (django-axes) ---
# Five failed logins for one username from one client lock that username and
# client out for 15 minutes (a page with a message, status 429); the same
# username from another client, and other usernames from this client, are not
# locked, so a guesser cannot lock a clinician out everywhere. A successful
# login clears the count. Attempts are kept in the database (axes' database
# handler), which every worker shares, on SQLite and PostgreSQL alike; a
# per-process cache would give each worker its own count. Axes masks the
# password in what it stores and logs; it logs usernames and addresses.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
# The client's address as the enquiry throttle reads it (TRUSTED_PROXY_COUNT).
AXES_CLIENT_IP_CALLABLE = "treatments_cms.enquiries.throttle.client_ip"
