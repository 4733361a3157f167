"""The models a project may replace, resolved the way Wagtail resolves its image model.

Each page family (treatment, condition, alternative, location: an index page
and its pages) and the practitioner snippet has an abstract base in
``treatments_cms.models`` and a concrete default. A setting names the concrete
model a project uses::

    TREATMENTS_CMS_TREATMENTPAGE_MODEL = "clinic.ClinicTreatmentPage"

Every foreign key, lookup and page-type rule of the plugin goes through these
functions, never through a hard-coded label. The settings are read when a
function is called, never at import time.
"""

import swapper

APP_LABEL = "treatments_cms"

# The plugin's swappable models, by the name of their concrete default. The
# setting naming the model in use is TREATMENTS_CMS_<NAME>_MODEL.
SWAPPABLE_MODELS = (
    "TreatmentIndexPage",
    "TreatmentPage",
    "ConditionIndexPage",
    "ConditionPage",
    "AlternativeIndexPage",
    "AlternativePage",
    "LocationIndexPage",
    "LocationPage",
    "Practitioner",
)

# The eight page models: with Wagtail's own base page swapped (WAGTAIL_PAGE_MODEL)
# a project must replace every one, since the defaults are built on
# ``wagtail.models.Page``.
PAGE_MODELS = SWAPPABLE_MODELS[:-1]


def setting_name(name):
    """The setting naming the model in use, e.g. ``TREATMENTS_CMS_TREATMENTPAGE_MODEL``."""
    return swapper.swappable_setting(APP_LABEL, name)


def get_model_string(name):
    """``"app_label.ModelName"`` of the model in use for the default ``name``."""
    return swapper.get_model_name(APP_LABEL, name)


def get_model(name):
    """The model class in use for the default ``name``."""
    return swapper.load_model(APP_LABEL, name)


def is_swapped(name):
    """The label of the model that replaces the default ``name``, or False."""
    return swapper.is_swapped(APP_LABEL, name)


def get_treatment_index_page_model_string():
    return get_model_string("TreatmentIndexPage")


def get_treatment_index_page_model():
    return get_model("TreatmentIndexPage")


def get_treatment_page_model_string():
    return get_model_string("TreatmentPage")


def get_treatment_page_model():
    return get_model("TreatmentPage")


def get_condition_index_page_model_string():
    return get_model_string("ConditionIndexPage")


def get_condition_index_page_model():
    return get_model("ConditionIndexPage")


def get_condition_page_model_string():
    return get_model_string("ConditionPage")


def get_condition_page_model():
    return get_model("ConditionPage")


def get_alternative_index_page_model_string():
    return get_model_string("AlternativeIndexPage")


def get_alternative_index_page_model():
    return get_model("AlternativeIndexPage")


def get_alternative_page_model_string():
    return get_model_string("AlternativePage")


def get_alternative_page_model():
    return get_model("AlternativePage")


def get_practitioner_model_string():
    return get_model_string("Practitioner")


def get_practitioner_model():
    return get_model("Practitioner")


def get_location_index_page_model_string():
    return get_model_string("LocationIndexPage")


def get_location_index_page_model():
    return get_model("LocationIndexPage")


def get_location_page_model_string():
    return get_model_string("LocationPage")


def get_location_page_model():
    return get_model("LocationPage")
