def test_site_tree_renders(client, site_tree):
    for page in site_tree.pages:
        response = client.get(page.url)
        assert response.status_code == 200, page
    body = client.get(site_tree.condition.url).content.decode()
    assert "Laser skin rejuvenation" in body
    body = client.get(site_tree.treatment.url).content.decode()
    assert "Chemical peel" in body and "Spider veins" in body


def test_enquiry_factory_stores_a_row(db):
    from tests.factories import EnquiryFactory
    from treatments_cms.models import Enquiry

    enquiry = EnquiryFactory()
    assert Enquiry.objects.get().treatment_title == enquiry.treatment.title
