"""Pictures: the hero with its alt text, responsive renditions, the image block.

Every picture is a ``<picture>`` with a WebP source and a JPEG fallback in
several widths, ``sizes``, and width and height on the ``<img>``; the hero
loads at once, the others lazily. A page costs the same queries whatever the
number of pictures in its text.
"""

import re

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.public.conftest import soup
from tests.public.test_query_counts import TREATMENT_PAGE_QUERIES
from treatments_cms.blocks import ExtraContentBlock, FigureBlock
from treatments_cms.images import get_preset
from treatments_cms.models import ClinicSettings

pytestmark = pytest.mark.django_db


def render(template, **context):
    return Template("{% load treatments_cms_images %}" + template).render(
        Context(context)
    )


def widths(srcset):
    """The width descriptors of a srcset ("a.jpg 400w, b.jpg 800w" gives [400, 800])."""
    return sorted(
        int(re.fullmatch(r"(\d+)w", candidate.split()[-1])[1])
        for candidate in srcset.split(",")
    )


# --- the tags -----------------------------------------------------------------------


def test_card_picture_has_webp_source_jpeg_fallback_sizes_and_dimensions():
    image = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
    html = render('{% picture image "card" alt="" class="card__image" %}', image=image)
    picture = soup_fragment(html).picture
    source = picture.source
    assert source["type"] == "image/webp"
    assert widths(source["srcset"]) == [400, 800]
    assert source["sizes"] == get_preset("card").sizes
    img = picture.img
    assert img["src"].endswith(".jpg")
    assert widths(img["srcset"]) == [400, 800]
    assert (img["width"], img["height"]) == ("400", "225")
    assert img["alt"] == ""
    assert img["loading"] == "lazy"
    assert img["class"] == ["card__image"]
    assert "fetchpriority" not in img.attrs


def test_hero_loads_first_and_never_lazily():
    image = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
    img = soup_fragment(
        render('{% picture image "hero" alt="A calm room" %}', image=image)
    ).img
    assert img["fetchpriority"] == "high"
    assert "loading" not in img.attrs
    assert img["alt"] == "A calm room"
    assert widths(img["srcset"]) == [640, 1024, 1600]


def test_no_image_renders_nothing():
    assert render('{% picture image "card" %}', image=None).strip() == ""


def test_a_project_changes_a_preset(settings):
    settings.TREATMENTS_CMS_IMAGE_PRESETS = {
        "card": {"filter_spec": "fill-{300x200}|format-{webp,png}"}
    }
    image = wagtail_factories.ImageFactory(file__width=900, file__height=600)
    picture = soup_fragment(
        render('{% picture image "card" alt="" %}', image=image)
    ).picture
    assert picture.img["src"].endswith(".png")
    assert picture.img["width"] == "300"


def test_unknown_preset_is_an_error():
    image = wagtail_factories.ImageFactory()
    with pytest.raises(ValueError, match="Unknown image preset"):
        render('{% picture image "poster" %}', image=image)


