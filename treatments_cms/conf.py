"""The plugin's settings, read lazily so ``override_settings`` works in tests.

Every setting is ``TREATMENTS_CMS_<NAME>`` in the project's settings and falls
back to the default below; nothing is read at import time.
"""

from django.conf import settings

# Phrases the claims checker (treatments_cms.claims) warns about: absolute
# claims, and prescription-only medicines and their brands, which UK
# advertising rules (the CAP Code) forbid promoting to the public. Matched on
# whole words, ignoring case and punctuation. A project extends the list with
# ``TREATMENTS_CMS_CLAIMS_PHRASES = [*DEFAULT_CLAIMS_PHRASES, "..."]``.
DEFAULT_CLAIMS_PHRASES = (
    # Absolute claims
    "guarantee",
    "guaranteed",
    "permanent",
    "permanently",
    "cure",
    "cures",
    "cured",
    "pain-free",
    "painless",
    "risk-free",
    "no risk",
    "100%",
    "no downtime",
    "best results",
    "miracle",
    # Prescription-only medicines and their brands (botulinum toxins)
    "botulinum toxin",
    "botox",
    "vistabel",
    "azzalure",
    "bocouture",
    "dysport",
    "xeomin",
    "alluzience",
    "letybo",
)

DEFAULTS = {
    # Page types the three index pages may be created under; ``None`` allows
    # any page type whose own ``subpage_types`` admits them.
    "INDEX_PARENT_PAGE_TYPES": None,
    # Days from "last reviewed" to the default "next review due", and from a
    # clinical sign-off to the next review: a number for every page type, or a
    # dict keyed by model label ("treatments_cms.TreatmentPage") with an
    # optional "default" entry.
    "REVIEW_INTERVAL_DAYS": 365,
    # Days an enquiry is kept before ``purge_enquiries`` removes it.
    "ENQUIRY_RETENTION_DAYS": 365,
    # The shortest retention period the clinic settings accept (and the purge
    # applies), so a mistaken value cannot delete recent enquiries in bulk.
    "ENQUIRY_RETENTION_MIN_DAYS": 30,
    # Cards per page on the index pages.
    "INDEX_PAGE_SIZE": 12,
    # Changes to the picture presets of treatments_cms.images, by preset name
    # ("hero", "card", "content", "logo"): a dict of the fields to replace.
    "IMAGE_PRESETS": {},
    # The Snowball stemmer the site search uses to forgive plurals ("english",
    # "german", ...); None follows LANGUAGE_CODE, "" turns stemming off.
    "SEARCH_LANGUAGE": None,
    # Phrases the claims checker warns about on save, publish and submit.
    "CLAIMS_PHRASES": DEFAULT_CLAIMS_PHRASES,
    # --- Swappable models (treatments_cms.swappable) ---
    # The concrete model a project uses for each page family and the
    # practitioner: its own, built on the abstract base (AbstractTreatmentPage,
    # ...), or the plugin's default. Set before the first migration; with
    # WAGTAIL_PAGE_MODEL set, every page model must be the project's own.
    "TREATMENTINDEXPAGE_MODEL": "treatments_cms.TreatmentIndexPage",
    "TREATMENTPAGE_MODEL": "treatments_cms.TreatmentPage",
    "CONDITIONINDEXPAGE_MODEL": "treatments_cms.ConditionIndexPage",
    "CONDITIONPAGE_MODEL": "treatments_cms.ConditionPage",
    "ALTERNATIVEINDEXPAGE_MODEL": "treatments_cms.AlternativeIndexPage",
    "ALTERNATIVEPAGE_MODEL": "treatments_cms.AlternativePage",
    "LOCATIONINDEXPAGE_MODEL": "treatments_cms.LocationIndexPage",
    "LOCATIONPAGE_MODEL": "treatments_cms.LocationPage",
    "PRACTITIONER_MODEL": "treatments_cms.Practitioner",
    # --- Enquiry pipeline (treatments_cms.enquiries) ---
    # Dotted path to the enquiry form class (a subclass of EnquiryForm).
    "ENQUIRY_FORM_CLASS": "treatments_cms.enquiries.forms.EnquiryForm",
    # Dotted path to a callable taking an Enquiry that tells the clinic about it
    # (raising on failure); the pipeline records the outcome.
    "ENQUIRY_NOTIFIER": "treatments_cms.enquiries.notify.email_clinic",
    # Dotted paths to spam checks, called in order as check(request, form);
    # each may raise treatments_cms.enquiries.spam.SpamRejected.
    "ENQUIRY_SPAM_CHECKS": [
        "treatments_cms.enquiries.spam.check_honeypot",
        "treatments_cms.enquiries.spam.check_form_token",
    ],
    # Seconds a person needs at least to fill in the form (signed timing token).
    "ENQUIRY_MIN_FILL_SECONDS": 3,
    # Seconds after which a rendered form's token expires.
    "ENQUIRY_FORM_MAX_AGE_SECONDS": 24 * 60 * 60,
    # Accepted enquiries per client address: "<count>/<period><s|m|h|d>", or
    # None to switch the throttle off.
    "ENQUIRY_THROTTLE_RATE": "5/10m",
    # The cache alias that counts throttle hits (share it between workers).
    "ENQUIRY_THROTTLE_CACHE": "default",
    # How many reverse proxies in front of the site append to X-Forwarded-For;
    # 0 trusts only REMOTE_ADDR.
    "ENQUIRY_TRUSTED_PROXY_COUNT": 0,
    # send_enquiry_notifications gives up on an enquiry after this many attempts.
    "ENQUIRY_NOTIFICATION_MAX_ATTEMPTS": 5,
    # The task backend alias (Django's TASKS setting) notifications are queued on.
    "ENQUIRY_TASK_BACKEND": "default",
    # Seconds after which a claimed ("sending") notification whose worker died
    # may be claimed again.
    "ENQUIRY_NOTIFICATION_LEASE_SECONDS": 15 * 60,
    # Let notifications "send" through Django's console, dummy, locmem or file
    # mail backend while DEBUG is off (tests, or a project whose notifier sends
    # no email). Left False, the worker and send_enquiry_notifications refuse,
    # rather than mark as sent a notification nobody received.
    "ENQUIRY_ALLOW_NON_DELIVERING_MAIL_BACKEND": False,
    # --- Public page caching (treatments_cms.cache) ---
    # Seconds PageCacheMiddleware keeps an anonymous visitor's page in the
    # server-side cache; 0 switches that cache off (the headers stay).
    "PAGE_CACHE_SECONDS": 0,
    # The cache alias (Django's CACHES) that keeps the pages.
    "PAGE_CACHE_ALIAS": "default",
    # Cache-Control of public pages: max-age for browsers (which nothing can
    # purge: keep it short) and s-maxage for shared caches and CDNs (purged
    # on publish through wagtail.contrib.frontend_cache).
    "PAGE_MAX_AGE": 60,
    "PAGE_SHARED_MAX_AGE": 300,
}


class AppSettings:
    """Attribute access to ``TREATMENTS_CMS_*`` settings with defaults."""

    prefix = "TREATMENTS_CMS_"

    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(f"Unknown treatments_cms setting: {name}")
        return getattr(settings, self.prefix + name, DEFAULTS[name])


app_settings = AppSettings()
