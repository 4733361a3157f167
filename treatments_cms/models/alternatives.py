"""Alternative pages: the abstract mixins for the alternative index and alternative pages."""

from django.db import models
from wagtail.admin.panels import (
    FieldPanel,
    MultipleChooserPanel,
)
from wagtail.search import index

from ..sections import (
    KeyFact,
    PageSection,
    text_sections,
)
from .links import (
    live_public,
    visible_links,
)
from .mixins import (
    ComparisonFactsMixin,
    ReviewMixin,
    SummaryMixin,
    as_cards,
    linked_titles,
    page_model,
    paginate,
    rich_text_field,
)

# --- Alternatives ----------------------------------------------------------


class AlternativeIndexPageMixin(models.Model):
    """The list of alternatives to the clinic's treatments."""

    introduction = models.TextField(
        blank=True, help_text="A short paragraph above the list of alternatives."
    )

    content_panels = [FieldPanel("introduction")]

    class Meta:
        abstract = True

    def get_alternatives(self):
        return as_cards(live_public(page_model("AlternativePage")).child_of(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["alternatives"] = paginate(request, self.get_alternatives())
        return context


class Invasiveness(models.TextChoices):
    NON_INVASIVE = "non_invasive", "Non-invasive"
    MINIMALLY_INVASIVE = "minimally_invasive", "Minimally invasive"
    SURGICAL = "surgical", "Surgical"


class AlternativePageMixin(SummaryMixin, ComparisonFactsMixin, ReviewMixin):
    """Another way to address the same conditions, for a fair comparison."""

    how_it_works = rich_text_field("What happens and why it works, in plain words.")
    invasiveness = models.CharField(
        max_length=20,
        choices=Invasiveness.choices,
        default=Invasiveness.NON_INVASIVE,
        help_text="How invasive it is: shown in the comparison table.",
    )
    risks = rich_text_field("Its main risks and side effects.")

    search_fields = [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("how_it_works"),
        linked_titles("condition_links", "condition"),
    ]

    content_panels = [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("how_it_works"),
        FieldPanel("invasiveness"),
        FieldPanel("risks"),
    ]
    health_aspects = {
        "how_it_works": "HowItWorksHealthAspect",
        "risks": "RisksOrComplicationsHealthAspect",
    }
    text_section_fields = [
        ("how_it_works", "how-it-works", "How it works"),
        ("risks", "risks", "Risks and side effects"),
    ]
    # schema.org procedure type of each level of invasiveness.
    procedure_types = {
        Invasiveness.NON_INVASIVE: "NoninvasiveProcedure",
        Invasiveness.MINIMALLY_INVASIVE: "PercutaneousProcedure",
        Invasiveness.SURGICAL: "SurgicalProcedure",
    }
    link_panels = [
        MultipleChooserPanel(
            "condition_links",
            chooser_field_name="condition",
            heading="Conditions it can address",
            label="Condition",
        ),
    ]

    class Meta:
        abstract = True

    def get_condition_links(self):
        return visible_links(
            self.condition_links,
            "condition",
            live_public(page_model("ConditionPage")),
            select=("condition",),
        )

    def get_treatments(self):
        """Live, public, specific treatments that list this page as an alternative."""
        return list(
            live_public(page_model("TreatmentPage"))
            .filter(alternative_links__alternative=self)
            .distinct()
            .order_by("path")
            .specific()
        )

    def get_key_facts(self):
        """The facts box: only the facts that are known."""
        facts = [
            ("Sessions", self.sessions_display),
            ("Results last", self.results_last_display),
            ("Downtime", self.downtime_display.capitalize()),
            ("Invasiveness", self.get_invasiveness_display()),
        ]
        return [KeyFact(label, value) for label, value in facts if value]

    def get_procedure_type(self):
        return self.procedure_types.get(self.invasiveness, "")

    def get_sections(self, condition_links, treatments):
        """The sections that have content, in page order."""
        sections = text_sections(self, self.text_section_fields)
        if condition_links:
            sections.append(
                PageSection(
                    "conditions",
                    "What it can address",
                    [link.condition for link in condition_links],
                    "treatments_cms/includes/page_links.html",
                )
            )
        if treatments:
            sections.append(
                PageSection(
                    "treatments",
                    "Treatments it is an alternative to",
                    treatments,
                    "treatments_cms/includes/page_links.html",
                )
            )
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["condition_links"] = self.get_condition_links()
        context["treatments"] = self.get_treatments()
        context["key_facts"] = self.get_key_facts()
        context["sections"] = self.get_sections(
            context["condition_links"], context["treatments"]
        )
        return context
