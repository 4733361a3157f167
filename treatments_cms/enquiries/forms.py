"""The suitability enquiry form and its validators.

The form holds what the visitor answers; the spam fields (honeypot and timing
token) belong to the pipeline and are rendered by its templates. A project may
swap the class with ``TREATMENTS_CMS_ENQUIRY_FORM_CLASS``; a replacement takes
the same keyword arguments and cleans the same field names; the answers to
fields it adds are stored in ``Enquiry.extra_answers`` (``get_extra_answers``).

HTML is refused rather than stored: a value that contains a tag (``<`` followed
by a letter, ``/``, ``!`` or ``?``) is a form error. Output is escaped all the
same. So are invisible formatting characters (Unicode category Cf: direction
marks and overrides, zero-width spaces and joiners, the byte order mark), which
make a stored name or address display as something else, and tick-box values
other than the one a browser sends for the rendered box.
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from ..conf import app_settings
from ..emails import email_match_key, normalise_email
from ..middleware import query_value
from ..models import ContactMethod
from ..public import public_pages
from ..swappable import (
    get_condition_page_model,
    get_location_page_model,
    get_treatment_page_model,
)
from .answers import collect_extra_answers
from .rendering import LeanWidgetRenderer

NOT_TAKING_ENQUIRIES = _(
    "The clinic is not taking enquiries online at the moment. Please contact "
    "the clinic by phone or email instead."
)

# Line and paragraph separators: line breaks a single-line check must also see.
_SEPARATORS = set("\u2028\u2029")
_TAG_RE = re.compile(r"<\s*[A-Za-z!/?]")

# The longest address mail can be sent to (RFC 5321's path limit less the
# angle brackets), counted on the stored form and on the ASCII form of its domain.
EMAIL_MAX_LENGTH = 254
EMAIL_TOO_LONG = _("Enter an email address of 254 characters or fewer.")
INVISIBLE_CHARACTERS = _(
    "Remove the invisible formatting characters (such as direction marks or "
    "zero-width spaces): we cannot accept them."
)
# What a browser sends for a ticked box rendered without a value attribute.
CHECKBOX_VALUE = "on"
CHECKBOX_INVALID = _(
    "We could not read this tick box. Tick it or leave it empty, then send the "
    "form again."
)


def _is_control(char):
    return unicodedata.category(char) == "Cc" or char in _SEPARATORS


def has_invisible_characters(value):
    """True when ``value`` holds a format character (Unicode category Cf)."""
    return any(unicodedata.category(char) == "Cf" for char in value)


def refuse_invisible_characters(value):
    """Refuse direction marks and overrides, zero-width and other Cf characters."""
    if has_invisible_characters(value):
        raise ValidationError(INVISIBLE_CHARACTERS, code="invisible_characters")


def validate_single_line(value):
    """Refuse line breaks, tabs and other control characters (e.g. in a name)."""
    if any(_is_control(char) for char in value):
        raise ValidationError(
            _("Use letters, spaces and punctuation only, on one line."),
            code="control_characters",
        )


def validate_text(value):
    """Refuse control characters other than line breaks and tabs."""
    if any(_is_control(char) and char not in "\r\n\t" for char in value):
        raise ValidationError(
            _("Remove the special characters we cannot accept."),
            code="control_characters",
        )


def validate_no_html(value):
    """Refuse anything that looks like an HTML tag."""
    if _TAG_RE.search(value):
        raise ValidationError(
            _("Remove the '<' sign: we cannot accept HTML or code."), code="html"
        )


validate_phone = RegexValidator(
    r"^\+?[0-9][0-9 ()\-.]{5,38}$",
    _("Enter a phone number using digits, spaces and an optional + at the start."),
    code="phone",
)


class TextField(forms.CharField):
    """A CharField that refuses invisible characters, with a plainer NUL message.

    Invisible characters are refused before the validators run, so the visitor
    sees that one message rather than a format error it caused as well.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for validator in self.validators:
            if getattr(validator, "code", "") == "null_characters_not_allowed":
                validator.message = _("Remove the special characters we cannot accept.")

    def to_python(self, value):
        value = super().to_python(value)
        refuse_invisible_characters(value)
        return value


