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
    AbstractLocationIndexPage,
    AbstractLocationPage,
    AbstractTreatmentPage,
    ClinicSettings,
)
from .models.links import live_public
from .navigation import breadcrumb_trail, site_sections
from .sections import plain_text

SCHEMA = "https://schema.org"
# schema.org's names of the days, Monday first (``date.weekday()``).
SCHEMA_DAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

# The characters that could end a <script> element or start a comment in it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _compact(data):
    """Drop empty values, so the output only states what is known."""
    return {key: value for key, value in data.items() if value not in ("", None, [])}


def is_group(request):
    """Whether the site is a clinic group: it has a live locations index.

    Read from the site's sections, which the navigation has already loaded.
    """
    return any(item.family == "LocationIndexPage" for item in site_sections(request))


def clinic_entity(request):
    """The site's clinic from its ClinicSettings, or None without a name.

    A ``MedicalClinic`` for a single clinic; a ``MedicalOrganization`` for a
    group with location pages, each of which is a ``MedicalClinic`` of its own.
    """
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
            "@type": "MedicalOrganization" if is_group(request) else "MedicalClinic",
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


def person(practitioner, url="", **extra):
    """A practitioner as ``Person``: name, role, registration and register link.

    ``url`` is their profile's address, when they have one. A practitioner is
    a ``Person`` whatever their profession: schema.org's ``Physician`` is an
    organisation type (a doctor's practice), not a person.
    """
    if practitioner is None:
        return None
    return _compact(
        {
            "@type": "Person",
            "@id": f"{url}#person" if url else "",
            "name": practitioner.name,
            "url": url,
            "jobTitle": practitioner.role,
            "honorificSuffix": getattr(practitioner, "qualifications", ""),
            "identifier": practitioner.registration_display,
            # The regulator's public register, where visitors can check it.
            "sameAs": practitioner.register_url,
            **extra,
        }
    )


def postal_address(location):
    return _compact(
        {
            "@type": "PostalAddress",
            "streetAddress": location.street_address,
            "addressLocality": location.locality,
            "addressRegion": location.region,
            "postalCode": location.postcode,
            "addressCountry": location.country,
        }
    )


def _time(value):
    return value.strftime("%H:%M") if value else ""


def opening_hours_specification(location, week):
    """One ``OpeningHoursSpecification`` per opening row of the usual week."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"{SCHEMA}/{SCHEMA_DAYS[weekday]}",
            "opens": _time(row.opens),
            "closes": _time(row.closes),
        }
        for weekday, _label, rows in week
        for row in rows
    ]


def special_opening_hours(exceptions):
    """Changed hours on given dates; a day closed opens and closes at 00:00."""
    return [
        _compact(
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": row.date.isoformat(),
                "validThrough": row.date.isoformat(),
                "opens": "00:00" if row.closed else _time(row.opens),
                "closes": "00:00" if row.closed else _time(row.closes),
                "description": row.note,
            }
        )
        for row in exceptions
    ]


def location_summary(location, request):
    """A location as a short ``MedicalClinic``: for lists and references."""
    url = location.get_full_url(request)
    return _compact(
        {
            "@type": "MedicalClinic",
            "@id": f"{url}#clinic",
            "name": location.title,
            "url": url,
            "telephone": location.phone,
            "address": postal_address(location),
        }
    )


def location_clinic(page, request, context, organization=None):
    """A location page's ``MedicalClinic``, from what the page shows."""
    data = location_summary(page, request)
    data.update(
        {
            "description": page.summary,
            "email": page.email,
            "geo": (
                {
                    "@type": "GeoCoordinates",
                    "latitude": float(page.latitude),
                    "longitude": float(page.longitude),
                }
                if page.has_geo
                else None
            ),
            "hasMap": page.map_url,
            "openingHoursSpecification": opening_hours_specification(
                page, context.get("week", [])
            ),
            "specialOpeningHoursSpecification": special_opening_hours(
                context.get("upcoming_exceptions", [])
            ),
            "availableService": [
                procedure(offer.treatment, request)
                for offer in context.get("treatment_offers", [])
            ],
            "member": [
                person(
                    link.practitioner,
                    absolute_url(request, getattr(link, "profile_url", "")),
                )
                for link in context.get("practitioner_links", [])
            ],
            "parentOrganization": {"@id": organization["@id"]}
            if organization
            else None,
        }
    )
    return _compact(data)


def absolute_url(request, url):
    """A site-relative ``url`` on the address of the request's Wagtail site."""
    if not url or not url.startswith("/"):
        return url
    site = Site.find_for_request(request)
    return (site.root_url if site else request.build_absolute_uri("/")).rstrip(
        "/"
    ) + url


def practitioner_entities(context, request, organization):
    """A practitioner's profile: ``ProfilePage`` about a ``Person``, and its trail."""
    practitioner = context["practitioner"]
    index = context.get("location_index")
    url = absolute_url(request, context.get("practitioner_url", ""))
    entity = person(
        practitioner,
        url,
        worksFor=[
            {
                "@id": location_summary(location, request)["@id"],
                "@type": "MedicalClinic",
                "name": location.title,
            }
            for location in context.get("practitioner_locations", [])
        ],
        memberOf={"@id": organization["@id"]} if organization else None,
    )
    page = _compact(
        {
            "@type": "ProfilePage",
            "@id": f"{url}#webpage",
            "name": practitioner.name,
            "url": url,
            "description": context.get("practitioner_description", ""),
            "mainEntity": entity,
            "breadcrumb": {"@id": f"{url}#breadcrumbs"},
            "publisher": {"@id": organization["@id"]} if organization else None,
        }
    )
    graph = [page]
    if index is not None:
        trail = breadcrumb_list(index, request)
        trail["@id"] = f"{url}#breadcrumbs"
        trail["itemListElement"].append(
            {
                "@type": "ListItem",
                "position": len(trail["itemListElement"]) + 1,
                "name": practitioner.name,
                "item": url,
            }
        )
        graph.append(trail)
    return graph


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


def main_entity(page, request, context, organization=None):
    """What the page is about first: its treatment, condition, alternative or clinic."""
    if isinstance(page, AbstractLocationPage):
        return location_clinic(page, request, context, organization)
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
        "@type": "WebPage"
        if isinstance(page, AbstractLocationPage)
        else "MedicalWebPage",
        "@id": f"{url}#webpage",
        "name": getattr(page, "seo_title", "") or page.title,
        "url": url,
        "description": page.get_meta_description(),
        "lastReviewed": (
            page.last_reviewed.isoformat()
            if getattr(page, "last_reviewed", None)
            else ""
        ),
        "reviewedBy": person(getattr(page, "reviewed_by", None)),
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
    if context.get("practitioner") is not None:
        return graph + practitioner_entities(context, request, clinic)
    if page is None or not hasattr(page, "get_full_url"):
        return graph
    if clinic and isinstance(page, AbstractLocationIndexPage):
        clinic["subOrganization"] = [
            location_summary(location, request)
            for location in live_public(type(page).get_listed_model(), request)
            .child_of(page)
            .order_by("path")
        ]
    entity = main_entity(page, request, context, clinic)
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
