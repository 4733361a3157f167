"""Presentation lives in ``treatments_cms.sections`` and in templates, not on models.

A project restyles one section by adding one template named after the page
type and the section's anchor; everything else on the page stays as it was.
"""

import dataclasses
import inspect
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import translation

from tests.public.conftest import json_ld, links, soup, text
from treatments_cms import sections
from treatments_cms.models import (
    AbstractAlternativePage,
    AbstractConditionPage,
    AbstractTreatmentPage,
    AlternativePage,
    ConditionPage,
    TreatmentPage,
    alternatives,
    conditions,
    treatments,
)

SECTION_TEMPLATES = Path(__file__).parent / "section_templates"
PAGE_SECTIONS = {
    "treatment": sections.TREATMENT_SECTIONS,
    "condition": sections.CONDITION_SECTIONS,
    "alternative": sections.ALTERNATIVE_SECTIONS,
}


def with_template_dir(settings, directory):
    """``override_settings`` that puts ``directory`` first among the template dirs."""
    engine = settings.TEMPLATES[0]
    return override_settings(
        TEMPLATES=[{**engine, "DIRS": [directory, *engine["DIRS"]]}]
    )


def page_sections(page):
    """{anchor: rendered HTML} of each section the "On this page" list links to."""
    nav = page.find("nav", class_="on-this-page")
    anchors = [href[1:] for href in links(nav).values() if href != "#enquiry"]
    return {anchor: str(page.find("section", id=anchor)) for anchor in anchors}


def test_a_section_template_is_looked_for_by_page_type_then_generic():
    risks = next(s for s in sections.TREATMENT_SECTIONS if s.anchor == "risks")
    comparison = next(
        s for s in sections.TREATMENT_SECTIONS if s.anchor == "comparison"
    )

    assert risks.template_names("treatment") == (
        "treatments_cms/sections/treatment/risks.html",
        "treatments_cms/sections/rich_text.html",
    )
    assert comparison.template_names("treatment") == (
        "treatments_cms/sections/treatment/comparison.html",
        "treatments_cms/sections/comparison.html",
    )


def test_a_project_template_replaces_one_section_and_nothing_else(
    client, site_tree, settings
):
    treatment = site_tree.treatment
    default = soup(client.get(treatment.url))

    with with_template_dir(settings, SECTION_TEMPLATES):
        restyled = soup(client.get(treatment.url))

    risks = restyled.find("section", id="risks")
    assert text(risks) == (
        "Risks and side effects Ask us about the risks for your skin."
    )
    assert risks.find("p", class_="project-risks") is not None
    assert "Redness and swelling" not in text(risks)
    # Every other section is exactly as it was, in the same order.
    before, after = page_sections(default), page_sections(restyled)
    assert list(after) == list(before)
    assert list(before) == ["how-it-works", "conditions", "risks", "comparison"]
    assert {a: html for a, html in after.items() if a != "risks"} == {
        a: html for a, html in before.items() if a != "risks"
    }
    # "On this page" still links every section, and each link lands on it.
    nav = links(restyled.find("nav", class_="on-this-page"))
    assert nav == links(default.find("nav", class_="on-this-page"))
    assert nav["Risks and side effects"] == "#risks"
    for href in nav.values():
        assert restyled.find(id=href[1:]) is not None, href

    # Without the project's template, the default section is back.
    again = soup(client.get(treatment.url)).find("section", id="risks")
    assert text(again) == "Risks and side effects Redness and swelling for a few days."
    assert again.find(class_="project-risks") is None


@pytest.mark.parametrize(
    ("page_name", "page_type", "anchor"),
    [
        ("treatment", "treatment", "comparison"),
        ("condition", "condition", "treatments"),
        ("alternative", "alternative", "conditions"),
    ],
)
def test_every_page_type_looks_for_its_own_section_templates(
    client, site_tree, settings, tmp_path, page_name, page_type, anchor
):
    override = tmp_path / "treatments_cms" / "sections" / page_type / f"{anchor}.html"
    override.parent.mkdir(parents=True)
    override.write_text(
        '<section id="{{ section.anchor }}"><h2>{{ section.heading }}</h2>'
        '<p class="project-section">{{ page.title }}</p></section>'
    )
    page = getattr(site_tree, page_name)

    with with_template_dir(settings, tmp_path):
        html = soup(client.get(page.url))

    replaced = html.find("section", id=anchor)
    assert replaced.find("p", class_="project-section").get_text() == page.title
    assert f"#{anchor}" in links(html.find("nav", class_="on-this-page")).values()


