"""Structured data, meta tags, the sitemap and robots.txt."""

import json
import re
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from django.core.cache import cache
from wagtail.models import PageViewRestriction, Site

from tests import factories
from tests.public.conftest import json_ld, soup
from treatments_cms.models import TreatmentConditionLink


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def full(page):
    return page.get_full_url()


def test_treatment_json_ld(client, site_tree):
    treatment = site_tree.treatment
    treatment.preparation = "<p>Avoid sun for four weeks.</p>"
    treatment.recovery = "<p>Redness for a few days.</p>"
    treatment.save_revision().publish()
    practitioner = treatment.reviewed_by

    graph = json_ld(client.get(treatment.url))

    web_page = graph["MedicalWebPage"]
    assert web_page["name"] == "Laser skin rejuvenation"
    assert web_page["url"] == full(treatment)
    assert web_page["description"] == "What laser skin rejuvenation does."
    assert web_page["lastReviewed"] == "2026-11-01"
    assert web_page["reviewedBy"] == {
        "@type": "Person",
        "name": practitioner.name,
        "jobTitle": "Consultant dermatologist",
        "identifier": f"GMC {practitioner.registration_number}",
        "sameAs": f"https://www.gmc-uk.org/doctors/{practitioner.registration_number}",
    }
    procedure = web_page["mainEntity"]
    assert web_page["about"][0] == {"@id": procedure["@id"]}
    assert web_page["about"][1] == {
        "@type": "MedicalCondition",
        "name": "Spider veins",
        "url": full(site_tree.condition),
    }
    assert procedure["@type"] == "MedicalProcedure"
    assert procedure["name"] == "Laser skin rejuvenation"
    assert procedure["url"] == full(treatment)
    assert procedure["description"] == "What laser skin rejuvenation does."
    assert procedure["howPerformed"] == (
        "Light energy prompts the skin to renew itself."
    )
    assert procedure["preparation"] == "Avoid sun for four weeks."
    assert procedure["followup"] == "Redness for a few days."
    aspects = {part["name"]: part["hasHealthAspect"] for part in web_page["hasPart"]}
    assert aspects == {
        "How it works": "https://schema.org/HowItWorksHealthAspect",
        "Risks and side effects": "https://schema.org/RisksOrComplicationsHealthAspect",
        "Before a session": "https://schema.org/HowOrWhereHealthAspect",
        "Recovery and downtime": "https://schema.org/SelfCareHealthAspect",
    }
    risks = next(
        p for p in web_page["hasPart"] if p["name"] == "Risks and side effects"
    )
    assert risks["text"] == "Redness and swelling for a few days."
    assert risks["url"] == f"{full(treatment)}#risks"


def test_treatment_json_ld_leaves_out_what_the_page_does_not_show(client, db):
    treatment = factories.TreatmentPageFactory(
        title="Peel", how_it_works="", last_reviewed=None, reviewed_by=None
    )

    graph = json_ld(client.get(treatment.url))

    web_page = graph["MedicalWebPage"]
    assert "lastReviewed" not in web_page
    assert "reviewedBy" not in web_page
    for key in ("howPerformed", "preparation", "followup", "procedureType"):
        assert key not in web_page["mainEntity"]


def test_condition_json_ld(client, site_tree):
    graph = json_ld(client.get(site_tree.condition.url))

    condition = graph["MedicalWebPage"]["mainEntity"]
    assert condition["@type"] == "MedicalCondition"
    assert condition["name"] == "Spider veins"
    assert condition["url"] == full(site_tree.condition)
    assert condition["alternateName"] == ["thread veins", "telangiectasia"]
    treatments = condition["possibleTreatment"]
    assert treatments[0]["@type"] == "MedicalProcedure"
    assert treatments[0]["name"] == "Laser skin rejuvenation"
    assert treatments[0]["url"] == full(site_tree.treatment)
    assert treatments[1]["name"] == "Chemical peel"
    assert treatments[1]["procedureType"] == "https://schema.org/NoninvasiveProcedure"
    assert graph["MedicalWebPage"]["about"] == [{"@id": condition["@id"]}]


