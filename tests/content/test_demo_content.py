"""``load_demo_content``: the demo site, built idempotently from the seed's facts."""

import datetime
import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from home.demo_content import data
from tests.content import seed_fingerprints as seed
from tests.content.demo_text import demo_strings
from treatments_cms.models import (
    AlternativeIndexPage,
    AlternativePage,
    ClinicSettings,
    ConditionIndexPage,
    ConditionPage,
    ConsentStatement,
    Invasiveness,
    Practitioner,
    TreatmentIndexPage,
    TreatmentPage,
)

pytestmark = pytest.mark.django_db

SECTION_MODELS = [TreatmentIndexPage, ConditionIndexPage, AlternativeIndexPage]

# Everything the loader reports: clinic settings, practitioner, consent, the
# 14 clinical pages, 3 content pages and 15 pictures (one per page below the
# index pages, and the logo); the clinic group: the locations index, 3
# clinics with a picture each, and 3 practitioners with a portrait each.
DEMO_ITEMS = 35 + 13

# Words the UK advertising rules forbid for cosmetic treatments, and
# prescription-only medicines that must not be named.
FORBIDDEN = re.compile(
    r"\b(permanent\w*|cures?|cured|guarantee\w*|painless|risk[- ]free|botox|"
    r"botulinum|dysport|azzalure|bocouture|xeomin)\b",
    re.IGNORECASE,
)


def load(**options):
    out = StringIO()
    call_command("load_demo_content", stdout=out, **options)
    return out.getvalue()


def row_counts():
    return {
        model._meta.label: model._base_manager.count() for model in apps.get_models()
    }


def demo_pages():
    return [
        page.specific
        for page in Page.objects.filter(depth__gte=3).order_by("path")
        if isinstance(
            page.specific,
            (
                TreatmentIndexPage,
                ConditionIndexPage,
                AlternativeIndexPage,
                TreatmentPage,
                ConditionPage,
                AlternativePage,
            ),
        )
    ]


def page_text(html):
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    return soup.get_text(" ")


@pytest.fixture
def loaded(demo_content):
    return demo_content


# --- what it builds ---------------------------------------------------------------


def test_builds_the_three_sections_under_the_home_page(loaded):
    home = Site.objects.get(is_default_site=True).root_page
    children = [page.specific for page in home.get_children().live()]
    sections = [page for page in children if isinstance(page, tuple(SECTION_MODELS))]
    assert [type(page) for page in sections] == SECTION_MODELS
    assert [page.title for page in sections] == [
        "Treatments",
        "Conditions",
        "Alternatives",
    ]


def test_builds_the_treatment_with_its_facts(loaded):
    treatment = TreatmentPage.objects.get(slug="laser-skin-rejuvenation")
    assert treatment.title == "Laser skin rejuvenation"
    assert treatment.get_parent().specific_class is TreatmentIndexPage
    assert "fractional laser" in treatment.summary
    assert "collagen" in treatment.how_it_works
    assert treatment.sessions_display == "3 to 5 sessions"
    assert "typical" in treatment.how_it_works.lower()
    assert treatment.results_last_display == "1 to 3 years"
    assert treatment.downtime_display == "3 to 7 days"
    assert treatment.session_interval_display == "4 weeks"
    assert "Deep wrinkles improve but do not disappear" in treatment.limitations
    assert "Not everyone is suitable" in treatment.suitability
    for field in ("benefits", "risks", "contraindications", "preparation", "recovery"):
        assert len(getattr(treatment, field)) > 100, field
    assert treatment.price_from == 250
    # The default next review follows from the last review.
    assert treatment.last_reviewed == datetime.date(2026, 11, 2)
    assert treatment.next_review_due == datetime.date(2027, 11, 2)
    assert treatment.reviewed_by == Practitioner.objects.get(name="Dr Rowan Ashby")


def test_links_the_treatment_to_six_conditions_and_four_alternatives(loaded):
    treatment = TreatmentPage.objects.get(slug="laser-skin-rejuvenation")
    assert [
        (link.condition.title, link.outcome) for link in treatment.get_condition_links()
    ] == [
        ("Sun damage", "treats"),
        ("Scars and acne scars", "improves"),
        ("Stretch marks", "improves"),
        ("Spider veins", "treats"),
        ("Actinic keratosis", "treats"),
        ("Fine to medium wrinkles", "improves"),
    ]
    wrinkles = treatment.get_condition_links()[-1]
    assert wrinkles.note == (
        "Fine lines soften and medium lines become shallower, but do not disappear."
    )
    assert [
        (link.target.title, link.target.invasiveness)
        for link in treatment.get_alternative_links()
    ] == [
        ("Chemical peel", Invasiveness.NON_INVASIVE),
        ("Microdermabrasion", Invasiveness.NON_INVASIVE),
        ("Facelift", Invasiveness.SURGICAL),
        ("Anti-wrinkle injections", Invasiveness.MINIMALLY_INVASIVE),
    ]
    assert all(link.comparison_note for link in treatment.get_alternative_links())
    # Each condition derives the treatment from those links.
    for condition in ConditionPage.objects.all():
        assert condition.get_treatments() == [treatment]


