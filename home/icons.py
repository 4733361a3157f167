"""The demo clinic's icon, drawn in code: the favicon and the touch icon.

Both are the clinic's logo mark (two overlapping leaves in a ring, drawn by
``home.demo_content.images.logo_picture``), so the browser tab, the phone's
home screen and the header show the same mark; ``home/static/home/icons/
icon.svg`` is the same mark by hand, for browsers that take an SVG icon.
Nothing is downloaded or copied; the bytes are built once per process and
served by ``home.views``.
"""

import io
from functools import cache

from PIL import Image

from .demo_content.images import logo_picture

FAVICON_SIZES = (16, 32, 48)
TOUCH_ICON_SIZE = 180
# The touch icon's background (a phone shows transparency as black) and the
# share of its width the mark takes, leaving room for the rounded corners.
TOUCH_ICON_BACKGROUND = (255, 255, 255)
TOUCH_ICON_MARK = 0.8


def draw_icon(size):
    """The mark as a ``size`` x ``size`` RGBA image on transparency."""
    return logo_picture(size)


@cache
def favicon_ico():
    """``favicon.ico`` bytes with the 16, 32 and 48 px icons, each drawn at its size."""
    *smaller, largest = sorted(FAVICON_SIZES)
    buffer = io.BytesIO()
    draw_icon(largest).save(
        buffer,
        format="ICO",
        sizes=[(size, size) for size in FAVICON_SIZES],
        append_images=[draw_icon(size) for size in smaller],
    )
    return buffer.getvalue()


@cache
def touch_icon_png():
    """``apple-touch-icon.png`` bytes: 180 px, the mark on an opaque background."""
    icon = Image.new("RGB", (TOUCH_ICON_SIZE, TOUCH_ICON_SIZE), TOUCH_ICON_BACKGROUND)
    mark_size = round(TOUCH_ICON_SIZE * TOUCH_ICON_MARK)
    offset = (TOUCH_ICON_SIZE - mark_size) // 2
    mark = draw_icon(mark_size)
    icon.paste(mark, (offset, offset), mark)
    buffer = io.BytesIO()
    icon.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