def test_condition_without_links_has_no_possible_treatment(client, db):
    condition = factories.ConditionPageFactory(title="Stretch marks")

    entity = json_ld(client.get(condition.url))["MedicalWebPage"]["mainEntity"]

    assert "possibleTreatment" not in entity
    assert "alternateName" not in entity


@pytest.mark.parametrize(
    ("invasiveness", "schema_type", "procedure_type"),
    [
        ("non_invasive", "MedicalProcedure", "https://schema.org/NoninvasiveProcedure"),
        (
            "minimally_invasive",
            "MedicalProcedure",
            "https://schema.org/PercutaneousProcedure",
        ),
        ("surgical", "SurgicalProcedure", None),
    ],
)
def test_alternative_json_ld(
    client, site_tree, invasiveness, schema_type, procedure_type
):
    alternative = site_tree.alternative
    alternative.invasiveness = invasiveness
    alternative.save_revision().publish()

    entity = json_ld(client.get(alternative.url))["MedicalWebPage"]["mainEntity"]

    assert entity["@type"] == schema_type
    assert entity["name"] == "Chemical peel"
    assert entity.get("procedureType") == procedure_type


def test_clinic_json_ld_comes_from_clinic_settings(client, site_tree):
    graph = json_ld(client.get(site_tree.treatment.url))

    clinic = graph["MedicalClinic"]
    assert clinic["name"] == "Example Skin Clinic"
    assert clinic["telephone"] == "020 7946 0000"
    assert clinic["email"] == "hello@example.com"
    assert clinic["url"] == full(site_tree.home)
    assert clinic["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "1 Example Street, London",
    }
    assert graph["MedicalWebPage"]["publisher"] == {"@id": clinic["@id"]}


def test_breadcrumb_list(client, site_tree):
    graph = json_ld(client.get(site_tree.alternative.url))

    assert graph["BreadcrumbList"]["itemListElement"] == [
        {
            "@type": "ListItem",
            "position": 1,
            "name": "Home",
            "item": full(site_tree.home),
        },
        {
            "@type": "ListItem",
            "position": 2,
            "name": "Alternatives",
            "item": full(site_tree.alternative_index),
        },
        {
            "@type": "ListItem",
            "position": 3,
            "name": "Chemical peel",
            "item": full(site_tree.alternative),
        },
    ]


def test_home_page_has_the_clinic_but_no_breadcrumbs(client, site_tree):
    graph = json_ld(client.get("/"))

    assert set(graph) == {"MedicalClinic"}


def test_json_ld_cannot_be_broken_out_of(client, site_tree):
    hostile = "</script><script>alert(1)</script> & <!--"
    treatment = site_tree.treatment
    treatment.summary = hostile
    treatment.save_revision().publish()

    response = client.get(treatment.url)

    assert "<script>alert(1)" not in response.content.decode()
    graph = json_ld(response)
    assert graph["MedicalWebPage"]["mainEntity"]["description"] == hostile


def test_meta_description_canonical_and_open_graph(client, site_tree):
    page = soup(client.get(site_tree.treatment.url))

    def meta(**attrs):
        return page.find("meta", attrs=attrs)["content"]

    assert meta(name="description") == "What laser skin rejuvenation does."
    assert page.find("link", rel="canonical")["href"] == full(site_tree.treatment)
    assert full(site_tree.treatment).startswith("http")
    assert meta(property="og:title") == "Laser skin rejuvenation"
    assert meta(property="og:description") == "What laser skin rejuvenation does."
    assert meta(property="og:url") == full(site_tree.treatment)
    assert meta(property="og:type") == "website"
    assert meta(property="og:site_name") == "Example Skin Clinic"
    assert page.find("meta", property="og:image") is None


def test_search_description_overrides_the_summary(client, site_tree):
    condition = site_tree.condition
    condition.search_description = "Thread veins explained."
    condition.seo_title = "Spider veins: causes and options"
    condition.save_revision().publish()

    response = client.get(condition.url)
    page = soup(response)

    assert page.find("meta", attrs={"name": "description"})["content"] == (
        "Thread veins explained."
    )
    assert page.find("meta", property="og:title")["content"] == (
        "Spider veins: causes and options"
    )
    assert page.title.string == "Spider veins: causes and options | Example Skin Clinic"
    assert json_ld(response)["MedicalWebPage"]["description"] == (
        "Thread veins explained."
    )


