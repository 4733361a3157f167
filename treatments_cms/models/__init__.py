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
from .handler_groups import LocationHandlerGroup
from .indexes import AbstractIndexPage
from .links import (
    AlternativeConditionLink,
    Outcome,
    TreatmentAlternativeLink,
    TreatmentConditionLink,
)
from .locations import (
    AbstractLocationIndexPage,
    AbstractLocationPage,
    LocationHoursException,
    LocationOpeningHours,
    LocationPractitioner,
    LocationTreatment,
    PractitionerTreatment,
    Weekday,
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
    LocationIndexPage,
    LocationPage,
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
    "AbstractLocationIndexPage",
    "AbstractLocationPage",
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
    "LocationHandlerGroup",
    "LocationHoursException",
    "LocationIndexPage",
    "LocationOpeningHours",
    "LocationPage",
    "LocationPractitioner",
    "LocationTreatment",
    "NotificationStatus",
    "Outcome",
    "Practitioner",
    "PractitionerMixin",
    "PractitionerTreatment",
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
    "Weekday",
]
