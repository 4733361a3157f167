"""Condition pages: the abstract bases of the condition index and condition pages.

A condition's treatments are derived from the treatments' own links.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.search import index

from ..api import (
    LinkedPagesField,
    NameListField,
    review_fields,
    rich_text_fields,
)
from ..public import public_scope
from ..sections import condition_sections
from .indexes import AbstractIndexPage
from .links import (
    TreatmentConditionLink,
    live_public,
)
from .mixins import (
    PageFamily,
    ReviewMixin,
    SummaryMixin,
    TabbedEditHandlerMixin,
    as_cards,
    linked_titles,
    page_model,
    rich_text_field,
    strip_rich_text,
)

# --- Conditions ------------------------------------------------------------


class AbstractConditionIndexPage(AbstractIndexPage):
    """The list of skin conditions the clinic sees."""

    listed_model_name = "ConditionPage"
    listing_name = "conditions"

    introduction = models.TextField(
        blank=True, help_text=_("A short paragraph above the list of conditions.")
    )

    class Meta:
        abstract = True

    def get_conditions(self):
        return self.get_listed_pages()


class AbstractConditionPage(TabbedEditHandlerMixin, SummaryMixin, ReviewMixin):
    """A skin condition, with the treatments and alternatives that address it."""

    symptoms = rich_text_field(_("How the condition looks and feels."))
    causes = rich_text_field(_("What causes it or makes it worse."))
    alternate_names = models.CharField(
        max_length=500,
        blank=True,
        help_text=_(
            "Other names people search for, separated by commas, e.g. "
            "'thread veins, telangiectasia'. Used by search and search engines."
        ),
    )
    requires_medical_assessment = models.BooleanField(
        default=False,
        help_text=_(
            "Tick when a GP or dermatologist should see the person first (e.g. "
            "patches that may be pre-cancerous). The page then sends visitors "
            "to a doctor instead of inviting an enquiry."
        ),
    )
    medical_assessment_text = rich_text_field(
        _(
            "When to see a doctor and why. Shown prominently when the box above "
            "is ticked."
        )
    )

    stemmed_search_fields = (
        "title",
        "alternate_names",
        "summary",
        "symptoms",
        "causes",
    )
    search_fields = [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("alternate_names"),
        index.AutocompleteField("alternate_names"),
        index.SearchField("symptoms"),
        linked_titles("treatment_links", "page"),
        index.SearchField("search_stems"),
    ]

    # What Wagtail's API shows: the treatments and alternatives that address
    # the condition, live and public, with titles and URLs (see treatments_cms.api).
    api_fields = [
        APIField("summary"),
        APIField("image"),
        APIField("hero_image_alt"),
        APIField("hero_image_decorative"),
        APIField("alternate_names", serializer=NameListField()),
        *rich_text_fields("symptoms", "causes"),
        APIField("requires_medical_assessment"),
        *rich_text_fields("medical_assessment_text"),
        APIField(
            "treatments",
            serializer=LinkedPagesField(
                "get_treatment_links", "page", extra=("outcome", "note")
            ),
        ),
        APIField("alternatives", serializer=LinkedPagesField("get_alternatives")),
        *review_fields(),
    ]

    content_panels = [
        FieldPanel("summary"),
        FieldPanel("alternate_names"),
        *SummaryMixin.image_panels,
        FieldPanel("symptoms"),
        FieldPanel("causes"),
        MultiFieldPanel(
            [
                FieldPanel("requires_medical_assessment"),
                FieldPanel("medical_assessment_text"),
            ],
            heading=_("See a doctor first"),
        ),
    ]

    parent_page_types = PageFamily("ConditionIndexPage")
    subpage_types = []

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.requires_medical_assessment and not strip_rich_text(
            self.medical_assessment_text
        ):
            raise ValidationError(
                {
                    "medical_assessment_text": gettext(
                        "Say when to see a doctor: the page "
                        "shows this instead of the enquiry invitation."
                    )
                }
            )

    @property
    def alternate_name_list(self):
        return [
            name.strip() for name in self.alternate_names.split(",") if name.strip()
        ]

    def get_treatment_links(self, request=None):
        """Links from live, public treatments of the request's site to this
        condition (outcome and note).

        Derived from the treatment side: one source of truth. Treatments come in
        explorer order.
        """
        return list(
            TreatmentConditionLink.objects.filter(
                public_scope(request).q("page__"), condition=self
            )
            .select_related("page", "page__image")
            .prefetch_related("page__image__renditions")
            .order_by("page__path", "sort_order")
        )

    def get_treatments(self, request=None):
        """Live, public, specific treatment pages of the site that treat this condition."""
        return list(
            live_public(page_model("TreatmentPage"), request)
            .filter(condition_links__condition=self)
            .distinct()
            .order_by("path")
            .specific()
        )

    def get_alternatives(self, request=None):
        """Live, public alternatives of the site that say they address this condition."""
        return list(
            as_cards(
                live_public(page_model("AlternativePage"), request)
                .filter(condition_links__condition=self)
                .distinct()
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatment_links"] = self.get_treatment_links(request)
        context["alternatives"] = self.get_alternatives(request)
        context["sections"] = condition_sections(
            self, context["treatment_links"], context["alternatives"]
        )
        return context


# The earlier names, kept for projects that combine them with their own base page.
ConditionIndexPageMixin = AbstractConditionIndexPage
ConditionPageMixin = AbstractConditionPage
