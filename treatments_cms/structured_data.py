"""schema.org JSON-LD built from the same fields and links the page shows.

Each builder returns plain dicts; ``render_json_ld`` turns them into one
``<script type="application/ld+json">`` element, escaped so no value can close
the script early.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail.models import Site

from .models import (
    AbstractAlternativePage,
    AbstractConditionPage,
    AbstractTreatmentPage,
    ClinicSettings,
)
from .navigation import breadcrumb_trail
from .sections import plain_text

SCHEMA = "https://schema.org"

# The characters that could end a <script> element or start a comment in it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _compact(data):
    """Drop empty values, so the output only states what is known."""
    return {key: value for key, value in data.items() if value not in ("", None, [])}


def clinic_entity(request):
    """``MedicalClinic`` from the site's ClinicSettings, or None without a name."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    clinic = ClinicSettings.for_request(request)
    if not clinic.clinic_name:
        return None
    url = site.root_page.get_full_url(request) or site.root_url + "/"
    address = ", ".join(
        line.strip() for line in clinic.address.splitlines() if line.strip()
    )
    return _compact(
        {
            "@type": "MedicalClinic",
            "@id": f"{url}#clinic",
            "name": clinic.clinic_name,
            "url": url,
            "telephone": clinic.phone,
            "email": clinic.email,
            "address": (
                {"@type": "PostalAddress", "streetAddress": address}
                if address
                else None
            ),
        }
    )


def breadcrumb_list(page, request):
    trail = breadcrumb_trail(page, request)
    return {
        "@type": "BreadcrumbList",
        "@id": f"{page.get_full_url(request)}#breadcrumbs",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": gettext("Home") if position == 1 else crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def person(practitioner):
    if practitioner is None:
        return None
    return _compact(
        {
            "@type": "Person",
            "name": practitioner.name,
            "jobTitle": practitioner.role,
            "identifier": practitioner.registration_display,
            # The regulator's public register, where visitors can check it.
            "sameAs": practitioner.register_url,
        }
    )


def procedure(page, request, with_details=False):
    """A treatment or an alternative as ``MedicalProcedure`` (or a subtype)."""
    procedure_type = page.get_procedure_type()
    data = {
        "@type": "MedicalProcedure",
        "@id": f"{page.get_full_url(request)}#procedure",
        "name": page.title,
        "url": page.get_full_url(request),
        "description": page.summary,
    }
    if procedure_type == "SurgicalProcedure":
        data["@type"] = procedure_type
    elif procedure_type:
        data["procedureType"] = f"{SCHEMA}/{procedure_type}"
    if with_details:
        data["howPerformed"] = plain_text(page.how_it_works)
        data["preparation"] = plain_text(getattr(page, "preparation", ""))
        data["followup"] = plain_text(getattr(page, "recovery", ""))
    return _compact(data)


def condition(page, request, treatment_links=(), alternatives=()):
    return _compact(
        {
            "@type": "MedicalCondition",
            "@id": f"{page.get_full_url(request)}#condition",
            "name": page.title,
            "url": page.get_full_url(request),
            "description": page.summary,
            "alternateName": page.alternate_name_list,
            "possibleTreatment": [
                procedure(link.page, request) for link in treatment_links
            ]
            + [procedure(alternative, request) for alternative in alternatives],
        }
    )


def health_topics(page, request, sections):
    """The page's sections that carry a schema.org health aspect."""
    url = page.get_full_url(request)
    return [
        _compact(
            {
                "@type": "HealthTopicContent",
                "name": section.heading,
                "url": f"{url}#{section.anchor}",
                "hasHealthAspect": f"{SCHEMA}/{section.aspect}",
                "text": section.text,
            }
        )
        for section in sections
        if section.aspect
    ]


def main_entity(page, request, context):
    """What the page is about first: its treatment, condition or alternative."""
    if isinstance(page, AbstractTreatmentPage | AbstractAlternativePage):
        return procedure(page, request, with_details=True)
    if isinstance(page, AbstractConditionPage):
        return condition(
            page,
            request,
            context.get("treatment_links", []),
            context.get("alternatives", []),
        )
    return None


def about(page, request, context, entity):
    """The main entity, then the conditions a treatment's cards link to."""
    subjects = [{"@id": entity["@id"]}]
    if isinstance(page, AbstractTreatmentPage):
        subjects += [
            {
                "@type": "MedicalCondition",
                "name": link.condition.title,
                "url": link.condition.get_full_url(request),
            }
            for link in context.get("condition_links", [])
        ]
    return subjects


def medical_web_page(page, request, context, entity):
    url = page.get_full_url(request)
    data = {
        "@type": "MedicalWebPage",
        "@id": f"{url}#webpage",
        "name": getattr(page, "seo_title", "") or page.title,
        "url": url,
        "description": page.get_meta_description(),
        "lastReviewed": page.last_reviewed.isoformat() if page.last_reviewed else "",
        "reviewedBy": person(page.reviewed_by),
        "about": about(page, request, context, entity),
        "mainEntity": entity,
        "breadcrumb": {"@id": f"{url}#breadcrumbs"},
        "hasPart": health_topics(page, request, context.get("sections", [])),
    }
    return _compact(data)


def graph_for(context):
    """Every JSON-LD entity for the page in ``context`` (or none)."""
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return []
    clinic = clinic_entity(request)
    graph = [clinic] if clinic else []
    if page is None or not hasattr(page, "get_full_url"):
        return graph
    entity = main_entity(page, request, context)
    if entity is not None:
        web_page = medical_web_page(page, request, context, entity)
        if clinic:
            web_page["publisher"] = {"@id": clinic["@id"]}
        graph.append(web_page)
    site = Site.find_for_request(request)
    if site is not None and page.depth > site.root_page.depth:
        graph.append(breadcrumb_list(page, request))
    return graph


def render_json_ld(graph):
    """One ``<script type="application/ld+json">`` element; "" for an empty graph."""
    if not graph:
        return ""
    payload = json.dumps(
        {"@context": SCHEMA, "@graph": graph}, cls=DjangoJSONEncoder, indent=None
    ).translate(_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload),  # noqa: S308 - escaped above: no <, > or & remain
    )
