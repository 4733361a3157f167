"""Condition pages: the abstract mixins for the condition index and condition pages.

A condition's treatments are derived from the treatments' own links.
"""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
)
from wagtail.search import index

from ..sections import (
    PageSection,
    text_sections,
)
from .links import (
    TreatmentConditionLink,
    live_public,
)
from .mixins import (
    ReviewMixin,
    SummaryMixin,
    as_cards,
    linked_titles,
    page_model,
    paginate,
    rich_text_field,
    strip_rich_text,
)

# --- Conditions ------------------------------------------------------------


class ConditionIndexPageMixin(models.Model):
    """The list of skin conditions the clinic sees."""

    introduction = models.TextField(
        blank=True, help_text="A short paragraph above the list of conditions."
    )

    content_panels = [FieldPanel("introduction")]

    class Meta:
        abstract = True

    def get_conditions(self):
        return as_cards(live_public(page_model("ConditionPage")).child_of(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conditions"] = paginate(request, self.get_conditions())
        return context


class ConditionPageMixin(SummaryMixin, ReviewMixin):
    """A skin condition, with the treatments and alternatives that address it."""

    symptoms = rich_text_field(
        "How the condition looks and feels (schema.org: Symptoms)."
    )
    causes = rich_text_field("What causes it or makes it worse (schema.org: Causes).")
    alternate_names = models.CharField(
        max_length=500,
        blank=True,
        help_text=(
            "Other names people search for, separated by commas, e.g. "
            "'thread veins, telangiectasia'. Used by search and search engines."
        ),
    )
    requires_medical_assessment = models.BooleanField(
        default=False,
        help_text=(
            "Tick when a GP or dermatologist should see the person first (e.g. "
            "patches that may be pre-cancerous). The page then sends visitors "
            "to a doctor instead of inviting an enquiry."
        ),
    )
    medical_assessment_text = rich_text_field(
        "When to see a doctor and why. Shown prominently when the box above is ticked."
    )

    search_fields = [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("alternate_names"),
        index.AutocompleteField("alternate_names"),
        index.SearchField("symptoms"),
        linked_titles("treatment_links", "page"),
    ]

    health_aspects = {
        "symptoms": "SymptomsHealthAspect",
        "causes": "CausesHealthAspect",
    }
    text_section_fields = [
        ("symptoms", "symptoms", "Symptoms"),
        ("causes", "causes", "Causes"),
    ]

    content_panels = [
        FieldPanel("summary"),
        FieldPanel("alternate_names"),
        FieldPanel("image"),
        FieldPanel("symptoms"),
        FieldPanel("causes"),
        MultiFieldPanel(
            [
                FieldPanel("requires_medical_assessment"),
                FieldPanel("medical_assessment_text"),
            ],
            heading="See a doctor first",
        ),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.requires_medical_assessment and not strip_rich_text(
            self.medical_assessment_text
        ):
            raise ValidationError(
                {
                    "medical_assessment_text": "Say when to see a doctor: the page "
                    "shows this instead of the enquiry invitation."
                }
            )

    @property
    def alternate_name_list(self):
        return [
            name.strip() for name in self.alternate_names.split(",") if name.strip()
        ]

    def get_treatment_links(self):
        """Links from live, public treatments to this condition (outcome and note).

        Derived from the treatment side: one source of truth. Treatments come in
        explorer order.
        """
        return list(
            TreatmentConditionLink.objects.filter(
                condition=self, page__in=live_public(page_model("TreatmentPage"))
            )
            .select_related("page", "page__image")
            .prefetch_related("page__image__renditions")
            .order_by("page__path", "sort_order")
        )

    def get_treatments(self):
        """Live, public, specific treatment pages that treat this condition."""
        return list(
            live_public(page_model("TreatmentPage"))
            .filter(condition_links__condition=self)
            .distinct()
            .order_by("path")
            .specific()
        )

    def get_alternatives(self):
        """Live, public alternatives that say they address this condition."""
        return list(
            as_cards(
                live_public(page_model("AlternativePage"))
                .filter(condition_links__condition=self)
                .distinct()
            )
        )

    def get_sections(self, treatment_links, alternatives):
        """The sections that have content, in page order."""
        sections = text_sections(self, self.text_section_fields)
        if treatment_links:
            sections.append(
                PageSection(
                    "treatments",
                    "Treatments for this condition",
                    treatment_links,
                    "treatments_cms/includes/treatment_cards.html",
                    "TreatmentsHealthAspect",
                )
            )
        if alternatives:
            sections.append(
                PageSection(
                    "alternatives",
                    "Other options",
                    alternatives,
                    "treatments_cms/includes/alternative_cards.html",
                    "TreatmentsHealthAspect",
                )
            )
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatment_links"] = self.get_treatment_links()
        context["alternatives"] = self.get_alternatives()
        context["sections"] = self.get_sections(
            context["treatment_links"], context["alternatives"]
        )
        return context
