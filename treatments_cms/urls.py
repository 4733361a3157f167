"""The plugin's own URLs; include them before Wagtail's page URLs.

path("", include("treatments_cms.urls")),
"""

from django.urls import include, path

app_name = "treatments_cms"

urlpatterns = [
    # Search page (public-site work) and the enquiry pipeline each own their URLs.
    path("enquire/", include("treatments_cms.enquiries.urls")),
]
