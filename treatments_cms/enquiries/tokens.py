"""The form token: which rendering of the enquiry form a post comes from, and when.

Every rendered form carries ``form_token``: a random nonce signed with Django's
``TimestampSigner``, so neither the nonce nor its issue time can be forged or
changed. The pipeline reads it whatever spam checks are listed:

- the nonce is the enquiry's ``submission_key``: a double-clicked submit (or a
  replayed form) stores one enquiry;
- the issue time says which consent statement the visitor was shown.

A post without a valid token is still an enquiry: it has no submission key and
is taken to have seen the statement in force now. Refusing such posts, and
posts sent faster than a person can type, is a spam check
(``spam.check_form_token``), run only when the project lists it.
"""

import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core import signing

from ..conf import app_settings

TOKEN_FIELD = "form_token"  # noqa: S105 (a form field name)

_NONCE_RE = re.compile(r"^[A-Za-z0-9_-]{32}$")
_SALT = "treatments_cms.enquiries.form_token"


class InvalidToken(Exception):
    """A token that is missing, forged, expired or from the future.

    ``reason`` is a short code, safe to log.
    """

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def _signer():
    return signing.TimestampSigner(salt=_SALT)


@dataclass(frozen=True)
class FormToken:
    """One rendered form's token: the signed ``value``, its ``nonce`` and issue time."""

    value: str
    nonce: str
    issued_at: int

    @classmethod
    def issue(cls):
        """A new token for a form about to be rendered."""
        return cls.read(_signer().sign(secrets.token_urlsafe(24)))

    @classmethod
    def read(cls, value):
        """The token ``value`` stands for, or ``InvalidToken``.

        Valid means signed by this site, issued no longer than
        ``ENQUIRY_FORM_MAX_AGE_SECONDS`` ago and not in the future.
        """
        if not isinstance(value, str) or not value:
            raise InvalidToken("token_missing")
        signer = _signer()
        try:
            nonce = signer.unsign(
                value, max_age=app_settings.ENQUIRY_FORM_MAX_AGE_SECONDS
            )
        except signing.SignatureExpired:
            raise InvalidToken("token_expired") from None
        except signing.BadSignature:
            raise InvalidToken("token_bad_signature") from None
        if not _NONCE_RE.match(nonce):
            raise InvalidToken("token_bad_nonce")
        issued_at = signing.b62_decode(value.rsplit(signer.sep, 2)[1])
        if issued_at > time.time():
            raise InvalidToken("token_from_future")
        return cls(value=value, nonce=nonce, issued_at=issued_at)

    @classmethod
    def from_data(cls, data):
        """The valid token in posted ``data``, or None."""
        try:
            return cls.read(data.get(TOKEN_FIELD))
        except InvalidToken:
            return None

    @property
    def age(self):
        """Seconds since the form was rendered."""
        return time.time() - self.issued_at

    @property
    def rendered_at(self):
        """When the form was rendered, to the second (the signature's precision)."""
        return datetime.fromtimestamp(self.issued_at, tz=UTC)


def issue_token():
    """A new signed token's value."""
    return FormToken.issue().value


def read_token(value):
    """``(nonce, issued_at)`` of a valid token, or ``InvalidToken``."""
    token = FormToken.read(value)
    return token.nonce, token.issued_at


def token_for_rerender(value):
    """The token to put back in a form shown again after an error.

    A valid token is kept (the fill time keeps counting from the first render,
    and a second post of the same rendering is still one enquiry); anything
    else is replaced by a fresh one.
    """
    try:
        return FormToken.read(value).value
    except InvalidToken:
        return issue_token()
