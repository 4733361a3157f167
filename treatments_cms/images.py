"""Responsive pictures: the rendition sizes of each place a picture appears.

``{% picture image "card" alt=... %}`` (``treatments_cms_images``) renders a
``<picture>`` with a WebP source and a JPEG fallback in the widths of the
named preset, ``sizes`` for the layout, and width and height so nothing
shifts while it loads. A project changes a preset, or adds one, with
``TREATMENTS_CMS_IMAGE_PRESETS = {"card": {...}}``: each key given replaces
the default's.
"""

from dataclasses import dataclass, replace

from django.db.models import prefetch_related_objects

from .conf import app_settings


@dataclass(frozen=True)
class ImagePreset:
    """How a picture is rendered in one place of the layout.

    ``filter_spec`` is a Wagtail multi-rendition spec such as
    ``"fill-{400x225,800x450}|format-{webp,jpeg}"``: one rendition per width
    and format, the last format the fallback ``<img>``. ``priority`` marks the
    picture at the top of a page: fetched first and never lazily.
    """

    filter_spec: str
    sizes: str = ""
    priority: bool = False


DEFAULT_PRESETS = {
    # The picture at the top of a page, as wide as the content column: beside
    # the aside from 64rem (page width 76rem less its padding, the aside and
    # the gap: 49rem at most), the container less its padding below that.
    "hero": ImagePreset(
        "fill-{640x360,1024x576,1600x900}|format-{webp,jpeg}",
        sizes=(
            "(min-width: 76rem) 49rem, (min-width: 64rem) calc(100vw - 27rem), "
            "(min-width: 40rem) calc(100vw - 4rem), calc(100vw - 2rem)"
        ),
        priority=True,
    ),
    # A card in a grid of one to three columns.
    "card": ImagePreset(
        "fill-{400x225,800x450}|format-{webp,jpeg}",
        sizes="(min-width: 64rem) 22rem, (min-width: 40rem) 50vw, 100vw",
    ),
    # A picture in the page's prose (the image block), in its own proportions.
    "content": ImagePreset(
        "width-{480,800,1200}|format-{webp,jpeg}",
        sizes="(min-width: 48rem) 45rem, 100vw",
    ),
    # A practitioner's photo: a 4:5 portrait on cards and their profile.
    "portrait": ImagePreset(
        "fill-{240x300,480x600}|format-{webp,jpeg}",
        sizes="15rem",
    ),
    # The clinic's logo in the header; PNG keeps its transparent background.
    "logo": ImagePreset(
        "height-{48,96}|format-{webp,png}",
        sizes="12rem",
        priority=True,
    ),
}

# The rendition og:image and twitter:image use: the size sharing sites expect.
SHARE_FILTER_SPEC = "fill-1200x630|format-jpeg"


def get_preset(name):
    """The ``ImagePreset`` called ``name``, with the project's changes applied."""
    presets = {**DEFAULT_PRESETS}
    for preset_name, changes in (app_settings.IMAGE_PRESETS or {}).items():
        base = presets.get(preset_name, ImagePreset(filter_spec=""))
        if isinstance(changes, ImagePreset):
            presets[preset_name] = changes
        else:
            presets[preset_name] = replace(base, **changes)
    try:
        return presets[name]
    except KeyError:
        raise ValueError(f"Unknown image preset {name!r}") from None


def prefetch_images(pages, field="image"):
    """Load the pictures of ``pages`` and all their renditions in two queries.

    For page lists built without ``as_cards``; a page's own picture is
    loaded the same way before its template renders it.
    """
    prefetch_related_objects(list(pages), field, f"{field}__renditions")
