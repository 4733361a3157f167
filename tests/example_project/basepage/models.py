"""A project with its own base page (Wagtail's ``WAGTAIL_PAGE_MODEL``).

With Wagtail's ``Page`` swapped out, the plugin's default pages (built on it)
cannot be used: the project builds each of the six page families on the
plugin's abstract base and its own ``BasePage`` (the location family too),
and names them in the
``TREATMENTS_CMS_<MODEL>_MODEL`` settings (``settings_basepage.py``).
"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import AbstractPage

from treatments_cms.models import (
    AbstractAlternativeIndexPage,
    AbstractAlternativePage,
    AbstractConditionIndexPage,
    AbstractConditionPage,
    AbstractLocationIndexPage,
    AbstractLocationPage,
    AbstractPractitioner,
    AbstractTreatmentIndexPage,
    AbstractTreatmentPage,
)


class BasePage(AbstractPage):
    """The project's base page: Wagtail's page fields plus a strapline.

    Like Wagtail's own test base page, it has none of ``Page``'s SEO title,
    search description or "show in menus" fields.
    """

    strapline = models.CharField(
        max_length=255, blank=True, help_text="A line shown under every page title."
    )

    promote_panels = [*AbstractPage.promote_panels, FieldPanel("strapline")]


class TreatmentIndexPage(AbstractTreatmentIndexPage, BasePage):
    content_panels = [
        *BasePage.content_panels,
        *AbstractTreatmentIndexPage.content_panels,
    ]
    template = "treatments_cms/treatment_index_page.html"


class TreatmentPage(AbstractTreatmentPage, BasePage):
    anaesthetic = models.CharField(max_length=100, blank=True)

    search_fields = [*BasePage.search_fields, *AbstractTreatmentPage.search_fields]
    content_panels = [
        *BasePage.content_panels,
        *AbstractTreatmentPage.content_panels,
        FieldPanel("anaesthetic"),
    ]
    template = "treatments_cms/treatment_page.html"


class ConditionIndexPage(AbstractConditionIndexPage, BasePage):
    content_panels = [
        *BasePage.content_panels,
        *AbstractConditionIndexPage.content_panels,
    ]
    template = "treatments_cms/condition_index_page.html"


class ConditionPage(AbstractConditionPage, BasePage):
    search_fields = [*BasePage.search_fields, *AbstractConditionPage.search_fields]
    content_panels = [*BasePage.content_panels, *AbstractConditionPage.content_panels]
    template = "treatments_cms/condition_page.html"


class AlternativeIndexPage(AbstractAlternativeIndexPage, BasePage):
    content_panels = [
        *BasePage.content_panels,
        *AbstractAlternativeIndexPage.content_panels,
    ]
    template = "treatments_cms/alternative_index_page.html"


class AlternativePage(AbstractAlternativePage, BasePage):
    search_fields = [*BasePage.search_fields, *AbstractAlternativePage.search_fields]
    content_panels = [
        *BasePage.content_panels,
        *AbstractAlternativePage.content_panels,
    ]
    template = "treatments_cms/alternative_page.html"


class LocationIndexPage(AbstractLocationIndexPage, BasePage):
    content_panels = [
        *BasePage.content_panels,
        *AbstractLocationIndexPage.content_panels,
    ]
    template = "treatments_cms/location_index_page.html"


class LocationPage(AbstractLocationPage, BasePage):
    search_fields = [*BasePage.search_fields, *AbstractLocationPage.search_fields]
    content_panels = [*BasePage.content_panels, *AbstractLocationPage.content_panels]
    template = "treatments_cms/location_page.html"


class Practitioner(AbstractPractitioner):
    class Meta:
        ordering = ["name"]
        verbose_name = "practitioner"
