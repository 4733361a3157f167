"""Alternative pages: the abstract bases of the alternative index and alternative pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.api import APIField
from wagtail.search import index

from ..api import (
    ChoiceFact,
    LinkedPagesField,
    RangeField,
    comparison_fact_fields,
    review_fields,
    rich_text_fields,
)
from ..public import public_scope
from ..sections import alternative_key_facts, alternative_sections
from .indexes import AbstractIndexPage
from .links import (
    live_public,
    visible_links,
)
from .mixins import (
    ComparisonFactsMixin,
    PageFamily,
    ReviewMixin,
    SummaryMixin,
    TabbedEditHandlerMixin,
    linked_titles,
    page_model,
    rich_text_field,
)
from .panels import LinkedPagesPanel

# --- Alternatives ----------------------------------------------------------


class AbstractAlternativeIndexPage(AbstractIndexPage):
    """The list of alternatives to the clinic's treatments."""

    listed_model_name = "AlternativePage"
    listing_name = "alternatives"

    introduction = models.TextField(
        blank=True, help_text=_("A short paragraph above the list of alternatives.")
    )

    class Meta:
        abstract = True

    def get_alternatives(self):
        return self.get_listed_pages()


class Invasiveness(models.TextChoices):
    NON_INVASIVE = "non_invasive", _("Non-invasive")
    MINIMALLY_INVASIVE = "minimally_invasive", _("Minimally invasive")
    SURGICAL = "surgical", _("Surgical")


# schema.org procedure type of each level of invasiveness.
PROCEDURE_TYPES = {
    Invasiveness.NON_INVASIVE: "NoninvasiveProcedure",
    Invasiveness.MINIMALLY_INVASIVE: "PercutaneousProcedure",
    Invasiveness.SURGICAL: "SurgicalProcedure",
}


class AbstractAlternativePage(
    TabbedEditHandlerMixin, SummaryMixin, ComparisonFactsMixin, ReviewMixin
):
    """Another way to address the same conditions, for a fair comparison."""

    how_it_works = rich_text_field(_("What happens and why it works, in plain words."))
    invasiveness = models.CharField(
        max_length=20,
        choices=Invasiveness.choices,
        default=Invasiveness.NON_INVASIVE,
        help_text=_("How invasive it is: shown in the comparison table."),
    )
    risks = rich_text_field(_("Its main risks and side effects."))

    stemmed_search_fields = ("title", "summary", "how_it_works")
    search_fields = [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("how_it_works"),
        linked_titles("condition_links", "condition"),
        index.SearchField("search_stems"),
    ]

    # What Wagtail's API shows: typed facts as objects, the conditions it
    # addresses and the treatments it is an alternative to (see treatments_cms.api).
    api_fields = [
        APIField("summary"),
        APIField("image"),
        APIField("hero_image_alt"),
        APIField("hero_image_decorative"),
        *rich_text_fields("how_it_works", "risks"),
        APIField("invasiveness", serializer=ChoiceFact("invasiveness")),
        *comparison_fact_fields(),
        APIField(
            "sessions",
            serializer=RangeField(
                "sessions_min", "sessions_max", "sessions_display", unit="sessions"
            ),
        ),
        APIField(
            "conditions",
            serializer=LinkedPagesField("get_condition_links", "condition"),
        ),
        APIField("treatments", serializer=LinkedPagesField("get_treatments")),
        *review_fields(),
    ]

    content_panels = [
        FieldPanel("summary"),
        *SummaryMixin.image_panels,
        FieldPanel("how_it_works"),
        FieldPanel("invasiveness"),
        FieldPanel("risks"),
    ]
    link_panels = [
        LinkedPagesPanel(
            "condition_links",
            chooser_field_name="condition",
            heading=_("Conditions it can address"),
            label=_("Condition"),
        ),
    ]

    parent_page_types = PageFamily("AlternativeIndexPage")
    subpage_types = []

    # schema.org procedure type of each level of invasiveness.
    procedure_types = PROCEDURE_TYPES

    class Meta:
        abstract = True

    def get_condition_links(self, request=None):
        """Links to live, public conditions of the request's site, in editor order."""
        return visible_links(
            self.condition_links,
            "condition",
            public_scope(request),
            page_model("ConditionPage"),
            select=("condition",),
        )

    def get_treatments(self, request=None):
        """Live, public, specific treatments of the site that list this page as
        an alternative."""
        return list(
            live_public(page_model("TreatmentPage"), request)
            .filter(alternative_links__alternative=self)
            .distinct()
            .order_by("path")
            .specific()
        )

    def get_procedure_type(self):
        return self.procedure_types.get(self.invasiveness, "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["condition_links"] = self.get_condition_links(request)
        context["treatments"] = self.get_treatments(request)
        context["key_facts"] = alternative_key_facts(self)
        context["sections"] = alternative_sections(
            self, context["condition_links"], context["treatments"]
        )
        return context


# The earlier names, kept for projects that combine them with their own base page.
AlternativeIndexPageMixin = AbstractAlternativeIndexPage
AlternativePageMixin = AbstractAlternativePage
