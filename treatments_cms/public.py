"""What the public site may show: live pages of the current site, outside private sections.

Every query of the public site starts here: cards, the links derived from the
other side, navigation, search, the sitemap and the API. Two rules hold for
each of them:

- **Public**: live, and outside every section with a view restriction
  (password, login or group), as Wagtail's ``.live().public()``.
- **This site only**: under the root page of the request's Wagtail site, so a
  clinic group's second site never shows in the first one's search, cards,
  derived links or navigation (Wagtail's own querysets are not scoped).

Wagtail's ``.public()`` reads every view restriction each time it is called,
so a page with five filters read them five times. ``public_scope(request)``
reads them once per request, with the site's root path, and keeps the answer
(``PublicScope``) on the request's ``Site``; every queryset after that is a
filter on page paths, with no further query::

    from treatments_cms.public import public_pages, public_scope

    public_pages(TreatmentPage, request)          # a queryset of pages
    TreatmentConditionLink.objects.filter(
        public_scope(request).q("page__"),        # the same rule across a relation
    )

Without a request (a management command, a test calling a model method) the
scope is every site, still live and public, read afresh each call.
"""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import PageViewRestriction, Site

_SITE_CACHE = "_treatments_cms_public_scope"


@dataclass(frozen=True)
class PublicScope:
    """The pages the public may see: live, under ``root_path`` (every site when
    empty), outside the sections whose paths are ``restricted_paths``.

    ``nothing`` is a scope that shows no page (a request no site answers).
    """

    root_path: str = ""
    restricted_paths: tuple[str, ...] = ()
    nothing: bool = False

    def q(self, prefix=""):
        """The scope as a ``Q`` on pages; ``prefix`` reaches them through a
        relation, e.g. ``"page__"`` on a link model.

        Only across single-valued relations (a foreign key): across a
        multi-valued one Django reads the negated parts (the restricted
        sections) as "no related page is restricted". There, filter with
        ``relation__in=scope.pages(model)`` instead.
        """
        if self.nothing:
            return Q(pk__in=[])
        q = Q(**{f"{prefix}live": True})
        if self.root_path:
            q &= Q(**{f"{prefix}path__startswith": self.root_path})
        for path in self.restricted_paths:
            q &= ~Q(**{f"{prefix}path__startswith": path})
        return q

    def pages(self, model):
        """Every page of ``model`` (and its subclasses) in the scope."""
        return model.objects.filter(self.q())

    def contains(self, page):
        """Whether ``page`` is in the scope, without a query."""
        if self.nothing or page is None or not page.live:
            return False
        path = page.path
        if self.root_path and not path.startswith(self.root_path):
            return False
        return not any(
            path.startswith(restricted) for restricted in self.restricted_paths
        )


def _restricted_paths(root_path):
    """The paths of the view-restricted sections that matter under ``root_path``:
    those inside it and those above it (which make the whole site private).
    One query; a section inside another restricted one is left out."""
    paths = sorted(
        set(PageViewRestriction.objects.values_list("page__path", flat=True))
    )
    relevant = []
    for path in paths:
        if root_path and not (path.startswith(root_path) or root_path.startswith(path)):
            continue
        if any(path.startswith(outer) for outer in relevant):
            continue
        relevant.append(path)
    return tuple(relevant)


def scope_for_site(site):
    """The public scope of ``site`` (every site when None); one query."""
    root_path = site.root_page.path if site is not None else ""
    return PublicScope(root_path, _restricted_paths(root_path))


def public_scope(request=None, site=None):
    """The public scope of ``request``'s site, or of ``site``: read once, then kept.

    With a request, the site is Wagtail's site for the request (a request no
    site answers sees no pages). The scope is kept on the ``Site`` instance,
    and Wagtail gives each request its own (``Site.find_for_request`` caches
    it on the request), so it lasts one request: a form or a template tag
    handed the request's site shares it. Without a request or a site, the
    scope of every site, read afresh.
    """
    if site is None:
        if request is None:
            return scope_for_site(None)
        site = Site.find_for_request(request)
        if site is None:
            return PublicScope(nothing=True)
    scope = site.__dict__.get(_SITE_CACHE)
    if scope is None:
        scope = site.__dict__[_SITE_CACHE] = scope_for_site(site)
    return scope


def public_pages(model, request=None, site=None):
    """Live, public pages of ``model`` on the request's site (see ``public_scope``)."""
    return public_scope(request, site).pages(model)
