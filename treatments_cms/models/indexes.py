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

    # Loaded with the page a visitor asks for, in the query that finds it: the
    # picture at its top and its reviewer (when the listed model has them).
    route_select_related = ("image", "reviewed_by")

    def route(self, request, path_components):
        """Find a child of the listed type in one query, its picture and
        reviewer with it.

        Wagtail finds a child as a plain page and loads its specific page in a
        second query; a listed page's type is known here. Any other child (or
        a subclass of the listed model) goes Wagtail's way.
        """
        if path_components:
            model = self.get_listed_model()
            related = [
                name
                for name in self.route_select_related
                if any(field.name == name for field in model._meta.concrete_fields)
            ]
            # child_of's condition written out (its queryset layers cost more
            # than the query), and no ordering: siblings' slugs are unique.
            found = list(
                model.objects.filter(
                    path__startswith=self.path,
                    depth=self.depth + 1,
                    slug=path_components[0],
                )
                .select_related(*related)
                .order_by()[:1]
            )
            child = found[0] if found else None
            if child is not None:
                if child.specific_class is not model:
                    child = child.specific  # a subclass: one more query
                # As Wagtail does: the parent is known, no query for it later.
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_listed_pages(self, request=None):
        """Live, public pages of the listed type under this index, ready for cards."""
        return as_cards(live_public(self.get_listed_model(), request).child_of(self))

    def get_listing_context(self, request):
        """The context the list needs; a family's index may add its filters."""
        return {self.listing_name: paginate(request, self.get_listed_pages(request))}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.get_listing_context(request))
        return context
