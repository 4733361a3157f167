"""Template helpers for the enquiry form and the answers it stores.

``{% enquiry_form_for page as enquiry %}``: the form in the template's context
(``enquiry``, which ``EnquiryFormPageMixin`` puts there), or else a new
standalone form that posts to the enquiry view. A page that shows the form
should use the mixin: it handles the page's own post and sends the page
``Cache-Control: private, no-store``.

``{% for label, text in enquiry|extra_answer_rows %}``: the answers to fields
a project added to its form, as text, in the order the form asks them.
"""

from django import template

from ..enquiries.answers import answer_text
from ..enquiries.export import extra_answers_of
from ..enquiries.views import EnquiryFormState, new_form_state

register = template.Library()


@register.simple_tag(takes_context=True)
def enquiry_form_for(context, page=None):
    """The form the page's context holds, else a new standalone one."""
    state = context.get("enquiry")
    if isinstance(state, EnquiryFormState):
        return state
    return new_form_state(context["request"])


@register.filter
def extra_answer_rows(enquiry):
    """``[(label, text)]``: an enquiry's extra answers, for people to read."""
    return [
        (label, answer_text(value)) for _name, label, value in extra_answers_of(enquiry)
    ]