def test_conditions_carry_names_and_the_doctor_first_warning(loaded):
    spider = ConditionPage.objects.get(title="Spider veins")
    assert spider.alternate_name_list == ["thread veins", "telangiectasia"]
    keratosis = ConditionPage.objects.get(title="Actinic keratosis")
    assert keratosis.requires_medical_assessment
    assert "GP or a dermatologist first" in keratosis.medical_assessment_text
    assert "pre-cancerous" in keratosis.medical_assessment_text
    assert list(ConditionPage.objects.filter(requires_medical_assessment=True)) == [
        keratosis
    ]


def test_peels_and_microdermabrasion_address_the_same_concerns(loaded):
    for title in ("Chemical peel", "Microdermabrasion"):
        alternative = AlternativePage.objects.get(title=title)
        assert [link.condition.title for link in alternative.get_condition_links()] == [
            "Sun damage",
            "Scars and acne scars",
            "Fine to medium wrinkles",
        ]
        assert alternative.get_treatments() == [
            TreatmentPage.objects.get(slug="laser-skin-rejuvenation")
        ]
    facelift = AlternativePage.objects.get(title="Facelift")
    assert facelift.sessions_display == "1 session"
    injections = AlternativePage.objects.get(title="Anti-wrinkle injections")
    assert injections.results_last_display == "3 to 4 months"
    assert injections.downtime_display == "none"
    assert "prescriber" in injections.summary


def test_every_page_is_published_through_a_revision_and_reviewed(loaded):
    pages = demo_pages()
    assert len(pages) == 3 + 1 + 6 + 4
    practitioner = Practitioner.objects.get(name="Dr Rowan Ashby")
    for page in pages:
        assert page.live, page
        assert page.live_revision is not None, page
        assert page.first_published_at is not None, page
        assert not page.has_unpublished_changes, page
        if hasattr(page, "reviewed_by"):
            assert page.reviewed_by == practitioner, page
            assert page.last_reviewed == datetime.date(2026, 11, 2), page


def test_creates_practitioner_consent_and_clinic_settings(loaded):
    practitioner = Practitioner.objects.get(name="Dr Rowan Ashby")
    assert practitioner.name == "Dr Rowan Ashby"
    consent = ConsentStatement.objects.get()
    assert ConsentStatement.objects.current() == consent
    assert "health" in consent.text
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    assert clinic.clinic_name == "Example Skin Clinic"
    assert clinic.recipient_list == ["enquiries@example.com"]
    assert clinic.phone.startswith("020 7946 0")  # Ofcom's drama range
    clinic.full_clean()


def test_says_what_it_created(loaded):
    assert "created page: Laser skin rejuvenation" in loaded
    assert "created page: Spider veins" in loaded
    assert "created clinic settings: Example Skin Clinic" in loaded
    assert "created practitioner: Dr Rowan Ashby" in loaded
    assert "created consent statement" in loaded
    assert f"Demo content: {DEMO_ITEMS} created, 0 updated, 0 unchanged." in loaded


def test_every_page_it_makes_renders(loaded, client):
    for page in [Site.objects.get(is_default_site=True).root_page, *demo_pages()]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()


def test_condition_page_sends_visitors_to_a_doctor_first(loaded, client):
    keratosis = ConditionPage.objects.get(title="Actinic keratosis")
    body = page_text(client.get(keratosis.url).content.decode())
    assert "See your GP or a dermatologist first" in body


# --- idempotent ------------------------------------------------------------------------


def test_second_run_changes_nothing(loaded):
    before = row_counts()
    latest = dict(Page.objects.values_list("pk", "latest_revision_id"))
    published = dict(Page.objects.values_list("pk", "last_published_at"))

    output = load()

    assert row_counts() == before
    assert dict(Page.objects.values_list("pk", "latest_revision_id")) == latest
    assert dict(Page.objects.values_list("pk", "last_published_at")) == published
    assert "created" not in output.replace("0 created", "")
    assert "updated" not in output.replace("0 updated", "")
    assert "unchanged page: Laser skin rejuvenation" in output
    assert "unchanged clinic settings: Example Skin Clinic" in output
    assert f"Demo content: 0 created, 0 updated, {DEMO_ITEMS} unchanged." in output


