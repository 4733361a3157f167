"""The plugin's own URLs; include them before Wagtail's page URLs."""

app_name = "treatments_cms"

urlpatterns = []
