"""Content pages (privacy notice, about, contact) and the demo's own pictures."""

import hashlib

import pytest
import wagtail_factories
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import Site

from home.demo_content.images import abstract_picture, describe_picture, logo_picture
from home.models import ContentPage, HomePage
from tests.public.conftest import soup
from treatments_cms.models import ClinicSettings, TreatmentIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_content):
    site = Site.objects.get(is_default_site=True)
    return {
        page.slug: page for page in ContentPage.objects.child_of(site.root_page).live()
    }


def page_text(response):
    main = soup(response).find("main")
    return " ".join(main.get_text(" ").split())


# --- the page type ---------------------------------------------------------------


def test_content_pages_go_under_the_home_page_beside_the_sections():
    assert ContentPage in HomePage.allowed_subpage_models()
    assert TreatmentIndexPage in HomePage.allowed_subpage_models()
    assert ContentPage.allowed_parent_page_models() == [HomePage, ContentPage]


def test_admin_can_create_a_content_page(admin_client, home_page):
    from django.urls import reverse

    url = reverse("wagtailadmin_pages:add", args=("home", "contentpage", home_page.pk))
    response = admin_client.get(url)
    assert response.status_code == 200
    form = response.content.decode()
    # The picture with its alt text, the text, and Wagtail's SEO fields.
    for field in ("hero_image_alt", "seo_title", "search_description"):
        assert f'name="{field}"' in form, field


# --- the demo's pages ---------------------------------------------------------------


def test_demo_has_privacy_about_and_contact_pages(demo, client):
    assert set(demo) == {"privacy", "about", "contact"}
    for page in demo.values():
        response = client.get(page.url)
        assert response.status_code == 200
        description = soup(response).find("meta", attrs={"name": "description"})
        assert description["content"] == page.summary


def test_privacy_notice_is_linked_from_the_settings_and_the_footer(demo, client):
    privacy = demo["privacy"]
    clinic = ClinicSettings.objects.get()
    assert clinic.privacy_page_id == privacy.pk

    footer = soup(client.get("/")).find("footer")
    assert privacy.url in [a["href"] for a in footer.find_all("a", href=True)]


def test_privacy_notice_says_what_why_how_long_who_and_how_to_ask(demo, client):
    text = page_text(client.get(demo["privacy"].url))
    clinic = ClinicSettings.objects.get()
    # What the form collects, as the enquiry form asks it.
    for field in (
        "name and email address",
        "phone number",
        "concerns",
        "18 or over",
        "consent",
        "news and offers",
    ):
        assert field in text, field
    assert "internet address" in text
    # Why, and on what basis.
    assert "explicit consent" in text
    # How long: the clinic's own retention period.
    assert f"deleted automatically {clinic.enquiry_retention_days} days" in text
    # Who sees it.
    assert "contains none of your details" in text
    # A copy, a correction, erasure.
    for right in ("a copy", "correction", "deleted"):
        assert right in text
    assert clinic.email in text


def test_contact_page_shows_the_clinics_details(demo, client):
    text = page_text(client.get(demo["contact"].url))
    clinic = ClinicSettings.objects.get()
    assert clinic.phone in text
    assert clinic.email in text
    assert "/enquire/" in str(soup(client.get(demo["contact"].url)).find("main"))


# --- the demo's pictures ------------------------------------------------------------------


def test_every_demo_page_below_the_sections_has_its_own_picture_with_alt_text(
    demo, client
):
    from treatments_cms.models import AlternativePage, ConditionPage, TreatmentPage

    pages = [
        *ConditionPage.objects.live(),
        *AlternativePage.objects.live(),
        *TreatmentPage.objects.live(),
        *demo.values(),
    ]
    assert len(pages) >= 14
    hashes = set()
    for page in pages:
        assert page.image is not None, page.title
        assert page.hero_image_alt.strip(), page.title
        assert not page.hero_image_decorative
        page.image.file.open("rb")
        hashes.add(hashlib.sha256(page.image.file.read()).hexdigest())
        page.image.file.close()
    assert len(hashes) == len(pages)  # a picture of its own each

    hero = soup(client.get(demo["about"].url)).select_one(".page-header picture img")
    assert hero["alt"] == demo["about"].hero_image_alt


def test_the_logo_is_a_transparent_png_in_the_clinic_settings(demo):
    logo = ClinicSettings.objects.get().logo
    assert logo is not None
    assert logo.file.name.endswith(".png")
    assert logo.description


def test_pictures_are_drawn_the_same_for_the_same_name_and_differ_by_name():
    a = abstract_picture("sun-damage", size=(320, 180))
    assert a.tobytes() == abstract_picture("sun-damage", size=(320, 180)).tobytes()
    assert a.tobytes() != abstract_picture("stretch-marks", size=(320, 180)).tobytes()
    assert a.size == (320, 180)
    assert describe_picture("sun-damage").startswith("Abstract pattern")
    logo = logo_picture(64)
    assert logo.mode == "RGBA"
    assert logo.getpixel((0, 0))[3] == 0  # transparent corner


def test_loading_twice_draws_no_new_pictures(demo):
    count = get_image_model().objects.count()
    call_command("load_demo_content", verbosity=0)
    assert get_image_model().objects.count() == count


# --- a content page's cost ------------------------------------------------------------

# The pinned cost of a content page; raise it only for a reason you can name.
CONTENT_PAGE_QUERIES = 14


def figures(count):
    return [
        {
            "type": "image",
            "value": {
                "image": {
                    "image": wagtail_factories.ImageFactory().pk,
                    "alt_text": "A quiet waiting room",
                    "decorative": False,
                },
                "caption": f"Picture {n}",
            },
        }
        for n in range(count)
    ]


def queries_to_serve(client, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_content_page_costs_the_same_with_2_or_6_pictures(
    client, home_page, django_assert_max_num_queries
):
    page = ContentPage(
        title="About",
        slug="about",
        summary="Who we are.",
        image=wagtail_factories.ImageFactory(),
        hero_image_alt="A calm pattern",
        body=figures(2),
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    two = queries_to_serve(client, page.url)

    page.body = figures(6)
    page.save_revision().publish()
    six = queries_to_serve(client, page.url)

    assert six == two
    with django_assert_max_num_queries(CONTENT_PAGE_QUERIES):
        body = client.get(page.url).content.decode()
    assert body.count("<figcaption") == 6
