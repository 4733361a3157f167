"""Enquiries leaving the admin: spreadsheet cells and per-person JSON."""

from django.utils import timezone
from django.utils.encoding import force_str

# A cell starting with one of these runs as a formula in a spreadsheet
# (tab and carriage return too: some spreadsheets strip them first).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """Return ``value`` as text a spreadsheet shows literally, never runs.

    Strings starting with a formula character get a leading apostrophe;
    other values (numbers, dates, booleans, None) pass through unchanged.
    """
    if isinstance(value, str) or hasattr(value, "__html__"):
        text = force_str(value)
        if text.startswith(FORMULA_PREFIXES):
            return "'" + text
        return text
    return value


def _local(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _yes_no(value):
    return "yes" if value else "no"


# (key, heading, value) for each column of the admin's spreadsheet export.
EXPORT_COLUMNS = (
    ("id", "Enquiry", lambda e: e.pk),
    ("received", "Received", lambda e: _local(e.created_at)),
    ("treatment", "Treatment", lambda e: e.treatment_title),
    ("name", "Name", lambda e: e.name),
    ("email", "Email", lambda e: e.email),
    ("phone", "Phone", lambda e: e.phone),
    ("contact_method", "Preferred contact", lambda e: e.get_contact_method_display()),
    ("concerns", "Concerns", lambda e: ", ".join(c.title for c in e.concerns.all())),
    ("message", "Message", lambda e: e.message),
    ("is_adult", "18 or over", lambda e: _yes_no(e.is_adult)),
    ("consent_version", "Consent version", lambda e: e.consent_version),
    ("consented_at", "Consented at", lambda e: _local(e.consented_at)),
    ("marketing_opt_in", "Marketing opt-in", lambda e: _yes_no(e.marketing_opt_in)),
    ("status", "Status", lambda e: e.get_status_display()),
    ("assignee", "Assignee", lambda e: e.assignee.get_username() if e.assignee else ""),
    ("internal_notes", "Internal notes", lambda e: e.internal_notes),
)
EXPORT_FIELDS = tuple(key for key, _heading, _value in EXPORT_COLUMNS)
EXPORT_HEADINGS = {key: heading for key, heading, _value in EXPORT_COLUMNS}


def enquiry_export_row(enquiry):
    """One enquiry as ``{column key: value}`` in column order."""
    return {key: value(enquiry) for key, _heading, value in EXPORT_COLUMNS}


def enquiry_as_dict(enquiry):
    """Everything the clinic holds about one enquiry, for a subject access request."""
    return {
        "id": enquiry.pk,
        "received": enquiry.created_at.isoformat(),
        "treatment": enquiry.treatment_title,
        "name": enquiry.name,
        "email": enquiry.email,
        "phone": enquiry.phone,
        "preferred_contact_method": enquiry.get_contact_method_display(),
        "concerns": [page.title for page in enquiry.concerns.all()],
        "message": enquiry.message,
        "is_adult": enquiry.is_adult,
        "consent_version": enquiry.consent_version,
        "consented_at": enquiry.consented_at.isoformat(),
        "marketing_opt_in": enquiry.marketing_opt_in,
        "status": enquiry.get_status_display(),
        "internal_notes": enquiry.internal_notes,
    }
