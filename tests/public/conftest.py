"""Helpers for the public-site tests: parsed HTML and JSON-LD of a response."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths; each test's database needs its own."""
    cache.clear()
    yield
    cache.clear()


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(element):
    """An element's visible text, whitespace collapsed."""
    return " ".join(element.get_text().split())


def main_text(response):
    return text(soup(response).find("main"))


def links(element):
    """{link text: href} of every link inside ``element``."""
    return {text(a): a["href"] for a in element.find_all("a", href=True)}


def json_ld(response):
    """The parsed JSON-LD graph of a page, by ``@type``."""
    scripts = soup(response).find_all("script", type="application/ld+json")
    assert len(scripts) == 1, "one JSON-LD script per page"
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return {item["@type"]: item for item in data["@graph"]}


def headings(response):
    return [text(h) for h in soup(response).find("main").find_all(["h1", "h2", "h3"])]