class EnquiryEmailField(forms.EmailField):
    """An email address in its stored form (``normalise_email``), 254 characters
    at most, without invisible characters.

    Django's ``EmailField`` accepts 320 characters and the model stores 254: a
    longer address was a database error on PostgreSQL and an over-length row on
    SQLite. Both checks come before the format check, so each gives one message.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        if any(unicodedata.category(char) == "Cc" for char in value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        refuse_invisible_characters(value)
        value = normalise_email(value)
        if max(len(value), len(email_match_key(value))) > EMAIL_MAX_LENGTH:
            raise ValidationError(EMAIL_TOO_LONG, code="max_length")
        return value


class CheckboxWidget(forms.CheckboxInput):
    """A tick box that reads only what a browser sends for it.

    Django's ``CheckboxInput`` counts every value but ``"false"`` and an empty
    one as ticked, so ``consent=0``, ``no``, ``off`` or ``None`` would be consent
    given. Here a box is ticked only when sent once with the value the form
    renders (none, so browsers send ``"on"``) and unticked only when absent; any
    other value reaches the field as is and is refused there. (Named so its
    ``widget_type`` stays "checkbox" for the templates.)
    """

    def __init__(self, attrs=None):
        # Shown ticked only when it was ticked: a refused value is shown empty.
        super().__init__(attrs, check_test=lambda value: value is True)

    def format_value(self, value):
        # Never a value attribute: a refused value must not be rendered back.
        return None

    def value_from_datadict(self, data, files, name):
        if name not in data:
            return False
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        if values == [CHECKBOX_VALUE]:
            return True
        return values


class StrictBooleanField(forms.BooleanField):
    """A tick box for ``CheckboxWidget``: any value it cannot read is an error."""

    widget = CheckboxWidget
    default_error_messages = {"invalid": CHECKBOX_INVALID}

    def to_python(self, value):
        if value is True or value is False:
            return value
        if value in self.empty_values:
            # Not from the widget (a test or a subclass): absent means unticked.
            return False
        raise ValidationError(self.error_messages["invalid"], code="invalid")

    def has_changed(self, initial, data):
        try:
            return super().has_changed(initial, data)
        except ValidationError:
            return True


def live_treatments(site=None):
    # Live, public and of this site only, the public queries' one rule.
    queryset = public_pages(get_treatment_page_model(), site=site)
    return queryset.order_by("title")


def _conditions(site=None, treatment=None):
    """Live, public conditions of ``site``, those of ``treatment`` when given."""
    # Live, public and of this site only, the public queries' one rule.
    queryset = public_pages(get_condition_page_model(), site=site)
    if treatment is not None and treatment.pk is None:
        # A new page in an editor's preview: its links exist only in memory.
        ids = [link.condition_id for link in treatment.condition_links.all()]
        return queryset.filter(pk__in=ids).order_by("title")
    if treatment is not None:
        return queryset.filter(treatment_links__page=treatment).order_by(
            "treatment_links__sort_order"
        )
    return queryset.order_by("title")


def live_locations(site=None, treatment=None):
    """Live, public clinics (location pages) of ``site``, by title; with
    ``treatment``, only those offering it."""
    # Live, public and of this site only, the public queries' one rule.
    queryset = public_pages(get_location_page_model(), site=site)
    if treatment is not None:
        if treatment.pk is None:
            # A new treatment in an editor's preview: no clinic offers it yet.
            return queryset.none()
        queryset = queryset.filter(offered_treatments__treatment=treatment)
    return queryset.order_by("title")


def live_conditions(site=None, treatment=None):
    """The concerns a visitor may name: never one a doctor must see first."""
    return _conditions(site, treatment).filter(requires_medical_assessment=False)


def doctor_first_conditions(site=None):
    """Live, public conditions the clinic takes no enquiries about until a
    doctor has seen the skin (``requires_medical_assessment``)."""
    return _conditions(site).filter(requires_medical_assessment=True)


_PK_RE = re.compile(r"^[0-9]{1,18}$")


def _is_pk(value):
    """A page id the database can look up (no overflow, no NUL, digits only)."""
    return isinstance(value, str) and bool(_PK_RE.match(value))


class TitleChoiceField(forms.ModelChoiceField):
    """Choose one page by id; anything that is not a plausible id is invalid."""

    def label_from_instance(self, obj):
        return obj.title

    def to_python(self, value):
        if value not in self.empty_values and not _is_pk(value):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class TitleMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Choose pages by id; anything that is not a plausible id is invalid."""

    def label_from_instance(self, obj):
        return obj.title

    def _check_values(self, value):
        if not all(_is_pk(item) for item in value):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": ""},
            )
        return super()._check_values(value)


