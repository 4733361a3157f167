"""The demo site's home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from treatments_cms.navigation import site_sections

# What each section of the demo clinic holds, shown on the home page's cards.
SECTION_DESCRIPTIONS = {
    "TreatmentIndexPage": _(
        "What the clinic offers: how each treatment works, its "
        "risks, how long results last and what it costs."
    ),
    "ConditionIndexPage": _(
        "Skin conditions, their symptoms and causes, and the options for each."
    ),
    "AlternativeIndexPage": _(
        "Other ways to address the same conditions, compared "
        "fairly with our treatments."
    ),
}


class HomePage(Page):
    """The clinic's front page, parent of the treatment, condition and alternative sections."""

    introduction = models.TextField(
        blank=True, help_text=_("A short welcome shown under the clinic's name.")
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
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = [
            (item, SECTION_DESCRIPTIONS.get(item.family, ""))
            for item in site_sections(request)
        ]
        return context
