"""Every public page's HTML passes the Nu Html Checker (vnu.jar on the installed Java).

Pages are fetched with Django's test client, written to files and checked in
one Java run. A deliberately broken document goes through the same run, so a
checker that reports nothing fails the test instead of passing it.
"""

import json
import subprocess
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Page

from tests.browser import tools
from tests.browser.site import demo_pages, expected_status, page_types

pytestmark = pytest.mark.browser

BROKEN = "<!DOCTYPE html><html lang=en><title>Broken</title><p><div></p>"


@pytest.fixture
def demo(demo_content, settings):
    settings.TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS = 0
    cache.clear()
    return demo_pages()


def public_urls(site):
    """(name, URL, expected status) of every page a visitor can reach."""
    urls = [(name, url, expected_status(name)) for name, url in page_types(site)]
    named = {url for _, url, _ in urls}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        if page.url not in named:
            urls.append((page.slug, page.url, 200))
    filtered = (
        f"{site.treatment_index.url}?{urlencode({'condition': site.condition.slug})}"
    )
    urls += [
        ("treatment-index-filtered", filtered, 200),
        ("treatment-index-bad-page", f"{site.treatment_index.url}?page=999", 200),
    ]
    return urls


def form_with_errors(client, url):
    """Post the rendered form back with an invalid email and no consent."""
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    form = soup.find("input", attrs={"name": "form_token"}).find_parent("form")
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input", type="hidden")
    }
    data.update(name="Alex Example", email="not-an-email", contact_method="email")
    response = client.post(form["action"], data)
    assert b'id="error-summary"' in response.content, response.status_code
    return response


def run_vnu(files):
    java, jar = tools.require_vnu()
    result = subprocess.run(  # noqa: S603 (fixed arguments, our own files)
        [java, "-jar", str(jar), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert result.stdout, result.stderr.decode(errors="replace")
    return json.loads(result.stdout)["messages"]


def test_every_public_page_is_valid_html(client, demo, tmp_path):
    documents = {}  # file name -> what it is

    def keep(name, url, content):
        path = tmp_path / f"{len(documents):03d}-{name}.html"
        path.write_bytes(content)
        documents[path.name] = (name, url)

    for name, url, status in public_urls(demo):
        response = client.get(url)
        assert response.status_code == status, f"{name} ({url})"
        keep(name, url, response.content)
    for name, url in [
        ("enquiry-errors", reverse("treatments_cms:enquiry")),
        ("treatment-enquiry-errors", demo.treatment.url),
    ]:
        keep(name, url, form_with_errors(client, url).content)
    (tmp_path / "broken.html").write_text(BROKEN)

    messages = run_vnu(sorted(tmp_path.glob("*.html")))

    failures, warnings = [], []
    reported = set()
    for message in messages:
        file_name = message.get("url", "").rsplit("/", 1)[-1]
        reported.add(file_name)
        if file_name == "broken.html":
            continue
        name, url = documents.get(file_name, (file_name, "?"))
        line = (
            f"{name} ({url}) line {message.get('lastLine', '?')}: "
            f"{message.get('message')}\n    {message.get('extract', '').strip()}"
        )
        if message["type"] in {"error", "non-document-error"}:
            failures.append(line)
        else:
            warnings.append(line)

    if warnings:
        print("\n".join(["Nu Html Checker warnings (not failing):", *warnings]))
    assert "broken.html" in reported, "the checker reported nothing for a broken page"
    assert len(documents) >= 20
    assert not failures, (
        f"{len(failures)} HTML errors in {len(documents)} pages:\n"
        + "\n".join(failures)
    )
