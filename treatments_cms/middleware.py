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
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest
from django.middleware.csrf import CsrfViewMiddleware
from django.middleware.gzip import GZipMiddleware
from django.utils.http import parse_header_parameters
from django.utils.module_loading import import_string
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


def _is_same_origin(request, good_origins):
    """True when the browser says the request comes from this site.

    ``Sec-Fetch-Site``, when sent, must be ``same-origin``; then ``Origin``
    must be one of ``good_origins`` (``null`` never is), or, without it,
    ``Referer`` must start with one. Browsers set these headers themselves: a
    page on another site cannot forge them. A request with neither is refused.
    """
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin != "null" and origin in good_origins
    referer = request.META.get("HTTP_REFERER", "")
    parts = urlsplit(referer)
    if not parts.scheme or not parts.netloc:
        return False
    return f"{parts.scheme}://{parts.netloc}" in good_origins


class EnquiryCsrfViewMiddleware(CsrfViewMiddleware):
    """Django's CSRF check, with one equivalent for forms on cached pages.

    A form on a page a shared cache keeps cannot carry the visitor's CSRF
    token; its script fetches one, but without JavaScript the post comes
    without it. Such a post is accepted when it carries the page token of a
    cached enquiry form (``tokens.PageToken``), goes to a page or the
    enquiry view, and the browser's ``Origin`` (or ``Referer``) and
    ``Sec-Fetch-Site`` headers say it was sent from this site. Every other
    request gets Django's full check. See docs/decisions.md.

    Use it instead of ``django.middleware.csrf.CsrfViewMiddleware``.
    """

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if (
            request.method == "POST"
            and not getattr(request, "csrf_processing_done", False)
            and not getattr(request, "_dont_enforce_csrf_checks", False)
            and not declared_charset_is_refused(request)
            and not getattr(callback, "csrf_exempt", False)
            and _accepts_same_origin_posts(callback)
            and self._has_page_token(request)
            and _is_same_origin(request, self._good_origins(request))
        ):
            return self._accept(request)
        return super().process_view(request, callback, callback_args, callback_kwargs)

    def _good_origins(self, request):
        scheme = "https" if request.is_secure() else "http"
        try:
            host = request.get_host()
        except DisallowedHost:
            return set()
        return {f"{scheme}://{host}", *settings.CSRF_TRUSTED_ORIGINS}

    def _has_page_token(self, request):
        from .enquiries.tokens import TOKEN_FIELD, InvalidToken, PageToken

        try:
            value = request.POST.get(TOKEN_FIELD)
        except (OSError, LookupError, UnicodeError):
            return False
        try:
            PageToken.read(value)
        except InvalidToken:
            return False
        return True


def accepts_same_origin_posts(view):
    """Mark ``view`` as one whose enquiry posts ``EnquiryCsrfViewMiddleware`` may
    accept on the same-origin check."""
    view.treatments_cms_same_origin_posts = True
    return view


def _accepts_same_origin_posts(callback):
    from wagtail.views import serve

    return callback is serve or getattr(
        callback, "treatments_cms_same_origin_posts", False
    )


DEFAULT_PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
    "encrypted-media=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), midi=(), payment=(), publickey-credentials-get=(), "
    "screen-wake-lock=(), usb=(), xr-spatial-tracking=(), browsing-topics=()"
)


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` on every response: no powerful feature is used.

    ``TREATMENTS_CMS_PERMISSIONS_POLICY`` replaces the value ("" sends none).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(
            settings, "TREATMENTS_CMS_PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY
        )
        if policy and not response.has_header("Permissions-Policy"):
            response["Permissions-Policy"] = policy
        return response


class PublicGZipMiddleware(GZipMiddleware):
    """Django's gzip, for public responses only.

    Compressing a response that holds a secret (a CSRF or form token, a
    visitor's answers) next to text an attacker can choose lets them guess the
    secret from the compressed size (BREACH). Public pages carry none
    (``treatments_cms.cache``), so only responses marked
    ``Cache-Control: public`` are compressed; forms shown again, the token
    view, the admin and everything private go uncompressed.
    """

    def process_response(self, request, response):
        directives = {
            part.strip().split("=")[0].lower()
            for part in response.get("Cache-Control", "").split(",")
        }
        if "public" not in directives or "private" in directives:
            return response
        return super().process_response(request, response)


def cached_forms_enabled():
    """True when the project runs ``EnquiryCsrfViewMiddleware`` (or a subclass).

    Only then can an enquiry form without a CSRF token in its HTML be posted
    without JavaScript, so only then do pages render the form the same for
    every visitor; otherwise they keep per-visitor tokens and stay private.
    """
    for path in getattr(settings, "MIDDLEWARE", None) or ():
        if "Csrf" not in path:
            continue
        try:
            middleware = import_string(path)
        except ImportError:
            continue
        if isinstance(middleware, type) and issubclass(
            middleware, EnquiryCsrfViewMiddleware
        ):
            return True
    return False
