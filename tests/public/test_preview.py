"""Editors' previews use the same templates, with links not saved yet."""

from django.urls import reverse

from tests import factories
from tests.content.form_data import treatment_form_data
from tests.public.conftest import links, soup, text
from treatments_cms.models import TreatmentConditionLink, TreatmentPage


def test_preview_shows_unsaved_links_and_sections(site_tree, admin_user, rf):
    wrinkles = factories.ConditionPageFactory(title="Fine lines")
    page = TreatmentPage.objects.get(pk=site_tree.treatment.pk)
    page.benefits = "<p>Unsaved benefits.</p>"
    page.condition_links.add(
        TreatmentConditionLink(condition=wrinkles, note="Unsaved link.", sort_order=9)
    )
    original = rf.get("/admin/")
    original.user = admin_user

    response = page.make_preview_request(original)

    assert response.status_code == 200
    html = soup(response)
    cards = html.find("section", id="conditions")
    assert list(links(cards)) == ["Spider veins", "Fine lines"]
    assert "Unsaved link." in text(cards)
    assert text(html.find("section", id="benefits")) == "Benefits Unsaved benefits."
    # Nothing was saved: visitors still see the published page.
    assert not TreatmentConditionLink.objects.filter(condition=wrinkles).exists()


def test_preview_of_a_page_never_saved_renders_its_enquiry_form(
    site_tree, admin_client
):
    """The admin's preview of a new treatment, before its first save, renders."""
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=["treatments_cms", "treatmentpage", site_tree.treatment_index.pk],
    )
    data = treatment_form_data(
        title="Brand new treatment",
        conditions=[{"condition": site_tree.condition.pk, "outcome": "treats"}],
    )

    posted = admin_client.post(url, data)
    response = admin_client.get(url)

    assert posted.json()["is_valid"] is True
    assert response.status_code == 200
    html = soup(response)
    assert html.find("h1").get_text(strip=True) == "Brand new treatment"
    assert "Spider veins" in text(html.find("section", id="enquiry"))
    assert not TreatmentPage.objects.filter(slug="brand-new-treatment").exists()
