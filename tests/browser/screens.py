"""Full-page screenshots at phone and desktop widths, kept as test artifacts.

With ``UPDATE_README_SCREENSHOTS=1`` the treatment and condition pages are
also written to ``docs/screenshots/`` for the README.
"""

import os

from tests.browser import tools

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}

# The README shows the top of each page: tall enough to show the page's
# character, short enough to keep each image small.
README_PAGES = {"treatment", "condition"}
README_HEIGHT = {"phone": 2400, "desktop": 2200}


def update_readme():
    return os.environ.get("UPDATE_README_SCREENSHOTS") == "1"


def capture(page, name, label):
    """Save ``<name>-<width>.png`` of the whole page under test-artifacts."""
    tools.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = WIDTHS[label]["width"]
    page.screenshot(path=tools.SCREENSHOTS / f"{name}-{width}.png", full_page=True)
    if update_readme() and name in README_PAGES:
        tools.README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        height = min(README_HEIGHT[label], _page_height(page))
        page.screenshot(
            path=tools.README_SCREENSHOTS / f"{name}-{label}.png",
            full_page=True,
            clip={"x": 0, "y": 0, "width": width, "height": height},
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
