"""Absolute URLs resolve: the default Site answers at the address that is served.

``set_site_address`` copies ``SITE_URL`` to the default Wagtail site; every
URL the demo publishes (sitemap, robots.txt, canonical, og:url, JSON-LD
``url``/``@id``/``item``) then points there, and the test client, asking for
each with that host and port, gets a 200.
"""

import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from wagtail.models import Site

from tests.public.conftest import json_ld, soup

pytestmark = pytest.mark.django_db

# Where `make run` serves the demo (the development settings' SITE_URL).
SERVED_AT = "http://127.0.0.1:8000"


def set_address(url=None):
    out = StringIO()
    call_command("set_site_address", *([f"--url={url}"] if url else []), stdout=out)
    return out.getvalue()


def default_site():
    return Site.objects.get(is_default_site=True)


def request(client, url):
    """GET an absolute URL as a browser would: its host and port in the request."""
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == SERVED_AT, url
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return client.get(path, HTTP_HOST=parts.netloc, SERVER_PORT=str(parts.port or 80))


def json_ld_urls(value):
    """Every absolute URL under a ``url``, ``@id`` or ``item`` key of JSON-LD."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("url", "@id", "item") and isinstance(item, str):
                if item.startswith(("http://", "https://")):
                    yield item
            else:
                yield from json_ld_urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_ld_urls(item)


def without_fragment(url):
    return url.split("#", 1)[0]


# --- the command ------------------------------------------------------------------


def test_a_fresh_database_points_at_localhost_until_the_address_is_set(home_page):
    assert default_site().root_url == "http://localhost"

    output = set_address(SERVED_AT)

    assert default_site().root_url == SERVED_AT
    assert SERVED_AT in output


def test_reads_site_url_from_the_settings_and_is_idempotent(home_page, settings):
    settings.SITE_URL = "https://clinic.example"
    set_address()
    site = default_site()
    assert (site.hostname, site.port) == ("clinic.example", 443)
    assert site.root_url == "https://clinic.example"

    assert "already answers at https://clinic.example" in set_address()


@pytest.mark.parametrize(
    "url",
    [
        "clinic.example",
        "ftp://clinic.example",
        "https://clinic.example/clinic/",
        "https://clinic.example:8443",
        "http://clinic.example:not-a-port",
    ],
)
def test_refuses_an_address_wagtail_cannot_serve(home_page, url):
    with pytest.raises(CommandError):
        set_address(url)
    assert default_site().root_url == "http://localhost"


def test_refuses_an_address_another_site_uses(home_page):
    Site.objects.create(hostname="127.0.0.1", port=8000, root_page=home_page)
    with pytest.raises(CommandError, match="Another site"):
        set_address(SERVED_AT)


def test_refuses_without_an_address(home_page, settings):
    settings.SITE_URL = ""
    with pytest.raises(CommandError, match="SITE_URL"):
        set_address()


def test_development_settings_serve_the_address_make_run_uses():
    from clinic_site.settings import dev

    assert dev.SITE_URL == SERVED_AT


# --- every URL the demo publishes resolves -----------------------------------------


@pytest.fixture
def served_demo(demo_content):
    set_address(SERVED_AT)


def test_robots_txt_names_the_sitemap_at_the_served_address(client, served_demo):
    response = request(client, f"{SERVED_AT}/robots.txt")
    assert response.status_code == 200
    assert f"Sitemap: {SERVED_AT}/sitemap.xml" in response.content.decode().splitlines()


def test_every_sitemap_canonical_and_json_ld_url_answers_200(client, served_demo):
    sitemap = request(client, f"{SERVED_AT}/sitemap.xml")
    assert sitemap.status_code == 200
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap.content.decode())
    # Home, three sections, 11 clinical pages and 3 content pages at least.
    assert len(locations) >= 18
    assert f"{SERVED_AT}/privacy/" in locations

    # Pages not listed in the sitemap publish URLs too.
    pages = [*locations, f"{SERVED_AT}/enquire/"]
    linked = set()
    for url in pages:
        response = request(client, url)
        assert response.status_code == 200, url
        page = soup(response)
        canonical = page.find("link", rel="canonical")
        if url in locations:
            assert canonical is not None, url
            assert canonical["href"] == url
            og_url = page.find("meta", property="og:url")
            assert og_url is not None and og_url["content"] == url
        if canonical is not None:
            linked.add(canonical["href"])
        for image in page.find_all("meta", property="og:image"):
            linked.add(image["content"])
        linked.update(without_fragment(u) for u in json_ld_urls(json_ld(response)))

    checked = 0
    for url in sorted(linked):
        parts = urlsplit(url)
        if parts.netloc != urlsplit(SERVED_AT).netloc:
            # A citation or a regulator's register elsewhere, never a local default.
            assert parts.hostname not in ("localhost", "testserver", "127.0.0.1"), url
            continue
        if parts.path.startswith(settings.MEDIA_URL):
            # Pictures are files the web server serves (Django only with DEBUG).
            name = parts.path.removeprefix(settings.MEDIA_URL)
            assert default_storage.exists(name), url
        else:
            assert request(client, url).status_code == 200, url
        checked += 1
    assert checked >= len(locations)
