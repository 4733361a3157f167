"""What a marketing editor reads in the page editor: plain English, no schema.org."""

import re

import pytest
from django.apps import apps
from django.urls import reverse

from treatments_cms.models import TreatmentConditionLink
from treatments_cms.swappable import get_model


def plugin_fields():
    for model in apps.get_app_config("treatments_cms").get_models():
        yield from (
            (model, field)
            for field in model._meta.get_fields()
            if hasattr(field, "help_text")
        )


def test_no_help_text_names_schema_org():
    offenders = [
        f"{model.__name__}.{field.name}"
        for model, field in plugin_fields()
        if "schema.org" in str(field.help_text)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("sessions_min", "Fewest sessions"),
        ("sessions_max", "Most sessions"),
        ("results_last_min", "Results last at least"),
        ("results_last_max", "Results last up to"),
        ("results_last_unit", "How long results last, in"),
        ("downtime_min_days", "Fewest days of downtime"),
        ("downtime_max_days", "Most days of downtime"),
    ],
)
def test_fact_labels_read_as_plain_english(name, label):
    field = get_model("TreatmentPage")._meta.get_field(name)
    assert str(field.verbose_name).capitalize() == label


def test_a_condition_links_outcome_must_be_chosen():
    field = TreatmentConditionLink._meta.get_field("outcome")
    assert not field.has_default()
    assert not field.blank
    choices = dict(field.formfield().choices)
    assert choices[""].startswith("-")  # the editor starts from "choose one"


def edit_page(admin_client, page):
    return admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).text


def test_the_editor_reads_plainly(admin_client, site_tree):
    html = edit_page(admin_client, site_tree.treatment)
    for label in ("Fewest sessions", "Most sessions", "Fewest days of downtime"):
        assert label in html
    for old in (
        "Sessions min",
        "Sessions max",
        "Results last unit",
        "Downtime min days",
    ):
        assert old not in html
    assert "schema.org" not in html


def row_headings(html, relation):
    """The headings of a link panel's rows, as the editor reads them."""
    pattern = (
        rf'id="inline_child_{relation}-\d+-panel-heading"[^>]*>.*?'
        r"<span data-panel-heading-text>(.*?)<span"
    )
    return [heading.strip() for heading in re.findall(pattern, html, re.S)]


def test_link_rows_are_titled_by_the_linked_page(admin_client, site_tree):
    html = edit_page(admin_client, site_tree.treatment)
    assert row_headings(html, "condition_links") == ["Spider veins"]
    assert row_headings(html, "alternative_links") == ["Chemical peel"]


def test_the_comparison_note_is_a_multi_line_box(admin_client, site_tree):
    html = edit_page(admin_client, site_tree.treatment)
    assert '<textarea name="alternative_links-0-comparison_note"' in html


def test_the_alternatives_chooser_opens_among_the_alternatives(admin_client, site_tree):
    html = edit_page(admin_client, site_tree.treatment)
    url = reverse(
        "wagtailadmin_choose_page_child", args=[site_tree.alternative_index.pk]
    )
    assert url in html
