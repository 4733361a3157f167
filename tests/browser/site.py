"""The demo site in the test database, and the public URLs the checks visit.

``page_types(site)`` lists one URL of every kind of public page. Kinds whose
model may not exist in every project (content pages, locations,
practitioners) are found through ``OPTIONAL_PAGE_TYPES``: one line each, a
name and a function returning the URL of one live page of that kind, or None
when the project has none (the kind is then left out).
"""

from io import StringIO
from types import SimpleNamespace
from urllib.parse import urlencode

from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from treatments_cms import swappable
from treatments_cms.models import (
    AlternativeIndexPage,
    AlternativePage,
    ConditionIndexPage,
    ConditionPage,
    TreatmentIndexPage,
    TreatmentPage,
)

LASER = "Laser skin rejuvenation"


def build_demo_site():
    """Load the demo content and pick out one page of each kind."""
    call_command("load_demo_content", verbosity=0, stdout=StringIO())
    return demo_pages()


def demo_pages():
    """One page of each kind of the demo content in the database."""
    treatment = TreatmentPage.objects.live().get(title=LASER)
    linked = [link.condition for link in treatment.get_condition_links()]
    condition = next(c for c in linked if not c.requires_medical_assessment)
    return SimpleNamespace(
        home=treatment.get_parent().get_parent().specific,
        treatment_index=TreatmentIndexPage.objects.live().get(),
        condition_index=ConditionIndexPage.objects.live().get(),
        alternative_index=AlternativeIndexPage.objects.live().get(),
        treatment=treatment,
        linked_conditions=linked,
        condition=condition,
        medical_condition=ConditionPage.objects.live()
        .filter(requires_medical_assessment=True)
        .first(),
        alternative=AlternativePage.objects.live().first(),
    )


def search_url(query):
    return f"{reverse('treatments_cms:search')}?{urlencode({'q': query})}"


def _model(name):
    """A plugin default by name ("LocationPage") or a model label ("home.ContentPage")."""
    try:
        if "." in name:
            return apps.get_model(name)
        if name in swappable.SWAPPABLE_MODELS:
            return swappable.get_model(name)
    except LookupError:
        return None
    return None


def first_live_page(model_name, *, exclude_slugs=()):
    """The URL of the first live page of a model (tree order), or None."""

    def find():
        model = _model(model_name)
        if model is None or not issubclass(model, Page):
            return None
        page = (
            model.objects.live()
            .public()
            .exclude(slug__in=exclude_slugs)
            .order_by("path")
            .first()
        )
        return page.url if page is not None else None

    return find


def practitioner_profile():
    """The URL of a practitioner's public profile, or None.

    Profiles are routes of the locations index (``practitioners/<slug>/``),
    for the practitioners who work at one of its locations.
    """
    model = _model("LocationIndexPage")
    if model is None or not hasattr(model, "get_profile_practitioners"):
        return None
    for index in model.objects.live().public().order_by("path"):
        practitioner = index.get_profile_practitioners().order_by("name").first()
        if practitioner is not None:
            return index.practitioner_url(practitioner) or None
    return None


# (name, finder): a finder returns the URL of one page of the kind, or None.
OPTIONAL_PAGE_TYPES = [
    ("content", first_live_page("home.ContentPage")),
    ("location-index", first_live_page("LocationIndexPage")),
    ("location", first_live_page("LocationPage")),
    ("practitioner", practitioner_profile),
]


def page_types(site):
    """(name, URL) of one page of every type a visitor can reach by GET."""
    pages = [
        ("home", site.home.url),
        ("treatment-index", site.treatment_index.url),
        ("condition-index", site.condition_index.url),
        ("alternative-index", site.alternative_index.url),
        ("treatment", site.treatment.url),
        ("condition", site.condition.url),
        ("condition-medical-assessment", site.medical_condition.url),
        ("alternative", site.alternative.url),
        ("search-results", search_url("thread veins")),
        ("search-empty", search_url("")),
        ("not-found", "/no-such-page/"),
        ("enquiry", reverse("treatments_cms:enquiry")),
        ("enquiry-thanks", reverse("treatments_cms:enquiry_thanks")),
    ]
    for name, find in OPTIONAL_PAGE_TYPES:
        url = find()
        if url:
            pages.append((name, url))
    return pages


def expected_status(name):
    return 404 if name == "not-found" else 200
