"""The enquiry pipeline's URLs, included under ``enquire/`` by ``treatments_cms.urls``."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.enquiry, name="enquiry"),
    path("thank-you/", views.thanks, name="enquiry_thanks"),
    path("token/", views.enquiry_token, name="enquiry_token"),
]
