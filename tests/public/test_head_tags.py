"""The head tags work in a host project's own ``base.html``, one line each.

The host base template (``host_templates/base.html``) holds nothing but the
one-liners the README shows, so everything asserted here comes from them.
"""

import io
import json
from pathlib import Path

import pytest
import wagtail_factories
from django.template import Context, Template
from django.test import RequestFactory
from PIL import Image

from tests.public.conftest import json_ld, soup, text

HOST_TEMPLATES = Path(__file__).parent / "host_templates"


@pytest.fixture
def host_site(settings):
    """The plugin's pages rendered inside a host project's base template only."""
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "DIRS": [HOST_TEMPLATES],
        }
    ]


def meta(page, **attrs):
    return page.find("meta", attrs=attrs)["content"]


def test_meta_canonical_and_open_graph_in_a_host_base(client, site_tree, host_site):
    treatment = site_tree.treatment
    url = treatment.get_full_url()

    page = soup(client.get(treatment.url))

    assert text(page.find("title")) == "Laser skin rejuvenation"
    assert meta(page, name="description") == "What laser skin rejuvenation does."
    assert page.find("link", rel="canonical")["href"] == url
    assert url.startswith("http://")
    assert meta(page, property="og:type") == "website"
    assert meta(page, property="og:title") == "Laser skin rejuvenation"
    assert meta(page, property="og:description") == (
        "What laser skin rejuvenation does."
    )
    assert meta(page, property="og:url") == url
    assert meta(page, property="og:site_name") == "Example Skin Clinic"
    assert meta(page, name="twitter:card") == "summary"
    assert page.find("meta", property="og:image") is None
    # Nothing of the demo site's chrome came along.
    assert page.find("header") is None
    sheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert "/static/home/css/site.css" not in sheets


def test_json_ld_in_a_host_base(client, site_tree, host_site):
    graph = json_ld(client.get(site_tree.treatment.url))

    assert graph["MedicalWebPage"]["url"] == site_tree.treatment.get_full_url()
    assert graph["MedicalWebPage"]["mainEntity"]["@type"] == "MedicalProcedure"
    assert graph["MedicalClinic"]["name"] == "Example Skin Clinic"
    assert [item["name"] for item in graph["BreadcrumbList"]["itemListElement"]] == [
        "Home",
        "Treatments",
        "Laser skin rejuvenation",
    ]


def test_breadcrumbs_in_a_host_base(client, site_tree, host_site):
    page = soup(client.get(site_tree.condition.url))

    trail = page.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert [text(li) for li in trail.find_all("li")] == [
        "Home",
        "Conditions",
        "Spider veins",
    ]
    assert [a["href"] for a in trail.find_all("a")] == [
        site_tree.home.url,
        site_tree.condition_index.url,
    ]
    assert trail.find(attrs={"aria-current": "page"}).string == "Spider veins"


