"""Public pages a shared cache may keep, and a server-side cache of them.

Every Wagtail page served to an anonymous visitor with status 200 is public:
``Cache-Control: public, max-age=PAGE_MAX_AGE, s-maxage=PAGE_SHARED_MAX_AGE``,
no ``Set-Cookie``, no ``Vary: Cookie``. A page opts out with
``cache_public = False`` on its class; a response that sets a cookie, reads the
CSRF token or says ``private``/``no-store`` itself is never made public (a
Wagtail form page, a password-protected page, a refused enquiry shown again).
Previews, the admin and every non-page view are left alone.

``PageCacheMiddleware`` keeps those responses in Django's cache framework
(``PAGE_CACHE_ALIAS``; Redis in production, local memory by default) for
``PAGE_CACHE_SECONDS`` (0: no server-side cache), keyed by scheme, host, path
and query string, and answers a cached page before sessions, CSRF, auth or
Wagtail's routing run. A request that carries a session or messages cookie (an
editor, a visitor with a pending message) is never answered from the cache and
its response never stored.

Purging: each path has a version in the cache that is part of its entries'
keys (so ``?page=2`` and every other query of the path go at once);
``purge_urls`` drops the versions of the given URLs, ``clear`` every entry.
``treatments_cms.purge`` calls both when content changes.
"""

import hashlib
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from .conf import app_settings

HIT_HEADER = "X-Page-Cache"
_PREFIX = "treatments_cms:page"
# Headers never stored with a page, nor sent from the cache.
_NOT_STORED = {"set-cookie", "vary", "content-length", HIT_HEADER.lower()}


def public_cache_control():
    return (
        f"public, max-age={int(app_settings.PAGE_MAX_AGE)}, "
        f"s-maxage={int(app_settings.PAGE_SHARED_MAX_AGE)}"
    )


def _cache():
    return caches[app_settings.PAGE_CACHE_ALIAS]


def _digest(*parts):
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _path_key(path):
    # By path alone: a purge by the Site's URL reaches the page whatever host
    # name the request used (two sites sharing a path purge each other, which
    # costs one render).
    return f"{_PREFIX}:version:{_digest(path)}"


_GENERATION_KEY = f"{_PREFIX}:generation"


def _versions(cache, path, seconds):
    """The cache's generation and this path's version, created when missing.

    Read before the page is rendered: a purge during the rendering drops the
    version, so the page (rendered from the old content) is stored under a
    key no request asks for again. A version lives twice the page lifetime,
    so paths that are never pages (404s) leave nothing behind for long.
    """
    path_key = _path_key(path)
    found = cache.get_many([_GENERATION_KEY, path_key])
    generation = found.get(_GENERATION_KEY)
    if generation is None:
        generation = secrets.token_hex(8)
        if not cache.add(_GENERATION_KEY, generation, timeout=None):
            generation = cache.get(_GENERATION_KEY, generation)
    version = found.get(path_key)
    if version is None:
        version = secrets.token_hex(8)
        if not cache.add(path_key, version, timeout=2 * seconds):
            version = cache.get(path_key, version)
    return generation, version


def _page_key(request, cache, seconds):
    """The cache key of this request's page, or None (a host not allowed)."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    path = request.path
    generation, version = _versions(cache, path, seconds)
    query = request.META.get("QUERY_STRING", "")
    scheme = "https" if request.is_secure() else "http"
    return (
        f"{_PREFIX}:{generation}:{version}:{_digest(scheme, host.lower(), path, query)}"
    )


def purge_urls(urls):
    """Drop the cached pages of ``urls`` (absolute URLs or paths), every query
    string of each, on every host name."""
    cache = _cache()
    keys = {_path_key(urlsplit(url).path or "/") for url in urls}
    if keys:
        cache.delete_many(list(keys))


def clear():
    """Drop every cached page (a new generation; old entries expire)."""
    _cache().set(_GENERATION_KEY, secrets.token_hex(8), timeout=None)


def mark_page(request, page):
    """Remember the page being served (Wagtail's ``before_serve_page`` hook)."""
    request.treatments_cms_page = page


def _request_may_use_cache(request):
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return not request.META.get("HTTP_AUTHORIZATION")


def _response_is_public(request, response):
    """True when ``response`` is an anonymous visitor's Wagtail page another may see."""
    page = getattr(request, "treatments_cms_page", None)
    if page is None or getattr(request, "is_preview", False):
        return False
    if not getattr(page, "cache_public", True):
        return False
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        # The page holds a CSRF token: it belongs to this visitor alone.
        return False
    if response.has_header("Cache-Control"):
        return False
    # A page behind a password, a login or a group reaches an anonymous
    # visitor only as a redirect or a password form (with a CSRF token), so
    # neither is kept; the session cookie that lets a visitor through keeps
    # the request away from the cache.
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _without_cookie_vary(response):
    vary = [
        value.strip()
        for value in response.get("Vary", "").split(",")
        if value.strip() and value.strip().lower() != "cookie"
    ]
    del response["Vary"]
    if vary:
        patch_vary_headers(response, vary)


class PageCacheMiddleware:
    """Makes anonymous page responses public and serves them from the cache.

    Install it after ``SecurityMiddleware`` (and the CSP and compression
    middleware) and before ``SessionMiddleware``: a cached page is then
    answered before sessions, CSRF, authentication and Wagtail's routing, and
    the headers of the middleware above it are added to every response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = int(app_settings.PAGE_CACHE_SECONDS)
        usable = _request_may_use_cache(request)
        key = None
        if usable and seconds > 0:
            cache = _cache()
            key = _page_key(request, cache, seconds)
            stored = cache.get(key) if key is not None else None
            if stored is not None:
                return self._rebuild(stored)

        response = self.get_response(request)
        if not usable or not _response_is_public(request, response):
            if getattr(
                request, "treatments_cms_page", None
            ) is not None and not response.has_header("Cache-Control"):
                # An editor's page (the userbar): no shared cache may keep it.
                response["Cache-Control"] = "private"
            return response
        _without_cookie_vary(response)
        response["Cache-Control"] = public_cache_control()
        if key is not None and request.method == "GET":
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in _NOT_STORED
            ]
            vary = response.get("Vary", "")
            _cache().set(key, (response.content, headers, vary), timeout=seconds)
            response[HIT_HEADER] = "miss"
        return response

    def _rebuild(self, stored):
        content, headers, vary = stored
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        if vary:
            response["Vary"] = vary
        response[HIT_HEADER] = "hit"
        return response
