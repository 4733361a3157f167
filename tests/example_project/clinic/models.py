"""The example project's own models, built on the plugin's abstract bases."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from treatments_cms.models import AbstractPractitioner, AbstractTreatmentPage
from treatments_cms.sections import KeyFact


class ClinicTreatmentPage(AbstractTreatmentPage, Page):
    """The project's treatment page: the plugin's, plus the anaesthetic used."""

    anaesthetic = models.CharField(
        max_length=100,
        blank=True,
        help_text="The anaesthetic used, if any, e.g. 'numbing cream'.",
    )

    search_fields = [*Page.search_fields, *AbstractTreatmentPage.search_fields]

    content_panels = [
        *Page.content_panels,
        *AbstractTreatmentPage.content_panels,
        FieldPanel("anaesthetic"),
    ]

    api_fields = [*AbstractTreatmentPage.api_fields, APIField("anaesthetic")]

    template = "treatments_cms/treatment_page.html"

    class Meta:
        verbose_name = "clinic treatment page"

    def get_context(self, request, *args, **kwargs):
        """The plugin's context; the key facts end with the anaesthetic, if any."""
        context = super().get_context(request, *args, **kwargs)
        if self.anaesthetic:
            context["key_facts"] = [
                *context["key_facts"],
                KeyFact("Anaesthetic", self.anaesthetic),
            ]
        return context


class LaserTreatmentPage(ClinicTreatmentPage):
    """A treatment page for lasers: one more fact, in the Facts tab."""

    wavelength_nm = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The laser's wavelength in nanometres."
    )

    facts_panels = [*ClinicTreatmentPage.facts_panels, FieldPanel("wavelength_nm")]

    template = "treatments_cms/treatment_page.html"

    class Meta:
        verbose_name = "laser treatment page"


class ClinicPractitioner(AbstractPractitioner):
    """The project's practitioner, with qualifications."""

    qualifications = models.CharField(
        max_length=255, blank=True, help_text="Letters after the name, e.g. 'FRCP'."
    )

    panels = [*AbstractPractitioner.panels, FieldPanel("qualifications")]

    class Meta:
        ordering = ["name"]
        verbose_name = "practitioner"
