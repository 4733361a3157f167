"""The example project with its own base page: Wagtail's ``WAGTAIL_PAGE_MODEL``.

Wagtail's ``Page`` is swapped out for ``example_basepage.BasePage``, so every
one of the plugin's page families and the practitioner names the project's
model (``basepage/models.py``), built on the plugin's abstract base and
``BasePage``. The plugin's own system check (treatments_cms.E015) refuses a
family left on the default.
"""

from .settings import *  # noqa: F403
from .settings import DATABASES, INSTALLED_APPS

INSTALLED_APPS = [
    "tests.example_project.basepage",
    *(app for app in INSTALLED_APPS if app != "tests.example_project.clinic"),
]

WAGTAIL_PAGE_MODEL = "example_basepage.BasePage"

TREATMENTS_CMS_TREATMENTINDEXPAGE_MODEL = "example_basepage.TreatmentIndexPage"
TREATMENTS_CMS_TREATMENTPAGE_MODEL = "example_basepage.TreatmentPage"
TREATMENTS_CMS_CONDITIONINDEXPAGE_MODEL = "example_basepage.ConditionIndexPage"
TREATMENTS_CMS_CONDITIONPAGE_MODEL = "example_basepage.ConditionPage"
TREATMENTS_CMS_ALTERNATIVEINDEXPAGE_MODEL = "example_basepage.AlternativeIndexPage"
TREATMENTS_CMS_ALTERNATIVEPAGE_MODEL = "example_basepage.AlternativePage"
TREATMENTS_CMS_LOCATIONINDEXPAGE_MODEL = "example_basepage.LocationIndexPage"
TREATMENTS_CMS_LOCATIONPAGE_MODEL = "example_basepage.LocationPage"
TREATMENTS_CMS_PRACTITIONER_MODEL = "example_basepage.Practitioner"

# The example project's own run starts this one in a subprocess: on a database
# server it needs a test database of its own.
if "sqlite" not in DATABASES["default"]["ENGINE"]:
    DATABASES = {
        "default": {
            **DATABASES["default"],
            "TEST": {"NAME": f"test_{DATABASES['default']['NAME']}_basepage"},
        }
    }
