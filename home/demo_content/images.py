"""The demo site's pictures, drawn here with Pillow: nothing downloaded or copied.

Each picture is a soft abstract composition (a two-colour gradient with
blurred discs and a gentle wave) in a calm clinic palette, drawn from a seed
so the same name always gives the same picture and each page gets its own.
The logo is a simple mark on a transparent background.
"""

import functools
import hashlib
import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageChops, ImageDraw, ImageFilter

# Calm clinic colours: sage, teal, sand, blush, mist, slate.
PALETTE = {
    "sage": (178, 201, 180),
    "teal": (74, 142, 145),
    "deep_teal": (35, 92, 99),
    "sand": (236, 223, 200),
    "blush": (233, 196, 186),
    "mist": (222, 234, 236),
    "slate": (96, 118, 138),
    "cream": (249, 246, 240),
}

# Colour schemes: (gradient start, gradient end, disc colours).
SCHEMES = [
    ("mist", "teal", ("sand", "cream", "sage")),
    ("sand", "blush", ("cream", "teal", "mist")),
    ("sage", "deep_teal", ("mist", "sand", "cream")),
    ("cream", "sage", ("teal", "blush", "mist")),
    ("blush", "slate", ("sand", "cream", "mist")),
    ("mist", "sand", ("sage", "teal", "blush")),
]

WIDTH, HEIGHT = 1600, 900


