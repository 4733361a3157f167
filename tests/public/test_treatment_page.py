"""The treatment page: what a visitor reads, and the links they can follow."""

from collections import Counter
from decimal import Decimal

from tests import factories
from tests.public.conftest import headings, links, main_text, soup, text
from treatments_cms.models import TreatmentAlternativeLink, TreatmentConditionLink


def test_heading_summary_and_key_facts(client, site_tree):
    treatment = site_tree.treatment
    treatment.session_interval = 4
    treatment.downtime_min_days = 3
    treatment.downtime_max_days = 7
    treatment.price_from = Decimal("250.00")
    treatment.save_revision().publish()

    response = client.get(treatment.url)

    assert response.status_code == 200
    page = soup(response)
    assert [text(h1) for h1 in page.find_all("h1")] == ["Laser skin rejuvenation"]
    assert "What laser skin rejuvenation does." in text(page.find("main"))
    facts = text(page.find(class_="key-facts"))
    assert "Sessions 3 to 5 sessions, 4 weeks apart" in facts
    assert "Results last 1 to 3 years" in facts
    assert "Downtime 3 to 7 days" in facts
    assert "Price from £250, confirmed at consultation" in facts


def test_key_facts_leave_out_unknown_facts(client, site_tree):
    treatment = site_tree.treatment
    treatment.results_last_min = treatment.results_last_max = None
    treatment.save_revision().publish()

    facts = text(soup(client.get(treatment.url)).find(class_="key-facts"))

    assert facts == "Key facts Sessions 3 to 5 sessions"


def test_on_this_page_lists_only_sections_with_content(client, site_tree):
    response = client.get(site_tree.treatment.url)
    page = soup(response)

    contents = page.find("nav", class_="on-this-page")
    assert links(contents) == {
        "How it works": "#how-it-works",
        "Conditions it treats": "#conditions",
        "Risks and side effects": "#risks",
        "How it compares": "#comparison",
        "Ask whether this treatment suits you": "#enquiry",
    }
    # Every entry points at a section that is on the page.
    for href in links(contents).values():
        assert page.find(id=href[1:]) is not None, href
    # An empty section leaves no heading, no anchor and no empty box.
    assert "Benefits" not in headings(response)
    assert page.find(id="benefits") is None
    assert "Who should not have it" not in headings(response)


def test_a_filled_section_appears_with_heading_and_contents_entry(client, site_tree):
    treatment = site_tree.treatment
    treatment.benefits = "<p>Smoother, more even skin.</p>"
    treatment.contraindications = "<ul><li>Pregnancy.</li></ul>"
    treatment.save_revision().publish()

    response = client.get(treatment.url)
    page = soup(response)

    benefits = page.find("section", id="benefits")
    assert text(benefits) == "Benefits Smoother, more even skin."
    assert text(page.find("section", id="contraindications")) == (
        "Who should not have it Pregnancy."
    )
    assert links(page.find("nav", class_="on-this-page"))["Benefits"] == "#benefits"
    order = headings(response)
    assert order.index("How it works") < order.index("Conditions it treats")
    assert order.index("Conditions it treats") < order.index("Benefits")
    assert order.index("Risks and side effects") < order.index("How it compares")


def test_whitespace_only_rich_text_counts_as_empty(client, site_tree):
    treatment = site_tree.treatment
    treatment.benefits = "<p> </p><p><br></p>"
    treatment.save_revision().publish()

    response = client.get(treatment.url)

    assert "Benefits" not in headings(response)


def test_conditions_are_linked_cards_with_outcome_and_note(client, site_tree):
    wrinkles = factories.ConditionPageFactory(title="Fine to medium wrinkles")
    TreatmentConditionLink.objects.create(
        page=site_tree.treatment,
        condition=wrinkles,
        outcome="improves",
        note="Deep wrinkles improve but do not disappear.",
        sort_order=1,
    )

    page = soup(client.get(site_tree.treatment.url))

    cards = page.find("section", id="conditions").find_all("li", class_="card")
    assert [text(card.find("h3")) for card in cards] == [
        "Spider veins",
        "Fine to medium wrinkles",
    ]
    assert cards[0].find("a")["href"] == site_tree.condition.url
    assert cards[1].find("a")["href"] == wrinkles.url
    assert "Treats" in text(cards[0])
    assert "Improves: Deep wrinkles improve but do not disappear." in text(cards[1])
    assert "What fine to medium wrinkles is." in text(cards[1])


def test_an_unpublished_condition_is_not_shown(client, site_tree):
    hidden = factories.ConditionPageFactory(title="Draft condition")
    TreatmentConditionLink.objects.create(
        page=site_tree.treatment, condition=hidden, sort_order=1
    )
    hidden.unpublish()

    body = main_text(client.get(site_tree.treatment.url))

    assert "Draft condition" not in body


