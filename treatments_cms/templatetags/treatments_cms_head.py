"""One-line tags a host project's ``base.html`` uses for the page's head and trail.

``{% load treatments_cms_head %}`` then, with the page in the context (Wagtail
puts it there as ``page`` and ``self``) and ``request`` available:

- ``{% treatments_cms_meta %}``: meta description, canonical link, Open Graph
  and Twitter card tags;
- ``{% treatments_cms_json_ld %}``: the schema.org JSON-LD script;
- ``{% treatments_cms_breadcrumbs %}``: the breadcrumb trail's markup.

Where there is no Wagtail page (a search or error page) the meta tags and the
trail render nothing, and the JSON-LD states only the clinic.
"""

from django import template
from wagtail.images.models import AbstractImage
from wagtail.models import AbstractPage, Site

from ..structured_data import graph_for, render_json_ld
from .treatments_cms_tags import clinic_settings, meta_description

register = template.Library()


def context_page(context, page=None):
    """The page passed in, else the context's ``page`` or ``self``; None if not a page."""
    if page is None:
        page = context.get("page") or context.get("self")
    return page if isinstance(page, AbstractPage) else None


def site_name(context):
    """The clinic's name from ClinicSettings, else the Wagtail site's name."""
    clinic = clinic_settings(context)
    if clinic is not None and clinic.clinic_name:
        return clinic.clinic_name
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return site.site_name if site is not None else ""


@register.inclusion_tag("treatments_cms/head/meta.html", takes_context=True)
def treatments_cms_meta(context, page=None):
    """Meta description, canonical URL, Open Graph and Twitter card for the page."""
    page = context_page(context, page)
    if page is None:
        return {"page": None}
    request = context.get("request")
    image = getattr(page, "image", None)
    return {
        "page": page,
        "request": request,
        "title": getattr(page, "seo_title", "") or page.title,
        "description": meta_description(page),
        "canonical": page.get_full_url(request) or "",
        "site_name": site_name(context),
        "image": image if isinstance(image, AbstractImage) else None,
    }


@register.simple_tag(takes_context=True)
def treatments_cms_json_ld(context, page=None):
    """The page's schema.org JSON-LD script ("" when there is nothing to state)."""
    page = context_page(context, page)
    with context.push(page=page):
        return render_json_ld(graph_for(context))


@register.inclusion_tag("treatments_cms/includes/breadcrumbs.html", takes_context=True)
def treatments_cms_breadcrumbs(context, page=None):
    """The breadcrumb trail from the home page down to the page (none on the home page)."""
    return {"page": context_page(context, page), "request": context.get("request")}
