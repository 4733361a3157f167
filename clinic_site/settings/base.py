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
    "wagtail.contrib.frontend_cache",
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
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the query, cookies or a posted form: a 400 for NUL
    # and other control characters, and for a form in a charset other than UTF-8.
    "treatments_cms.middleware.RequestSanityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses public pages only (never one with a token: BREACH).
    "treatments_cms.middleware.PublicGZipMiddleware",
    # Content-Security-Policy on the public site (not the admin), then
    # Permissions-Policy: on every response, cached pages included.
    "csp.middleware.CSPMiddleware",
    "treatments_cms.middleware.PermissionsPolicyMiddleware",
    # Public pages for anonymous visitors: public Cache-Control, and a cached
    # page answered before sessions, CSRF, auth and Wagtail's routing.
    "treatments_cms.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Django's CSRF check, plus the same-origin check for enquiry forms on
    # cached pages posted without JavaScript.
    "treatments_cms.middleware.EnquiryCsrfViewMiddleware",
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
# Wagtail keeps what it knows of image renditions in a cache of its own: a
# page of cards asks for several renditions of each picture, which would
# otherwise push pages and counters out of the default cache.
CACHES["renditions"] = (
    {**CACHES["default"], "KEY_PREFIX": "renditions"}
    if os.environ.get("REDIS_URL")
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
)

# --- Public pages: caching and purging ---
# Anonymous visitors' pages are public (Cache-Control below) and kept in the
# cache above for PAGE_CACHE_SECONDS; 0 switches the server-side page cache
# off (the benchmark's "uncached" run). Browsers keep a page PAGE_MAX_AGE
# seconds (nothing can purge them: keep it short), shared caches and CDNs
# PAGE_SHARED_MAX_AGE (purged on publish, see WAGTAILFRONTENDCACHE).
TREATMENTS_CMS_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
TREATMENTS_CMS_PAGE_MAX_AGE = int(os.environ.get("PAGE_MAX_AGE", "60"))
TREATMENTS_CMS_PAGE_SHARED_MAX_AGE = int(os.environ.get("PAGE_SHARED_MAX_AGE", "300"))

# The CDN or caching proxy that publishing purges (wagtail.contrib.frontend_cache):
# FRONTEND_CACHE = "cloudflare" (CLOUDFLARE_BEARER_TOKEN, CLOUDFLARE_ZONEID),
# "cloudfront" (CLOUDFRONT_DISTRIBUTION_ID; AWS credentials as boto3 reads
# them) or "http" (FRONTEND_CACHE_LOCATION, e.g. http://127.0.0.1:6081 for
# Varnish: an HTTP PURGE per URL). Unset: nothing outside the site to purge.
_FRONTEND_CACHE = os.environ.get("FRONTEND_CACHE", "")
if _FRONTEND_CACHE == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
            "ZONEID": os.environ.get("CLOUDFLARE_ZONEID", ""),
        }
    }
elif _FRONTEND_CACHE == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", ""),
        }
    }
elif _FRONTEND_CACHE == "http":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ.get("FRONTEND_CACHE_LOCATION", ""),
        }
    }

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
# The public site's address, e.g. https://clinic.example: `manage.py
# set_site_address` sets the default Wagtail site's hostname and port from it.
SITE_URL = os.environ.get("SITE_URL", "")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "pdf", "txt", "xlsx"]

# The demo site's home page is the only parent the three index pages accept.
TREATMENTS_CMS_INDEX_PARENT_PAGE_TYPES = ["home.HomePage"]

# --- Security headers ---
# SecurityMiddleware: nosniff, the referrer policy and COOP (HSTS in
# production.py); XFrameOptionsMiddleware: X-Frame-Options DENY.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp) for the public site: scripts, styles,
# fonts and everything else from the site itself only, no inline script or
# style, no framing, forms posting only here. No nonce: the same cached page
# goes to many visitors, and the JSON-LD block is data a browser never runs,
# so script-src does not apply to it (docs/decisions.md). The Wagtail admin
# uses inline scripts and styles: it is left out (Django's own headers still
# apply there). MEDIA_ORIGIN: where images are served from when not from the
# site (S3-compatible storage), e.g. https://media.example.com.
_MEDIA_ORIGINS = [o for o in os.environ.get("MEDIA_ORIGIN", "").split(",") if o]
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Django's security.W003 looks for its own CSRF middleware by name; the
# plugin's subclass (EnquiryCsrfViewMiddleware, in MIDDLEWARE above) is that
# middleware plus one check, and treatments_cms.W010 checks it is installed.
SILENCED_SYSTEM_CHECKS = ["security.W003"]

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
