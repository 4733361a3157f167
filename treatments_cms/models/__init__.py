"""All the plugin's models, importable from ``treatments_cms.models``."""

from .enquiries import ContactMethod, Enquiry, EnquiryStatus, NotificationStatus
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
    "ContactMethod",
    "Enquiry",
    "EnquiryStatus",
    "Invasiveness",
    "NotificationStatus",
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
