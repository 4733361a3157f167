"""Treatment pages: the abstract bases of the treatment index and treatment pages,
and the admin form that guards publishing.

Concrete pages live in ``pages.py``; queries live in model methods with their
prefetches, so a page costs a fixed number of queries whatever its links.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from ..api import (
    ChoiceFact,
    LinkedPagesField,
    PriceField,
    SessionsField,
    comparison_fact_fields,
    review_fields,
    rich_text_fields,
    stream_fields,
)
from ..blocks import EvidenceSourceBlock, ExtraContentBlock
from ..enquiries.page import EnquiryFormPageMixin
from ..middleware import query_value
from ..public import public_scope
from ..sections import format_price, treatment_key_facts, treatment_sections
from .alternatives import PROCEDURE_TYPES, Invasiveness
from .indexes import AbstractIndexPage
from .links import (
    SELF_ALTERNATIVE_MESSAGE,
    child_lookup,
    live_public,
    specific_target,
    visible_links,
)
from .mixins import (
    ComparisonFactsMixin,
    DurationUnit,
    PageFamily,
    ReviewMixin,
    SummaryMixin,
    TabbedEditHandlerMixin,
    format_count,
    linked_titles,
    page_model,
    paginate,
    rich_text_field,
    strip_rich_text,
)
from .panels import LinkedPagesPanel


class TreatmentPageForm(WagtailAdminPageForm):
    """Admin form that refuses to publish (or send for review) a treatment without risks."""

    def clean(self):
        cleaned_data = super().clean()
        # Submitting to a review workflow ends in publishing, so it asks too.
        publishing = self.data.get("action-publish") or self.data.get("action-submit")
        if publishing and not strip_rich_text(cleaned_data.get("risks", "")):
            self.add_error(
                "risks",
                gettext(
                    "Describe the risks and side effects before publishing: "
                    "visitors must see them before they enquire."
                ),
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


class AbstractTreatmentIndexPage(AbstractIndexPage):
    """The list of treatments, with cards, pagination and a condition filter."""

    listed_model_name = "TreatmentPage"
    listing_name = "treatments"

    introduction = models.TextField(
        blank=True, help_text=_("A short paragraph above the list of treatments.")
    )

    class Meta:
        abstract = True

    def get_treatments(self, condition=None, request=None):
        """Live, public treatments under this index, in explorer order.

        With ``condition``, only the treatments linked to that condition.
        """
        treatments = self.get_listed_pages(request)
        if condition is not None:
            treatments = treatments.filter(condition_links__condition=condition)
        return treatments

    def get_filter_conditions(self, request=None):
        """Live, public conditions of the site that a treatment listed here
        treats, by title."""
        return list(
            live_public(page_model("ConditionPage"), request)
            .filter(
                treatment_links__page__in=live_public(
                    page_model("TreatmentPage"), request
                ).child_of(self)
            )
            .distinct()
            .order_by("title")
        )

    def get_listing_context(self, request):
        slug = query_value(request, "condition").strip()
        conditions = self.get_filter_conditions(request)
        condition = next((c for c in conditions if c.slug == slug), None)
        if slug and condition is None:
            # A live condition that no treatment here treats (yet).
            condition = (
                live_public(page_model("ConditionPage"), request)
                .filter(slug=slug)
                .first()
            )
        return {
            "filter_conditions": conditions,
            "condition": condition,
            "unknown_condition": bool(slug) and condition is None,
            "treatments": paginate(request, self.get_treatments(condition, request)),
        }


class AbstractTreatmentPage(
    EnquiryFormPageMixin,
    TabbedEditHandlerMixin,
    SummaryMixin,
    ComparisonFactsMixin,
    ReviewMixin,
):
    """A treatment the clinic offers, described by typed, structured fields."""

    how_it_works = rich_text_field(
        _("What happens during the treatment and why it works, in plain words.")
    )
    session_interval = models.PositiveSmallIntegerField(
        _("gap between sessions"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Usual gap between sessions, e.g. 4."),
    )
    session_interval_unit = models.CharField(
        _("gap between sessions, in"),
        max_length=10,
        choices=DurationUnit.choices,
        default=DurationUnit.WEEKS,
        help_text=_("Unit of the gap between sessions."),
    )
    invasiveness = models.CharField(
        max_length=20,
        blank=True,
        choices=Invasiveness.choices,
        help_text=_(
            "How invasive the treatment is: shown in the comparison with its "
            "alternatives. Leave empty if not known."
        ),
    )
    benefits = rich_text_field(_("What the treatment can do for people."))
    limitations = rich_text_field(
        _("What it cannot do, e.g. deep wrinkles improve but do not disappear.")
    )
    risks = rich_text_field(
        _(
            "Risks and side effects, common and rare. Required before the page can "
            "be published."
        )
    )
    suitability = rich_text_field(
        _("Who the treatment usually suits; the clinic still assesses each person.")
    )
    contraindications = rich_text_field(
        _("Who should not have it, e.g. pregnancy or certain medicines.")
    )
    preparation = rich_text_field(_("What to do, or avoid, before a session."))
    recovery = rich_text_field(
        _("What recovery and downtime feel like and how to look after the skin.")
    )
    price_from = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("The price cannot be negative."))],
        help_text=_(
            "Lowest price of a session in pounds, shown as 'from'. Leave empty to "
            "show no price; the price is always confirmed at consultation."
        ),
    )
    evidence_sources = StreamField(
        [("source", EvidenceSourceBlock())],
        blank=True,
        use_json_field=True,
        help_text=_("Published evidence or guidance that supports this page."),
    )
    body = StreamField(
        ExtraContentBlock(),
        blank=True,
        use_json_field=True,
        help_text=_("Extra prose only; facts belong in the typed fields."),
    )

    stemmed_search_fields = ("title", "summary", "how_it_works", "benefits")
    search_fields = [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("how_it_works"),
        linked_titles("condition_links", "condition"),
        index.SearchField("search_stems"),
    ]

    # What Wagtail's API shows: typed facts as objects, links to live, public
    # pages with titles and URLs, rich text as HTML (see treatments_cms.api).
    api_fields = [
        APIField("summary"),
        APIField("image"),
        APIField("hero_image_alt"),
        APIField("hero_image_decorative"),
        *rich_text_fields(
            "how_it_works",
            "benefits",
            "limitations",
            "risks",
            "suitability",
            "contraindications",
            "preparation",
            "recovery",
        ),
        *comparison_fact_fields(),
        APIField("session_interval"),
        APIField("session_interval_unit"),
        APIField("price_from"),
        APIField("invasiveness", serializer=ChoiceFact("invasiveness")),
        APIField("sessions", serializer=SessionsField()),
        APIField("price", serializer=PriceField()),
        APIField(
            "conditions",
            serializer=LinkedPagesField(
                "get_condition_links", "condition", extra=("outcome", "note")
            ),
        ),
        APIField(
            "alternatives",
            serializer=LinkedPagesField(
                "get_alternative_links", "target", extra=("comparison_note",)
            ),
        ),
        *stream_fields("body", "evidence_sources"),
        *review_fields(),
    ]

    content_panels = [
        FieldPanel("summary"),
        *SummaryMixin.image_panels,
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
            heading=_("Gap between sessions"),
        ),
        FieldPanel("invasiveness"),
        FieldPanel("price_from"),
        FieldPanel("preparation"),
        FieldPanel("recovery"),
    ]
    link_panels = [
        LinkedPagesPanel(
            "condition_links",
            chooser_field_name="condition",
            heading=_("Conditions treated"),
            label=_("Condition"),
        ),
        LinkedPagesPanel(
            "alternative_links",
            chooser_field_name="alternative",
            heading=_("Alternatives"),
            label=_("Alternative"),
        ),
    ]
    safety_panels = [
        FieldPanel("risks"),
        FieldPanel("suitability"),
        FieldPanel("contraindications"),
    ]
    review_panels = [*ReviewMixin.review_panels, FieldPanel("evidence_sources")]

    base_form_class = TreatmentPageForm

    parent_page_types = PageFamily("TreatmentIndexPage")
    subpage_types = []

    class Meta:
        abstract = True

    @property
    def price_from_display(self):
        """For example "£150"; "" when no price is given."""
        return format_price(self.price_from)

    def get_procedure_type(self):
        """The schema.org procedure type, from the invasiveness; a project may override."""
        return PROCEDURE_TYPES.get(self.invasiveness, "")

    @property
    def session_interval_display(self):
        """For example "4 weeks" or "1 month"; "" when no gap is given."""
        if not self.session_interval:
            return ""
        return format_count(self.session_interval, self.session_interval_unit)

    def get_condition_links(self, request=None, renditions=True):
        """Links to live, public conditions of the request's site, in editor
        order, conditions and their card images loaded: one query, and one
        for the renditions (``renditions=False``: the caller loads them)."""
        return visible_links(
            self.condition_links,
            "condition",
            public_scope(request),
            page_model("ConditionPage"),
            select=("condition", "condition__image"),
            prefetch=("condition__image__renditions",) if renditions else (),
        )

    def get_conditions(self, request=None):
        return [link.condition for link in self.get_condition_links(request)]

    def get_alternative_links(self, request=None, renditions=True):
        """Links to live, public alternatives (alternative pages or other
        treatments) of the request's site, each with its specific page as
        ``target``.

        One query: the link, its page and the specific alternative or
        treatment (``select_related`` through the page's child tables) with the
        card image; one more for the images' renditions, whatever the mix.
        """
        families = (page_model("AlternativePage"), page_model("TreatmentPage"))
        children = [child_lookup(self.base_page_model, model) for model in families]
        joins = [f"alternative__{child}" for child in children]
        links = [
            link
            for link in visible_links(
                self.alternative_links,
                "alternative",
                public_scope(request),
                families,
                select=(*joins, *(f"{join}__image" for join in joins)),
            )
            if link.alternative_id != self.pk
        ]
        if links and not isinstance(self.alternative_links.all(), models.QuerySet):
            # A preview's in-memory links: their pages, specific, in one query each.
            pages = self.base_page_model.objects.filter(
                pk__in=[link.alternative_id for link in links]
            ).select_related(*children)
            by_pk = {page.pk: page for page in pages}
            for link in links:
                link.alternative = by_pk[link.alternative_id]
        for link in links:
            link.target = specific_target(link.alternative, children)
        if renditions:
            prefetch_related_objects(
                [link.target.image for link in links if link.target.image_id],
                "renditions",
            )
        return links

    def get_location_offers(self, request=None, renditions=True):
        """Where the treatment is offered: live, public clinics of the request's
        site with their local price, in explorer order. Derived from the
        location pages' rows; none on a site without a locations index."""
        from .locations import LocationTreatment, location_section

        if self.pk is None or location_section(request) is None:
            return []
        return list(
            LocationTreatment.objects.filter(
                public_scope(request).q("page__"), treatment=self
            )
            .select_related("page", "page__image")
            .prefetch_related(*(["page__image__renditions"] if renditions else []))
            .order_by("page__path")
        )

    def get_practitioner_links(self, request=None, renditions=True):
        """Who performs the treatment: practitioners who say so on their own
        record and work at a live, public clinic of the request's site, by
        name, each with ``profile_url``."""
        from .locations import (
            PractitionerTreatment,
            location_section,
            practitioner_profile_url,
        )

        if self.pk is None or location_section(request) is None:
            return []
        links = list(
            PractitionerTreatment.objects.filter(
                # A multi-valued relation: a subquery, not the scope's Q (see
                # PublicScope.q), so one private clinic hides no practitioner.
                practitioner__location_links__page__in=live_public(
                    page_model("LocationPage"), request
                ),
                treatment=self,
            )
            .distinct()
            .select_related("practitioner", "practitioner__photo")
            .prefetch_related(
                *(["practitioner__photo__renditions"] if renditions else [])
            )
            .order_by("practitioner__name", "pk")
        )
        for link in links:
            link.profile_url = practitioner_profile_url(request, link.practitioner)
        return links

    def get_public_links(self, request):
        """The page's four card lists, each live, public page of the request's
        site: ``condition_links``, ``alternative_links``, ``location_offers``
        and ``practitioner_links``. Loaded once per request (the sections and
        the enquiry form's choices share them), every card's picture and the
        page's own with its renditions in one query.
        """
        cached = self.__dict__.get("_public_links")
        if cached is not None and cached[0] is request:
            return cached[1]
        links = {
            "condition_links": self.get_condition_links(request, False),
            "alternative_links": self.get_alternative_links(request, False),
            "location_offers": self.get_location_offers(request, False),
            "practitioner_links": self.get_practitioner_links(request, False),
        }
        pictures = [
            self.image,
            *(link.condition.image for link in links["condition_links"]),
            *(link.target.image for link in links["alternative_links"]),
            *(offer.page.image for offer in links["location_offers"]),
            *(link.practitioner.photo for link in links["practitioner_links"]),
        ]
        prefetch_related_objects(
            [image for image in pictures if image is not None], "renditions"
        )
        self.__dict__["_public_links"] = (request, links)
        return links

    def get_enquiry_choices(self, request):
        """The form's clinics and concerns, from the page's own card lists."""
        links = self.get_public_links(request)
        choices = {
            "locations": sorted(
                {
                    offer.page.pk: offer.page for offer in links["location_offers"]
                }.values(),
                key=lambda location: location.title,
            )
        }
        if isinstance(self.condition_links.all(), models.QuerySet):
            # Saved links (a preview's in-memory ones: the form asks the database).
            choices["concerns"] = [
                link.condition
                for link in links["condition_links"]
                if not link.condition.requires_medical_assessment
            ]
        return choices

    def get_context(self, request, *args, **kwargs):
        from .locations import currency_for

        links = self.get_public_links(request)
        context = super().get_context(request, *args, **kwargs)
        context.update(links)
        context["currency"] = currency_for(request)
        for offer in context["location_offers"]:
            offer.price_display = format_price(offer.price_from, context["currency"])
        context["key_facts"] = treatment_key_facts(
            self, context["location_offers"], context["currency"]
        )
        context["sections"] = treatment_sections(
            self,
            context["condition_links"],
            context["alternative_links"],
            context["location_offers"],
            context["practitioner_links"],
        )
        return context


# The earlier names, kept for projects that combine them with their own base page.
TreatmentIndexPageMixin = AbstractTreatmentIndexPage
TreatmentPageMixin = AbstractTreatmentPage
