"""Refuse, with a short 400, requests the rest of the stack cannot read safely.

``RequestSanityMiddleware`` answers 400 before any view, session or CSRF check
reads the request when:

- the path, a query parameter's name or value, or a cookie holds a control
  character (NUL and the other C0 controls except tab, line feed and carriage
  return, and DEL). PostgreSQL refuses NUL in text, so such a value becomes a
  server error wherever it reaches a query: a page filter, a slug, the session.
- a form body (urlencoded or multipart) declares a charset other than UTF-8.
  Django decodes the form with the declared charset, so Latin-1 turns into
  mangled text that passes any UTF-8 check, and a name Python cannot use as a
  text codec is a server error.
- any other body declares a charset Python cannot decode text with.

Install it right after ``SecurityMiddleware``. The enquiry view makes the same
charset check itself, for projects that leave the middleware out.

One case comes before any Django middleware: a request with a query string
whose content type declares a codec that cannot decode text (``hex``,
``undefined``) fails while Django builds the request object. Wrap the WSGI
application in ``CharsetGuard`` to answer those with a 400 as well.
"""

import re

from django.http import HttpResponseBadRequest
from django.utils.http import parse_header_parameters
from django.utils.translation import gettext_lazy as _

FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

BAD_CHARACTERS = _(
    "Bad request: the address or a cookie holds characters that are not allowed."
)
BAD_CHARSET = _("Bad request: send forms encoded as UTF-8.")


def has_control_characters(value):
    """True when ``value`` holds NUL or another control character (tabs and
    line breaks allowed)."""
    return bool(_CONTROL_RE.search(value or ""))


def _is_utf8(charset):
    # Literally "utf-8": Django refuses an urlencoded form declaring "utf8".
    return charset.strip().lower() == "utf-8"


def _is_text_codec(charset):
    # Not b"": CPython decodes empty bytes without looking the codec up.
    try:
        b"x".decode(charset, "replace")
    except (LookupError, UnicodeError):
        return False
    return True


def declared_charset_is_refused(request):
    """True when the request's body declares a charset the site will not read.

    A form content type must be UTF-8 (or declare no charset); any other content
    type may declare any charset Python can decode text with.
    """
    charset = (getattr(request, "content_params", None) or {}).get("charset")
    if charset is None or _is_utf8(charset):
        return False
    if (request.content_type or "") in FORM_CONTENT_TYPES:
        return True
    return not _is_text_codec(charset)


def query_or_cookies_have_control_characters(request):
    """True when the path, a query parameter or a cookie holds a control character."""
    if has_control_characters(request.path_info):
        return True
    for key, values in request.GET.lists():
        if has_control_characters(key) or any(map(has_control_characters, values)):
            return True
    return any(
        has_control_characters(key) or has_control_characters(value)
        for key, value in request.COOKIES.items()
    )


def query_value(request, name, default=""):
    """``request.GET[name]``, safe to filter on without this middleware installed.

    Control characters become U+FFFD (the replacement character), so the value
    matches nothing instead of reaching the database with a NUL; a query string
    in a charset Python cannot decode gives ``default``.
    """
    try:
        value = request.GET.get(name, default)
    except (LookupError, UnicodeError):
        return default
    if isinstance(value, str):
        return _CONTROL_RE.sub("\ufffd", value)
    return value


def bad_request(message):
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


class CharsetGuard:
    """WSGI wrapper: a 400 for a declared charset Django cannot build a request with.

    ``application = CharsetGuard(get_wsgi_application())`` in ``wsgi.py``.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        _content_type, params = parse_header_parameters(environ.get("CONTENT_TYPE", ""))
        charset = params.get("charset")
        if charset is not None and not _is_text_codec(charset):
            start_response(
                "400 Bad Request", [("Content-Type", "text/plain; charset=utf-8")]
            )
            return [str(BAD_CHARSET).encode()]
        return self.application(environ, start_response)


class RequestSanityMiddleware:
    """400 for control characters in the path, query or cookies, and for a form
    body in a charset other than UTF-8."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The charset first: reading request.GET decodes with it.
        if declared_charset_is_refused(request):
            return bad_request(BAD_CHARSET)
        if query_or_cookies_have_control_characters(request):
            return bad_request(BAD_CHARACTERS)
        return self.get_response(request)
