"""The one abstract base behind the treatment, condition and alternative index pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .links import live_public
from .mixins import (
    ListedPageFamily,
    PageTypesFromSetting,
    as_cards,
    page_model,
    paginate,
)


class AbstractIndexPage(models.Model):
    """A section's list page: an introduction above paginated cards of its pages.

    A family's index names the page model it lists (``listed_model_name``, the
    swappable default, e.g. "TreatmentPage") and the context variable the
    cards are in (``listing_name``); the page model in use and its subclasses
    may be created under it.
    """

    listed_model_name = ""
    listing_name = "pages"

    introduction = models.TextField(
        blank=True, help_text=_("A short paragraph above the list of pages.")
    )

    content_panels = [FieldPanel("introduction")]

    parent_page_types = PageTypesFromSetting("INDEX_PARENT_PAGE_TYPES")
    subpage_types = ListedPageFamily()
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @classmethod
    def get_listed_model(cls):
        """The page model this index lists, as the swappable setting names it."""
        return page_model(cls.listed_model_name)

    def get_listed_pages(self):
        """Live, public pages of the listed type under this index, ready for cards."""
        return as_cards(live_public(self.get_listed_model()).child_of(self))

    def get_listing_context(self, request):
        """The context the list needs; a family's index may add its filters."""
        return {self.listing_name: paginate(request, self.get_listed_pages())}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.get_listing_context(request))
        return context
