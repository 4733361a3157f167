"""Site navigation and breadcrumbs, each one query, computed once per request."""

from dataclasses import dataclass
from typing import Any

import swapper
from wagtail.models import Site

from . import swappable
from .models.links import family_content_types
from .public import public_scope

# The three sections, by the swappable index page model each is.
SECTION_FAMILIES = (
    "TreatmentIndexPage",
    "ConditionIndexPage",
    "AlternativeIndexPage",
    "LocationIndexPage",
)


def section_models():
    """The index page models in use, each with its family name."""
    return {swappable.get_model(name): name for name in SECTION_FAMILIES}


@dataclass(frozen=True)
class NavItem:
    """A section of the site: its index page, and which family it is
    ("TreatmentIndexPage", ...), so a site can say what each section holds."""

    title: str
    url: str
    family: str
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
    """The live treatment, condition, alternative and location indexes under the site root.

    One query, cached on the request; [] when no site matches the request.
    """

    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return []
        families = section_models()
        pages = (
            site.root_page.get_children()
            .filter(public_scope(request, site).q())
            .filter(content_type_id__in=family_content_types(*families))
            .order_by("path")
        )
        items = []
        for page in pages:
            model = page.specific_class
            family = next(
                (
                    name
                    for cls, name in families.items()
                    if model and issubclass(model, cls)
                ),
                "",
            )
            items.append(NavItem(page.title, page.get_url(request), family, page))
        return items

    return _cached(request, "site_sections", compute)


def breadcrumb_trail(page, request):
    """The live pages from the site's home page down to ``page`` (inclusive).

    No query for a page Wagtail's router found (it walked the ancestors to
    get there), else one; cached on the request per page.
    """

    def compute():
        site = Site.find_for_request(request) if request else None
        root_depth = site.root_page.depth if site else 2
        routed = _routed_ancestors(page, root_depth)
        if routed is not None:
            return [*(ancestor for ancestor in routed if ancestor.live), page]
        ancestors = list(
            swapper.load_model("wagtailcore", "Page")
            .objects.ancestor_of(page)
            .filter(depth__gte=root_depth)
            .live()
            .order_by("depth")
        )
        return [*ancestors, page]

    return _cached(request, f"breadcrumbs-{page.pk}", compute)


def _routed_ancestors(page, root_depth):
    """``page``'s ancestors down from ``root_depth``, as the router left them
    (each page it routes through remembers its parent), or None when the chain
    is incomplete (a preview, a page found another way)."""
    ancestors = []
    current = page
    while current.depth > root_depth:
        parent = getattr(current, "_cached_parent_obj", None)
        if (
            parent is None
            or parent.depth != current.depth - 1
            or not current.path.startswith(parent.path)
        ):
            return None
        ancestors.append(parent)
        current = parent
    return ancestors[::-1]
