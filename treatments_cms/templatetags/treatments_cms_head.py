"""One-line tags a host project's ``base.html`` uses for the page's head and trail.

``{% load treatments_cms_head %}`` then, with the page in the context (Wagtail
puts it there as ``page`` and ``self``) and ``request`` available:

- ``{% treatments_cms_meta %}``: meta description, canonical link, Open Graph
  and Twitter card tags, og:image from the page's picture (a 1200 x 630
  rendition, as an absolute URL on the site's address); a view without a page
  passes ``title=`` and ``description=`` for the same tags;
- ``{% treatments_cms_json_ld %}``: the schema.org JSON-LD script;
- ``{% treatments_cms_breadcrumbs %}``: the breadcrumb trail's markup.

Where there is no Wagtail page (a search or error page) the meta tags and the
trail render nothing, and the JSON-LD states only the clinic.
"""

from urllib.parse import urlsplit

from django import template
from django.utils.translation import get_language, to_locale
from wagtail.images.models import AbstractImage
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import AbstractPage, Site

from ..images import SHARE_FILTER_SPEC
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


def origin_of(url):
    """``scheme://host[:port]`` of an absolute URL ("" for a relative one)."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def site_origin(request):
    """The request's Wagtail site's ``scheme://host[:port]``, else the request's own."""
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""


def absolute(url, origin):
    """``url`` made absolute against ``origin`` (left as it is if already absolute)."""
    if not url or urlsplit(url).scheme:
        return url
    return origin + url if url.startswith("/") else url


def is_site_root(page, request):
    """True for the request's site's home page (read from the cached site, no query)."""
    site = Site.find_for_request(request) if request is not None else None
    return site is not None and site.root_page_id == page.pk


def page_image(page):
    """The page's picture for sharing: its hero image, else its card ``image``."""
    for name in ("hero_image", "image"):
        image = getattr(page, name, None)
        if isinstance(image, AbstractImage):
            return image
    return None


def page_image_alt(page, image):
    """og:image:alt: the page's alt text; none for a decorative picture."""
    if getattr(page, "hero_image_decorative", False):
        return ""
    alt = (getattr(page, "hero_image_alt_text", "") or "").strip()
    return alt or getattr(image, "default_alt_text", "") or image.title


def share_image(image, alt, origin):
    """og:image tags' values for ``image`` (empty without one)."""
    if not isinstance(image, AbstractImage):
        return {}
    rendition = get_rendition_or_not_found(image, SHARE_FILTER_SPEC)
    return {
        "image_url": absolute(rendition.url, origin),
        "image_width": rendition.width,
        "image_height": rendition.height,
        "image_alt": alt,
    }


def og_locale():
    """The active language as Open Graph wants it: ``en_GB``."""
    language = get_language()
    return to_locale(language) if language else ""


@register.inclusion_tag("treatments_cms/head/meta.html", takes_context=True)
def treatments_cms_meta(
    context, page=None, *, title=None, description=None, image=None, image_alt=""
):
    """Meta description, canonical URL, Open Graph and Twitter card for the page.

    A view without a Wagtail page (the standalone enquiry form, a
    practitioner's profile) passes its own ``title`` and ``description``, and
    may pass an ``image`` to share with its ``image_alt``; its canonical URL
    is its path on the site. Without a page and without them, nothing is
    rendered.
    """
    request = context.get("request")
    page = context_page(context, page)
    common = {"site_name": site_name(context), "locale": og_locale()}
    if page is None:
        if not (title or description) or request is None:
            return {"title": ""}
        origin = site_origin(request)
        return {
            **common,
            "title": title or common["site_name"],
            "description": description or "",
            "canonical": origin + request.path,
            **share_image(image, image_alt, origin),
        }
    canonical = page.get_full_url(request) or ""
    origin = origin_of(canonical) or site_origin(request)
    if title is None:
        title = getattr(page, "seo_title", "") or page.title
        if is_site_root(page, request) and not getattr(page, "seo_title", ""):
            # The home page's title is "Home": the clinic's name says more.
            title = common["site_name"] or title
    if description is None:
        description = meta_description(page)
    if image is None:
        image = page_image(page)
        image_alt = page_image_alt(page, image) if image is not None else ""
    return {
        **common,
        "title": title,
        "description": description,
        "canonical": canonical,
        **share_image(image, image_alt, origin),
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
