"""``{% enquiry_form_for page as enquiry %}``: the enquiry form for a template.

Gives the bound form when the pipeline is re-rendering this page after an error,
otherwise a fresh form (with a new signed timing token). It marks the request so
the page's response is sent ``Cache-Control: private, no-store``.
"""

from django import template

from ..enquiries.views import RENDERED_ATTR, REQUEST_ATTR, new_form_state
from ..models import TreatmentPage

register = template.Library()


@register.simple_tag(takes_context=True)
def enquiry_form_for(context, page=None):
    """``page``: the TreatmentPage the form is about (None: visitor picks one)."""
    request = context["request"]
    setattr(request, RENDERED_ATTR, True)
    treatment = page if isinstance(page, TreatmentPage) else None
    state = getattr(request, REQUEST_ATTR, None)
    if state is not None and state.treatment == treatment:
        return state
    return new_form_state(request, treatment=treatment)
