"""``LeanPicture`` writes the markup of Wagtail's ``Picture``."""

import pytest
import wagtail_factories
from wagtail.images.models import Picture

from treatments_cms.templatetags.treatments_cms_images import (
    LeanPicture,
    _filters,
    _flatatt,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize(
    "spec",
    [
        "fill-{400x225,800x450}|format-{webp,jpeg}",
        "width-{480,800}",
        "fill-400x225|format-{webp,jpeg}",
    ],
)
def test_the_same_markup_as_wagtails_picture(spec):
    image = wagtail_factories.ImageFactory()
    renditions = image.get_renditions(*_filters(spec))
    attrs = {
        "alt": 'A "quoted" <alt> & more',
        "sizes": "100vw",
        "loading": "lazy",
        "class": "card__image",
        "hidden": False,
        "data-none": None,
    }
    assert LeanPicture(renditions, dict(attrs)).__html__() == (
        Picture(renditions, dict(attrs)).__html__()
    )


def test_flatatt_matches_djangos():
    from django.forms.utils import flatatt

    attrs = {"b": 1, "a": "<x>", "c": True, "d": False, "e": None, "f": True}
    assert _flatatt(attrs) == flatatt(attrs)