def test_headings_and_key_facts_follow_the_site_language(client, site_tree, settings):
    settings.LANGUAGE_CODE = "de"

    page = soup(client.get(site_tree.treatment.url))

    facts = [text(dt) for dt in page.find(class_="key-facts").find_all("dt")]
    assert facts[:2] == ["Sitzungen", "Ergebnisse halten"]


def test_key_facts_are_built_by_the_presentation_module(site_tree):
    treatment = site_tree.treatment

    with translation.override("en-gb"):
        facts = sections.treatment_key_facts(treatment)
        alternative = sections.alternative_key_facts(site_tree.alternative)

    assert [(str(f.label), f.value) for f in facts] == [
        ("Sessions", "3 to 5 sessions"),
        ("Results last", "1 to 3 years"),
    ]
    assert [(str(f.label), f.value) for f in alternative] == [
        ("Sessions", "1 to 3 sessions"),
        ("Invasiveness", "Non-invasive"),
    ]


PRESENTATION_ATTRIBUTES = {
    "health_aspects",
    "text_section_fields",
    "text_sections_before_conditions",
    "text_sections_after_conditions",
    "get_sections",
    "get_key_facts",
    "get_comparison_rows",
}


@pytest.mark.parametrize(
    "model",
    [
        AbstractTreatmentPage,
        AbstractConditionPage,
        AbstractAlternativePage,
        TreatmentPage,
        ConditionPage,
        AlternativePage,
    ],
)
def test_page_models_carry_no_presentation(model):
    assert PRESENTATION_ATTRIBUTES.isdisjoint(dir(model))


@pytest.mark.parametrize("module", [treatments, conditions, alternatives])
def test_the_model_modules_name_no_section_heading(module):
    source = inspect.getsource(module)
    with translation.override("en-gb"):
        headings = {
            str(section.heading)
            for page_sections in PAGE_SECTIONS.values()
            for section in page_sections
            if not callable(section.heading)
        }

    assert headings
    assert [h for h in headings if f'"{h}"' in source] == []
    assert "HealthAspect" not in source


def test_the_json_ld_aspects_are_the_sections_modules(client, site_tree):
    web_page = json_ld(client.get(site_tree.treatment.url))["MedicalWebPage"]

    declared = {s.anchor: s.aspect for s in sections.TREATMENT_SECTIONS}
    url = site_tree.treatment.get_full_url()
    published = {
        part["url"].removeprefix(f"{url}#"): part["hasHealthAspect"]
        for part in web_page["hasPart"]
    }
    assert published == {
        "how-it-works": "https://schema.org/HowItWorksHealthAspect",
        "risks": "https://schema.org/RisksOrComplicationsHealthAspect",
    }
    for anchor, aspect in published.items():
        assert aspect == f"https://schema.org/{declared[anchor]}"


def test_changing_a_section_in_the_sections_module_changes_the_json_ld(
    client, site_tree, monkeypatch
):
    changed = tuple(
        dataclasses.replace(s, aspect="SafetyHealthAspect", heading="Safety")
        if s.anchor == "risks"
        else s
        for s in sections.TREATMENT_SECTIONS
    )
    monkeypatch.setattr(sections, "TREATMENT_SECTIONS", changed)

    response = client.get(site_tree.treatment.url)

    parts = json_ld(response)["MedicalWebPage"]["hasPart"]
    risks = next(p for p in parts if p["url"].endswith("#risks"))
    assert risks["name"] == "Safety"
    assert risks["hasHealthAspect"] == "https://schema.org/SafetyHealthAspect"
    assert text(soup(response).find("h2", id="risks-heading")) == "Safety"
