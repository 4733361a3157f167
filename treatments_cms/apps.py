from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TreatmentsCmsConfig(AppConfig):
    name = "treatments_cms"
    label = "treatments_cms"
    verbose_name = _("Treatments CMS")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .purge import connect as connect_purge

        connect_purge()
        from .enquiries import location_groups

        # One enquiry handlers group per location, created with it.
        location_groups.connect(self)
