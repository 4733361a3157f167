"""What every page shares: skip link, header, navigation, footer; home, 404 and 500."""

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from tests import factories
from tests.public.conftest import links, main_text, soup, text


@pytest.fixture
def every_page(site_tree):
    return site_tree.pages


def test_skip_link_is_the_first_link_and_reaches_main(client, every_page):
    for page_obj in every_page:
        page = soup(client.get(page_obj.url))
        first = page.body.find("a")
        assert first["href"] == "#main", page_obj
        assert text(first) == "Skip to main content"
        mains = page.find_all("main")
        assert len(mains) == 1
        assert mains[0]["id"] == "main"
        assert len(page.find_all("h1")) == 1, page_obj


def test_header_names_the_clinic_and_links_the_sections(client, site_tree):
    page = soup(client.get(site_tree.condition.url))

    header = page.find("header", class_="site-header")
    assert text(header.find("a")) == "Example Skin Clinic"
    nav = header.find("nav")
    assert nav["aria-label"] == "Main"
    assert links(nav) == {
        "Treatments": site_tree.treatment_index.url,
        "Conditions": site_tree.condition_index.url,
        "Alternatives": site_tree.alternative_index.url,
        "Search": "/search/",
    }
    assert page.title.string == "Spider veins | Example Skin Clinic"


def test_navigation_marks_where_the_visitor_is(client, site_tree):
    nav = soup(client.get(site_tree.condition_index.url)).find("nav", class_="site-nav")
    current = {text(a): a.get("aria-current") for a in nav.find_all("a")}
    assert current["Conditions"] == "page"
    assert current["Treatments"] is None

    nav = soup(client.get(site_tree.condition.url)).find("nav", class_="site-nav")
    assert nav.find("a", string="Conditions")["aria-current"] == "true"


def test_navigation_leaves_out_unpublished_sections(client, site_tree):
    site_tree.alternative_index.unpublish()

    nav = soup(client.get("/")).find("nav", class_="site-nav")

    assert "Alternatives" not in links(nav)


def test_changed_clinic_name_shows_in_the_header(client, site_tree):
    site_tree.settings.clinic_name = "Riverside Skin"
    site_tree.settings.save()

    page = soup(client.get("/"))

    assert text(page.find("header").find("a")) == "Riverside Skin"
    assert text(page.find("h1")) == "Riverside Skin"


def test_footer_has_the_clinic_contact_details(client, site_tree):
    footer = soup(client.get(site_tree.treatment.url)).find(
        "footer", class_="site-footer"
    )

    contact = footer.find("address")
    assert list(contact.find("p").stripped_strings) == ["1 Example Street", "London"]
    assert links(contact) == {
        "020 7946 0000": "tel:02079460000",
        "hello@example.com": "mailto:hello@example.com",
    }
    assert "Privacy notice" not in links(footer)


def test_footer_links_the_privacy_notice_when_there_is_one(client, site_tree):
    privacy = factories.ConditionPageFactory(title="Privacy notice page")
    site_tree.settings.privacy_page = privacy
    site_tree.settings.save()

    footer = soup(client.get("/")).find("footer")

    assert links(footer)["Privacy notice"] == privacy.url


def test_an_unpublished_privacy_page_is_not_linked(client, site_tree):
    privacy = factories.ConditionPageFactory(title="Privacy notice page")
    site_tree.settings.privacy_page = privacy
    site_tree.settings.save()
    privacy.unpublish()

    footer = soup(client.get("/")).find("footer")

    assert "Privacy notice" not in links(footer)


def test_pages_render_without_clinic_settings(client, db):
    treatment = factories.TreatmentPageFactory(title="Peel")

    response = client.get(treatment.url)

    assert response.status_code == 200
    assert text(soup(response).find("header").find("a")) == "Clinic"


def test_stylesheet_is_the_projects_own(client, site_tree):
    page = soup(client.get(site_tree.treatment.url))

    sheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert "/static/home/css/site.css" in sheets
    # Every stylesheet and script is a file of the project's own static
    # directories: nothing is fetched from another site. (The enquiry form's
    # small token script is one; inline scripts are only JSON-LD.)
    scripts = [script["src"] for script in page.find_all("script", src=True)]
    assert "/static/treatments_cms/js/enquiry-token.js" in scripts
    for url in sheets + scripts:
        assert url.startswith(settings.STATIC_URL), url
        assert finders.find(url.removeprefix(settings.STATIC_URL)), url
    for script in page.find_all("script", src=False):
        assert script.get("type") == "application/ld+json"
    token_script = finders.find("treatments_cms/js/enquiry-token.js")
    with open(token_script, encoding="utf-8") as handle:
        assert "://" not in handle.read()
    css = client.get("/static/home/css/site.css")
    assert css.status_code == 200
    body = b"".join(css.streaming_content).decode()
    assert "prefers-reduced-motion" in body
    assert "focus-visible" in body
    # Nothing fetched from elsewhere: no imports, no web fonts, no remote images.
    assert "@import" not in body
    assert "url(" not in body


def test_home_page_leads_to_the_sections_and_search(client, site_tree):
    response = client.get("/")

    assert response.status_code == 200
    page = soup(response)
    main = page.find("main")
    explore = main.find("section", attrs={"aria-labelledby": "explore-heading"})
    assert links(explore) == {
        "Treatments": site_tree.treatment_index.url,
        "Conditions": site_tree.condition_index.url,
        "Alternatives": site_tree.alternative_index.url,
    }
    form = main.find("form", attrs={"role": "search"})
    assert form["action"] == "/search/"
    assert form.find("label")["for"] == form.find("input")["id"]
    assert page.find("nav", attrs={"aria-label": "Breadcrumb"}) is None


def test_404_uses_the_site_template(client, site_tree):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    page = soup(response)
    assert text(page.find("h1")) == "Page not found"
    assert page.title.string == "Page not found | Example Skin Clinic"
    assert "Treatments" in links(page.find("nav", class_="site-nav"))
    assert links(page.find("main"))["Treatments"] == site_tree.treatment_index.url
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_500_renders_standalone_without_the_database():
    # No ``db`` fixture: pytest-django makes any database access raise here.
    html = render_to_string("500.html")

    page = soup_of(html)
    assert text(page.find("h1")) == "Sorry, something went wrong"
    assert [link["href"] for link in page.find_all("link", rel="stylesheet")] == [
        "/static/treatments_cms/css/treatments_cms.css",
        "/static/home/css/site.css",
    ]
    assert page.find("main")["id"] == "main"


def test_500_is_served_when_a_view_fails(client, site_tree, monkeypatch):
    from treatments_cms.models import TreatmentPage

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(TreatmentPage, "get_context", broken)
    client.raise_request_exception = False

    response = client.get(site_tree.treatment.url)

    assert response.status_code == 500
    assert "Sorry, something went wrong" in main_text(response)


def soup_of(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")
