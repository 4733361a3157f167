"""Fixtures for the real-browser tests: Chromium through Playwright, a live server.

Playwright's sync API keeps an event loop in the test thread, which makes
Django's ORM refuse to run there unless async-unsafe calls are allowed; the
live server itself runs the site in its own thread.
"""

import os

import pytest
from django.core.cache import cache

from tests.browser import tools
from tests.browser.screens import DESKTOP
from tests.browser.site import build_demo_site

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def pytest_terminal_summary(terminalreporter):
    if tools.SKIPPED:
        terminalreporter.section("browser checks skipped")
        for reason in sorted(set(tools.SKIPPED)):
            terminalreporter.write_line(f"SKIPPED: {reason}")


@pytest.fixture(scope="session")
def chromium(live_server):
    """One headless Debian Chromium for the whole run (never a downloaded one).

    It depends on the live server so that it closes first: a connection
    Chromium still holds open must not outlive the server's database access.
    """
    path = tools.require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, headless=True, args=tools.CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The demo content in the test database, served by the live server."""
    cache.clear()  # Wagtail caches site roots; a fresh database needs fresh ones.
    site = build_demo_site()
    site.base_url = live_server.url
    return site


@pytest.fixture
def browser_page(chromium, demo_site):
    """A desktop-sized tab in a fresh context, its base URL the live server."""
    context = chromium.new_context(base_url=demo_site.base_url, viewport=DESKTOP)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()
