"""Security headers on every public page (issue 11, item 4).

Content-Security-Policy (django-csp), Permissions-Policy, nosniff, a referrer
policy, frame protection and COOP on every page type; HSTS over HTTPS; no
inline script or style in the pages; compression only for public pages.
The admin is outside the strict policy.
"""

import gzip

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.factories import SiteTree

PAGE_TYPES = SiteTree.NAMES
OTHER_PUBLIC_URLS = ["/enquire/", "/enquire/thank-you/", "/search/?q=laser"]


def directives(response):
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def public_urls(tree):
    return [getattr(tree, name).url for name in PAGE_TYPES] + OTHER_PUBLIC_URLS


def assert_headers(response):
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["base-uri"] == ["'self'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_sends_the_security_headers(site_tree, name):
    response = Client().get(getattr(site_tree, name).url)

    assert response.status_code == 200
    assert_headers(response)


@pytest.mark.parametrize("path", OTHER_PUBLIC_URLS)
def test_the_plugins_other_pages_send_them_too(site_tree, path):
    response = Client().get(path)

    assert response.status_code == 200
    assert_headers(response)


def test_a_page_from_the_cache_sends_them_too(site_tree, settings):
    settings.TREATMENTS_CMS_PAGE_CACHE_SECONDS = 300
    Client().get(site_tree.treatment.url)

    response = Client().get(site_tree.treatment.url)

    assert response["X-Page-Cache"] == "hit"
    assert_headers(response)


def test_hsts_over_https(site_tree, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True

    response = Client().get(site_tree.treatment.url, secure=True)

    assert (
        response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    )


def test_no_page_has_inline_script_or_style(site_tree):
    for url in public_urls(site_tree):
        page = BeautifulSoup(Client().get(url).content, "html.parser")
        assert not page.find_all("style"), url
        assert not page.find_all(style=True), url
        for script in page.find_all("script"):
            # Only files from the site, and the JSON-LD data block.
            assert script.get("src") or script.get("type") == "application/ld+json", (
                url,
                script,
            )
            assert not (script.get("src") and script.string), url
        for tag in page.find_all(True):
            assert not [a for a in tag.attrs if a.startswith("on")], (url, tag.name)


def test_stylesheets_are_only_in_the_head(site_tree):
    for url in public_urls(site_tree):
        page = BeautifulSoup(Client().get(url).content, "html.parser")
        assert not page.body.find_all("link", rel="stylesheet"), url
        assert page.head.find_all("link", rel="stylesheet"), url


def test_public_pages_are_compressed(site_tree):
    response = Client().get(site_tree.treatment.url, HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"<html" in gzip.decompress(response.content)


@pytest.mark.parametrize("path", ["/enquire/", "/enquire/token/"])
def test_responses_with_a_token_are_never_compressed(site_tree, path):
    # BREACH: a secret beside text an attacker chooses must not be compressed.
    response = Client().get(path, HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def test_a_form_shown_again_is_not_compressed(site_tree, no_wait):
    from tests.enquiries.pipeline_helpers import valid_data

    response = Client().post(
        site_tree.treatment.url,
        valid_data(site_tree, email="not-an-email"),
        HTTP_ACCEPT_ENCODING="gzip",
    )

    assert response.status_code == 400
    assert not response.has_header("Content-Encoding")


def test_the_admin_is_outside_the_strict_policy(site_tree, admin_client):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert not response.has_header("Content-Security-Policy")
    assert response["X-Content-Type-Options"] == "nosniff"
