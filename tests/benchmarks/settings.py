"""Settings of ``make bench``: the test settings, read from the environment.

``DATABASE_URL`` names the database (the bench makes a throwaway SQLite file,
or uses the PostgreSQL database it is given), ``PAGE_CACHE_SECONDS`` switches
the server-side page cache on or off, ``BENCH_MEDIA_ROOT`` holds the images.
The enquiry throttle and the minimum fill time are off: the bench's clients
all come from one address and post as fast as they can.
"""

import os

from clinic_site.settings.test import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
MEDIA_ROOT = os.environ.get("BENCH_MEDIA_ROOT", MEDIA_ROOT)  # noqa: F405
TREATMENTS_CMS_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
TREATMENTS_CMS_ENQUIRY_THROTTLE_RATE = None
TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS = 0
# Sessions, the login lockout and Wagtail's own tasks stay as in the suite;
# nothing here logs a request.
LOGGING = {"version": 1, "disable_existing_loggers": False}
