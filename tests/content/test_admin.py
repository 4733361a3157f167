"""Admin authoring: tabs, Wagtail's "Editors" group, search, and clinic settings."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from tests import factories
from tests.content.form_data import (
    alternative_form_data,
    condition_form_data,
    index_form_data,
    treatment_form_data,
)
from treatments_cms.models import (
    AlternativeIndexPage,
    AlternativePage,
    ClinicSettings,
    ConditionIndexPage,
    ConditionPage,
    TreatmentIndexPage,
    TreatmentPage,
)


def tab_labels(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        tab.find(string=True, recursive=False).strip()
        for tab in soup.select('[role="tab"]')
    ]


# --- tabs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page_name", "tabs"),
    [
        (
            "treatment",
            ["Content", "Facts", "Links", "Safety", "Review", "Promote"],
        ),
        ("condition", ["Content", "Review", "Promote"]),
        ("alternative", ["Content", "Facts", "Links", "Review", "Promote"]),
    ],
)
def test_edit_view_groups_fields_in_tabs(admin_client, site_tree, page_name, tabs):
    page = getattr(site_tree, page_name)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert tab_labels(response) == tabs


def test_treatment_tabs_hold_the_right_fields(admin_client, site_tree):
    response = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[site_tree.treatment.pk])
    )
    soup = BeautifulSoup(response.content, "html.parser")
    panels = {
        soup.select_one(f'[role="tab"][href="#{panel["id"]}"]')
        .find(string=True, recursive=False)
        .strip(): panel
        for panel in soup.select('[role="tabpanel"]')
    }
    expected = {
        "Content": ["summary", "how_it_works", "benefits", "limitations"],
        "Facts": [
            "sessions_min",
            "results_last_max",
            "downtime_min_days",
            "price_from",
        ],
        "Links": ["condition_links-TOTAL_FORMS", "alternative_links-TOTAL_FORMS"],
        "Safety": ["risks", "suitability", "contraindications"],
        "Review": ["last_reviewed", "next_review_due", "reviewed_by"],
        "Promote": ["slug", "seo_title", "search_description"],
    }
    for tab, names in expected.items():
        for name in names:
            assert panels[tab].select_one(f'[name="{name}"]'), (tab, name)


def test_every_field_has_help_text_for_editors():
    from treatments_cms.models import ClinicSettings, ConsentStatement, Practitioner

    own_fields = {
        TreatmentPage: [
            "summary",
            "how_it_works",
            "sessions_min",
            "sessions_max",
            "session_interval",
            "results_last_min",
            "results_last_max",
            "downtime_min_days",
            "benefits",
            "limitations",
            "risks",
            "suitability",
            "contraindications",
            "preparation",
            "recovery",
            "price_from",
            "evidence_sources",
            "last_reviewed",
            "next_review_due",
            "reviewed_by",
        ],
        ConditionPage: [
            "symptoms",
            "causes",
            "alternate_names",
            "requires_medical_assessment",
            "medical_assessment_text",
        ],
        AlternativePage: ["invasiveness", "how_it_works", "risks"],
        Practitioner: ["name", "role", "regulator", "registration_number"],
        ConsentStatement: ["version", "text", "effective_from"],
        ClinicSettings: ["clinic_name", "notification_recipients"],
    }
    for model, names in own_fields.items():
        for name in names:
            assert len(model._meta.get_field(name).help_text) > 10, (model, name)


# --- Wagtail's default Editors group ----------------------------------------------


class TestEditorsGroup(WagtailPageTestCase):
    """A member of "Editors" (from Wagtail's migrations) can author every type."""

    def setUp(self):
        self.editor = get_user_model().objects.create_user(
            username="eddie", email="eddie@example.com", password="x"
        )
        self.editor.groups.add(Group.objects.get(name="Editors"))
        self.client.force_login(self.editor)
        self.home = factories.home_page()

    def create_draft(self, parent, model, data):
        self.assertCanCreate(parent, model, data, publish=False)
        page = model.objects.child_of(parent).get(slug=data["slug"])
        self.assertFalse(page.live)  # Editors save drafts; moderators publish
        self.assertEqual(page.owner, self.editor)
        return page

    def test_editor_creates_and_edits_every_page_type(self):
        treatments = self.create_draft(
            self.home, TreatmentIndexPage, index_form_data("Treatments")
        )
        conditions = self.create_draft(
            self.home, ConditionIndexPage, index_form_data("Conditions")
        )
        alternatives = self.create_draft(
            self.home, AlternativeIndexPage, index_form_data("Alternatives")
        )
        condition = self.create_draft(
            conditions,
            ConditionPage,
            condition_form_data(
                "Spider veins", alternate_names="thread veins, telangiectasia"
            ),
        )
        alternative = self.create_draft(
            alternatives,
            AlternativePage,
            alternative_form_data(
                "Chemical peel", conditions=[{"condition": str(condition.pk)}]
            ),
        )
        treatment = self.create_draft(
            treatments,
            TreatmentPage,
            treatment_form_data(
                "Laser skin rejuvenation",
                conditions=[{"condition": str(condition.pk), "outcome": "treats"}],
                alternatives=[{"alternative": str(alternative.pk)}],
            ),
        )
        self.assertEqual(
            [link.condition for link in treatment.condition_links.all()], [condition]
        )

        edits = {
            treatments: index_form_data("Our treatments", slug="treatments"),
            conditions: index_form_data("Our conditions", slug="conditions"),
            alternatives: index_form_data("Other options", slug="alternatives"),
            condition: condition_form_data("Thread veins", slug="spider-veins"),
            alternative: alternative_form_data(
                "Light chemical peel", slug="chemical-peel"
            ),
            treatment: treatment_form_data(
                "Fractional laser", slug="laser-skin-rejuvenation"
            ),
        }
        for page, data in edits.items():
            url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            self.assertEqual(self.client.get(url).status_code, 200, page)
            response = self.client.post(url, data)
            self.assertRedirects(response, url, msg_prefix=str(page))
            self.assertEqual(
                Page.objects.get(pk=page.pk).get_latest_revision_as_object().title,
                data["title"],
            )

    def test_editor_can_edit_the_demo_pages_made_by_someone_else(self):
        tree = factories.SiteTree.build()
        for page in (tree.treatment, tree.condition, tree.alternative):
            self.assertTrue(page.permissions_for_user(self.editor).can_edit())
            response = self.client.get(
                reverse("wagtailadmin_pages:edit", args=[page.pk])
            )
            self.assertEqual(response.status_code, 200)


# --- search --------------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_page_search_finds_a_condition_by_an_alternate_name(admin_client):
    factories.ConditionPageFactory(
        title="Spider veins", alternate_names="thread veins, telangiectasia"
    )
    factories.ConditionPageFactory(title="Rosacea")
    url = reverse("wagtailadmin_pages:search")

    for query in ("thread veins", "telangiectasia", "thread"):
        body = admin_client.get(url, {"q": query}).content.decode()
        assert "Spider veins" in body, query
        assert "Rosacea" not in body


@pytest.mark.django_db
def test_site_search_finds_a_condition_by_an_alternate_name():
    condition = factories.ConditionPageFactory(
        title="Spider veins", alternate_names="thread veins, telangiectasia"
    )
    factories.ConditionPageFactory(title="Rosacea")

    assert list(Page.objects.live().search("thread veins")) == [condition.page_ptr]
    assert list(ConditionPage.objects.live().search("telangiectasia")) == [condition]


@pytest.mark.django_db
def test_a_treatment_is_found_by_its_linked_condition(admin_client):
    """Created in the admin with its links, the treatment is indexed with their names."""
    tree = factories.SiteTree.build()
    sun = factories.ConditionPageFactory(title="Sun damage")
    url = reverse(
        "wagtailadmin_pages:add",
        args=["treatments_cms", "treatmentpage", tree.treatment_index.pk],
    )
    data = treatment_form_data(
        "Microneedling",
        conditions=[{"condition": str(sun.pk), "outcome": "improves"}],
        **{"action-publish": "action-publish"},
    )
    assert admin_client.post(url, data).status_code == 302
    microneedling = TreatmentPage.objects.get(slug="microneedling")

    assert list(TreatmentPage.objects.live().search("sun damage")) == [microneedling]
    body = admin_client.get(
        reverse("wagtailadmin_pages:search"), {"q": "sun damage"}
    ).content.decode()
    assert "Microneedling" in body


@pytest.mark.django_db
def test_a_condition_is_found_by_its_treatments_name(site_tree):
    site_tree.condition.save_revision().publish()  # reindex now the links exist
    assert list(ConditionPage.objects.live().search("rejuvenation")) == [
        site_tree.condition
    ]


# --- clinic settings -------------------------------------------------------------------


@pytest.mark.django_db
def test_notification_recipients_must_be_email_addresses():
    settings = factories.ClinicSettingsFactory(
        notification_recipients="a@example.com, b@example.com\n\nc@example.com"
    )
    settings.full_clean()
    assert settings.recipient_list == [
        "a@example.com",
        "b@example.com",
        "c@example.com",
    ]

    settings.notification_recipients = "a@example.com\nnot an address"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert error.value.message_dict == {
        "notification_recipients": ["'not an address' is not an email address."]
    }
    assert str(settings) == "Example Skin Clinic"
    assert str(ClinicSettings()) == "Clinic settings"


@pytest.mark.django_db
def test_retention_days_default_comes_from_the_setting(settings):
    settings.TREATMENTS_CMS_ENQUIRY_RETENTION_DAYS = 90
    assert ClinicSettings().enquiry_retention_days == 90


def settings_url(site):
    return reverse(
        "wagtailsettings:edit", args=["treatments_cms", "clinicsettings", site.pk]
    )


@pytest.fixture
def office_manager(db):
    """Staff who may change the clinic settings, but are not superusers."""
    group = Group.objects.create(name="Office")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_clinicsettings"),
    )
    user = get_user_model().objects.create_user("office", password="x")
    user.groups.add(group)
    return user


