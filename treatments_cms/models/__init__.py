"""All the plugin's models, importable from ``treatments_cms.models``."""

from .links import (
    AlternativeConditionLink,
    Outcome,
    TreatmentAlternativeLink,
    TreatmentConditionLink,
)
from .mixins import ComparisonFactsMixin, ReviewMixin, SummaryMixin
from .pages import (
    AlternativeIndexPage,
    AlternativeIndexPageMixin,
    AlternativePage,
    AlternativePageMixin,
    ConditionIndexPage,
    ConditionIndexPageMixin,
    ConditionPage,
    ConditionPageMixin,
    Invasiveness,
    TreatmentIndexPage,
    TreatmentIndexPageMixin,
    TreatmentPage,
    TreatmentPageMixin,
)
from .settings import ClinicSettings
from .snippets import ConsentStatement, Practitioner, PractitionerMixin

__all__ = [
    "AlternativeConditionLink",
    "AlternativeIndexPage",
    "AlternativeIndexPageMixin",
    "AlternativePage",
    "AlternativePageMixin",
    "ClinicSettings",
    "ComparisonFactsMixin",
    "ConditionIndexPage",
    "ConditionIndexPageMixin",
    "ConditionPage",
    "ConditionPageMixin",
    "ConsentStatement",
    "Invasiveness",
    "Outcome",
    "Practitioner",
    "PractitionerMixin",
    "ReviewMixin",
    "SummaryMixin",
    "TreatmentAlternativeLink",
    "TreatmentConditionLink",
    "TreatmentIndexPage",
    "TreatmentIndexPageMixin",
    "TreatmentPage",
    "TreatmentPageMixin",
]
