"""Site navigation and breadcrumbs, each one query, computed once per request."""

from dataclasses import dataclass
from typing import Any

from wagtail.models import Page, Site

from .models import AlternativeIndexPage, ConditionIndexPage, TreatmentIndexPage

# What each section holds, for the navigation and the home page.
SECTION_DESCRIPTIONS = {
    TreatmentIndexPage: "What the clinic offers: how each treatment works, its "
    "risks, how long results last and what it costs.",
    ConditionIndexPage: "Skin conditions, their symptoms and causes, and the "
    "options for each.",
    AlternativeIndexPage: "Other ways to address the same conditions, compared "
    "fairly with our treatments.",
}


@dataclass(frozen=True)
class NavItem:
    title: str
    url: str
    description: str
    page: Any


def _cached(request, name, compute):
    """``compute()`` once per request (or every time without a request)."""
    if request is None:
        return compute()
    cache = request.__dict__.setdefault("_treatments_cms_cache", {})
    if name not in cache:
        cache[name] = compute()
    return cache[name]


def site_sections(request):
    """The live treatment, condition and alternative indexes under the site root.

    One query, cached on the request; [] when no site matches the request.
    """

    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return []
        pages = (
            site.root_page.get_children()
            .live()
            .public()
            .type(*SECTION_DESCRIPTIONS)
            .order_by("path")
        )
        items = []
        for page in pages:
            model = page.specific_class
            description = next(
                (
                    text
                    for cls, text in SECTION_DESCRIPTIONS.items()
                    if model and issubclass(model, cls)
                ),
                "",
            )
            items.append(NavItem(page.title, page.get_url(request), description, page))
        return items

    return _cached(request, "site_sections", compute)


def breadcrumb_trail(page, request):
    """The live pages from the site's home page down to ``page`` (inclusive).

    One query, cached on the request per page.
    """

    def compute():
        site = Site.find_for_request(request) if request else None
        root_depth = site.root_page.depth if site else 2
        ancestors = list(
            Page.objects.ancestor_of(page)
            .filter(depth__gte=root_depth)
            .live()
            .order_by("depth")
        )
        return [*ancestors, page]

    return _cached(request, f"breadcrumbs-{page.pk}", compute)
