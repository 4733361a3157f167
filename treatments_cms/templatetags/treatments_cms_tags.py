"""Template tags of the public site; each does its work in Python, cached per request."""

import re

from django import template
from django.utils.safestring import mark_safe
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from wagtail.models import Site

from ..enquiries.rendering import FIELD_TEMPLATE, is_own_field_template, render_field
from ..models import ClinicSettings
from ..navigation import breadcrumb_trail, site_sections
from ..structured_data import graph_for, render_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def clinic_settings(context):
    """The ClinicSettings of the request's site (cached on the request by Wagtail).

    None outside a request, or for a host no site answers.
    """
    request = context.get("request")
    if request is None or Site.find_for_request(request) is None:
        return None
    return ClinicSettings.for_request(request)


@register.simple_tag(takes_context=True)
def privacy_url(context):
    """The URL of the clinic's privacy notice, or "" when none is live.

    One query at most, once per request (the footer and the form both ask).
    """
    request = context.get("request")
    cache = request.__dict__.setdefault("_treatments_cms_cache", {}) if request else {}
    if "privacy_url" not in cache:
        clinic = clinic_settings(context)
        page = None
        if clinic is not None and clinic.privacy_page_id is not None:
            page = clinic.privacy_page
        live = page is not None and page.live
        cache["privacy_url"] = (page.get_url(request) or "") if live else ""
    return cache["privacy_url"]


@register.simple_tag(takes_context=True)
def nav_sections(context):
    """The treatment, condition and alternative indexes, for the navigation."""
    return site_sections(context.get("request"))


@register.simple_tag
def nav_current(item, page):
    """The ``aria-current`` value of a navigation item for the current page."""
    if page is None or not hasattr(page, "path"):
        return ""
    if item.page.pk == page.pk:
        return "page"
    if page.path.startswith(item.page.path):
        return "true"
    return ""


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The live pages from the home page down to ``page``."""
    return breadcrumb_trail(page, context.get("request"))


@register.simple_tag(takes_context=True)
def json_ld(context):
    """The page's schema.org JSON-LD, built from what the page shows."""
    return render_json_ld(graph_for(context))


@register.simple_tag
def meta_description(page):
    """The SEO description if set, else the summary (or introduction)."""
    if hasattr(page, "get_meta_description"):
        return page.get_meta_description()
    return (
        getattr(page, "search_description", "")
        or getattr(page, "summary", "")
        or getattr(page, "introduction", "")
    )


@register.simple_tag(takes_context=True)
def full_url(context, page):
    """The page's full URL (for canonical and Open Graph)."""
    return page.get_full_url(context.get("request")) or ""


@register.simple_tag(takes_context=True)
def absolute_uri(context, url):
    """``url`` made absolute against the current request."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.filter
def and_join(items):
    """["a", "b", "c"] -> "a, b and c", in the active language."""
    return get_text_list([str(item) for item in items], _("and"))


@register.filter
def tel_href(number):
    """A phone number as a ``tel:`` link target: digits and a leading +."""
    return "tel:" + re.sub(r"[^\d+]", "", str(number or ""))


@register.simple_tag
def enquiry_url(condition=None, location=None):
    """The enquiry form's URL, naming the page the visitor comes from.

    ``{% enquiry_url condition=page as href %}`` gives ``/enquire/?condition=12``:
    the form then ticks that concern (``location=page`` selects that clinic).
    Only a public page's id goes in the URL, never anything a visitor typed.
    "" when the plugin's URLs are not installed.
    """
    from urllib.parse import urlencode

    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse("treatments_cms:enquiry")
    except NoReverseMatch:
        return ""
    params = {
        name: page.pk
        for name, page in (("condition", condition), ("location", location))
        if getattr(page, "pk", None) is not None
    }
    return f"{url}?{urlencode(params)}" if params else url


@register.simple_tag(takes_context=True)
def enquiry_field(context, field):
    """One field of the enquiry form, as ``{% include "treatments_cms/enquiries/field.html" %}``.

    The plugin's own ``field.html`` is written in Python (``render_field``, the
    same bytes); a ``field.html`` a project puts in its place is rendered as the
    include would, with the whole context.
    """
    key = (enquiry_field, FIELD_TEMPLATE)
    template = context.render_context.get(key)
    if template is None:
        template = context.template.engine.get_template(FIELD_TEMPLATE)
        context.render_context[key] = template
    if is_own_field_template(template):
        return render_field(field, context.get("privacy_notice_url"))
    with context.push(field=field):
        return mark_safe(template.render(context))  # noqa: S308 - a template's output