def test_a_changed_page_is_put_back_and_published(loaded):
    treatment = TreatmentPage.objects.get(slug="laser-skin-rejuvenation")
    TreatmentPage.objects.filter(pk=treatment.pk).update(summary="Edited by hand.")
    treatment.condition_links.filter(condition__title="Stretch marks").delete()
    ConditionPage.objects.get(title="Sun damage").unpublish()
    Practitioner.objects.update(role="Nurse")
    revisions = Revision.objects.count()

    output = load()

    assert "updated page: Laser skin rejuvenation" in output
    assert "updated page: Sun damage" in output
    assert "updated practitioner: Dr Rowan Ashby" in output
    assert "unchanged page: Spider veins" in output
    treatment = TreatmentPage.objects.get(pk=treatment.pk)
    assert treatment.summary == data.TREATMENT["summary"]
    assert len(treatment.get_condition_links()) == 6
    assert ConditionPage.objects.get(title="Sun damage").live
    assert Revision.objects.count() == revisions + 2
    assert "unchanged" in load().split("\n")[-2]
    assert row_counts() == row_counts()


def test_builds_the_same_site_next_to_a_factory_tree(site_tree):
    """Pages are found by parent and slug, so an existing tree gains no duplicates."""
    output = load()
    assert "updated page: Treatments" in output
    assert "updated page: Spider veins" in output
    assert "updated page: Laser skin rejuvenation" in output
    for model in (TreatmentIndexPage, ConditionIndexPage, AlternativeIndexPage):
        assert model.objects.count() == 1
    assert (
        ConditionPage.objects.filter(slug="spider-veins").get() == site_tree.condition
    )
    treatment = TreatmentPage.objects.get(slug="laser-skin-rejuvenation")
    assert treatment.pk == site_tree.treatment.pk
    assert len(treatment.get_condition_links()) == 6
    assert "0 updated" in load()


def test_quiet_run_prints_only_the_summary(db):
    output = load(verbosity=0)
    assert (
        output.strip() == f"Demo content: {DEMO_ITEMS} created, 0 updated, 0 unchanged."
    )


def test_refuses_without_a_default_site(db):
    Site.objects.all().delete()
    with pytest.raises(CommandError, match="no default Wagtail site"):
        load()
    assert not TreatmentPage.objects.exists()


def test_refuses_a_home_page_that_cannot_hold_the_sections(db, settings):
    settings.TREATMENTS_CMS_INDEX_PARENT_PAGE_TYPES = ["treatments_cms.TreatmentPage"]
    with pytest.raises(CommandError, match="cannot be created under 'Home'"):
        load()
    assert not ClinicSettings.objects.exists()  # all or nothing


# --- our own words, within the advertising rules ------------------------------------------


def windows(words, size):
    return {seed.digest(words[i : i + size]) for i in range(len(words) - size + 1)}


def copied_sentences(text, sentences=seed.SENTENCES):
    words = seed.words(text)
    return [
        (length, digest)
        for length, digest in sentences
        if digest in windows(words, length)
    ]


def test_the_fingerprints_catch_a_copied_sentence():
    """The check itself, on a made-up source (the seed's own text stays out of the repo)."""
    source = "Lasers warm the skin gently. Collagen then grows back over some weeks!"
    sentences, shingles = seed.fingerprint(source)
    assert [length for length, _ in sentences] == [5, 7]

    copied = "<p>Intro.</p><p>COLLAGEN then grows back, over some weeks; outro.</p>"
    assert copied_sentences(copied, sentences) == [sentences[1]]
    assert windows(seed.words(copied), seed.SHINGLE_WORDS) & set(shingles)

    reworded = "Over some weeks, new collagen grows back."
    assert copied_sentences(reworded, sentences) == []
    assert not windows(seed.words(reworded), seed.SHINGLE_WORDS) & set(shingles)


def test_no_field_shares_six_words_in_a_row_with_the_seed():
    for text in demo_strings():
        shared = windows(seed.words(text), seed.SHINGLE_WORDS) & seed.SHINGLES
        assert not shared, text


def test_no_rendered_page_contains_a_seed_sentence(loaded, client):
    for page in [Site.objects.get(is_default_site=True).root_page, *demo_pages()]:
        text = page_text(client.get(page.url).content.decode())
        assert copied_sentences(text) == [], page.url


def test_demo_copy_avoids_forbidden_claims_and_medicine_names(loaded, client):
    for text in demo_strings():
        assert not FORBIDDEN.search(text), text
    for page in demo_pages():
        body = page_text(client.get(page.url).content.decode())
        assert not FORBIDDEN.search(body), (page.url, FORBIDDEN.search(body))
