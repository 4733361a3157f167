"""Full-page screenshots at phone, tablet and desktop widths, kept as test artifacts.

``capture(page, name, label)`` saves ``<name>-<width>.png`` under
test-artifacts/screenshots. With ``UPDATE_README_SCREENSHOTS=1`` the pages
``README_PAGES`` names are also written to ``docs/screenshots/`` as
``<name>-<label>.png`` (the top of the page only), for the README.
"""

import os

from tests.browser import tools

PHONE = {"width": 375, "height": 812}
TABLET = {"width": 768, "height": 1024}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"phone": PHONE, "tablet": TABLET, "desktop": DESKTOP}
# The narrowest phones still in use: nothing may be wider than these either.
NARROW_WIDTHS = (320, 375)

# The README shows the top of each page: tall enough to show the page's
# character, short enough to keep each image small. (name -> labels shown)
README_PAGES = {
    "home": ("phone", "desktop"),
    "treatment": ("phone", "desktop"),
    "condition": ("phone", "desktop"),
    "enquiry": ("phone",),
    "enquiry-errors": ("phone",),
    "comparison": ("phone",),
    "location": ("phone", "desktop"),
    "practitioner": ("phone", "desktop"),
}
README_HEIGHT = {"phone": 2400, "tablet": 2200, "desktop": 2200}

# Every lazily loaded picture fetched at once, so a full-page image shows them.
_LOAD_ALL_IMAGES = """async () => {
    const images = [...document.images];
    for (const image of images) image.loading = "eager";
    await Promise.all(images.map((image) => image.decode().catch(() => null)));
}"""


def update_readme():
    return os.environ.get("UPDATE_README_SCREENSHOTS") == "1"


def load_images(page):
    page.evaluate(_LOAD_ALL_IMAGES)


def capture(page, name, label, *, clip=None):
    """Save ``<name>-<width>.png`` of the whole page (or ``clip``) under test-artifacts.

    The viewport must already be the width of ``label``.
    """
    tools.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = WIDTHS[label]["width"]
    load_images(page)
    options = {"animations": "disabled", "caret": "hide"}
    if clip is None:
        options["full_page"] = True
    else:
        options.update(full_page=True, clip=clip)
    page.screenshot(path=tools.SCREENSHOTS / f"{name}-{width}.png", **options)
    if update_readme() and label in README_PAGES.get(name, ()):
        tools.README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        if clip is None:
            height = min(README_HEIGHT[label], _page_height(page))
            clip = {"x": 0, "y": 0, "width": width, "height": height}
        page.screenshot(
            path=tools.README_SCREENSHOTS / f"{name}-{label}.png",
            full_page=True,
            clip=clip,
            animations="disabled",
            caret="hide",
        )


def _page_height(page):
    return page.evaluate("() => document.documentElement.scrollHeight")


# The editor guide (docs/editor-guide.md) shows the admin at desktop width, one
# screenful each (1280 x 900), so every image stays small.
ADMIN_PREFIX = "admin-"


def capture_admin(page, name, *, clip=None):
    """Save ``admin-<name>.png`` of what the admin tab shows, for the editor guide.

    The image is the viewport (or ``clip``), never the whole page. It is kept
    under test-artifacts and, with ``UPDATE_README_SCREENSHOTS=1``, written to
    ``docs/screenshots/`` too.
    """
    filename = f"{ADMIN_PREFIX}{name}.png"
    tools.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    options = {"animations": "disabled", "caret": "hide"}
    if clip is not None:
        options["clip"] = clip
    path = tools.SCREENSHOTS / filename
    page.screenshot(path=path, **options)
    if update_readme():
        tools.README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (tools.README_SCREENSHOTS / filename).write_bytes(path.read_bytes())
    return path
