from django.apps import AppConfig


class TreatmentsCmsConfig(AppConfig):
    name = "treatments_cms"
    label = "treatments_cms"
    verbose_name = "Treatments CMS"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
