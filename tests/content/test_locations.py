"""The location family: page-type rules, the editor, validation, prices and the API."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage
from tests import factories
from tests.content.form_data import edit_form_data
from tests.content.test_page_types import ForceLogin
from treatments_cms import swappable
from treatments_cms.models import (
    ClinicSettings,
    Enquiry,
    LocationHoursException,
    LocationIndexPage,
    LocationOpeningHours,
    LocationPage,
    LocationTreatment,
)
from treatments_cms.sections import format_price, price_fact


def location_form_data(title="Leeds", treatments=(), practitioners=(), **fields):
    data = {
        "title": title,
        "slug": slugify(title),
        "summary": "Our clinic in the city centre.",
        "street_address": "12 Park Row",
        "locality": "Leeds",
        "region": "",
        "postcode": "LS1 5HD",
        "country": "GB",
        "phone": "0113 496 0000",
        "email": "leeds@example.com",
        "latitude": "",
        "longitude": "",
        "accessibility_notes": rich_text("<p>Step-free.</p>"),
        "travel_notes": rich_text(""),
        "notification_recipients": "leeds@example.com",
        "opening_hours": inline_formset(
            [
                {"weekday": "0", "opens": "09:00", "closes": "17:00"},
                {"weekday": "5", "opens": "10:00", "closes": "13:00"},
            ]
        ),
        "hours_exceptions": inline_formset(
            [{"date": "2026-12-25", "note": "Christmas Day", "closed": "on"}]
        ),
        "offered_treatments": inline_formset(list(treatments)),
        "practitioner_links": inline_formset(list(practitioners)),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


class TestLocationPageTypes(ForceLogin, WagtailPageTestCase):
    def test_locations_index_under_the_home_page_and_clinics_under_it(self):
        self.assertAllowedParentPageTypes(LocationIndexPage, {HomePage})
        self.assertCanNotCreateAt(Page, LocationIndexPage)
        self.assertAllowedSubpageTypes(LocationIndexPage, {LocationPage})
        self.assertAllowedParentPageTypes(LocationPage, {LocationIndexPage})
        self.assertAllowedSubpageTypes(LocationPage, set())

    def test_the_swappable_settings_name_the_defaults(self):
        assert swappable.get_location_page_model() is LocationPage
        assert swappable.get_location_index_page_model() is LocationIndexPage
        assert (
            swappable.get_location_page_model_string() == "treatments_cms.LocationPage"
        )


class TestLocationEditor(ForceLogin, WagtailPageTestCase):
    def setUp(self):
        self.tree = factories.SiteTree.build()
        self.index = factories.LocationIndexPageFactory()
        self.practitioner = factories.PractitionerFactory(name="Dr Editor")
        self.login()

    def test_create_a_clinic_with_hours_treatments_and_team(self):
        data = location_form_data(
            treatments=[
                {"treatment": str(self.tree.treatment.pk), "price_from": "180"}
            ],
            practitioners=[{"practitioner": str(self.practitioner.pk)}],
        )
        self.assertCanCreate(self.index, LocationPage, data)
        page = LocationPage.objects.get(slug="leeds")
        assert page.live
        assert [(r.weekday, r.opens) for r in page.opening_hours.all()] == [
            (0, datetime.time(9)),
            (5, datetime.time(10)),
        ]
        assert page.hours_exceptions.get().note == "Christmas Day"
        offer = page.offered_treatments.get()
        assert (offer.treatment_id, offer.price_from) == (
            self.tree.treatment.pk,
            Decimal("180.00"),
        )
        assert page.practitioner_links.get().practitioner == self.practitioner
        # Derived on the other side: the treatment and the practitioner know it.
        assert [o.page_id for o in self.tree.treatment.location_offers.all()] == [
            page.pk
        ]
        assert [link.page_id for link in self.practitioner.location_links.all()] == [
            page.pk
        ]

    def test_the_editor_has_tabs_for_hours_team_and_visiting(self):
        page = factories.LocationPageFactory(parent=self.index)
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200
        html = response.content.decode()
        for tab in ("Opening hours", "Treatments and team", "Visiting", "Enquiries"):
            assert tab in html, tab

    def test_a_closing_time_before_opening_is_refused(self):
        data = location_form_data(
            opening_hours=inline_formset(
                [{"weekday": "0", "opens": "17:00", "closes": "09:00"}]
            )
        )
        response = self.client.post(
            f"/admin/pages/add/treatments_cms/locationpage/{self.index.pk}/", data
        )
        assert response.status_code == 200
        assert "The clinic must close after it opens." in response.content.decode()
        assert not LocationPage.objects.filter(slug="leeds").exists()


class TestLocationPagesAreRoutablePreviewableAndEditable(
    ForceLogin, WagtailPageTestCase
):
    def setUp(self):
        self.superuser = self.create_superuser("page-tester")
        self.tree = factories.SiteTree.build()
        self.group = factories.ClinicGroup.build(self.tree)
        today = datetime.date.today()
        # Open that day (the edit form's data reads a ticked box as unticked).
        LocationHoursException.objects.create(
            page=self.group.leeds,
            date=today,
            closed=False,
            opens=datetime.time(10),
            closes=datetime.time(12),
            note="Training",
        )
        self.pages = [self.group.index, self.group.leeds, self.group.york]

    def test_routable_and_renderable(self):
        for page in self.pages:
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
        self.assertPageIsRoutable(self.group.index, "practitioners/grace-okafor/")

    def test_previewable(self):
        for page in self.pages:
            self.client.force_login(self.superuser)  # the assertion logs out
            data = edit_form_data(self.client, page)
            self.assertPageIsPreviewable(page, post_data=data, user=self.superuser)

    def test_editable(self):
        for page in self.pages:
            self.client.force_login(self.superuser)  # the assertion logs out
            data = edit_form_data(self.client, page)
            self.assertPageIsEditable(page, post_data=data, user=self.superuser)


@pytest.mark.django_db
def test_coordinates_come_in_pairs_and_recipients_are_emails():
    page = factories.LocationPageFactory()
    page.latitude = Decimal("53.8")
    page.notification_recipients = "not an address"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "longitude" in error.value.message_dict
    assert "notification_recipients" in error.value.message_dict


@pytest.mark.django_db
def test_an_hours_row_needs_times_unless_closed():
    page = factories.LocationPageFactory(hours=[])
    row = LocationOpeningHours(page=page, weekday=0)
    with pytest.raises(ValidationError):
        row.clean()
    LocationOpeningHours(page=page, weekday=6, closed=True).clean()
    LocationHoursException(page=page, date=datetime.date(2026, 12, 25)).clean()


@pytest.mark.django_db
def test_address_lines_and_weekly_hours():
    page = factories.LocationPageFactory(
        street_address="First floor, 2 Quay Street",
        locality="Harbourside",
        postcode="ZZ2 4BB",
        region="Northshire",
        hours=[
            (1, datetime.time(13, 30), datetime.time(19)),
            (1, datetime.time(8), datetime.time(12, 30)),
        ],
    )
    assert page.address_lines == [
        "First floor",
        "2 Quay Street",
        "Harbourside ZZ2 4BB",
        "Northshire",
    ]
    week = page.get_weekly_hours()
    assert [day for day, _label, _rows in week] == list(range(7))
    tuesday = week[1][2]
    assert [row.opens for row in tuesday] == [datetime.time(8), datetime.time(13, 30)]
    assert week[0][2] == []


def test_prices_in_each_currency():
    assert format_price(Decimal("180")) == "£180"
    assert format_price(Decimal("1200"), "GBP") == "£1,200"
    assert format_price(Decimal("149.5"), "EUR") == "€149.50"
    assert format_price(Decimal("99"), "usd") == "$99"
    assert format_price(Decimal("500"), "SEK") == "SEK\u00a0500"
    assert format_price(None, "EUR") == ""


@pytest.mark.django_db
def test_the_lowest_local_price_wins_and_names_its_clinic(site_tree):
    treatment = site_tree.treatment
    treatment.price_from = Decimal("250")
    cheap = factories.LocationPageFactory(
        title="Leeds", treatments=[(treatment, Decimal("180"))]
    )
    factories.LocationPageFactory(
        title="York", treatments=[(treatment, Decimal("210"))]
    )
    factories.LocationPageFactory(title="Hull", treatments=[treatment])  # no price
    offers = list(LocationTreatment.objects.filter(treatment=treatment))
    assert price_fact(treatment, offers) == "£180 at Leeds, confirmed at consultation"
    assert price_fact(treatment, offers, "EUR").startswith("€180 at Leeds")
    assert price_fact(treatment, []) == "£250, confirmed at consultation"
    assert cheap.offered_treatments.get().price_from == Decimal("180")


@pytest.mark.django_db
def test_currency_setting_defaults_to_pounds(site_tree):
    assert ClinicSettings.objects.get().currency == "GBP"


@pytest.mark.django_db
def test_an_enquiry_keeps_its_location_until_the_location_goes(site_tree):
    clinic = factories.LocationPageFactory()
    enquiry = factories.EnquiryFactory(treatment=site_tree.treatment, location=clinic)
    assert Enquiry.objects.get(pk=enquiry.pk).location == clinic
    clinic.delete()
    assert Enquiry.objects.get(pk=enquiry.pk).location is None


@pytest.mark.django_db
def test_api_describes_a_clinic(client, clinic_group):
    response = client.get(
        f"/api/v2/pages/{clinic_group.leeds.pk}/",
    )
    assert response.status_code == 200
    data = response.json()
    assert data["address"]["lines"] == ["12 Park Row", "Leeds LS1 5HD"]
    assert data["address"]["geo"] == {"latitude": "53.799600", "longitude": "-1.547300"}
    monday = data["opening_hours"]["week"][0]
    assert monday == {
        "weekday": 0,
        "day": "Monday",
        "hours": [{"opens": "09:00", "closes": "17:00"}],
    }
    assert data["opening_hours"]["week"][6]["hours"] == []
    [offer] = data["treatments"]
    assert offer["title"] == "Laser skin rejuvenation"
    assert offer["price_from"] == {
        "amount": "180.00",
        "currency": "GBP",
        "text": "£180",
    }
    names = [p["name"] for p in data["practitioners"]]
    assert names == ["Dr Aoife Byrne", "Grace Okafor"]
    assert "notification_recipients" not in data