class LocationChoiceField(TitleChoiceField):
    """Which clinic: one of the locations the form lists, or none ("No preference").

    The form reads its locations once (``set_locations``): rendering the select
    and checking the answer need no further query.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locations = {}

    def set_locations(self, locations):
        self.locations = {location.pk: location for location in locations}
        self.widget.choices = [("", self.empty_label)] + [
            (location.pk, self.label_from_instance(location)) for location in locations
        ]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not _is_pk(value) or int(value) not in self.locations:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return self.locations[int(value)]

    def validate(self, value):
        forms.Field.validate(self, value)


NOT_OFFERED_THERE = _(
    "%(treatment)s is not offered at %(location)s. Choose a clinic that offers "
    "it (%(locations)s) or “No preference”."
)
NOT_OFFERED_ANYWHERE = _(
    "%(treatment)s is not offered at %(location)s. Choose “No preference”."
)


NEEDS_DOCTOR_FIRST = _(
    "%(title)s needs a doctor's assessment first: please see your GP or a "
    "dermatologist before asking us about it."
)


class ConcernsField(TitleMultipleChoiceField):
    """The concerns: a posted condition a doctor must see first is refused by name.

    Such a condition is never offered (``live_conditions``); when a crafted post
    sends one's id anyway, the live conditions of ``site`` (every site when
    None) are looked up to name it. The lookup runs only then, so showing the
    form costs nothing more.
    """

    def __init__(self, *args, site=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
        self.offered = None

    def set_offered(self, conditions):
        """Offer ``conditions``, already loaded (what ``queryset`` would give,
        in its order): the form is shown without querying them again. A
        posted answer is still checked against ``queryset``."""
        self.offered = {condition.pk: condition for condition in conditions}
        self.widget.choices = [
            (condition.pk, self.label_from_instance(condition))
            for condition in conditions
        ]

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except ValidationError:
            refused = self.refused_titles(value)
            if refused:
                raise ValidationError(
                    [
                        ValidationError(
                            NEEDS_DOCTOR_FIRST,
                            code="needs_doctor_first",
                            params={"title": title},
                        )
                        for title in refused
                    ]
                ) from None
            raise

    def refused_titles(self, value):
        """Titles of the doctor-first conditions among the posted ids."""
        if not all(_is_pk(item) for item in value):
            return []
        return list(
            doctor_first_conditions(self.site)
            .filter(pk__in=set(value))
            .order_by("title")
            .values_list("title", flat=True)
        )


class EnquiryForm(forms.Form):
    """A visitor asks the clinic whether a treatment suits them.

    ``treatment``: on a treatment page, that page (the field is then hidden and
    the concerns are its conditions); ``None`` for the standalone form, where the
    visitor picks from a select and the concerns are every live condition. A
    condition a doctor must see first is never a concern (``live_conditions``).
    ``site``: the Wagtail site the form is on; the treatments, clinics and
    concerns offered are that site's only (kept as ``form.site``).

    Which clinic (``location``): on a treatment page the clinics offering that
    treatment; on the standalone form every clinic of the site, a clinic that
    does not offer the chosen treatment being refused beside the field. Empty
    is "No preference". A site without clinics (or a treatment no clinic
    offers) has no such question.
    ``consent_statement``: the ConsentStatement the consent box shows; without
    one the form cannot be sent.
    ``locations`` and ``concerns``: the clinics and conditions to offer when
    the caller has them loaded already (a treatment page lists both for its
    own sections), in the order and with the rules ``live_locations`` and
    ``live_conditions`` apply; the form then shows them without querying them
    again. A post is checked against the database as always.
    """

    # Django's widget markup written without its per-widget templates.
    default_renderer = LeanWidgetRenderer()

    name = TextField(
        label=_("Your name"),
        max_length=150,
        validators=[validate_single_line, validate_no_html],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your name.")},
    )
    email = EnquiryEmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.com."),
        },
    )
    phone = TextField(
        label=_("Phone number (optional)"),
        max_length=40,
        required=False,
        validators=[validate_phone],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    contact_method = forms.ChoiceField(
        label=_("How should we contact you?"),
        choices=ContactMethod.choices,
        initial=ContactMethod.EMAIL,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how we should contact you."),
            "invalid_choice": _("Choose email or phone."),
        },
    )
    treatment = TitleChoiceField(
        label=_("Treatment you are interested in"),
        queryset=get_treatment_page_model().objects.none(),
        empty_label=_("Choose a treatment"),
        error_messages={
            "invalid_choice": _("Choose a treatment from the list."),
            "required": _("Choose a treatment from the list."),
        },
    )
    location = LocationChoiceField(
        label=_("Which clinic would you like to visit? (optional)"),
        queryset=get_location_page_model().objects.none(),
        required=False,
        empty_label=_("No preference"),
        help_text=_("Choose “No preference” if any of our clinics suits you."),
        error_messages={
            "invalid_choice": _("Choose a clinic from the list, or “No preference”.")
        },
    )
    concerns = ConcernsField(
        label=_("What would you like to improve? (optional)"),
        queryset=get_condition_page_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose from the listed concerns.")},
    )
    message = TextField(
        label=_("Anything else you would like us to know (optional)"),
        max_length=2000,
        required=False,
        validators=[validate_text, validate_no_html],
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Up to 2000 characters. Please do not include medical records."),
    )
    is_adult = StrictBooleanField(
        label=_("I am 18 or over"),
        error_messages={"required": _("Confirm that you are 18 or over.")},
    )
    consent = StrictBooleanField(
        label=_("I consent"),
        error_messages={
            "required": _("Tick the consent box so we can use your answers.")
        },
    )
    marketing_opt_in = StrictBooleanField(
        label=_("Send me news and offers by email (optional)"),
        required=False,
        initial=False,
    )

    def __init__(
        self,
        *args,
        treatment=None,
        consent_statement=None,
        site=None,
        locations=None,
        concerns=None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.fixed_treatment = treatment
        self.consent_statement = consent_statement
        self.site = site
        field = self.fields["treatment"]
        field.queryset = live_treatments(site)
        if treatment is not None:
            field.widget = forms.HiddenInput()
            field.initial = treatment.pk
        concerns_field = self.fields["concerns"]
        concerns_field.queryset = live_conditions(site, treatment)
        concerns_field.site = site
        if concerns is not None and hasattr(concerns_field, "set_offered"):
            concerns_field.set_offered(concerns)
        self.setup_locations(site, treatment, locations)
        if consent_statement is not None:
            self.fields["consent"].label = consent_statement.text

    def setup_locations(self, site, treatment, locations=None):
        """The clinics to choose from (one query, none when ``locations`` are
        given); no question when there are none."""
        field = self.fields.get("location")
        if not isinstance(field, LocationChoiceField):
            return
        if locations is None:
            locations = list(live_locations(site, treatment))
        if locations:
            field.set_locations(locations)
        else:
            del self.fields["location"]

    def preselect(self, request):
        """Pre-select what the page the visitor came from names in the query string.

        ``?condition=<id>`` (a condition page's link to the form) ticks that
        concern, ``?location=<id>`` (a location page's link) selects that
        clinic: each only when it is one of this form's own choices, anything
        else is ignored. Only ids of public pages travel in these links, never
        an answer.
        """
        condition = query_value(request, "condition")
        concerns = self.fields.get("concerns")
        if (
            hasattr(concerns, "queryset")
            and _is_pk(condition)
            and self._offers_concern(concerns, int(condition))
        ):
            self.initial["concerns"] = [int(condition)]
        location = query_value(request, "location")
        field = self.fields.get("location")
        if (
            isinstance(field, LocationChoiceField)
            and _is_pk(location)
            and int(location) in field.locations
        ):
            self.initial["location"] = int(location)

    @staticmethod
    def _offers_concern(field, pk):
        offered = getattr(field, "offered", None)
        if offered is not None:
            return pk in offered
        return field.queryset.filter(pk=pk).exists()

    @property
    def closed(self):
        """True when no consent statement is in force: the form cannot be sent."""
        return self.consent_statement is None

    def clean_email(self):
        """The address in its stored form (``normalise_email``)."""
        return normalise_email(self.cleaned_data["email"])

    def clean_treatment(self):
        """On a treatment page, only that page's treatment."""
        treatment = self.cleaned_data["treatment"]
        if self.fixed_treatment is not None and treatment != self.fixed_treatment:
            raise ValidationError(
                self.fields["treatment"].error_messages["invalid_choice"],
                code="invalid_choice",
            )
        return treatment

    def clean(self):
        cleaned_data = super().clean()
        if self.closed:
            raise ValidationError(NOT_TAKING_ENQUIRIES, code="closed")
        if cleaned_data.get("contact_method") == ContactMethod.PHONE and not (
            cleaned_data.get("phone")
        ):
            self.add_error(
                "phone", _("Enter a phone number, or choose to be contacted by email.")
            )
        self.check_location_offers(cleaned_data)
        return cleaned_data

    def check_location_offers(self, cleaned_data):
        """The chosen clinic must offer the chosen treatment (the standalone form
        lists every clinic of the site); the message names those that do."""
        location = cleaned_data.get("location")
        treatment = cleaned_data.get("treatment")
        if location is None or treatment is None:
            return
        if location.offered_treatments.filter(treatment=treatment).exists():
            return
        field = self.fields["location"]
        offering = list(
            live_locations(self.site, treatment)
            .filter(pk__in=list(field.locations))
            .values_list("title", flat=True)
        )
        values = {
            "treatment": treatment.title,
            "location": location.title,
            "locations": ", ".join(offering),
        }
        message = (NOT_OFFERED_THERE if offering else NOT_OFFERED_ANYWHERE) % values
        self.add_error("location", ValidationError(message, code="not_offered"))

    def get_extra_answers(self):
        """What to store in ``Enquiry.extra_answers``; call after ``is_valid()``.

        By default, the answer to every field this class has beyond
        ``EnquiryForm``'s own, by field name, with its label:
        ``{"heard_about_us": {"label": "How did you hear about us?", "value":
        "A friend"}}`` (see ``answers.py``). Override it to store less, or
        other JSON-safe values; the inbox and exports show whatever it returns.
        """
        return collect_extra_answers(self, EnquiryForm)


def get_form_class():
    return import_string(app_settings.ENQUIRY_FORM_CLASS)
