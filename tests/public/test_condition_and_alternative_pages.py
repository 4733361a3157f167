"""Condition and alternative pages link back to the treatments, the other way."""

from tests import factories
from tests.public.conftest import headings, links, soup, text
from treatments_cms.models import TreatmentConditionLink


def test_condition_page_shows_its_facts_and_other_names(client, site_tree):
    condition = site_tree.condition
    condition.causes = "<p>Sun and age.</p>"
    condition.save_revision().publish()

    response = client.get(condition.url)

    assert response.status_code == 200
    page = soup(response)
    assert text(page.find("h1")) == "Spider veins"
    assert text(page.find(class_="lead")) == "What spider veins is."
    assert text(page.find(class_="also-known-as")) == (
        "Also known as thread veins and telangiectasia"
    )
    assert text(page.find("section", id="symptoms")) == (
        "Symptoms Visible changes in the skin."
    )
    assert text(page.find("section", id="causes")) == "Causes Sun and age."


def test_condition_page_leaves_out_empty_sections(client, site_tree):
    response = client.get(site_tree.condition.url)

    assert "Causes" not in headings(response)
    assert soup(response).find(id="causes") is None
    assert soup(response).find(class_="also-known-as") is not None


def test_condition_without_alternate_names_says_nothing_about_them(client, db):
    condition = factories.ConditionPageFactory(title="Stretch marks")

    page = soup(client.get(condition.url))

    assert page.find(class_="also-known-as") is None
    assert "Also known as" not in text(page.find("main"))


def test_condition_links_to_its_treatments_and_alternatives(client, site_tree):
    TreatmentConditionLink.objects.filter(condition=site_tree.condition).update(
        outcome="improves", note="Veins fade over several sessions."
    )

    page = soup(client.get(site_tree.condition.url))

    treatments = page.find("section", id="treatments")
    assert links(treatments) == {"Laser skin rejuvenation": site_tree.treatment.url}
    assert "Improves: Veins fade over several sessions." in text(treatments)
    alternatives = page.find("section", id="alternatives")
    assert links(alternatives) == {"Chemical peel": site_tree.alternative.url}


def test_treatment_and_condition_link_both_ways(client, site_tree):
    """From the treatment to its condition, and back through the condition's link."""
    treatment_page = soup(client.get(site_tree.treatment.url))
    condition_url = links(treatment_page.find("section", id="conditions"))[
        "Spider veins"
    ]

    condition_page = soup(client.get(condition_url))
    back = links(condition_page.find("section", id="treatments"))

    assert back["Laser skin rejuvenation"] == site_tree.treatment.url
    assert client.get(back["Laser skin rejuvenation"]).status_code == 200


def test_condition_call_to_action_invites_an_enquiry(client, site_tree):
    page = soup(client.get(site_tree.condition.url))

    # Beside the content (with the phone number), and again after it.
    # Both name the condition, so the form ticks it (issue 7).
    aside, after = page.find("main").find_all("section", class_="call-to-action")
    enquiry = f"/enquire/?condition={site_tree.condition.pk}"
    assert links(aside) == {
        "Ask whether a treatment suits you": enquiry,
        "020 7946 0000": "tel:02079460000",
    }
    assert links(after) == {"Ask whether a treatment suits you": enquiry}
    assert page.find(class_="callout") is None


def test_condition_that_needs_a_doctor_first_says_so(client, site_tree):
    condition = factories.ConditionPageFactory(
        title="Actinic keratosis",
        requires_medical_assessment=True,
        medical_assessment_text="<p>These patches can be pre-cancerous.</p>",
    )
    TreatmentConditionLink.objects.create(page=site_tree.treatment, condition=condition)

    page = soup(client.get(condition.url))

    box = page.find(class_="callout")
    assert text(box) == (
        "See your GP or dermatologist first These patches can be pre-cancerous."
    )
    # The box comes before the sections, where it cannot be missed.
    headings_in_order = [text(h) for h in page.find("main").find_all("h2")]
    assert headings_in_order[0] == "See your GP or dermatologist first"
    cta = page.find("section", class_="call-to-action")
    assert "see your GP or a dermatologist about actinic keratosis" in text(cta)
    assert cta.find("a") is None
    assert "Ask whether a treatment suits you" not in text(page.find("main"))
    # The treatments are still listed, for information.
    assert "Laser skin rejuvenation" in links(page.find("section", id="treatments"))


def test_alternative_page_shows_facts_conditions_and_treatments(client, site_tree):
    alternative = site_tree.alternative
    alternative.invasiveness = "minimally_invasive"
    alternative.downtime_min_days = 1
    alternative.downtime_max_days = 2
    alternative.how_it_works = "<p>An acid removes the top layer of skin.</p>"
    alternative.save_revision().publish()

    response = client.get(alternative.url)

    assert response.status_code == 200
    page = soup(response)
    assert text(page.find("h1")) == "Chemical peel"
    facts = text(page.find(class_="key-facts"))
    assert "Sessions 1 to 3 sessions" in facts
    assert "Downtime 1 to 2 days" in facts
    assert "Invasiveness Minimally invasive" in facts
    assert "Results last" not in facts
    assert text(page.find("section", id="how-it-works")) == (
        "How it works An acid removes the top layer of skin."
    )
    assert links(page.find("section", id="conditions")) == {
        "Spider veins": site_tree.condition.url
    }
    assert links(page.find("section", id="treatments")) == {
        "Laser skin rejuvenation": site_tree.treatment.url
    }
    assert page.find(id="risks") is None


def test_alternative_without_links_has_no_empty_lists(client, db):
    alternative = factories.AlternativePageFactory(title="Facelift")

    page = soup(client.get(alternative.url))

    assert page.find("section", id="conditions") is None
    assert page.find("section", id="treatments") is None
    for listing in page.find("main").find_all(["ul", "ol"]):
        assert listing.find("li") is not None
