"""Treatment, condition and alternative pages and their index pages.

Each page type is an abstract mixin holding fields, panels and query methods,
plus a concrete model combining that mixin with Wagtail's ``Page``. Queries live
in model methods with their ``select_related``/``prefetch_related``, so a page
costs a fixed number of queries whatever the number of links it shows.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import EvidenceSourceBlock, ExtraContentBlock
from ..conf import app_settings
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
    TreatmentConditionLink,
    live_public,
    visible_links,
)
from .mixins import (
    RICH_TEXT_FEATURES,
    ComparisonFactsMixin,
    DurationUnit,
    PageTypesFromSetting,
    ReviewMixin,
    SummaryMixin,
)


def _rich_text(help_text, **kwargs):
    return RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, help_text=help_text, **kwargs
    )


def _linked_titles(relation, target):
    """Index the titles of the pages at the far end of a link relation."""
    return index.RelatedFields(
        relation,
        [
            index.RelatedFields(
                target,
                [index.SearchField("title"), index.AutocompleteField("title")],
            )
        ],
    )


def _paginate(request, queryset):
    """One page of cards; an invalid or out-of-range ``?page=`` gives a valid page."""
    paginator = Paginator(queryset, app_settings.INDEX_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def strip_rich_text(value):
    """The visible text of a rich-text value, for emptiness checks."""
    return strip_tags(str(value or "")).strip()


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
        treatments = live_public(TreatmentPage).child_of(self)
        if condition is not None:
            treatments = treatments.filter(condition_links__condition=condition)
        return (
            treatments.select_related("image")
            .prefetch_related("image__renditions")
            .order_by("path")
        )

    def get_filter_conditions(self):
        """Live, public conditions that a treatment listed here treats, by title."""
        return list(
            live_public(ConditionPage)
            .filter(treatment_links__page__in=self.get_treatments())
            .distinct()
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        slug = request.GET.get("condition", "").strip()
        conditions = self.get_filter_conditions()
        condition = next((c for c in conditions if c.slug == slug), None)
        if slug and condition is None:
            # A live condition that no treatment here treats (yet).
            condition = live_public(ConditionPage).filter(slug=slug).first()
        context["filter_conditions"] = conditions
        context["condition"] = condition
        context["unknown_condition"] = bool(slug) and condition is None
        context["treatments"] = _paginate(request, self.get_treatments(condition))
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

    how_it_works = _rich_text(
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
    benefits = _rich_text(
        "What the treatment can do for people (schema.org: Benefits)."
    )
    limitations = _rich_text(
        "What it cannot do, e.g. deep wrinkles improve but do not disappear "
        "(schema.org: Effectiveness)."
    )
    risks = _rich_text(
        "Risks and side effects, common and rare. Required before the page can "
        "be published (schema.org: RisksOrComplications)."
    )
    suitability = _rich_text(
        "Who the treatment usually suits; the clinic still assesses each person "
        "(schema.org: Suitability)."
    )
    contraindications = _rich_text(
        "Who should not have it, e.g. pregnancy or certain medicines "
        "(schema.org: Contraindications)."
    )
    preparation = _rich_text("What to do, or avoid, before a session.")
    recovery = _rich_text(
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
        _linked_titles("condition_links", "condition"),
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
            live_public(ConditionPage),
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
            live_public(Page).type(AlternativePage, TreatmentPage).not_page(self),
        )
        ids = [link.alternative_id for link in links]
        targets = {}
        for model in (AlternativePage, TreatmentPage):
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
        return (
            live_public(ConditionPage)
            .child_of(self)
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conditions"] = _paginate(request, self.get_conditions())
        return context


class ConditionPageMixin(SummaryMixin, ReviewMixin):
    """A skin condition, with the treatments and alternatives that address it."""

    symptoms = _rich_text("How the condition looks and feels (schema.org: Symptoms).")
    causes = _rich_text("What causes it or makes it worse (schema.org: Causes).")
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
    medical_assessment_text = _rich_text(
        "When to see a doctor and why. Shown prominently when the box above is ticked."
    )

    search_fields = [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("alternate_names"),
        index.AutocompleteField("alternate_names"),
        index.SearchField("symptoms"),
        _linked_titles("treatment_links", "page"),
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
                condition=self, page__in=live_public(TreatmentPage)
            )
            .select_related("page", "page__image")
            .prefetch_related("page__image__renditions")
            .order_by("page__path", "sort_order")
        )

    def get_treatments(self):
        """Live, public, specific treatment pages that treat this condition."""
        return list(
            live_public(TreatmentPage)
            .filter(condition_links__condition=self)
            .distinct()
            .order_by("path")
            .specific()
        )

    def get_alternatives(self):
        """Live, public alternatives that say they address this condition."""
        return list(
            live_public(AlternativePage)
            .filter(condition_links__condition=self)
            .distinct()
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("path")
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
        return (
            live_public(AlternativePage)
            .child_of(self)
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["alternatives"] = _paginate(request, self.get_alternatives())
        return context


class Invasiveness(models.TextChoices):
    NON_INVASIVE = "non_invasive", "Non-invasive"
    MINIMALLY_INVASIVE = "minimally_invasive", "Minimally invasive"
    SURGICAL = "surgical", "Surgical"


class AlternativePageMixin(SummaryMixin, ComparisonFactsMixin, ReviewMixin):
    """Another way to address the same conditions, for a fair comparison."""

    how_it_works = _rich_text("What happens and why it works, in plain words.")
    invasiveness = models.CharField(
        max_length=20,
        choices=Invasiveness.choices,
        default=Invasiveness.NON_INVASIVE,
        help_text="How invasive it is: shown in the comparison table.",
    )
    risks = _rich_text("Its main risks and side effects.")

    search_fields = [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("how_it_works"),
        _linked_titles("condition_links", "condition"),
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
            live_public(ConditionPage),
            select=("condition",),
        )

    def get_treatments(self):
        """Live, public, specific treatments that list this page as an alternative."""
        return list(
            live_public(TreatmentPage)
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


# --- Concrete pages ----------------------------------------------------------


def _tabs(*tabs):
    return TabbedInterface(
        [ObjectList(panels, heading=heading) for heading, panels in tabs]
    )


class TreatmentIndexPage(TreatmentIndexPageMixin, Page):
    """The treatments section: one per site, listing every treatment."""

    content_panels = [*Page.content_panels, *TreatmentIndexPageMixin.content_panels]

    parent_page_types = PageTypesFromSetting("INDEX_PARENT_PAGE_TYPES")
    subpage_types = ["treatments_cms.TreatmentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "treatment index page"


class TreatmentPage(TreatmentPageMixin, Page):
    """A treatment page built from typed facts, linked to conditions and alternatives."""

    search_fields = [*Page.search_fields, *TreatmentPageMixin.search_fields]

    content_panels = [*Page.content_panels, *TreatmentPageMixin.content_panels]
    edit_handler = _tabs(
        ("Content", content_panels),
        ("Facts", TreatmentPageMixin.facts_panels),
        ("Links", TreatmentPageMixin.link_panels),
        ("Safety", TreatmentPageMixin.safety_panels),
        ("Review", TreatmentPageMixin.review_panels),
        ("Promote", Page.promote_panels),
        ("Settings", Page.settings_panels),
    )
    base_form_class = TreatmentPageForm

    parent_page_types = ["treatments_cms.TreatmentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "treatment page"


class ConditionIndexPage(ConditionIndexPageMixin, Page):
    """The conditions section: one per site, listing every condition."""

    content_panels = [*Page.content_panels, *ConditionIndexPageMixin.content_panels]

    parent_page_types = PageTypesFromSetting("INDEX_PARENT_PAGE_TYPES")
    subpage_types = ["treatments_cms.ConditionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "condition index page"


class ConditionPage(ConditionPageMixin, Page):
    """A skin condition; its treatments come from the treatments' own links."""

    search_fields = [*Page.search_fields, *ConditionPageMixin.search_fields]

    content_panels = [*Page.content_panels, *ConditionPageMixin.content_panels]
    edit_handler = _tabs(
        ("Content", content_panels),
        ("Review", ConditionPageMixin.review_panels),
        ("Promote", Page.promote_panels),
        ("Settings", Page.settings_panels),
    )

    parent_page_types = ["treatments_cms.ConditionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "condition page"


class AlternativeIndexPage(AlternativeIndexPageMixin, Page):
    """The alternatives section: one per site, listing every alternative."""

    content_panels = [*Page.content_panels, *AlternativeIndexPageMixin.content_panels]

    parent_page_types = PageTypesFromSetting("INDEX_PARENT_PAGE_TYPES")
    subpage_types = ["treatments_cms.AlternativePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "alternative index page"


class AlternativePage(AlternativePageMixin, Page):
    """An alternative to the clinic's treatments, with facts for comparison."""

    search_fields = [*Page.search_fields, *AlternativePageMixin.search_fields]

    content_panels = [*Page.content_panels, *AlternativePageMixin.content_panels]
    edit_handler = _tabs(
        ("Content", content_panels),
        ("Facts", AlternativePageMixin.facts_panels),
        ("Links", AlternativePageMixin.link_panels),
        ("Review", AlternativePageMixin.review_panels),
        ("Promote", Page.promote_panels),
        ("Settings", Page.settings_panels),
    )

    parent_page_types = ["treatments_cms.AlternativeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "alternative page"