@pytest.mark.django_db
def test_only_superusers_see_and_change_notification_recipients(
    client, admin_client, office_manager
):
    clinic = factories.ClinicSettingsFactory()
    url = settings_url(clinic.site)

    admin_html = admin_client.get(url).content.decode()
    assert 'name="notification_recipients"' in admin_html

    client.force_login(office_manager)
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="clinic_name"' in response.content.decode()
    assert 'name="notification_recipients"' not in response.content.decode()

    response = client.post(
        url,
        {
            "clinic_name": "Renamed Clinic",
            "currency": "GBP",
            "enquiry_retention_days": "365",
            "notification_recipients": "attacker@example.com",
        },
    )
    assert response.status_code == 302
    clinic.refresh_from_db()
    assert clinic.clinic_name == "Renamed Clinic"
    assert clinic.notification_recipients == "enquiries@example.com"


@pytest.mark.django_db
def test_superuser_sees_a_clear_message_for_a_bad_recipient(admin_client):
    clinic = factories.ClinicSettingsFactory()
    response = admin_client.post(
        settings_url(clinic.site),
        {
            "clinic_name": "Example Skin Clinic",
            "enquiry_retention_days": "365",
            "notification_recipients": "enquiries@example.com\nreception",
        },
    )
    assert response.status_code == 200
    assert "&#x27;reception&#x27; is not an email address." in response.content.decode()
    clinic.refresh_from_db()
    assert clinic.notification_recipients == "enquiries@example.com"
