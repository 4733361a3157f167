"""``/healthz``: is this process able to serve? For load balancers and monitors.

200 ``{"status": "ok"}`` when the database answers a query and the default
cache (Redis in production) stores and returns a value; 503 with the name of
what failed otherwise. It names no host, version or setting, needs no login,
touches no session and is never cached.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

logger = logging.getLogger(__name__)


def _database_ok():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache_ok():
    key = f"healthz:{secrets.token_hex(8)}"
    cache.set(key, "1", timeout=5)
    found = cache.get(key) == "1"
    cache.delete(key)
    return found


@never_cache
@require_http_methods(["GET", "HEAD"])
def healthz(request):
    failed = []
    for name, check in (("database", _database_ok), ("cache", _cache_ok)):
        try:
            if not check():
                failed.append(name)
        except Exception:  # noqa: BLE001 - any failure means "not healthy"
            logger.exception("Health check failed: %s", name)
            failed.append(name)
    if failed:
        return JsonResponse({"status": "unavailable", "failed": failed}, status=503)
    return JsonResponse({"status": "ok"})
