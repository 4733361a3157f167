"""Enquiries leaving the admin: spreadsheet cells and per-person JSON."""

from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .answers import answer_text, extra_answer_rows
from .forms import get_form_class

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
    return gettext("yes") if value else gettext("no")


def _clinic(enquiry):
    """The clinic the visitor chose, or "No preference"."""
    if enquiry.location_id and enquiry.location is not None:
        return enquiry.location.title
    return gettext("No preference")


def extra_answers_of(enquiry):
    """``[(name, label, value)]``: the answers to a project's own form fields,
    in the order the form in use asks them."""
    return extra_answer_rows(enquiry.extra_answers, order=get_form_class().base_fields)


def _other_answers(enquiry):
    """The answers to a project's own form fields: one "Question: answer" a line."""
    return "\n".join(
        f"{label}: {answer_text(value)}"
        for _name, label, value in extra_answers_of(enquiry)
    )


# (key, heading, value) for each column of the admin's spreadsheet export.
EXPORT_COLUMNS = (
    ("id", _("Enquiry"), lambda e: e.pk),
    ("received", _("Received"), lambda e: _local(e.created_at)),
    ("treatment", _("Treatment"), lambda e: e.treatment_title),
    ("location", _("Clinic"), lambda e: _clinic(e)),
    ("name", _("Name"), lambda e: e.name),
    ("email", _("Email"), lambda e: e.email),
    ("phone", _("Phone"), lambda e: e.phone),
    (
        "contact_method",
        _("Preferred contact"),
        lambda e: e.get_contact_method_display(),
    ),
    ("concerns", _("Concerns"), lambda e: ", ".join(c.title for c in e.concerns.all())),
    ("message", _("Message"), lambda e: e.message),
    # One column whatever the form asked, so exports of any period line up.
    ("extra_answers", _("Other answers"), _other_answers),
    ("is_adult", _("18 or over"), lambda e: _yes_no(e.is_adult)),
    ("consent_version", _("Consent version"), lambda e: e.consent_version),
    ("consented_at", _("Consented at"), lambda e: _local(e.consented_at)),
    ("marketing_opt_in", _("Marketing opt-in"), lambda e: _yes_no(e.marketing_opt_in)),
    ("status", _("Status"), lambda e: e.get_status_display()),
    (
        "assignee",
        _("Assignee"),
        lambda e: e.assignee.get_username() if e.assignee else "",
    ),
    ("internal_notes", _("Internal notes"), lambda e: e.internal_notes),
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
        "clinic": _clinic(enquiry),
        "name": enquiry.name,
        "email": enquiry.email,
        "phone": enquiry.phone,
        "preferred_contact_method": enquiry.get_contact_method_display(),
        "concerns": [page.title for page in enquiry.concerns.all()],
        "message": enquiry.message,
        "other_answers": [
            {"field": name, "question": label, "answer": value}
            for name, label, value in extra_answers_of(enquiry)
        ],
        "is_adult": enquiry.is_adult,
        "consent_version": enquiry.consent_version,
        "consented_at": enquiry.consented_at.isoformat(),
        "marketing_opt_in": enquiry.marketing_opt_in,
        "status": enquiry.get_status_display(),
        "internal_notes": enquiry.internal_notes,
    }
