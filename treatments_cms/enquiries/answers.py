"""Extra answers: the fields a project adds to its enquiry form, stored and shown.

A form class swapped in with ``TREATMENTS_CMS_ENQUIRY_FORM_CLASS`` may add
fields ("How did you hear about us?"). Their answers are stored in
``Enquiry.extra_answers`` as JSON, keyed by field name, each with the label the
visitor saw::

    {"heard_about_us": {"label": "How did you hear about us?", "value": "A friend"}}

The label is stored with the answer because the form class can change after
the enquiry was sent (a field renamed, reworded or removed, the setting pointed
elsewhere), and the inbox and exports must still say what was asked. Values are
what the visitor chose or typed, as JSON: text; a choice's label; a list for a
multiple choice; a page or other object as its title (``str``); dates and times
in ISO 8601; numbers and yes/no as JSON numbers and booleans.

This module turns answers into JSON (``collect_extra_answers``) and back into
rows for people to read (``extra_answer_rows``), in the order the form in use
asks them; the inbox, the CSV export and the JSON export all use the rows
(through ``export.extra_answers_of``).
"""

import datetime

from django import forms
from django.db.models import Model
from django.utils.translation import gettext


def _choice_labels(field):
    """``{str(value): label}`` for a choice field's options, groups flattened."""
    labels = {}
    for value, label in field.choices:
        if isinstance(label, list | tuple):
            labels.update((str(v), str(group_label)) for v, group_label in label)
        else:
            labels[str(value)] = str(label)
    return labels


def json_answer(field, value):
    """``value``, cleaned by form ``field``, as JSON-safe data a person can read."""
    if isinstance(field, forms.ModelChoiceField):  # and ModelMultipleChoiceField
        if value is None:
            return ""
        if isinstance(value, Model):
            return str(field.label_from_instance(value))
        return [str(field.label_from_instance(item)) for item in value]
    if isinstance(value, list | tuple):
        return [json_answer(field, item) for item in value]
    if value is None:
        return ""
    if isinstance(field, forms.ChoiceField):  # the label the visitor chose
        return _choice_labels(field).get(str(value), str(value))
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)  # a Decimal, UUID, duration, object


def collect_extra_answers(form, base_form_class):
    """The cleaned answers to ``form``'s fields that ``base_form_class`` lacks."""
    return {
        name: {
            "label": str(form[name].label),
            "value": json_answer(field, form.cleaned_data.get(name)),
        }
        for name, field in form.fields.items()
        if name not in base_form_class.base_fields
    }


def answer_text(value):
    """One stored value as text: lists joined, yes/no, "-" for no answer."""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, list):
        return ", ".join(answer_text(item) for item in value) or "-"
    if value is None or value == "":
        return "-"
    return str(value)


def extra_answer_rows(extra_answers, order=()):
    """``[(name, label, value)]`` from stored extra answers.

    The names in ``order`` (the form's field names) come first, in that order,
    then any others by name: the database need not keep the stored key order
    (PostgreSQL's ``jsonb`` does not). Reads the ``{"label": ..., "value": ...}``
    form ``collect_extra_answers`` stores, and a bare value per name (answers a
    project stored itself), whose label is then the field name.
    """
    position = {name: index for index, name in enumerate(order)}
    rows = []
    for name, answer in sorted(
        (extra_answers or {}).items(),
        key=lambda item: (position.get(item[0], len(position)), item[0]),
    ):
        if isinstance(answer, dict) and "value" in answer:
            label = str(answer.get("label") or name)
            rows.append((str(name), label, answer["value"]))
        else:
            rows.append((str(name), str(name), answer))
    return rows
