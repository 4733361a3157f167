"""Treatment pages: the abstract mixins for the treatment index and treatment pages,
and the admin form that guards publishing.

Concrete pages live in ``pages.py``; queries live in model methods with their
prefetches, so a page costs a fixed number of queries whatever its links.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import EvidenceSourceBlock, ExtraContentBlock
from ..middleware import query_value
from ..sections import (
    KeyFact,
    PageSection,
    comparison_rows,
    format_price,
    shows_invasiveness,
    text_sections,
)
from .links import (
    SELF_ALTERNATIVE_MESSAGE,
    live_public,
    visible_links,
)
from .mixins import (
    ComparisonFactsMixin,
    DurationUnit,
    ReviewMixin,
    SummaryMixin,
    as_cards,
    linked_titles,
    page_model,
    paginate,
    rich_text_field,
    strip_rich_text,
)


class TreatmentPageForm(WagtailAdminPageForm):
    """Admin form that refuses to publish (or send for review) a treatment without risks."""

    def clean(self):
        cleaned_data = super().clean()
        # Submitting to a review workflow ends in publishing, so it asks too.
        publishing = self.data.get("action-publish") or self.data.get("action-submit")
        if publishing and not strip_rich_text(cleaned_data.get("risks", "")):
            self.add_error(
                "risks",
                "Describe the risks and side effects before publishing: "
                "visitors must see them before they enquire.",
            )
        self._refuse_self_as_alternative()
        return cleaned_data

    def _refuse_self_as_alternative(self):
        """The link rows do not know their page while the form validates: check here."""
        formset = self.formsets.get("alternative_links")
        if formset is None or self.instance.pk is None:
            return
        for form in formset.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            alternative = form.cleaned_data.get("alternative")
            if alternative is not None and alternative.pk == self.instance.pk:
                form.add_error("alternative", SELF_ALTERNATIVE_MESSAGE)


# --- Treatments ------------------------------------------------------------


class TreatmentIndexPageMixin(models.Model):
    """The list of treatments, with cards, pagination and a condition filter."""

    introduction = models.TextField(
        blank=True, help_text="A short paragraph above the list of treatments."
    )

    content_panels = [FieldPanel("introduction")]

    class Meta:
        abstract = True

    def get_treatments(self, condition=None):
        """Live, public treatments under this index, in explorer order.

        With ``condition``, only the treatments linked to that condition.
        """
        treatments = live_public(page_model("TreatmentPage")).child_of(self)
        if condition is not None:
            treatments = treatments.filter(condition_links__condition=condition)
        return as_cards(treatments)

    def get_filter_conditions(self):
        """Live, public conditions that a treatment listed here treats, by title."""
        return list(
            live_public(page_model("ConditionPage"))
            .filter(treatment_links__page__in=self.get_treatments())
            .distinct()
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        slug = query_value(request, "condition").strip()
        conditions = self.get_filter_conditions()
        condition = next((c for c in conditions if c.slug == slug), None)
        if slug and condition is None:
            # A live condition that no treatment here treats (yet).
            condition = (
                live_public(page_model("ConditionPage")).filter(slug=slug).first()
            )
        context["filter_conditions"] = conditions
        context["condition"] = condition
        context["unknown_condition"] = bool(slug) and condition is None
        context["treatments"] = paginate(request, self.get_treatments(condition))
        return context


class TreatmentPageMixin(SummaryMixin, ComparisonFactsMixin, ReviewMixin):
    """A treatment the clinic offers, described by typed, structured fields."""

    # The schema.org health aspect each section is published as in JSON-LD.
    health_aspects = {
        "how_it_works": "HowItWorksHealthAspect",
        "sessions": "UsageOrScheduleHealthAspect",
        "results": "EffectivenessHealthAspect",
        "benefits": "BenefitsHealthAspect",
        "limitations": "EffectivenessHealthAspect",
        "risks": "RisksOrComplicationsHealthAspect",
        "suitability": "SafetyHealthAspect",
        "contraindications": "SafetyHealthAspect",
        "preparation": "HowOrWhereHealthAspect",
        "recovery": "SelfCareHealthAspect",
    }

    how_it_works = rich_text_field(
        "What happens during the treatment and why it works, in plain words "
        "(schema.org: HowItWorks)."
    )
    session_interval = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Usual gap between sessions, e.g. 4 (schema.org: UsageOrSchedule).",
    )
    session_interval_unit = models.CharField(
        max_length=10,
        choices=DurationUnit.choices,
        default=DurationUnit.WEEKS,
        help_text="Unit of the gap between sessions.",
    )
    benefits = rich_text_field(
        "What the treatment can do for people (schema.org: Benefits)."
    )
    limitations = rich_text_field(
        "What it cannot do, e.g. deep wrinkles improve but do not disappear "
        "(schema.org: Effectiveness)."
    )
    risks = rich_text_field(
        "Risks and side effects, common and rare. Required before the page can "
        "be published (schema.org: RisksOrComplications)."
    )
    suitability = rich_text_field(
        "Who the treatment usually suits; the clinic still assesses each person "
        "(schema.org: Suitability)."
    )
    contraindications = rich_text_field(
        "Who should not have it, e.g. pregnancy or certain medicines "
        "(schema.org: Contraindications)."
    )
    preparation = rich_text_field("What to do, or avoid, before a session.")
    recovery = rich_text_field(
        "What recovery and downtime feel like and how to look after the skin."
    )
    price_from = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, "The price cannot be negative.")],
        help_text=(
            "Lowest price of a session in pounds, shown as 'from'. Leave empty to "
            "show no price; the price is always confirmed at consultation."
        ),
    )
    evidence_sources = StreamField(
        [("source", EvidenceSourceBlock())],
        blank=True,
        use_json_field=True,
        help_text="Published evidence or guidance that supports this page.",
    )
    body = StreamField(
        ExtraContentBlock(),
        blank=True,
        use_json_field=True,
        help_text="Extra prose only; facts belong in the typed fields.",
    )

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
        FieldPanel("benefits"),
        FieldPanel("limitations"),
        FieldPanel("body"),
    ]
    facts_panels = [
        *ComparisonFactsMixin.facts_panels,
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("session_interval"),
                        FieldPanel("session_interval_unit"),
                    ]
                )
            ],
            heading="Gap between sessions",
        ),
        FieldPanel("price_from"),
        FieldPanel("preparation"),
        FieldPanel("recovery"),
    ]
    link_panels = [
        MultipleChooserPanel(
            "condition_links",
            chooser_field_name="condition",
            heading="Conditions treated",
            label="Condition",
        ),
        MultipleChooserPanel(
            "alternative_links",
            chooser_field_name="alternative",
            heading="Alternatives",
            label="Alternative",
        ),
    ]
    safety_panels = [
        FieldPanel("risks"),
        FieldPanel("suitability"),
        FieldPanel("contraindications"),
    ]
    review_panels = [*ReviewMixin.review_panels, FieldPanel("evidence_sources")]

    # The rich-text sections of the public page, in order, around the linked
    # conditions (after the first) and the comparison table (after the last):
    # (field, anchor, heading).
    text_sections_before_conditions = [
        ("how_it_works", "how-it-works", "How it works"),
    ]
    text_sections_after_conditions = [
        ("benefits", "benefits", "Benefits"),
        ("limitations", "limitations", "What it cannot do"),
        ("risks", "risks", "Risks and side effects"),
        ("suitability", "suitability", "Who it suits"),
        ("contraindications", "contraindications", "Who should not have it"),
        ("preparation", "preparation", "Before a session"),
        ("recovery", "recovery", "Recovery and downtime"),
    ]

    class Meta:
        abstract = True

    @property
    def price_from_display(self):
        """For example "£150"; "" when no price is given."""
        return format_price(self.price_from)

    def get_key_facts(self):
        """The key-facts box: only the facts that are known."""
        sessions = self.sessions_display
        if sessions and self.session_interval_display:
            sessions = f"{sessions}, {self.session_interval_display} apart"
        facts = [
            ("Sessions", sessions),
            ("Results last", self.results_last_display),
            ("Downtime", self.downtime_display.capitalize()),
            (
                "Price from",
                self.price_from_display
                and f"{self.price_from_display}, confirmed at consultation",
            ),
        ]
        return [KeyFact(label, value) for label, value in facts if value]

    def get_comparison_rows(self, alternative_links):
        return comparison_rows(self, alternative_links)

    def get_sections(self, condition_links, alternative_links):
        """The sections that have content, in page order."""
        sections = text_sections(self, self.text_sections_before_conditions)
        if condition_links:
            sections.append(
                PageSection(
                    "conditions",
                    "Conditions it treats",
                    condition_links,
                    "treatments_cms/includes/condition_cards.html",
                )
            )
        sections += text_sections(self, self.text_sections_after_conditions)
        if self.body:
            sections.append(
                PageSection(
                    "more",
                    f"More about {self.title[:1].lower()}{self.title[1:]}",
                    self.body,
                    "treatments_cms/includes/stream_section.html",
                )
            )
        rows = self.get_comparison_rows(alternative_links)
        sections.append(
            PageSection(
                "comparison",
                "How it compares",
                {"rows": rows, "show_invasiveness": shows_invasiveness(rows)},
                "treatments_cms/includes/comparison_table.html",
            )
        )
        if self.evidence_sources:
            sections.append(
                PageSection(
                    "evidence",
                    "Evidence and guidance",
                    self.evidence_sources,
                    "treatments_cms/includes/evidence_sources.html",
                )
            )
        return sections

    def get_procedure_type(self):
        """The schema.org procedure type, when known; a project may override."""
        return ""

    @property
    def session_interval_display(self):
        if not self.session_interval:
            return ""
        unit = self.session_interval_unit
        return f"{self.session_interval} {unit.rstrip('s') if self.session_interval == 1 else unit}"

    def get_condition_links(self):
        """Links to live, public conditions, in editor order, conditions loaded."""
        return visible_links(
            self.condition_links,
            "condition",
            live_public(page_model("ConditionPage")),
            select=("condition", "condition__image"),
            prefetch=("condition__image__renditions",),
        )

    def get_conditions(self):
        return [link.condition for link in self.get_condition_links()]

    def get_alternative_links(self):
        """Links to live, public alternatives, each with its specific page as ``target``."""
        links = visible_links(
            self.alternative_links,
            "alternative",
            live_public(Page)
            .type(page_model("AlternativePage"), page_model("TreatmentPage"))
            .not_page(self),
        )
        ids = [link.alternative_id for link in links]
        targets = {}
        for model in (page_model("AlternativePage"), page_model("TreatmentPage")):
            for page in model.objects.filter(pk__in=ids).select_related("image"):
                targets.setdefault(page.pk, page)
        # One renditions query for both page types, so a mix of alternatives
        # costs the same as one kind.
        prefetch_related_objects(
            [page.image for page in targets.values() if page.image_id], "renditions"
        )
        for link in links:
            link.target = targets[link.alternative_id]
        return links

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["condition_links"] = self.get_condition_links()
        context["alternative_links"] = self.get_alternative_links()
        context["key_facts"] = self.get_key_facts()
        context["sections"] = self.get_sections(
            context["condition_links"], context["alternative_links"]
        )
        return context
