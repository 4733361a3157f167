"""The designed public site: header, home page, comparison, consent and thank-you page."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import ContentPage
from tests import factories
from tests.public.conftest import links, soup, text
from treatments_cms.models import TreatmentAlternativeLink

THANKS_URL = "/enquire/thank-you/"
HOME_PAGE_QUERIES = 12


def content_page(parent, title, slug):
    page = ContentPage(title=title, slug=slug, summary=f"{title} summary.")
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


# --- The header and footer ------------------------------------------------------------


def test_header_has_the_phone_number_and_the_call_to_action(client, site_tree):
    header = soup(client.get(site_tree.condition.url)).find("header")

    phone = header.find("a", class_="site-header__phone")
    assert phone["href"] == "tel:02079460000"
    assert text(phone) == "Call us 020 7946 0000"
    cta = header.find("a", class_="site-header__cta")
    assert text(cta) == "Ask whether a treatment suits you"
    assert cta["href"] == "/enquire/"
    assert not cta.has_attr("aria-current")

    on_the_form = soup(client.get("/enquire/")).find("a", class_="site-header__cta")
    assert on_the_form["aria-current"] == "page"


def test_header_leaves_out_a_phone_number_the_clinic_has_not_given(client, site_tree):
    site_tree.settings.phone = ""
    site_tree.settings.save()

    header = soup(client.get("/")).find("header")

    assert header.find("a", class_="site-header__phone") is None
    assert not any(a["href"].startswith("tel:") for a in header.find_all("a"))


def test_header_shows_the_logo_beside_the_clinic_name(client, site_tree):
    brand = soup(client.get("/")).find("a", class_="site-brand")
    assert brand.find("img") is None
    assert text(brand) == "Example Skin Clinic"

    site_tree.settings.logo = wagtail_factories.ImageFactory(title="Logo")
    site_tree.settings.save()

    brand = soup(client.get("/")).find("a", class_="site-brand")
    assert brand["href"] == "/"
    img = brand.find("picture").find("img")
    # The name beside it says it all: the logo's alt text is empty.
    assert img["alt"] == ""
    assert img["src"].startswith("/media/")
    assert text(brand) == "Example Skin Clinic"


def test_footer_links_the_content_pages_and_the_privacy_notice_once(client, site_tree):
    about = content_page(site_tree.home, "About us", "about")
    contact = content_page(site_tree.home, "Contact", "contact")
    privacy = content_page(site_tree.home, "Privacy", "privacy")
    draft = content_page(site_tree.home, "Draft page", "draft")
    draft.unpublish()
    site_tree.settings.privacy_page = privacy
    site_tree.settings.save()

    footer = soup(client.get(site_tree.treatment.url)).find("footer")

    found = links(footer)
    assert found["About us"] == about.url
    assert found["Contact"] == contact.url
    assert found["Privacy notice"] == privacy.url
    assert "Privacy" not in found
    assert "Draft page" not in found
    assert found["Treatments"] == site_tree.treatment_index.url


# --- The home page ----------------------------------------------------------------------


def test_home_page_welcomes_features_treatments_and_invites_an_enquiry(
    client, site_tree
):
    site_tree.home.introduction = "A calm clinic in the middle of town."
    site_tree.home.save_revision().publish()
    treatment = site_tree.treatment
    treatment.image = wagtail_factories.ImageFactory()
    treatment.save_revision().publish()

    main = soup(client.get("/")).find("main")

    hero = main.find("section", class_="home-hero")
    assert text(hero.find(class_="home-hero__welcome")) == "Welcome to"
    assert text(hero.find("h1")) == "Example Skin Clinic"
    assert text(hero.find(class_="lead")) == "A calm clinic in the middle of town."
    assert links(hero)["Ask whether a treatment suits you"] == "/enquire/"
    assert links(hero)["Call us on 020 7946 0000"] == "tel:02079460000"
    featured = main.find("section", attrs={"aria-labelledby": "featured-heading"})
    (card,) = featured.find_all("li", class_="card")
    assert links(card) == {"Laser skin rejuvenation": treatment.url}
    assert card.find("picture").find("img")["alt"] == ""
    assert treatment.summary in text(card)
    concerns = main.find("section", attrs={"aria-labelledby": "concerns-heading"})
    assert links(concerns) == {
        "Spider veins": site_tree.condition.url,
        "All conditions": site_tree.condition_index.url,
    }
    closing = main.find_all("section", class_="call-to-action")[-1]
    assert links(closing) == {"Ask whether a treatment suits you": "/enquire/"}


def test_home_page_costs_the_same_for_1_or_3_featured_cards(
    client, site_tree, django_assert_max_num_queries
):
    def queries():
        assert client.get("/").status_code == 200
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/")
        return len(captured), response

    for page in (site_tree.treatment, site_tree.condition):
        page.image = wagtail_factories.ImageFactory()
        page.save_revision().publish()
    one, _ = queries()
    for _n in range(3):
        factories.TreatmentPageFactory(image=wagtail_factories.ImageFactory())
        factories.ConditionPageFactory(image=wagtail_factories.ImageFactory())
    many, response = queries()

    assert many == one
    assert one <= HOME_PAGE_QUERIES
    featured = soup(response).find(
        "section", attrs={"aria-labelledby": "featured-heading"}
    )
    assert len(featured.find_all("li", class_="card")) == 3
    concerns = soup(response).find(
        "section", attrs={"aria-labelledby": "concerns-heading"}
    )
    assert len(concerns.find_all("picture")) == 4


# --- The comparison ---------------------------------------------------------------------


def test_comparison_leaves_out_a_fact_no_option_states(client, site_tree):
    treatment = site_tree.treatment
    treatment.invasiveness = "non_invasive"
    treatment.save_revision().publish()

    table = soup(client.get(treatment.url)).find("table", class_="comparison")

    columns = [text(th) for th in table.find("thead").find_all("th")]
    # Neither the treatment nor the peel says how long recovery takes.
    assert columns == [
        "Option",
        "Sessions",
        "Results last",
        "Invasiveness",
        "How it compares",
    ]
    assert "Downtime" not in text(table)
    # Each value carries its column's name, for the cards on a phone.
    current = table.find("tr", class_="is-current")
    cells = {td["data-label"]: text(td) for td in current.find_all("td")}
    assert cells == {
        "Sessions": "3 to 5 sessions",
        "Results last": "1 to 3 years",
        "Invasiveness": "Non-invasive",
        "How it compares": "This treatment",
    }
    peel = table.find("a", string="Chemical peel").find_parent("tr")
    unstated = peel.find("td", class_="is-unstated")
    assert (unstated["data-label"], text(unstated)) == ("Results last", "Not stated")


def test_treatment_states_its_invasiveness_in_the_comparison_and_key_facts(
    client, site_tree
):
    TreatmentAlternativeLink.objects.all().delete()
    treatment = site_tree.treatment
    treatment.invasiveness = "minimally_invasive"
    treatment.save_revision().publish()

    page = soup(client.get(treatment.url))

    table = page.find("table", class_="comparison")
    assert "Invasiveness" in [text(th) for th in table.find("thead").find_all("th")]
    row = table.find("tr", class_="is-current")
    assert row.find("td", attrs={"data-label": "Invasiveness"}).get_text() == (
        "Minimally invasive"
    )
    facts = page.find("section", class_="key-facts")
    assert "Invasiveness Minimally invasive" in text(facts)


def test_treatment_page_puts_facts_contents_and_call_to_action_beside_the_text(
    client, site_tree
):
    page = soup(client.get(site_tree.treatment.url))

    layout = page.find("main").find("div", class_="page-layout")
    aside = layout.find("div", class_="page-layout__aside")
    assert aside.find("section", class_="key-facts") is not None
    assert aside.find("nav", class_="on-this-page") is not None
    cta = aside.find("section", class_="call-to-action")
    assert links(cta) == {
        "Ask whether this treatment suits you": "#enquiry",
        "020 7946 0000": "tel:02079460000",
    }
    content = layout.find("div", class_="page-layout__main")
    assert content.find("section", id="enquiry") is not None


# --- The enquiry form -------------------------------------------------------------------


def test_enquiry_styles_are_linked_in_the_head_only(client, site_tree):
    for url in ("/enquire/", site_tree.treatment.url, THANKS_URL):
        page = soup(client.get(url))
        head = [link["href"] for link in page.head.find_all("link", rel="stylesheet")]
        assert "/static/treatments_cms/css/enquiry.css" in head, url
        assert page.body.find("link", rel="stylesheet") is None, url
        assert page.find("style") is None
        assert page.find(attrs={"style": True}) is None


def test_consent_links_the_privacy_notice(client, site_tree):
    field = (
        soup(client.get("/enquire/"))
        .find("input", id="id_consent")
        .find_parent(class_="field")
    )
    assert field.find("a") is None  # no privacy notice yet: no link to nowhere

    privacy = content_page(site_tree.home, "Privacy notice", "privacy")
    site_tree.settings.privacy_page = privacy
    site_tree.settings.save()

    for url in ("/enquire/", site_tree.treatment.url):
        page = soup(client.get(url))
        field = page.find("input", id="id_consent").find_parent(class_="field")
        label = field.find("label", attrs={"for": "id_consent"})
        assert label.find(["strong", "b"]) is None
        assert text(label).startswith("I agree that the clinic may use my answers")
        assert links(field.find(class_="field-hint--privacy")) == {
            "privacy notice": privacy.url
        }


def test_tick_boxes_have_their_label_beside_them(client, site_tree):
    form = soup(client.get("/enquire/")).find("form", class_="enquiry-form")

    for box in form.find_all("input", type=["checkbox", "radio"]):
        choice = box.find_parent(class_="field-choice")
        assert choice is not None, box["id"]
        label = choice.find("label")
        assert label["for"] == box["id"]


# --- The thank-you page -----------------------------------------------------------------


def test_thank_you_page_says_who_replies_and_when(client, site_tree):
    site_tree.settings.enquiry_reply_by = "Nurse Ana Silva"
    site_tree.settings.enquiry_reply_within = "one working day"
    site_tree.settings.save()

    main = soup(client.get(THANKS_URL)).find("main")

    steps = main.find("section", class_="next-steps")
    assert (
        "Nurse Ana Silva will reply within one working day, in the way you asked "
        "us to contact you." in text(steps)
    )
    talk = main.find("section", class_="enquiry-thanks__phone")
    assert links(talk) == {"Call 020 7946 0000": "tel:02079460000"}
    assert links(main.find(class_="enquiry-thanks__links")) == {
        "Back to the home page": "/"
    }


def test_thank_you_page_has_sensible_defaults(client, site_tree):
    site_tree.settings.enquiry_reply_by = ""
    site_tree.settings.enquiry_reply_within = ""
    site_tree.settings.phone = ""
    site_tree.settings.save()

    main = soup(client.get(THANKS_URL)).find("main")

    assert "A member of our clinical team will reply within two working days" in (
        text(main)
    )
    assert main.find("section", class_="enquiry-thanks__phone") is None


@pytest.mark.parametrize(
    "referrer",
    [
        "http://testserver{treatment}",
        "http://testserver/enquire/?treatment={slug}",
    ],
)
def test_thank_you_page_links_back_to_the_treatment(client, site_tree, referrer):
    treatment = site_tree.treatment
    came_from = referrer.format(treatment=treatment.url, slug=treatment.slug)

    main = soup(client.get(THANKS_URL, HTTP_REFERER=came_from)).find("main")

    assert links(main.find(class_="enquiry-thanks__links")) == {
        "Back to Laser skin rejuvenation": treatment.url,
        "Back to the home page": "/",
    }


@pytest.mark.parametrize(
    "referrer",
    [
        "http://elsewhere.example{treatment}",
        "http://testserver{condition}",
        "http://testserver/enquire/?treatment=no-such-page",
        "http://testserver/enquire/?treatment=%27%3B--",
        "not a url",
    ],
)
def test_thank_you_page_links_only_to_a_live_treatment_of_this_site(
    client, site_tree, referrer
):
    came_from = referrer.format(
        treatment=site_tree.treatment.url, condition=site_tree.condition.url
    )

    main = soup(client.get(THANKS_URL, HTTP_REFERER=came_from)).find("main")

    assert links(main.find(class_="enquiry-thanks__links")) == {
        "Back to the home page": "/"
    }
