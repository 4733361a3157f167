"""Public views of the plugin that are not Wagtail pages."""

import re
from dataclasses import dataclass
from typing import Any

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from . import swappable
from .middleware import query_value
from .models.links import live_public
from .stemming import forgiving_query

# A longer query is cut to this many characters; nobody types more.
MAX_QUERY_LENGTH = 100
# Results shown per type of page.
RESULTS_PER_GROUP = 20

# (key, heading, swappable page model) of each group of results.
SEARCH_GROUPS = (
    ("treatments", _("Treatments"), "TreatmentPage"),
    ("conditions", _("Conditions"), "ConditionPage"),
    ("alternatives", _("Alternatives"), "AlternativePage"),
)


@dataclass(frozen=True)
class SearchGroup:
    key: str
    title: str
    results: list[Any]


def clean_query(value):
    """The query as typed, on one line, without control characters, capped."""
    text = "".join(char if char.isprintable() else " " for char in value or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query):
    """The words of ``query``, without the punctuation a search backend may parse."""
    return " ".join(re.findall(r"\w+", query))


def search_pages(query, request=None):
    """Live, public treatments, conditions and alternatives of the request's
    site matching ``query``, by type."""
    terms = search_terms(query)
    if not terms:
        return []
    return [
        SearchGroup(
            key,
            title,
            list(
                live_public(swappable.get_model(model_name), request).search(
                    forgiving_query(terms)
                )[:RESULTS_PER_GROUP]
            ),
        )
        for key, title, model_name in SEARCH_GROUPS
    ]


def search(request):
    """The site search page: results grouped by type, a friendly empty state."""
    query = clean_query(query_value(request, "q"))
    groups = search_pages(query, request) if query else []
    return TemplateResponse(
        request,
        "treatments_cms/search.html",
        {
            "query": query,
            "groups": groups,
            "total": sum(len(group.results) for group in groups),
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )
