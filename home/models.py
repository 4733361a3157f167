"""The demo site's home page and its general content pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from treatments_cms import swappable
from treatments_cms.blocks import FigureBlock
from treatments_cms.models import SummaryMixin
from treatments_cms.models.mixins import as_cards
from treatments_cms.navigation import site_sections
from treatments_cms.public import public_pages
from treatments_cms.stemming import stem_text

# How many treatments the home page shows as cards.
FEATURED_TREATMENTS = 3
# How many conditions ("what would you like to improve?") it shows.
FEATURED_CONDITIONS = 6

# The welcome the home page shows when its editor wrote none (the template
# shows the same words); also its meta description then.
DEFAULT_INTRODUCTION = _(
    "Honest advice about skin treatments: what each one can and cannot do, "
    "its risks, and how it compares with the alternatives, so you can decide "
    "what is right for you."
)

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
    "LocationIndexPage": _(
        "Our clinics: addresses, opening hours, the treatments each offers "
        "and the practitioners who work there."
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
        "treatments_cms.LocationIndexPage",
        "home.ContentPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_meta_description(self):
        """The SEO text if set, else the welcome the page shows."""
        return self.search_description or self.introduction or str(DEFAULT_INTRODUCTION)

    def get_featured_treatments(self, request):
        """The first treatments of the site, as cards (three queries, however many)."""
        return list(
            as_cards(public_pages(swappable.get_model("TreatmentPage"), request))[
                :FEATURED_TREATMENTS
            ]
        )

    def get_featured_conditions(self, request):
        """The site's conditions, as cards (three queries, however many)."""
        return list(
            as_cards(public_pages(swappable.get_model("ConditionPage"), request))[
                :FEATURED_CONDITIONS
            ]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = [
            (item, SECTION_DESCRIPTIONS.get(item.family, ""))
            for item in site_sections(request)
        ]
        context["featured_treatments"] = self.get_featured_treatments(request)
        context["featured_conditions"] = self.get_featured_conditions(request)
        families = {item.family: item for item in site_sections(request)}
        context["treatment_index"] = families.get("TreatmentIndexPage")
        context["condition_index"] = families.get("ConditionIndexPage")
        return context


class ContentBlock(blocks.StreamBlock):
    """What a content page is made of: prose with headings, pictures and quotes."""

    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "ul", "ol", "link"],
        label=_("Text"),
    )
    image = FigureBlock()
    quote = blocks.BlockQuoteBlock()


class ContentPage(SummaryMixin, Page):
    """A general page of text and pictures, such as the privacy notice, about us or contact."""

    body = StreamField(
        ContentBlock(),
        blank=True,
        use_json_field=True,
        help_text=_("The page's text, with headings, pictures and quotes."),
    )
    show_clinic_contact_details = models.BooleanField(
        _("show the clinic's contact details"),
        default=False,
        help_text=_(
            "Show the address, phone number and email address from the clinic "
            "settings under the text, e.g. on a contact page."
        ),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("body"),
        index.SearchField("search_stems"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        *SummaryMixin.image_panels,
        FieldPanel("body"),
        FieldPanel("show_clinic_contact_details"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")

    def search_stems(self):
        """Stems of the title, summary and the text of the page's paragraphs."""
        paragraphs = [
            block.value.source for block in self.body if block.block_type == "paragraph"
        ]
        return stem_text(self.title, self.summary, *paragraphs)
