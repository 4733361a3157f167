"""Template tags of the demo site's chrome (header and footer)."""

from django import template
from wagtail.models import Site

from treatments_cms.public import public_pages

register = template.Library()

_CACHE = "_home_footer_pages"


@register.simple_tag(takes_context=True)
def footer_pages(context, exclude=None):
    """The live, public content pages right under the home page (about, contact...).

    One query, kept on the request; ``exclude`` is a page id left out (the
    privacy notice, which the footer links under its own name).
    """
    from home.models import ContentPage

    request = context.get("request")
    if request is None:
        return []
    pages = getattr(request, _CACHE, None)
    if pages is None:
        site = Site.find_for_request(request)
        pages = []
        if site is not None:
            pages = list(
                public_pages(ContentPage, request)
                .filter(depth=site.root_page.depth + 1)
                .defer_streamfields()
                .order_by("path")
            )
        setattr(request, _CACHE, pages)
    return [page for page in pages if page.pk != exclude]