def soup_fragment(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


# --- the hero image on pages ---------------------------------------------------------


def test_treatment_page_shows_its_hero_with_the_editors_alt_text(client, site_tree):
    treatment = site_tree.treatment
    treatment.image = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
    treatment.hero_image_alt = "A practitioner holding a handheld laser"
    treatment.save_revision().publish()

    page = soup(client.get(treatment.url))
    hero = page.select_one(".page-header picture img")
    assert hero["alt"] == "A practitioner holding a handheld laser"
    assert hero["fetchpriority"] == "high"
    og_image = page.find("meta", property="og:image")
    assert og_image is not None and "fill-1200x630" in og_image["content"]


def test_a_decorative_hero_has_empty_alt_text(client, site_tree):
    condition = site_tree.condition
    condition.image = wagtail_factories.ImageFactory(
        title="Swirl", file__width=1600, file__height=900
    )
    condition.hero_image_alt = ""
    condition.hero_image_decorative = True
    condition.save_revision().publish()

    hero = soup(client.get(condition.url)).select_one(".page-header picture img")
    assert hero["alt"] == ""


@pytest.mark.parametrize(
    "factory",
    ["TreatmentPageFactory", "ConditionPageFactory", "AlternativePageFactory"],
)
def test_a_picture_needs_alt_text_or_decorative(factory):
    page = getattr(factories, factory)()
    page.image = wagtail_factories.ImageFactory()
    page.hero_image_alt = "  "
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "hero_image_alt" in error.value.message_dict
    assert "decoration" in error.value.message_dict["hero_image_alt"][0]

    page.hero_image_decorative = True
    page.full_clean()
    page.hero_image_decorative = False
    page.hero_image_alt = "Soft light on a cheek"
    page.full_clean()


def test_alt_text_error_comes_with_the_other_errors():
    page = factories.AlternativePageFactory()
    page.image = wagtail_factories.ImageFactory()
    page.hero_image_alt = ""
    page.sessions_min, page.sessions_max = 5, 2
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert {"hero_image_alt", "sessions_max"} <= set(error.value.message_dict)


# --- the treatment's own invasiveness ----------------------------------------------


def test_treatment_invasiveness_fills_its_comparison_row_and_procedure_type(
    client, site_tree
):
    treatment = site_tree.treatment
    treatment.invasiveness = "minimally_invasive"
    treatment.save_revision().publish()

    page = soup(client.get(treatment.url))
    row = page.select_one("table.comparison tr.is-current")
    assert "Minimally invasive" in row.get_text()
    assert treatment.get_procedure_type() == "PercutaneousProcedure"


# --- clinic settings ---------------------------------------------------------------


def test_clinic_settings_have_a_logo_and_reply_expectations(site_tree):
    ClinicSettings.objects.all().delete()
    settings = ClinicSettings.objects.create(
        site=site_tree.home.get_site(), clinic_name="C"
    )
    assert settings.enquiry_reply_by == "A member of our clinical team"
    assert settings.enquiry_reply_within == "two working days"
    settings.logo = wagtail_factories.ImageFactory()
    settings.full_clean()
    settings.save()


# --- the image block ------------------------------------------------------------------


def figure(image, caption="", alt="A bright treatment room", decorative=False):
    return {
        "type": "image",
        "value": {
            "image": {"image": image.pk, "alt_text": alt, "decorative": decorative},
            "caption": caption,
        },
    }


def test_image_block_renders_a_figure_with_caption(client, site_tree):
    treatment = site_tree.treatment
    image = wagtail_factories.ImageFactory(file__width=1200, file__height=800)
    treatment.body = [figure(image, caption="Our treatment room")]
    treatment.save_revision().publish()

    page = soup(client.get(treatment.url))
    block = page.select_one("figure.figure")
    assert block.figcaption.get_text(strip=True) == "Our treatment room"
    img = block.picture.img
    assert img["alt"] == "A bright treatment room"
    assert img["loading"] == "lazy"
    assert widths(img["srcset"]) == [480, 800, 1200]


def test_image_block_needs_alt_text_unless_decorative():
    block = FigureBlock()
    image = wagtail_factories.ImageFactory()
    value = block.to_python(figure(image, alt="")["value"])
    with pytest.raises(ValidationError):
        block.clean(value)
    block.clean(block.to_python(figure(image, alt="", decorative=True)["value"]))


def queries_to_serve(client, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_pictures_in_the_text_cost_the_same_queries_for_2_or_6(
    client, site_tree, django_assert_max_num_queries
):
    treatment = site_tree.treatment
    treatment.image = wagtail_factories.ImageFactory()
    treatment.body = [figure(wagtail_factories.ImageFactory()) for _ in range(2)]
    treatment.save_revision().publish()
    two = queries_to_serve(client, treatment.url)

    treatment.body = [figure(wagtail_factories.ImageFactory()) for _ in range(6)]
    treatment.save_revision().publish()
    six = queries_to_serve(client, treatment.url)

    assert six == two
    # The text's pictures add two queries, however many: their images, and
    # their renditions.
    with django_assert_max_num_queries(TREATMENT_PAGE_QUERIES + 2):
        body = client.get(treatment.url).content.decode()
    assert body.count('<figure class="figure"') == 6


def test_extra_content_offers_the_image_block():
    assert "image" in ExtraContentBlock().child_blocks
