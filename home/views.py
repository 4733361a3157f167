"""The demo site's icons at the addresses browsers ask for without being told."""

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from . import icons

# A day: long enough to spare the requests, short enough to see a new icon soon.
ICON_MAX_AGE = 60 * 60 * 24


@require_safe
@cache_control(public=True, max_age=ICON_MAX_AGE)
def favicon(request):
    """``/favicon.ico``: asked for by browsers and crawlers on every site."""
    return HttpResponse(icons.favicon_ico(), content_type="image/x-icon")


@require_safe
@cache_control(public=True, max_age=ICON_MAX_AGE)
def touch_icon(request):
    """``/apple-touch-icon.png``: the icon a phone puts on its home screen."""
    return HttpResponse(icons.touch_icon_png(), content_type="image/png")
