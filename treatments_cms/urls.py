"""The plugin's own URLs; include them before Wagtail's page URLs.

path("", include("treatments_cms.urls")),
"""

from django.urls import include, path

from . import views

app_name = "treatments_cms"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("enquire/", include("treatments_cms.enquiries.urls")),
]
