"""Swappable page families and the practitioner, as the demo site uses them.

The demo keeps every default; ``tests/example_project`` swaps the treatment
page and the practitioner for its own and proves the rest end to end.
"""

import pytest
from django.db.models.fields.related import ForeignKey
from wagtail.admin.panels import FieldPanel

from treatments_cms import checks, swappable
from treatments_cms.models import (
    AbstractAlternativePage,
    AbstractConditionPage,
    AbstractIndexPage,
    AbstractPractitioner,
    AbstractTreatmentIndexPage,
    AbstractTreatmentPage,
    AlternativeConditionLink,
    AlternativeIndexPage,
    AlternativePage,
    AlternativePageMixin,
    ConditionIndexPage,
    ConditionPage,
    ConditionPageMixin,
    Enquiry,
    Practitioner,
    PractitionerMixin,
    TreatmentAlternativeLink,
    TreatmentConditionLink,
    TreatmentIndexPage,
    TreatmentIndexPageMixin,
    TreatmentPage,
    TreatmentPageMixin,
)

DEFAULTS = {
    "TreatmentIndexPage": TreatmentIndexPage,
    "TreatmentPage": TreatmentPage,
    "ConditionIndexPage": ConditionIndexPage,
    "ConditionPage": ConditionPage,
    "AlternativeIndexPage": AlternativeIndexPage,
    "AlternativePage": AlternativePage,
    "Practitioner": Practitioner,
}


@pytest.mark.parametrize(("name", "model"), DEFAULTS.items())
def test_each_default_is_swappable_and_resolved_when_not_swapped(name, model):
    setting = f"TREATMENTS_CMS_{name.upper()}_MODEL"
    assert model._meta.swappable == setting == swappable.setting_name(name)
    assert not model._meta.swapped
    assert swappable.get_model(name) is model
    assert swappable.get_model_string(name) == f"treatments_cms.{name}"


def test_named_resolvers_match_the_generic_one():
    assert swappable.get_treatment_page_model() is TreatmentPage
    assert swappable.get_condition_page_model_string() == "treatments_cms.ConditionPage"
    assert swappable.get_practitioner_model() is Practitioner


def test_the_earlier_mixin_names_still_import():
    assert TreatmentPageMixin is AbstractTreatmentPage
    assert TreatmentIndexPageMixin is AbstractTreatmentIndexPage
    assert ConditionPageMixin is AbstractConditionPage
    assert AlternativePageMixin is AbstractAlternativePage
    assert PractitionerMixin is AbstractPractitioner


def test_one_index_base_serves_the_three_sections():
    for index in (TreatmentIndexPage, ConditionIndexPage, AlternativeIndexPage):
        assert issubclass(index, AbstractIndexPage)
    assert [
        index.get_listed_model()
        for index in (TreatmentIndexPage, ConditionIndexPage, AlternativeIndexPage)
    ] == [TreatmentPage, ConditionPage, AlternativePage]


@pytest.mark.parametrize(
    ("model", "field", "name"),
    [
        (TreatmentConditionLink, "page", "TreatmentPage"),
        (TreatmentConditionLink, "condition", "ConditionPage"),
        (TreatmentAlternativeLink, "page", "TreatmentPage"),
        (AlternativeConditionLink, "page", "AlternativePage"),
        (AlternativeConditionLink, "condition", "ConditionPage"),
        (Enquiry, "treatment", "TreatmentPage"),
        (Enquiry, "concerns", "ConditionPage"),
        (TreatmentPage, "reviewed_by", "Practitioner"),
        (ConditionPage, "reviewed_by", "Practitioner"),
    ],
)
def test_foreign_keys_name_the_swappable_setting(model, field, name):
    """Migrations write these as ``settings.TREATMENTS_CMS_<NAME>_MODEL``."""
    field = model._meta.get_field(field)
    assert field.related_model is DEFAULTS[name]
    assert field.swappable_setting == swappable.setting_name(name)


def test_images_come_from_wagtails_image_model_setting(settings):
    from wagtail.images import get_image_model

    field = TreatmentPage._meta.get_field("image")
    assert isinstance(field, ForeignKey)
    assert field.related_model is get_image_model()


# --- the editor is built from the panel lists when asked for ----------------------


@pytest.fixture
def fresh_edit_handler():
    TreatmentPage.get_edit_handler.cache_clear()
    yield
    TreatmentPage.get_edit_handler.cache_clear()


def tab_fields(model):
    return {
        str(tab.heading): set(tab.get_form_options().get("fields", []))
        for tab in model.get_edit_handler().children
    }


def test_tabs_are_built_from_the_panel_lists(fresh_edit_handler):
    assert [str(tab.heading) for tab in TreatmentPage.get_edit_handler().children] == [
        "Content",
        "Facts",
        "Links",
        "Safety",
        "Review",
        "Promote",
        "Settings",
    ]
    assert [str(tab.heading) for tab in ConditionPage.get_edit_handler().children] == [
        "Content",
        "Review",
        "Promote",
        "Settings",
    ]


def test_a_panel_added_to_a_list_appears_in_its_tab(monkeypatch, fresh_edit_handler):
    assert "price_from" not in tab_fields(TreatmentPage)["Content"]
    TreatmentPage.get_edit_handler.cache_clear()
    monkeypatch.setattr(
        TreatmentPage,
        "content_panels",
        [*TreatmentPage.content_panels, FieldPanel("price_from")],
    )
    assert "price_from" in tab_fields(TreatmentPage)["Content"]


def test_the_treatment_form_guards_publishing():
    from treatments_cms.models import TreatmentPageForm

    form_class = TreatmentPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, TreatmentPageForm)


# --- checks ------------------------------------------------------------------------


def check_errors():
    return [(e.id, e.msg) for e in checks.check_swapped_models(None)]


def test_no_swap_errors_for_the_demo():
    assert check_errors() == []


def test_e015_when_wagtails_page_is_swapped_but_a_family_is_not(settings):
    settings.WAGTAIL_PAGE_MODEL = "clinic.BasePage"
    errors = check_errors()
    assert [id_ for id_, _ in errors] == ["treatments_cms.E015"] * 8
    assert "TREATMENTS_CMS_TREATMENTPAGE_MODEL still names" in errors[1][1]
    hint = checks.check_swapped_models(None)[1].hint
    assert "class TreatmentPage(AbstractTreatmentPage, BasePage)" in hint


def test_e016_when_a_setting_names_a_model_off_the_abstract_base(settings):
    settings.TREATMENTS_CMS_PRACTITIONER_MODEL = "wagtailimages.Image"
    assert check_errors() == [
        (
            "treatments_cms.E016",
            "TREATMENTS_CMS_PRACTITIONER_MODEL names 'wagtailimages.Image', which "
            "is not built on treatments_cms.models.AbstractPractitioner.",
        )
    ]
