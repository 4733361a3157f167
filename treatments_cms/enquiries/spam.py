"""Spam checks for the enquiry form: a honeypot and a signed minimum fill time.

A rendered form carries ``form_token``: a random nonce signed with Django's
``TimestampSigner``, so its issue time cannot be forged or changed. A post is
refused when the token is missing, tampered with, older than
``ENQUIRY_FORM_MAX_AGE_SECONDS`` or younger than ``ENQUIRY_MIN_FILL_SECONDS``.
The nonce becomes the enquiry's ``submission_key``, so a replayed token (or a
double-clicked submit) can never store a second enquiry.

The checks are swappable through ``TREATMENTS_CMS_ENQUIRY_SPAM_CHECKS``: each is
a callable ``check(request, form)`` that raises ``SpamRejected``. Rejections are
logged with a reason code only, never with anything the visitor typed.
"""

import re
import secrets
import time

from django.core import signing

from ..conf import app_settings

HONEYPOT_FIELD = "website"
TOKEN_FIELD = "form_token"  # noqa: S105 (a form field name)

TRY_AGAIN = (
    "Sorry, we could not accept the form this time. Please check your answers "
    "and send it again."
)

_NONCE_RE = re.compile(r"^[A-Za-z0-9_-]{32}$")
_SALT = "treatments_cms.enquiries.form_token"


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


class InvalidToken(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def _signer():
    return signing.TimestampSigner(salt=_SALT)


def issue_token():
    """A new signed token: a random nonce and the time it was issued."""
    return _signer().sign(secrets.token_urlsafe(24))


def read_token(token, *, check_min_age=True):
    """Return the token's ``(nonce, issued_at)`` or raise ``InvalidToken``."""
    if not isinstance(token, str) or not token:
        raise InvalidToken("token_missing")
    signer = _signer()
    try:
        nonce = signer.unsign(token, max_age=app_settings.ENQUIRY_FORM_MAX_AGE_SECONDS)
    except signing.SignatureExpired:
        raise InvalidToken("token_expired") from None
    except signing.BadSignature:
        raise InvalidToken("token_bad_signature") from None
    if not _NONCE_RE.match(nonce):
        raise InvalidToken("token_bad_nonce")
    issued_at = signing.b62_decode(token.rsplit(signer.sep, 2)[1])
    age = time.time() - issued_at
    if age < 0:
        raise InvalidToken("token_from_future")
    if check_min_age and age < app_settings.ENQUIRY_MIN_FILL_SECONDS:
        raise InvalidToken("token_too_fast")
    return nonce, issued_at


def token_for_rerender(token):
    """The token to put back in a re-rendered form.

    A genuine, unexpired token is kept (the fill time keeps counting from the
    first render); anything else is replaced by a fresh one.
    """
    try:
        read_token(token, check_min_age=False)
    except InvalidToken:
        return issue_token()
    return token


def check_honeypot(request, form):
    """A person leaves the hidden "website" field empty; many bots fill it in."""
    if form.data.get(HONEYPOT_FIELD, ""):
        raise SpamRejected("honeypot", silent=True)


def check_form_token(request, form):
    """The form must have been rendered by this site, recently, and not too fast."""
    try:
        read_token(form.data.get(TOKEN_FIELD))
    except InvalidToken as exc:
        raise SpamRejected(exc.reason) from None