def seed_for(name):
    """A stable number from ``name`` (Python's own hash changes per process)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big")


# How each colour reads in alt text.
COLOUR_WORDS = {
    "sage": "sage green",
    "teal": "teal",
    "deep_teal": "deep teal",
    "sand": "sand",
    "blush": "soft pink",
    "mist": "pale blue",
    "slate": "slate blue",
    "cream": "cream",
}


def describe_picture(name):
    """Alt text for the abstract picture drawn for ``name``."""
    start, end, _discs = SCHEMES[seed_for(name) % len(SCHEMES)]
    return (
        f"Abstract pattern of soft {COLOUR_WORDS[start]} and "
        f"{COLOUR_WORDS[end]} shapes with a pale ring"
    )


def _gradient(size, start, end, angle, scale=8):
    """A linear gradient from ``start`` to ``end`` across ``size`` at ``angle`` radians.

    A horizontal ramp, rotated and cropped to fill the picture, drawn at
    ``1/scale`` of the size and enlarged (a gradient loses nothing by it).
    """
    width, height = size[0] // scale, size[1] // scale
    diagonal = int(math.hypot(width, height)) + 2
    ramp = Image.new("RGB", (diagonal, 1))
    for x in range(diagonal):
        t = x / (diagonal - 1)
        ramp.putpixel(
            (x, 0),
            tuple(round(a + (b - a) * t) for a, b in zip(start, end, strict=True)),
        )
    ramp = ramp.resize((diagonal, diagonal))
    ramp = ramp.rotate(math.degrees(angle), resample=Image.Resampling.BICUBIC)
    left = (diagonal - width) // 2
    top = (diagonal - height) // 2
    ramp = ramp.crop((left, top, left + width, top + height))
    return ramp.resize(size, Image.Resampling.BICUBIC)


def _soft_layer(size, draw_shapes, blur, base=PALETTE["cream"], scale=4):
    """A blurred RGBA layer drawn by ``draw_shapes(draw, factor)``.

    Drawn and blurred at ``1/scale`` of the size, then enlarged: a blurred
    layer loses nothing by it, and it is many times faster. Its transparent
    pixels carry ``base`` so the blur does not darken the edges.
    """
    small = (size[0] // scale, size[1] // scale)
    layer = Image.new("RGBA", small, (*base, 0))
    draw_shapes(ImageDraw.Draw(layer), 1 / scale)
    layer = layer.filter(ImageFilter.GaussianBlur(blur / scale))
    return layer.resize(size, Image.Resampling.BICUBIC)


def abstract_picture(name, size=(WIDTH, HEIGHT)):
    """An abstract picture for ``name``: the same name always draws the same one."""
    rng = random.Random(seed_for(name))  # noqa: S311 - shapes, not secrets
    start, end, disc_colours = SCHEMES[seed_for(name) % len(SCHEMES)]
    width, height = size
    picture = _gradient(
        size, PALETTE[start], PALETTE[end], rng.uniform(-0.6, 0.6)
    ).convert("RGBA")

    def discs(draw, factor):
        for colour in disc_colours:
            for _ in range(2):
                radius = rng.uniform(0.12, 0.32) * width * factor
                x = rng.uniform(0.05, 0.95) * width * factor
                y = rng.uniform(0.1, 0.9) * height * factor
                alpha = rng.randint(90, 170)
                draw.ellipse(
                    (x - radius, y - radius, x + radius, y + radius),
                    fill=(*PALETTE[colour], alpha),
                )

    picture = Image.alpha_composite(picture, _soft_layer(size, discs, blur=width / 18))

    def wave(draw, factor):
        base = rng.uniform(0.55, 0.8) * height * factor
        amplitude = rng.uniform(0.04, 0.09) * height * factor
        length = rng.uniform(0.7, 1.3) * width * factor
        phase = rng.uniform(0, math.tau)
        points = [
            (x, base + amplitude * math.sin(phase + math.tau * x / length))
            for x in range(0, int(width * factor) + 5, 5)
        ]
        draw.polygon(
            [*points, (width * factor, height * factor), (0, height * factor)],
            fill=(*PALETTE["cream"], 80),
        )

    picture = Image.alpha_composite(picture, _soft_layer(size, wave, blur=8))

    # One fine ring, the only crisp line, for a point of focus.
    ring = Image.new("RGBA", size, (*PALETTE["cream"], 0))
    radius = rng.uniform(0.10, 0.18) * width
    x = rng.uniform(0.2, 0.8) * width
    y = rng.uniform(0.25, 0.6) * height
    ImageDraw.Draw(ring).ellipse(
        (x - radius, y - radius, x + radius, y + radius),
        outline=(*PALETTE["cream"], 150),
        width=max(2, width // 400),
    )
    picture = Image.alpha_composite(picture, ring)

    # A whisper of grain so the gradients do not band, from the same seed.
    grain_size = (width // 2, height // 2)
    grain = Image.frombytes(
        "L", grain_size, rng.randbytes(grain_size[0] * grain_size[1])
    ).point(lambda value: 118 + value // 12)
    grain = grain.resize(size, Image.Resampling.BICUBIC).convert("RGBA")
    grain.putalpha(40)
    picture = Image.alpha_composite(picture, grain)
    return picture.convert("RGB")


def logo_picture(size=192):
    """The demo clinic's mark: two overlapping leaves in a ring, on transparency."""
    scale = 4  # draw large, then shrink, for smooth edges
    big = size * scale
    mark = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(mark)
    ring = big // 16
    draw.ellipse(
        (ring, ring, big - ring, big - ring), outline=PALETTE["deep_teal"], width=ring
    )

    def leaf(colour, angle):
        leaf_layer = Image.new("RGBA", (big, big), (0, 0, 0, 0))
        leaf_draw = ImageDraw.Draw(leaf_layer)
        w, h = big * 0.26, big * 0.56
        box = (big / 2 - w / 2, big / 2 - h / 2, big / 2 + w / 2, big / 2 + h / 2)
        leaf_draw.ellipse(box, fill=(*colour, 255))
        return leaf_layer.rotate(angle, resample=Image.Resampling.BICUBIC)

    mark = Image.alpha_composite(mark, leaf(PALETTE["teal"], 35))
    second = leaf(PALETTE["sage"], -35)
    # The overlap in a darker tone, so the two leaves read as two.
    overlap = ImageChops.multiply(mark, second)
    mark = Image.alpha_composite(mark, second)
    mark = Image.alpha_composite(mark, overlap)
    return mark.resize((size, size), Image.Resampling.LANCZOS)


def encode(picture, image_format):
    buffer = io.BytesIO()
    options = {"quality": 86, "optimize": True} if image_format == "JPEG" else {}
    picture.save(buffer, format=image_format, **options)
    return buffer.getvalue()


@functools.lru_cache(maxsize=64)
def abstract_picture_file(name):
    """The JPEG bytes of ``abstract_picture(name)``, drawn once per process."""
    return encode(abstract_picture(name), "JPEG")


@functools.lru_cache(maxsize=4)
def logo_file():
    """The PNG bytes of the logo, drawn once per process."""
    return encode(logo_picture(), "PNG")


def get_or_create_image(title, description, content, extension="jpg"):
    """The Wagtail image called ``title``, its file ``content()`` the first time.

    Returns ``(image, created)``. An image of that title is reused as it is,
    so loading the demo twice draws nothing new.
    """
    from wagtail.images import get_image_model

    model = get_image_model()
    image = model.objects.filter(title=title).first()
    if image is not None:
        if image.description != description:
            image.description = description
            image.save(update_fields=["description"])
        return image, False
    filename = f"demo-{hashlib.sha256(title.encode()).hexdigest()[:12]}.{extension}"
    image = model(title=title, description=description)
    image.file = ImageFile(io.BytesIO(content()), name=filename)
    image.save()
    return image, True
