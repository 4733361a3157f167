"""Wagtail's API at /api/v2/: the three page types with their typed facts and links.

A client reads a treatment, a condition and an alternative as structured data:
rich text as HTML, each fact as numbers and units with its human text, each
link with the linked page's title and URLs. Linked pages are only live, public
ones, and enquiries are never exposed.
"""

import json

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests import factories
from treatments_cms.models import TreatmentAlternativeLink, TreatmentConditionLink

API = "/api/v2/pages/"
TREATMENT_TYPE = "treatments_cms.TreatmentPage"

# The pinned cost of the treatment detail endpoint; raise it only for a reason
# you can name.
TREATMENT_DETAIL_QUERIES = 17


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response.json()


def detail(client, page):
    return get_json(client, f"{API}{page.pk}/")


def by_title(links):
    return {link["title"]: link for link in links}


def test_listing_reads_typed_fields_asked_for(client, site_tree):
    url = f"{API}?type={TREATMENT_TYPE}&fields=sessions_min,sessions_max,risks,sessions"

    data = get_json(client, url)

    assert data["meta"]["total_count"] == 1
    (item,) = data["items"]
    assert item["title"] == "Laser skin rejuvenation"
    assert item["sessions_min"] == 3
    assert item["sessions_max"] == 5
    assert item["risks"] == "<p>Redness and swelling for a few days.</p>"
    assert item["sessions"]["text"] == "3 to 5 sessions"


def test_listing_filters_on_a_typed_fact(client, site_tree):
    factories.TreatmentPageFactory(title="Single session", sessions_min=1)

    data = get_json(client, f"{API}?type={TREATMENT_TYPE}&sessions_min=1")

    assert [item["title"] for item in data["items"]] == ["Single session"]


def test_treatment_detail(client, site_tree):
    treatment = site_tree.treatment
    condition, alternative = site_tree.condition, site_tree.alternative
    other_treatment = factories.TreatmentPageFactory(title="Microneedling")
    TreatmentConditionLink.objects.filter(page=treatment).update(
        outcome="improves", note="Fades but may return"
    )
    TreatmentAlternativeLink.objects.filter(page=treatment).update(
        comparison_note="Gentler, milder results"
    )
    TreatmentAlternativeLink.objects.create(
        page=treatment, alternative=other_treatment, sort_order=1
    )
    treatment.session_interval = 4
    treatment.downtime_min_days = 0
    treatment.downtime_max_days = 2
    treatment.price_from = 150
    treatment.risks = (
        f'<p>Bruising; see <a linktype="page" id="{condition.pk}">spider veins</a>.</p>'
    )
    treatment.evidence_sources = [
        ("source", {"title": "Laser guidance", "publisher": "NICE", "year": 2024})
    ]
    treatment.save_revision().publish()

    data = detail(client, treatment)

    assert data["meta"]["type"] == TREATMENT_TYPE
    assert data["summary"] == "What laser skin rejuvenation does."
    assert data["how_it_works"] == (
        "<p>Light energy prompts the skin to renew itself.</p>"
    )
    # Rich text is HTML ready to show: a page link carries the page's URL.
    assert data["risks"] == (
        f'<p>Bruising; see <a href="{condition.url}">spider veins</a>.</p>'
    )
    assert data["sessions"] == {
        "min": 3,
        "max": 5,
        "unit": "sessions",
        "text": "3 to 5 sessions",
        "interval": {"value": 4, "unit": "weeks", "text": "4 weeks"},
    }
    assert data["results_last"] == {
        "min": 1,
        "max": 3,
        "unit": "years",
        "text": "1 to 3 years",
    }
    assert data["downtime"] == {
        "min": 0,
        "max": 2,
        "unit": "days",
        "text": "up to 2 days",
    }
    assert data["price"] == {"amount": "150.00", "currency": "GBP", "text": "£150"}
    assert data["price_from"] == "150.00"
    assert data["conditions"] == [
        {
            "id": condition.pk,
            "type": "treatments_cms.ConditionPage",
            "title": "Spider veins",
            "url": condition.full_url,
            "detail_url": f"http://localhost{API}{condition.pk}/",
            "outcome": "improves",
            "note": "Fades but may return",
        }
    ]
    alternatives = data["alternatives"]
    assert [link["title"] for link in alternatives] == [
        "Chemical peel",
        "Microneedling",
    ]
    assert alternatives[0] == {
        "id": alternative.pk,
        "type": "treatments_cms.AlternativePage",
        "title": "Chemical peel",
        "url": alternative.full_url,
        "detail_url": f"http://localhost{API}{alternative.pk}/",
        "comparison_note": "Gentler, milder results",
    }
    assert alternatives[1]["type"] == TREATMENT_TYPE
    assert alternatives[1]["url"] == other_treatment.full_url
    assert data["evidence_sources"][0]["value"]["title"] == "Laser guidance"
    assert data["last_reviewed"] == "2026-11-01"
    assert data["reviewed_by"] == {
        "name": treatment.reviewed_by.name,
        "role": "Consultant dermatologist",
        "registration": treatment.reviewed_by.registration_display,
        "register_url": treatment.reviewed_by.register_url,
    }


