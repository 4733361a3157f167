from django.apps import AppConfig


class ExampleBasePageConfig(AppConfig):
    name = "tests.example_project.basepage"
    label = "example_basepage"
    default_auto_field = "django.db.models.BigAutoField"