def test_open_graph_image_when_the_page_has_one(client, site_tree, media):
    treatment = site_tree.treatment
    treatment.image = wagtail_factories.ImageFactory(title="handpiece.jpg")
    treatment.hero_image_alt = "Laser handpiece"
    treatment.save_revision().publish()

    page = soup(client.get(treatment.url))

    image = page.find("meta", property="og:image")["content"]
    # On the site's address, as the canonical URL is, wherever it was asked from.
    origin = full(treatment).split("/treatments/")[0]
    assert image.startswith(f"{origin}/media/images/")
    assert image.endswith(".jpg")
    assert page.find("meta", property="og:image:alt")["content"] == "Laser handpiece"
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == (
        "summary_large_image"
    )


def test_index_page_meta_uses_its_introduction(client, site_tree):
    index = site_tree.treatment_index
    index.introduction = "Every treatment we offer."
    index.save_revision().publish()

    page = soup(client.get(index.url))

    assert page.find("meta", attrs={"name": "description"})["content"] == (
        "Every treatment we offer."
    )
    assert page.find("link", rel="canonical")["href"] == full(index)


def test_sitemap_lists_every_live_public_page(client, site_tree):
    draft = factories.TreatmentPageFactory(title="Draft treatment")
    draft.unpublish()
    private = factories.ConditionPageFactory(title="Private condition")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    body = response.content.decode()
    live = site_tree.pages
    for page in live:
        assert f"<loc>{full(page)}</loc>" in body
    assert body.count("<loc>") == len(live)
    assert draft.slug not in body
    assert private.slug not in body


def test_robots_txt(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Allow: /" in lines
    # The default Site's address, as in the sitemap's URLs (not the request's).
    root = Site.objects.get(is_default_site=True).root_url
    assert f"Sitemap: {root}/sitemap.xml" in lines


def test_json_ld_is_one_parseable_script(client, site_tree):
    for page in (site_tree.treatment, site_tree.condition, site_tree.alternative):
        scripts = soup(client.get(page.url)).find_all(
            "script", type="application/ld+json"
        )
        assert len(scripts) == 1
        assert json.loads(scripts[0].string)["@context"] == "https://schema.org"


def test_treatment_links_in_condition_json_ld_follow_the_page(client, site_tree):
    """An unpublished treatment leaves the condition's page and its JSON-LD together."""
    TreatmentConditionLink.objects.create(
        page=factories.TreatmentPageFactory(title="Hidden"),
        condition=site_tree.condition,
    )
    hidden = factories.TreatmentPageFactory._meta.model.objects.get(title="Hidden")
    hidden.unpublish()

    response = client.get(site_tree.condition.url)

    names = [
        t["name"]
        for t in json_ld(response)["MedicalWebPage"]["mainEntity"]["possibleTreatment"]
    ]
    assert "Hidden" not in names
    assert "Hidden" not in soup(response).find("main").get_text()


def test_every_indexable_page_of_the_demo_has_a_description_and_share_tags(
    client, demo_content
):
    """Each page in the sitemap, and the enquiry form: description, canonical, cards.

    The pages kept out of search engines (thank-you, search, not found) say so.
    """
    cache.clear()
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    assert "/" in paths
    assert len(paths) >= 10

    missing = []
    for path in [*paths, "/enquire/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        page = soup(response)
        description = page.find("meta", attrs={"name": "description"})
        if description is None or len(description["content"].strip()) < 50:
            missing.append(f"{path}: meta description {description}")
        for attrs in (
            {"property": "og:title"},
            {"property": "og:description"},
            {"property": "og:url"},
            {"name": "twitter:card"},
        ):
            if page.find("meta", attrs=attrs) is None:
                missing.append(f"{path}: no {attrs}")
        if page.find("link", rel="canonical") is None:
            missing.append(f"{path}: no canonical link")
        if page.find("meta", attrs={"name": "robots"}) is not None:
            missing.append(f"{path}: robots meta on an indexable page")
    assert not missing, "\n".join(missing)

    for path in ["/enquire/thank-you/", "/search/?q=laser", "/no-such-page/"]:
        page = soup(client.get(path))
        robots = page.find("meta", attrs={"name": "robots"})
        assert robots is not None and robots["content"] == "noindex", path