def test_links_lead_to_the_linked_pages_detail(client, site_tree):
    data = detail(client, site_tree.treatment)

    (condition_link,) = data["conditions"]
    condition = get_json(client, condition_link["detail_url"])

    assert condition["title"] == "Spider veins"
    assert condition["meta"]["html_url"] == condition_link["url"]


def test_treatment_image_links_to_the_images_endpoint(client, site_tree):
    treatment = site_tree.treatment
    treatment.image = wagtail_factories.ImageFactory(title="Laser in use")
    treatment.save_revision().publish()

    image = detail(client, treatment)["image"]

    assert image["id"] == treatment.image.pk
    assert image["title"] == "Laser in use"
    image_data = get_json(client, image["meta"]["detail_url"])
    assert image_data["title"] == "Laser in use"


def test_condition_detail(client, site_tree):
    condition = site_tree.condition
    condition.requires_medical_assessment = True
    condition.medical_assessment_text = "<p>See your GP if a vein bleeds.</p>"
    condition.causes = "<p>Sun <b>damage</b>.</p>"
    condition.save_revision().publish()
    factories.TreatmentPageFactory(
        title="Sclerotherapy",
        conditions=[(condition, "improves", "Veins fade over weeks")],
    )

    data = detail(client, condition)

    assert data["meta"]["type"] == "treatments_cms.ConditionPage"
    assert data["alternate_names"] == ["thread veins", "telangiectasia"]
    assert data["symptoms"] == "<p>Visible changes in the skin.</p>"
    assert data["causes"] == "<p>Sun <b>damage</b>.</p>"
    assert data["requires_medical_assessment"] is True
    assert data["medical_assessment_text"] == "<p>See your GP if a vein bleeds.</p>"
    treatments = by_title(data["treatments"])
    assert list(treatments) == ["Laser skin rejuvenation", "Sclerotherapy"]
    assert treatments["Laser skin rejuvenation"]["url"] == site_tree.treatment.full_url
    assert treatments["Sclerotherapy"]["outcome"] == "improves"
    assert treatments["Sclerotherapy"]["note"] == "Veins fade over weeks"
    assert data["alternatives"] == [
        {
            "id": site_tree.alternative.pk,
            "type": "treatments_cms.AlternativePage",
            "title": "Chemical peel",
            "url": site_tree.alternative.full_url,
            "detail_url": f"http://localhost{API}{site_tree.alternative.pk}/",
        }
    ]


def test_alternative_detail(client, site_tree):
    alternative = site_tree.alternative
    alternative.invasiveness = "minimally_invasive"
    alternative.results_last_min = 6
    alternative.results_last_max = 6
    alternative.results_last_unit = "months"
    alternative.how_it_works = "<p>An acid removes the top layer.</p>"
    alternative.save_revision().publish()

    data = detail(client, alternative)

    assert data["meta"]["type"] == "treatments_cms.AlternativePage"
    assert data["how_it_works"] == "<p>An acid removes the top layer.</p>"
    assert data["invasiveness"] == {
        "value": "minimally_invasive",
        "text": "Minimally invasive",
    }
    assert data["sessions"] == {
        "min": 1,
        "max": 3,
        "unit": "sessions",
        "text": "1 to 3 sessions",
    }
    assert data["results_last"]["text"] == "6 months"
    assert data["downtime"] is None
    assert [(c["title"], c["url"]) for c in data["conditions"]] == [
        ("Spider veins", site_tree.condition.full_url)
    ]
    assert [(t["title"], t["url"]) for t in data["treatments"]] == [
        ("Laser skin rejuvenation", site_tree.treatment.full_url)
    ]


