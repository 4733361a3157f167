"""Fixtures for the real-browser tests: Chromium through Playwright, a live server.

Playwright's sync API runs an event loop in the test thread while it is
started. Django then refuses ORM calls there unless async-unsafe calls are
allowed, and hands out a separate database connection for that "async"
context. So Playwright is started per test, after the database and the demo
content are set up, async-unsafe calls are allowed only while it runs, and
that extra connection is closed before it stops.
"""

from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.db import connections
from wagtail.models import Site

from tests.browser import tools
from tests.browser.screens import DESKTOP
from tests.browser.site import build_demo_site


def pytest_terminal_summary(terminalreporter):
    if tools.SKIPPED:
        terminalreporter.section("browser checks skipped")
        for reason in sorted(set(tools.SKIPPED)):
            terminalreporter.write_line(f"SKIPPED: {reason}")


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The demo content in the test database, served by the live server."""
    cache.clear()  # Wagtail caches site roots; a fresh database needs fresh ones.
    site = build_demo_site()
    site.base_url = live_server.url
    # The site's address is the live server's, so canonical, og:url and
    # JSON-LD URLs point where the pages are served (as Lighthouse checks).
    address = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(
        hostname=address.hostname, port=address.port
    )
    cache.clear()
    return site


@pytest.fixture
def launch_chromium(monkeypatch):
    """Start Playwright and Debian's headless Chromium (never a downloaded one)."""
    path = tools.require_chromium()
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, headless=True, args=tools.CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
            connections.close_all()  # the connection Django opened for this loop


@pytest.fixture
def chromium(demo_site, launch_chromium):
    """Chromium, started once the demo site is in the database."""
    return launch_chromium


@pytest.fixture
def browser_page(chromium, demo_site):
    """A desktop-sized tab in a fresh context, its base URL the live server."""
    context = chromium.new_context(base_url=demo_site.base_url, viewport=DESKTOP)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()
