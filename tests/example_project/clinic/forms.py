"""The project's enquiry form: the plugin's, plus one question of its own.

``TREATMENTS_CMS_ENQUIRY_FORM_CLASS`` names it; the answer is stored in
``Enquiry.extra_answers`` with its label and shown in the enquiry inbox.
"""

from django import forms

from treatments_cms.enquiries.forms import (
    EnquiryForm,
    TextField,
    validate_no_html,
    validate_single_line,
)


class ClinicEnquiryForm(EnquiryForm):
    heard_about_us = TextField(
        label="How did you hear about us?",
        max_length=100,
        required=False,
        validators=[validate_single_line, validate_no_html],
        widget=forms.TextInput(),
    )
