"""The plugin's settings, read lazily so ``override_settings`` works in tests.

Every setting is ``TREATMENTS_CMS_<NAME>`` in the project's settings and falls
back to the default below; nothing is read at import time.
"""

from django.conf import settings

DEFAULTS = {
    # Page types the three index pages may be created under; ``None`` allows
    # any page type whose own ``subpage_types`` admits them.
    "INDEX_PARENT_PAGE_TYPES": None,
    # Days from "last reviewed" to the default "next review due".
    "REVIEW_INTERVAL_DAYS": 365,
    # Days an enquiry is kept before ``purge_enquiries`` removes it.
    "ENQUIRY_RETENTION_DAYS": 365,
    # Cards per page on the index pages.
    "INDEX_PAGE_SIZE": 12,
}


class AppSettings:
    """Attribute access to ``TREATMENTS_CMS_*`` settings with defaults."""

    prefix = "TREATMENTS_CMS_"

    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(f"Unknown treatments_cms setting: {name}")
        return getattr(settings, self.prefix + name, DEFAULTS[name])


app_settings = AppSettings()
