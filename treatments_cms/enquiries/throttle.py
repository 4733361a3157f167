"""A per-client throttle on accepted enquiries, counted in Django's cache.

A fixed-window counter built on ``cache.add`` and ``cache.incr``: atomic on
Redis (Django's ``RedisCache``), so every worker and machine shares one count,
and correct within one process on the local-memory cache of the SQLite default
(each process then counts on its own: use a shared cache when running several
workers). It uses only the public cache API, so no system check depends on the
cache backend (unlike django-ratelimit).

Cache keys hold a keyed hash of the client address, never the address itself.
"""

import re
import time
from dataclasses import dataclass

from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.utils.crypto import salted_hmac

from ..conf import app_settings

_RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def parse_rate(value):
    """``"5/10m"`` -> ``Rate(5, 600)``; ``None`` -> ``None`` (throttle off)."""
    if value is None:
        return None
    match = _RATE_RE.match(str(value))
    if not match or int(match[1]) < 1 or match[2] == "0":
        raise ImproperlyConfigured(
            f"TREATMENTS_CMS_ENQUIRY_THROTTLE_RATE must look like '5/10m', not {value!r}."
        )
    return Rate(int(match[1]), int(match[2] or 1) * _UNIT_SECONDS[match[3]])


def client_ip(request):
    """The client's address: REMOTE_ADDR, or X-Forwarded-For behind trusted proxies.

    With ``ENQUIRY_TRUSTED_PROXY_COUNT = n`` the address is the n-th entry from
    the right of X-Forwarded-For (each trusted proxy appends one), so a client
    cannot choose its own address by sending the header itself.
    """
    proxies = app_settings.ENQUIRY_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(request, rate, now):
    client = salted_hmac("treatments_cms.enquiries.throttle", client_ip(request))
    window = int(now // rate.seconds)
    return f"treatments_cms:enquiry-throttle:{client.hexdigest()}:{window}"


def hit(request, now=None):
    """Count one accepted enquiry from this client; ``True`` when over the limit."""
    rate = parse_rate(app_settings.ENQUIRY_THROTTLE_RATE)
    if rate is None:
        return False
    cache = caches[app_settings.ENQUIRY_THROTTLE_CACHE]
    key = _key(request, rate, time.time() if now is None else now)
    cache.add(key, 0, timeout=rate.seconds)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add and incr: this is the window's first hit.
        cache.set(key, 1, timeout=rate.seconds)
        count = 1
    return count > rate.count
