"""Editors' previews use the same templates, with links not saved yet."""

from tests import factories
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
