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

Pages a shared cache keeps (``treatments_cms.cache``) cannot carry a
per-visitor token: the same HTML goes to every visitor. Their form carries a
``PageToken`` instead, signed with its own salt and the same in every copy:
it says when the page was rendered (the consent statement shown, the fill
time) and is never a submission key. A small script (``enquiry-token.js``)
fetches a per-visitor ``FormToken`` and CSRF token from the uncached token
view and puts them in the form (``VISITOR_TOKEN_FIELD``); without JavaScript
the post is recognised by ``answers_key``: a keyed hash of the posted answers
and the page token, so a double click of the same answers from the same
rendering stores one enquiry while two visitors' different answers store two.
See docs/decisions.md.
"""

import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core import signing
from django.utils.crypto import salted_hmac

from ..conf import app_settings

TOKEN_FIELD = "form_token"  # noqa: S105 (a form field name)
# The per-visitor token the script fetches for a form on a cached page.
VISITOR_TOKEN_FIELD = "visitor_token"  # noqa: S105 (a form field name)
# Fields that are not answers: left out of ``answers_key``.
_NOT_ANSWERS = {TOKEN_FIELD, VISITOR_TOKEN_FIELD, "csrfmiddlewaretoken"}

_NONCE_RE = re.compile(r"^[A-Za-z0-9_-]{32}$")
_SALT = "treatments_cms.enquiries.form_token"
_PAGE_SALT = "treatments_cms.enquiries.page_token"
_PAGE_VALUE = "page"


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


@dataclass(frozen=True)
class PageToken:
    """The token of a form on a cached page: when it was rendered, nothing more.

    Every visitor served the same cached copy posts the same value, so it is
    never a submission key; ``answers_key`` combines it with the answers.
    """

    value: str
    issued_at: int

    @classmethod
    def issue(cls):
        return cls.read(signing.TimestampSigner(salt=_PAGE_SALT).sign(_PAGE_VALUE))

    @classmethod
    def read(cls, value):
        """The token ``value`` stands for, or ``InvalidToken`` (as ``FormToken.read``)."""
        if not isinstance(value, str) or not value:
            raise InvalidToken("token_missing")
        signer = signing.TimestampSigner(salt=_PAGE_SALT)
        try:
            payload = signer.unsign(
                value, max_age=app_settings.ENQUIRY_FORM_MAX_AGE_SECONDS
            )
        except signing.SignatureExpired:
            raise InvalidToken("token_expired") from None
        except signing.BadSignature:
            raise InvalidToken("token_bad_signature") from None
        if payload != _PAGE_VALUE:
            raise InvalidToken("token_bad_nonce")
        issued_at = signing.b62_decode(value.rsplit(signer.sep, 2)[1])
        if issued_at > time.time():
            raise InvalidToken("token_from_future")
        return cls(value=value, issued_at=issued_at)

    @classmethod
    def from_data(cls, data):
        try:
            return cls.read(data.get(TOKEN_FIELD))
        except InvalidToken:
            return None

    nonce = None
    age = FormToken.age
    rendered_at = FormToken.rendered_at


def read_any_token(value):
    """A valid ``FormToken`` or ``PageToken`` for ``value``, or ``InvalidToken``."""
    try:
        return FormToken.read(value)
    except InvalidToken as exc:
        if exc.reason != "token_bad_signature":
            raise
    return PageToken.read(value)


def shown_token(data):
    """The valid token of the form's rendering in ``data`` (either kind), or None."""
    try:
        return read_any_token(data.get(TOKEN_FIELD))
    except InvalidToken:
        return None


def visitor_token(data):
    """The per-visitor ``FormToken`` the script put in the form, or None."""
    try:
        return FormToken.read(data.get(VISITOR_TOKEN_FIELD))
    except InvalidToken:
        return None


def answers_key(data, page_token, treatment=None):
    """A keyed hash of the posted answers, the treatment and ``page_token``.

    The submission key of a form posted from a cached page without
    JavaScript: the same answers sent twice from the same rendering (a double
    click, a resend) give the same key, anything else another. A hash keyed
    with the site's secret: the answers cannot be read back from it.
    """
    parts = [page_token.value, str(getattr(treatment, "pk", "") or "")]
    for name in sorted(data.keys()):
        if name in _NOT_ANSWERS:
            continue
        values = data.getlist(name) if hasattr(data, "getlist") else [data[name]]
        parts.append(f"{name}={chr(31).join(str(value) for value in values)}")
    return salted_hmac(
        "treatments_cms.enquiries.answers_key",
        chr(30).join(parts),
        algorithm="sha256",
    ).hexdigest()


def issue_token():
    """A new signed token's value."""
    return FormToken.issue().value


def read_token(value):
    """``(nonce, issued_at)`` of a valid token, or ``InvalidToken``."""
    token = FormToken.read(value)
    return token.nonce, token.issued_at


def token_for_rerender(value):
    """The token to put back in a form shown again after an error.

    A valid token of either kind is kept (the fill time keeps counting from
    the first render, and a second post of the same rendering is still one
    enquiry); anything else is replaced by a fresh one.
    """
    try:
        return read_any_token(value).value
    except InvalidToken:
        return issue_token()


def visitor_token_for_rerender(value):
    """The posted per-visitor token, when valid, for a form shown again; else ""."""
    try:
        return FormToken.read(value).value
    except InvalidToken:
        return ""