def test_draft_and_private_pages_are_not_linked(client, site_tree):
    treatment, condition = site_tree.treatment, site_tree.condition
    draft_condition = factories.ConditionPageFactory(title="Draft condition")
    private_condition = factories.ConditionPageFactory(title="Private condition")
    draft_alternative = factories.AlternativePageFactory(title="Draft alternative")
    draft_treatment = factories.TreatmentPageFactory(
        title="Draft treatment", conditions=[condition]
    )
    for n, page in enumerate((draft_condition, private_condition), start=1):
        TreatmentConditionLink.objects.create(
            page=treatment, condition=page, sort_order=n
        )
    TreatmentAlternativeLink.objects.create(
        page=treatment, alternative=draft_alternative, sort_order=1
    )
    TreatmentAlternativeLink.objects.create(
        page=draft_treatment, alternative=site_tree.alternative
    )
    for page in (draft_condition, draft_alternative, draft_treatment):
        page.unpublish()
    PageViewRestriction.objects.create(
        page=private_condition, restriction_type=PageViewRestriction.LOGIN
    )

    treatment_data = detail(client, treatment)
    condition_data = detail(client, condition)
    alternative_data = detail(client, site_tree.alternative)

    assert [c["title"] for c in treatment_data["conditions"]] == ["Spider veins"]
    assert [a["title"] for a in treatment_data["alternatives"]] == ["Chemical peel"]
    assert [t["title"] for t in condition_data["treatments"]] == [
        "Laser skin rejuvenation"
    ]
    assert [t["title"] for t in alternative_data["treatments"]] == [
        "Laser skin rejuvenation"
    ]
    for page in (draft_condition, private_condition, draft_treatment):
        get_json(client, f"{API}{page.pk}/", status=404)


def test_rich_text_format_follows_the_request_and_the_project(
    client, site_tree, settings
):
    treatment = site_tree.treatment
    source = f'<p>See <a linktype="page" id="{site_tree.condition.pk}">veins</a>.</p>'
    treatment.risks = source
    treatment.save_revision().publish()
    url = f"{API}{treatment.pk}/"

    assert get_json(client, f"{url}?rich_text_format=db_html")["risks"] == source
    settings.WAGTAILAPI_RICH_TEXT_FORMAT = "db_html"
    assert get_json(client, url)["risks"] == source


def test_enquiries_are_never_exposed(client, site_tree):
    factories.EnquiryFactory(
        treatment=site_tree.treatment,
        consent_statement=site_tree.consent,
        name="Zebedee Quixotic-Enquirer",
        email="zebedee.quixotic@example.com",
        message="Quixotic private message about my skin",
    )

    assert client.get("/api/v2/enquiries/").status_code == 404
    get_json(client, f"{API}?type={TREATMENT_TYPE}&fields=enquiries", status=400)
    urls = [
        f"{API}?fields=*",
        f"{API}?type={TREATMENT_TYPE}&fields=*",
        f"{API}?type=treatments_cms.ConditionPage&fields=*",
        f"{API}?type=treatments_cms.AlternativePage&fields=*",
        "/api/v2/images/?fields=*",
        *(f"{API}{page.pk}/" for page in site_tree.pages),
    ]
    for url in urls:
        body = json.dumps(get_json(client, url))
        assert "Quixotic" not in body, url
        assert "zebedee" not in body.lower(), url


def link_conditions_and_alternatives(treatment, start, count):
    """Link ``count`` more conditions and alternatives, all with images."""
    for n in range(start, start + count):
        condition = factories.ConditionPageFactory(
            image=wagtail_factories.ImageFactory()
        )
        TreatmentConditionLink.objects.create(
            page=treatment, condition=condition, note=f"Note {n}", sort_order=n
        )
        model = (
            factories.AlternativePageFactory
            if n % 2
            else factories.TreatmentPageFactory
        )
        TreatmentAlternativeLink.objects.create(
            page=treatment,
            alternative=model(image=wagtail_factories.ImageFactory()),
            sort_order=n,
        )


def queries_to_serve(client, url):
    """Queries one request for ``url`` costs, after a first, warming request."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_treatment_detail_costs_the_same_for_2_or_6_links(
    client, site_tree, django_assert_max_num_queries
):
    treatment = site_tree.treatment
    treatment.image = wagtail_factories.ImageFactory()
    treatment.save_revision().publish()
    link_conditions_and_alternatives(treatment, start=1, count=1)
    url = f"{API}{treatment.pk}/"
    two = queries_to_serve(client, url)

    link_conditions_and_alternatives(treatment, start=2, count=4)
    six = queries_to_serve(client, url)

    assert six == two
    with django_assert_max_num_queries(TREATMENT_DETAIL_QUERIES):
        data = get_json(client, url)
    assert len(data["conditions"]) == 6
    assert len(data["alternatives"]) == 6