def test_seo_title_search_description_and_image(
    client, site_tree, host_site, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    alternative = site_tree.alternative
    alternative.seo_title = "Chemical peels compared"
    alternative.search_description = "How a peel compares."
    alternative.image = wagtail_factories.ImageFactory(title="peel.jpg")
    alternative.hero_image_alt = "A peel"
    alternative.save_revision().publish()

    page = soup(client.get(alternative.url))

    assert meta(page, property="og:title") == "Chemical peels compared"
    assert meta(page, name="description") == "How a peel compares."
    assert meta(page, property="og:description") == "How a peel compares."
    origin = alternative.get_full_url().split("/alternatives/")[0]
    assert meta(page, property="og:image").startswith(f"{origin}/media/")
    assert meta(page, property="og:image:alt") == "A peel"
    assert meta(page, name="twitter:card") == "summary_large_image"


def test_a_page_of_another_app_gets_meta_but_no_trail(client, site_tree, host_site):
    """The demo's home page is not the plugin's: meta tags, the clinic, no trail."""
    home = site_tree.home
    home.search_description = "A clinic for your skin."
    home.save_revision().publish()

    response = client.get("/")
    page = soup(response)

    assert meta(page, name="description") == "A clinic for your skin."
    assert page.find("link", rel="canonical")["href"] == home.get_full_url()
    # The home page's own title is "Home": the clinic's name says more.
    assert meta(page, property="og:title") == "Example Skin Clinic"
    assert set(json_ld(response)) == {"MedicalClinic"}
    assert page.find("nav", attrs={"aria-label": "Breadcrumb"}) is None


def test_site_name_falls_back_to_the_wagtail_site(client, db, host_site):
    from tests import factories

    treatment = factories.TreatmentPageFactory(title="Peel")
    site = treatment.get_site()
    site.site_name = "Skin Clinic Site"
    site.save()

    page = soup(client.get(treatment.url))

    assert meta(page, property="og:site_name") == "Skin Clinic Site"


LINES = (
    "{% load treatments_cms_head %}"
    "{% treatments_cms_meta %}{% treatments_cms_json_ld %}"
    "{% treatments_cms_breadcrumbs %}"
)


def test_the_tags_render_nothing_without_a_page(site_tree):
    """A search or error page has no Wagtail page: no tags, and no error."""
    request = RequestFactory().get("/search/")

    html = Template(LINES).render(Context({"request": request, "page": 2}))

    assert "<meta" not in html
    assert "breadcrumb" not in html.lower()
    scripts = soup_of(html).find_all("script", type="application/ld+json")
    assert [s["@type"] for s in json.loads(scripts[0].string)["@graph"]] == [
        "MedicalClinic"
    ]


def test_the_tags_find_the_page_as_self(site_tree):
    """Wagtail gives templates the page as ``self`` too; either name works."""
    request = RequestFactory().get(site_tree.treatment.url)

    html = Template(LINES).render(
        Context({"request": request, "self": site_tree.treatment})
    )

    page = soup_of(html)
    assert meta(page, property="og:title") == "Laser skin rejuvenation"
    assert text(page.find("nav")).endswith("Laser skin rejuvenation")


def soup_of(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


# --- Sharing: og:image, Twitter, the pages without a Wagtail page -----------


def picture(**kwargs):
    """An image large enough for the 1200 x 630 sharing rendition."""
    return wagtail_factories.ImageFactory(file__width=1600, file__height=1000, **kwargs)


def test_og_image_is_the_pages_picture_at_sharing_size(client, site_tree):
    treatment = site_tree.treatment
    treatment.image = picture(title="laser-handpiece.jpg")
    treatment.hero_image_alt = "A practitioner holding a laser handpiece near a cheek"
    treatment.save_revision().publish()

    page = soup(client.get(treatment.url))

    image = meta(page, property="og:image")
    canonical = page.find("link", rel="canonical")["href"]
    origin = canonical.split("/treatments/")[0]
    assert image.startswith(f"{origin}/media/images/")
    assert ".fill-1200x630" in image
    assert (
        meta(page, property="og:image:width"),
        meta(page, property="og:image:height"),
    ) == (
        "1200",
        "630",
    )
    alt = "A practitioner holding a laser handpiece near a cheek"
    assert meta(page, property="og:image:alt") == alt
    assert meta(page, name="twitter:card") == "summary_large_image"
    assert meta(page, name="twitter:image:alt") == alt
    assert meta(page, property="og:locale") == "en_GB"


def test_a_decorative_picture_is_shared_without_alt_text(client, site_tree):
    condition = site_tree.condition
    condition.image = picture(title="pattern.jpg")
    condition.hero_image_decorative = True
    condition.save_revision().publish()

    page = soup(client.get(condition.url))

    assert meta(page, property="og:image")
    assert page.find("meta", property="og:image:alt") is None
    assert page.find("meta", attrs={"name": "twitter:image:alt"}) is None
    assert meta(page, name="twitter:card") == "summary_large_image"


def test_a_page_without_a_picture_is_a_summary_card(client, site_tree):
    page = soup(client.get(site_tree.condition.url))

    assert page.find("meta", property="og:image") is None
    assert meta(page, name="twitter:card") == "summary"


def test_a_view_without_a_page_passes_its_own_title_and_description(site_tree):
    request = RequestFactory().get("/enquire/?treatment=laser")

    html = Template(
        "{% load treatments_cms_head %}"
        '{% treatments_cms_meta title="Ask us" description="Ask whether it suits you." %}'
    ).render(Context({"request": request}))

    page = soup_of(html)
    root = site_tree.home.get_site().root_url
    # The canonical address leaves out the query.
    assert page.find("link", rel="canonical")["href"] == f"{root}/enquire/"
    assert meta(page, property="og:url") == f"{root}/enquire/"
    assert meta(page, name="description") == "Ask whether it suits you."
    assert meta(page, property="og:title") == "Ask us"
    assert meta(page, property="og:site_name") == "Example Skin Clinic"
    assert meta(page, name="twitter:card") == "summary"


# --- The demo site's own head: the enquiry pages and the icons ------------


def test_the_enquiry_form_has_a_description_and_a_canonical_url(client, site_tree):
    treatment = site_tree.treatment
    response = client.get(f"/enquire/?treatment={treatment.slug}")
    page = soup(response)

    root = site_tree.home.get_site().root_url
    assert response.status_code == 200
    assert meta(page, name="description").startswith(
        "Ask whether a treatment could suit you."
    )
    assert page.find("link", rel="canonical")["href"] == f"{root}/enquire/"
    assert meta(page, property="og:title") == "Ask about a treatment"
    assert page.find("meta", attrs={"name": "robots"}) is None


def test_the_thank_you_page_is_not_indexed(client, site_tree):
    page = soup(client.get("/enquire/thank-you/"))

    assert meta(page, name="robots") == "noindex"
    assert page.find("link", rel="canonical") is None
    assert page.find("meta", property="og:url") is None


def test_favicon_is_a_real_icon(client, db):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=86400" in response["Cache-Control"]
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO"
    assert icon.info["sizes"] == {(16, 16), (32, 32), (48, 48)}
    assert client.post("/favicon.ico").status_code == 405


def test_touch_icon_is_an_opaque_180px_png(client, db):
    response = client.get("/apple-touch-icon.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    icon = Image.open(io.BytesIO(response.content))
    assert (icon.format, icon.size, icon.mode) == ("PNG", (180, 180), "RGB")


def test_every_page_links_its_icons(client, site_tree):
    for url in (site_tree.home.url, site_tree.treatment.url, "/enquire/", "/search/"):
        page = soup(client.get(url))
        icons = {
            (link.get("type", ""), link["href"])
            for link in page.find_all("link", rel="icon")
        }
        assert ("", "/favicon.ico") in icons, url
        svg = next(href for kind, href in icons if kind == "image/svg+xml")
        assert page.find("link", rel="apple-touch-icon")["href"] == (
            "/apple-touch-icon.png"
        )
    response = client.get(svg)
    assert response.status_code == 200
    body = b"".join(
        response.streaming_content if response.streaming else [response.content]
    )
    assert body.startswith(b"<svg") and b'viewBox="0 0 64 64"' in body


def test_a_practitioners_profile_shares_their_photo(client, clinic_group):
    doctor = clinic_group.doctor
    doctor.photo = picture(title="byrne.jpg")
    doctor.photo_alt = "Dr Aoife Byrne in a white coat"
    doctor.save()

    page = soup(client.get("/clinics/practitioners/dr-aoife-byrne/"))

    root = clinic_group.leeds.get_site().root_url
    canonical = f"{root}/clinics/practitioners/dr-aoife-byrne/"
    assert page.find("link", rel="canonical")["href"] == canonical
    assert meta(page, property="og:title") == "Dr Aoife Byrne"
    assert meta(page, property="og:image").startswith(f"{root}/media/images/")
    assert meta(page, property="og:image:alt") == "Dr Aoife Byrne in a white coat"
    assert meta(page, name="twitter:card") == "summary_large_image"
