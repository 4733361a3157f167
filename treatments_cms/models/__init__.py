"""All the plugin's models, importable from ``treatments_cms.models``."""

from .alternatives import (
    AbstractAlternativeIndexPage,
    AbstractAlternativePage,
    AlternativeIndexPageMixin,
    AlternativePageMixin,
    Invasiveness,
)
from .conditions import (
    AbstractConditionIndexPage,
    AbstractConditionPage,
    ConditionIndexPageMixin,
    ConditionPageMixin,
)
from .enquiries import (
    ContactMethod,
    Enquiry,
    EnquiryLogEntry,
    EnquiryStatus,
    NotificationStatus,
)
from .indexes import AbstractIndexPage
from .links import (
    AlternativeConditionLink,
    Outcome,
    TreatmentAlternativeLink,
    TreatmentConditionLink,
)
from .mixins import (
    ComparisonFactsMixin,
    ReviewMixin,
    SummaryMixin,
    TabbedEditHandlerMixin,
)
from .pages import (
    AlternativeIndexPage,
    AlternativePage,
    ConditionIndexPage,
    ConditionPage,
    TreatmentIndexPage,
    TreatmentPage,
)
from .settings import ClinicSettings
from .snippets import (
    AbstractPractitioner,
    ConsentStatement,
    Practitioner,
    PractitionerMixin,
)
from .treatments import (
    AbstractTreatmentIndexPage,
    AbstractTreatmentPage,
    TreatmentIndexPageMixin,
    TreatmentPageForm,
    TreatmentPageMixin,
)
from .workflows import ClinicalSignOffTask

__all__ = [
    "AbstractAlternativeIndexPage",
    "AbstractAlternativePage",
    "AbstractConditionIndexPage",
    "AbstractConditionPage",
    "AbstractIndexPage",
    "AbstractPractitioner",
    "AbstractTreatmentIndexPage",
    "AbstractTreatmentPage",
    "AlternativeConditionLink",
    "AlternativeIndexPage",
    "AlternativeIndexPageMixin",
    "AlternativePage",
    "AlternativePageMixin",
    "ClinicSettings",
    "ClinicalSignOffTask",
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
    "TabbedEditHandlerMixin",
    "TreatmentAlternativeLink",
    "TreatmentConditionLink",
    "TreatmentIndexPage",
    "TreatmentIndexPageMixin",
    "TreatmentPage",
    "TreatmentPageForm",
    "TreatmentPageMixin",
]
