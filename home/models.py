"""The demo site's home page."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The clinic's front page, parent of the treatment, condition and alternative sections."""

    introduction = models.TextField(
        blank=True, help_text="A short welcome shown under the clinic's name."
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "treatments_cms.TreatmentIndexPage",
        "treatments_cms.ConditionIndexPage",
        "treatments_cms.AlternativeIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page"
