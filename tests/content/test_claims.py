"""The claims checker: risky advertising phrases warned about, never refused."""

from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from tests import factories
from tests.content.form_data import (
    alternative_form_data,
    condition_form_data,
    treatment_form_data,
)
from treatments_cms.claims import Finding, find_claims, match_phrases
from treatments_cms.conf import DEFAULT_CLAIMS_PHRASES
from treatments_cms.models import ConditionPage, TreatmentPage

CLAIMS = "Permanent, painless results, guaranteed: a cure for wrinkles, like Botox."
FOUND = ["Permanent", "painless", "guaranteed", "cure", "Botox"]
RISKS = (
    "Describe the risks and side effects before publishing: "
    "visitors must see them before they enquire."
)


# --- matching ------------------------------------------------------------------


@pytest.mark.parametrize("phrase", DEFAULT_CLAIMS_PHRASES)
def test_each_default_phrase_is_found_in_any_case(phrase):
    text = f"Our clinic offers {phrase.upper()}, as you will see."
    assert len(match_phrases(text)) == 1


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (CLAIMS, FOUND),
        ("CURE!", ["CURE"]),
        ("(cure),", ["cure"]),
        ("Pain free, at last.", ["Pain free"]),
        ("Totally PAIN-FREE.", ["PAIN-FREE"]),
        ("Pain‑free (a non-breaking hyphen).", ["Pain‑free"]),
        ("100% natural", ["100%"]),
        ("100 % natural", ["100 %"]),
        ("No downtime!", ["No downtime"]),
        ("no\n  downtime", ["no\n  downtime"]),
        ("Botox®-style results", ["Botox"]),
        ("<p>A <b>cure</b></p><p>Permanent</p>", ["cure", "Permanent"]),
        ("<p>Results&nbsp;guaranteed&amp;more</p>", ["guaranteed"]),
        ("<p>secure</p><p>cure</p>", ["cure"]),
    ],
)
def test_phrases_match_whole_words_ignoring_case_and_punctuation(text, found):
    assert match_phrases(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "A secure, procured and curated curettage.",
        "Impermanent fillers; impermanence is normal.",
        "Some pain, then freedom; a painful day.",
        "A guarantor, riskier steps, a risk of bruising.",
        "Downtime is two days; there is no down time scheduled.",
        "100 patients, 50% of them better.",
        "Anti-wrinkle injections relax the muscles.",
        "Botulism is unrelated; the toxin word alone is fine.",
        "",
    ],
)
def test_ordinary_words_raise_no_false_alarm(text):
    assert match_phrases(text) == []


def test_the_setting_replaces_the_phrase_list(settings):
    text = "A permanent change, a miracle cream, no surgery."
    settings.TREATMENTS_CMS_CLAIMS_PHRASES = ["No Surgery", "miracle"]
    assert match_phrases(text) == ["miracle", "no surgery"]
    settings.TREATMENTS_CMS_CLAIMS_PHRASES = []
    assert match_phrases(text) == []


# --- findings name the field ---------------------------------------------------


def test_findings_name_each_phrase_and_its_field(site_tree):
    page = site_tree.treatment
    page.summary = CLAIMS
    page.how_it_works = "<p>Like <i>Dysport</i>, it is 100% safe.</p>"
    page.body = [("paragraph", rich_text("<p>A miracle.</p>"))]
    link = page.condition_links.first()
    link.note = "Cured in one session."
    link.save()

    findings = find_claims(page)

    assert findings == [
        *(Finding(phrase, "Summary") for phrase in FOUND),
        Finding("Dysport", "How it works"),
        Finding("100%", "How it works"),
        Finding("miracle", "Body"),
        Finding("Cured", "Conditions treated: Note"),
    ]


def test_a_clean_page_has_no_findings(site_tree):
    for page in (site_tree.treatment, site_tree.condition, site_tree.alternative):
        assert find_claims(page) == []


# --- the admin warns on save, publish and submit --------------------------------


def warnings(response):
    return [
        unescape(str(message))
        for message in get_messages(response.wsgi_request)
        if message.level_tag == "warning"
    ]


def assert_warned(response, field="Summary", phrases=FOUND):
    assert response.status_code == 302
    (message,) = warnings(response)
    for phrase in phrases:
        assert f"“{phrase}” in {field}" in message
    assert "Advertising rules forbid" in message


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )


ACTIONS = [
    pytest.param({}, False, id="draft"),
    pytest.param({"action-publish": "action-publish"}, True, id="publish"),
    pytest.param({"action-submit": "action-submit"}, False, id="submit"),
]