def test_comparison_table_sets_typed_facts_side_by_side(client, site_tree):
    other = factories.TreatmentPageFactory(
        title="Radiofrequency",
        sessions_min=2,
        sessions_max=2,
        results_last_min=1,
        results_last_max=1,
    )
    TreatmentAlternativeLink.objects.create(
        page=site_tree.treatment,
        alternative=other,
        comparison_note="No laser heat.",
        sort_order=1,
    )
    alternative = site_tree.alternative
    alternative.downtime_min_days = 0
    alternative.invasiveness = "non_invasive"
    alternative.save_revision().publish()
    link = TreatmentAlternativeLink.objects.get(alternative=alternative)
    link.comparison_note = "Gentler, but results are milder."
    link.save()

    page = soup(client.get(site_tree.treatment.url))

    region = page.find("div", class_="table-scroll")
    assert region["role"] == "region"
    assert region["tabindex"] == "0"
    table = region.find("table")
    caption = table.find("caption")
    assert region["aria-labelledby"] == caption["id"]
    assert text(caption) == (
        "Laser skin rejuvenation compared with its alternatives and with no treatment"
    )
    columns = [text(th) for th in table.find("thead").find_all("th")]
    assert columns == [
        "Option",
        "Sessions",
        "Downtime",
        "Results last",
        "Invasiveness",
        "How it compares",
    ]
    assert all(th["scope"] == "col" for th in table.find("thead").find_all("th"))
    rows = {
        text(tr.find("th")): [text(td) for td in tr.find_all("td")]
        for tr in table.find("tbody").find_all("tr")
    }
    assert rows == {
        "Laser skin rejuvenation": [
            "3 to 5 sessions",
            "Not stated",
            "1 to 3 years",
            "Not stated",
            "This treatment",
        ],
        "Chemical peel": [
            "1 to 3 sessions",
            "None",
            "Not stated",
            "Non-invasive",
            "Gentler, but results are milder.",
        ],
        "Radiofrequency": [
            "2 sessions",
            "Not stated",
            "1 year",
            "Not stated",
            "No laser heat.",
        ],
        "No treatment": [
            "None",
            "None",
            "Not applicable",
            "None",
            "No cost and no risk from treatment; the skin changes at its natural "
            "pace. A GP can check anything that worries you.",
        ],
    }
    body = table.find("tbody")
    assert all(th["scope"] == "row" for th in body.find_all("th"))
    assert links(body) == {
        "Chemical peel": site_tree.alternative.url,
        "Radiofrequency": other.url,
    }


def test_comparison_leaves_out_invasiveness_when_no_option_states_it(client, site_tree):
    TreatmentAlternativeLink.objects.all().delete()

    table = soup(client.get(site_tree.treatment.url)).find("table")

    columns = [text(th) for th in table.find("thead").find_all("th")]
    assert "Invasiveness" not in columns
    assert [text(tr.find("th")) for tr in table.find("tbody").find_all("tr")] == [
        "Laser skin rejuvenation",
        "No treatment",
    ]


def test_reviewed_by_footer(client, site_tree):
    practitioner = site_tree.treatment.reviewed_by

    review = text(soup(client.get(site_tree.treatment.url)).find(class_="page-review"))

    assert "Page last reviewed: 1 November 2026" in review
    assert "Next review due: 1 November 2027" in review
    assert (
        f"Reviewed by {practitioner.name}, Consultant dermatologist, "
        f"GMC {practitioner.registration_number}" in review
    )


def test_breadcrumbs_lead_back_up_the_tree(client, site_tree):
    nav = soup(client.get(site_tree.treatment.url)).find(
        "nav", attrs={"aria-label": "Breadcrumb"}
    )

    items = nav.find_all("li")
    assert [text(li) for li in items] == [
        "Home",
        "Treatments",
        "Laser skin rejuvenation",
    ]
    assert links(nav) == {"Home": "/", "Treatments": site_tree.treatment_index.url}
    assert items[-1].find(attrs={"aria-current": "page"}) is not None


def test_call_to_action_leads_to_the_enquiry_form(client, site_tree):
    page = soup(client.get(site_tree.treatment.url))

    cta = page.find("a", string="Ask whether this treatment suits you")
    assert cta["href"] == "#enquiry"
    assert page.find("section", id="enquiry") is not None


def test_every_id_is_unique_and_there_is_one_h1(client, site_tree):
    treatment = site_tree.treatment
    treatment.benefits = "<p>Smoother skin.</p>"
    treatment.save_revision().publish()

    page = soup(client.get(treatment.url))

    ids = Counter(element["id"] for element in page.find_all(id=True))
    assert [name for name, count in ids.items() if count > 1] == []
    assert len(page.find_all("h1")) == 1
    for element in page.find_all(attrs={"aria-labelledby": True}):
        assert page.find(id=element["aria-labelledby"]) is not None


def test_extra_prose_and_evidence_sources(client, site_tree):
    treatment = site_tree.treatment
    treatment.body = [("paragraph", "<p>More words for the curious.</p>")]
    treatment.evidence_sources = [
        (
            "source",
            {
                "title": "Laser resurfacing guidance",
                "publisher": "NICE",
                "url": "https://example.org/guidance",
                "year": 2020,
            },
        )
    ]
    treatment.save_revision().publish()

    page = soup(client.get(treatment.url))

    more = page.find("section", id="more")
    assert text(more) == (
        "More about laser skin rejuvenation More words for the curious."
    )
    evidence = page.find("section", id="evidence")
    assert text(evidence.find("li")) == "Laser resurfacing guidance, NICE (2020)"
    assert links(evidence) == {
        "Laser resurfacing guidance": "https://example.org/guidance"
    }
    contents = links(page.find("nav", class_="on-this-page"))
    assert contents["More about laser skin rejuvenation"] == "#more"
    assert contents["Evidence and guidance"] == "#evidence"
