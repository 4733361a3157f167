"""All the plugin's models, importable from ``treatments_cms.models``."""

from .alternatives import AlternativeIndexPageMixin, AlternativePageMixin, Invasiveness
from .conditions import ConditionIndexPageMixin, ConditionPageMixin
from .enquiries import (
    ContactMethod,
    Enquiry,
    EnquiryLogEntry,
    EnquiryStatus,
    NotificationStatus,
)
from .links import (
    AlternativeConditionLink,
    Outcome,
    TreatmentAlternativeLink,
    TreatmentConditionLink,
)
from .mixins import ComparisonFactsMixin, ReviewMixin, SummaryMixin
from .pages import (
    AlternativeIndexPage,
    AlternativePage,
    ConditionIndexPage,
    ConditionPage,
    TreatmentIndexPage,
    TreatmentPage,
)
from .settings import ClinicSettings
from .snippets import ConsentStatement, Practitioner, PractitionerMixin
from .treatments import TreatmentIndexPageMixin, TreatmentPageMixin

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
    "EnquiryLogEntry",
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