@pytest.mark.parametrize(("action", "live"), ACTIONS)
def test_adding_a_treatment_with_claims_warns_and_saves(
    admin_client, site_tree, action, live
):
    response = admin_client.post(
        add_url(TreatmentPage, site_tree.treatment_index),
        treatment_form_data(summary=CLAIMS, **action),
    )
    assert_warned(response)
    page = TreatmentPage.objects.get(slug="microneedling")
    assert page.live is live
    if "action-submit" in action:
        assert page.current_workflow_state is not None


@pytest.mark.parametrize(("action", "live"), ACTIONS)
def test_editing_a_treatment_with_claims_warns_and_saves(
    admin_client, site_tree, action, live
):
    page = factories.TreatmentPageFactory(title="Microneedling", live=False)
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        treatment_form_data(summary=CLAIMS, **action),
    )
    assert_warned(response)
    page.refresh_from_db()
    assert page.live is live
    assert page.get_latest_revision_as_object().summary == CLAIMS


def test_adding_a_condition_with_claims_warns(admin_client, site_tree):
    response = admin_client.post(
        add_url(ConditionPage, site_tree.condition_index),
        condition_form_data(
            alternate_names="Botox lines", **{"action-publish": "action-publish"}
        ),
    )
    assert_warned(response, "Alternate names", ["Botox"])
    assert ConditionPage.objects.get(slug="rosacea").live


def test_editing_an_alternative_with_claims_warns(admin_client, site_tree):
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[site_tree.alternative.pk]),
        alternative_form_data(
            title=site_tree.alternative.title,
            how_it_works=rich_text("<p>Pain-free, no downtime.</p>"),
            **{"action-publish": "action-publish"},
        ),
    )
    assert_warned(response, "How it works", ["Pain-free", "no downtime"])
    site_tree.alternative.refresh_from_db()
    assert "Pain-free" in site_tree.alternative.how_it_works


def test_the_setting_changes_what_the_admin_warns_about(
    admin_client, site_tree, settings
):
    settings.TREATMENTS_CMS_CLAIMS_PHRASES = ["wrinkles"]
    response = admin_client.post(
        add_url(TreatmentPage, site_tree.treatment_index),
        treatment_form_data(summary=CLAIMS),
    )
    assert_warned(response, "Summary", ["wrinkles"])
    assert "Botox" not in warnings(response)[0]


def test_a_clean_page_saves_without_a_warning(admin_client, site_tree):
    response = admin_client.post(
        add_url(TreatmentPage, site_tree.treatment_index),
        treatment_form_data(**{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302
    assert warnings(response) == []
    assert TreatmentPage.objects.get(slug="microneedling").live


def test_publishing_a_treatment_without_risks_is_still_refused(admin_client, site_tree):
    response = admin_client.post(
        add_url(TreatmentPage, site_tree.treatment_index),
        treatment_form_data(
            summary=CLAIMS, risks=rich_text(""), **{"action-publish": "action-publish"}
        ),
    )
    assert response.status_code == 200
    assert RISKS in unescape(response.content.decode())
    assert not TreatmentPage.objects.filter(slug="microneedling").exists()


# --- the edit view shows the findings when it opens -----------------------------


def test_opening_the_edit_view_shows_the_findings_once(admin_client, site_tree):
    page = site_tree.treatment
    page.summary = CLAIMS
    page.save_revision().publish()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = admin_client.get(url)
    assert response.status_code == 200
    text = unescape(response.content.decode())
    assert text.count("“cure” in Summary") == 1

    # Saving a draft warns and returns to the edit view: still one warning.
    data = treatment_form_data(title=page.title, slug=page.slug, summary=CLAIMS)
    response = admin_client.post(url, data, follow=True)
    assert response.status_code == 200
    assert unescape(response.content.decode()).count("“cure” in Summary") == 1


def test_opening_a_clean_page_shows_no_warning(admin_client, site_tree):
    url = reverse("wagtailadmin_pages:edit", args=[site_tree.treatment.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Advertising rules forbid" not in response.content.decode()


@pytest.mark.parametrize(
    "text",
    [
        "Results vary; we do our best. Results last a year.",
        "No. Downtime is a day or two.",
        "It is painful, free of charge afterwards.",
    ],
)
def test_a_phrase_never_spans_two_sentences_or_clauses(text):
    assert match_phrases(text) == []
