"""Responsive pictures for the public templates.

``{% load treatments_cms_images %}`` then:

- ``{% picture image "card" alt=text %}``: a ``<picture>`` in the preset's
  widths and formats (see ``treatments_cms.images``); ``alt=""`` for a
  picture that is only decoration. Extra attributes (``class=...``,
  ``sizes=...``, ``loading=...``) go on the ``<img>``.
- ``{% page_picture page "hero" %}``: the page's picture with the page's own
  alt text (or none when the editor marked it decorative).
- ``{% share_rendition image as og %}``: the rendition for og:image.

Pictures of a "priority" preset (the hero, the logo) load at once with
``fetchpriority="high"``; the others load lazily. The renditions come from
the image's prefetched renditions when the page's query loaded them.
"""

import functools

from django import template
from django.apps import apps
from django.utils.safestring import mark_safe
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import (
    get_rendition_or_not_found,
    get_renditions_or_not_found,
)

from ..escaping import escape_html
from ..images import SHARE_FILTER_SPEC, get_preset

register = template.Library()


@functools.lru_cache(maxsize=128)
def _filters(filter_spec):
    """The ``Filter`` of each rendition of a multi-rendition spec, made once.

    Parsing a filter's operations costs more than finding a prefetched
    rendition; a page of fifty cards asks for the same four filters fifty
    times. A ``Filter`` keeps nothing of the image it is applied to.
    """
    return tuple(Filter(spec=spec) for spec in Filter.expand_spec(filter_spec))


def _flatatt(attrs):
    """``django.forms.utils.flatatt`` without ``format_html`` per attribute.

    The same markup: ``key="value"`` pairs sorted by key, escaped, then the
    true boolean attributes sorted; ``None`` and ``False`` left out.
    """
    pairs = []
    flags = []
    for name, value in attrs.items():
        if isinstance(value, bool):
            if value:
                flags.append(name)
        elif value is not None:
            pairs.append((name, value))
    pairs.sort(key=lambda pair: pair[0])
    flags.sort()
    escape = escape_html
    return "".join(
        [f' {escape(name)}="{escape(value)}"' for name, value in pairs]
        + [f" {escape(name)}" for name in flags]
    )


class LeanPicture(Picture):
    """Wagtail's ``Picture`` markup, written with ``_flatatt``: a page of cards
    renders a dozen pictures, and ``flatatt`` was most of their cost."""

    def __html__(self):
        if not self.formats:
            return super().__html__()
        attrs = self.attrs or {}
        fallback_format = self.get_fallback_format()
        fallback_renditions = self.formats[fallback_format]
        sources = []
        for fmt in self.source_format_order:
            if fmt.name != fallback_format and fmt.name in self.formats:
                source_attrs = {
                    "srcset": self.get_width_srcset(self.formats[fmt.name]),
                    "sizes": attrs.get("sizes"),
                    "type": fmt.mime_type,
                }
                sources.append(f"<source{_flatatt(source_attrs)}>")
        if len(fallback_renditions) > 1:
            attrs["srcset"] = self.get_width_srcset(fallback_renditions)
        # As AbstractRendition.img_tag: the rendition's src, width, height and
        # alt, Wagtail's default attributes, then these.
        img_attrs = fallback_renditions[0].attrs_dict.copy()
        img_attrs.update(apps.get_app_config("wagtailimages").default_attrs)
        img_attrs.update(attrs)
        img = f"<img{_flatatt(img_attrs)}>"
        return mark_safe(f"<picture>{''.join(sources)}{img}</picture>")  # noqa: S308 - escaped above


def picture_html(image, preset_name, alt=None, **attrs):
    """The ``<picture>`` markup of ``image`` in the preset ``preset_name``."""
    if not image:
        return ""
    preset = get_preset(preset_name)
    renditions = get_renditions_or_not_found(image, _filters(preset.filter_spec))
    if alt is None:
        alt = getattr(image, "contextual_alt_text", None)
    if alt is None:
        alt = image.default_alt_text
    img_attrs = {"alt": alt}
    sizes = attrs.pop("sizes", preset.sizes)
    if sizes:
        img_attrs["sizes"] = sizes
    if preset.priority:
        img_attrs["fetchpriority"] = "high"
    else:
        img_attrs["loading"] = "lazy"
        img_attrs["decoding"] = "async"
    img_attrs.update({key: value for key, value in attrs.items() if value is not None})
    if img_attrs.get("loading") == "eager":
        img_attrs.pop("loading")
    return LeanPicture(renditions, img_attrs).__html__()


@register.simple_tag
def picture(image, preset_name, alt=None, **attrs):
    """A responsive ``<picture>`` of ``image``; "" when there is no image."""
    return picture_html(image, preset_name, alt=alt, **attrs)


@register.simple_tag
def page_picture(page, preset_name, **attrs):
    """The picture of a page (``page.image``) with the alt text its editor wrote."""
    image = getattr(page, "image", None)
    if not image:
        return ""
    # A page saved before alt text was required falls back to the image's own.
    alt = getattr(page, "hero_image_alt_text", "") or None
    if getattr(page, "hero_image_decorative", False):
        alt = ""
    return picture_html(image, preset_name, alt=alt, **attrs)


@register.simple_tag
def share_rendition(image):
    """The rendition of ``image`` used for og:image, or None without an image."""
    if not image:
        return None
    return get_rendition_or_not_found(image, SHARE_FILTER_SPEC)
