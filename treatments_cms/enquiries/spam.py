"""Spam checks for the enquiry form: a honeypot and a signed minimum fill time.

Only the checks ``TREATMENTS_CMS_ENQUIRY_SPAM_CHECKS`` lists run, in order. Each
is a callable ``check(request, form)`` that raises ``SpamRejected``; the form is
bound and not yet validated. Rejections are logged with a reason code only,
never with anything the visitor typed.

``check_form_token`` refuses a post whose form token (``tokens.py``) is
missing, tampered with, older than ``ENQUIRY_FORM_MAX_AGE_SECONDS`` or younger
than ``ENQUIRY_MIN_FILL_SECONDS``. The token's other uses (one enquiry per
rendered form, the consent statement shown) do not depend on this check.
"""

from django.utils.translation import gettext_lazy as _

from ..conf import app_settings
from .tokens import TOKEN_FIELD, InvalidToken, read_any_token, visitor_token

HONEYPOT_FIELD = "website"

TRY_AGAIN = _(
    "Sorry, we could not accept the form this time. Please check your answers "
    "and send it again."
)


class SpamRejected(Exception):
    """A submission refused by a spam check.

    ``reason`` is a short code safe to log. With ``silent=True`` the visitor sees
    the ordinary thank-you page (so a bot learns nothing); otherwise the form is
    shown again with ``message``.
    """

    def __init__(self, reason, *, silent=False, message=TRY_AGAIN):
        super().__init__(reason)
        self.reason = reason
        self.silent = silent
        self.message = message


def check_honeypot(request, form):
    """A person leaves the hidden "website" field empty; many bots fill it in."""
    if form.data.get(HONEYPOT_FIELD, ""):
        raise SpamRejected("honeypot", silent=True)


def check_form_token(request, form):
    """The form must have been rendered by this site, recently, and not too fast.

    On a cached page the fill time counts from the visitor's own token when
    the script fetched one (when the page was opened), else from the page's
    rendering.
    """
    try:
        token = read_any_token(form.data.get(TOKEN_FIELD))
    except InvalidToken as exc:
        raise SpamRejected(exc.reason) from None
    token = visitor_token(form.data) or token
    if token.age < app_settings.ENQUIRY_MIN_FILL_SECONDS:
        raise SpamRejected("token_too_fast")
