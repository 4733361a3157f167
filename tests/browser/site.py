"""The demo site in the test database, and the public URLs the checks visit."""

from io import StringIO
from types import SimpleNamespace
from urllib.parse import urlencode

from django.core.management import call_command
from django.urls import reverse

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


def page_types(site):
    """(name, URL) of one page of every type a visitor can reach by GET."""
    return [
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
    ]
