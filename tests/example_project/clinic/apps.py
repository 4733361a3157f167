from django.apps import AppConfig


class ExampleClinicConfig(AppConfig):
    name = "tests.example_project.clinic"
    label = "example_clinic"
    default_auto_field = "django.db.models.BigAutoField"
