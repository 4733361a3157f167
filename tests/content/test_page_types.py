"""Page-type rules, admin creation with links, and every type's routing, rendering,
previews and edit view, proven with Wagtail's own page assertions."""

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import ContentPage, HomePage
from tests import factories
from tests.content.form_data import (
    alternative_form_data,
    condition_form_data,
    edit_form_data,
    index_form_data,
    treatment_form_data,
)
from treatments_cms.models import (
    AlternativeIndexPage,
    AlternativePage,
    ConditionIndexPage,
    ConditionPage,
    LocationIndexPage,
    Outcome,
    TreatmentAlternativeLink,
    TreatmentConditionLink,
    TreatmentIndexPage,
    TreatmentPage,
)

INDEX_TYPES = (TreatmentIndexPage, ConditionIndexPage, AlternativeIndexPage)
CONTENT_TYPES = {
    TreatmentIndexPage: TreatmentPage,
    ConditionIndexPage: ConditionPage,
    AlternativeIndexPage: AlternativePage,
}


class ForceLogin:
    """``login()`` without authenticate(): django-axes needs a request there."""

    def login(self):
        user = self.create_test_user()
        self.client.force_login(user)
        return user


class TestPageTypeRules(ForceLogin, WagtailPageTestCase):
    def test_home_allows_exactly_the_index_pages_and_content_pages(self):
        self.assertAllowedSubpageTypes(
            HomePage, {*INDEX_TYPES, LocationIndexPage, ContentPage}
        )

    def test_each_index_page_lives_under_the_home_page_only(self):
        for index_type in INDEX_TYPES:
            self.assertAllowedParentPageTypes(index_type, {HomePage})
            self.assertCanCreateAt(HomePage, index_type)
            self.assertCanNotCreateAt(Page, index_type)

    def test_each_content_page_lives_under_its_own_index_only(self):
        for index_type, content_type in CONTENT_TYPES.items():
            self.assertAllowedSubpageTypes(index_type, {content_type})
            self.assertAllowedParentPageTypes(content_type, {index_type})
            self.assertCanCreateAt(index_type, content_type)
            self.assertCanNotCreateAt(HomePage, content_type)
            self.assertCanNotCreateAt(Page, content_type)
            for other_index in set(INDEX_TYPES) - {index_type}:
                self.assertCanNotCreateAt(other_index, content_type)

    def test_content_pages_have_no_children(self):
        for content_type in CONTENT_TYPES.values():
            self.assertAllowedSubpageTypes(content_type, set())
            for page_type in (*INDEX_TYPES, *CONTENT_TYPES.values(), HomePage):
                self.assertCanNotCreateAt(content_type, page_type)

    def test_one_index_page_of_each_kind_per_parent(self):
        home = factories.home_page()
        for index_type in INDEX_TYPES:
            self.assertTrue(index_type.can_create_at(home))
        tree = factories.SiteTree.build()
        for index_type in INDEX_TYPES:
            self.assertFalse(index_type.can_create_at(tree.home), index_type)
        # The admin refuses a second one too.
        self.login()
        response = self.client.get(
            reverse(
                "wagtailadmin_pages:add",
                args=["treatments_cms", "treatmentindexpage", tree.home.pk],
            )
        )
        self.assertRedirects(response, reverse("wagtailadmin_home"))


class TestCreateThroughTheAdmin(ForceLogin, WagtailPageTestCase):
    def setUp(self):
        self.tree = factories.SiteTree.build()
        self.login()

    def test_create_index_pages_under_a_fresh_home(self):
        for page in (
            self.tree.treatment_index,
            self.tree.condition_index,
            self.tree.alternative_index,
        ):
            # Child pages go first, then the index, so it can be made again.
            for child in page.get_children():
                child.delete()
            page.delete()
        home = factories.home_page()
        for index_type, title in (
            (TreatmentIndexPage, "Our treatments"),
            (ConditionIndexPage, "Skin conditions"),
            (AlternativeIndexPage, "Other options"),
        ):
            self.assertCanCreate(home, index_type, index_form_data(title))
            self.assertEqual(index_type.objects.child_of(home).get().title, title)

    def test_create_a_treatment_with_its_links(self):
        second_condition = factories.ConditionPageFactory(title="Sun damage")
        other_treatment = factories.TreatmentPageFactory(title="Chemical resurfacing")
        data = treatment_form_data(
            conditions=[
                {
                    "condition": str(second_condition.pk),
                    "outcome": "treats",
                    "note": "",
                },
                {
                    "condition": str(self.tree.condition.pk),
                    "outcome": "improves",
                    "note": "Fades but does not vanish.",
                },
            ],
            alternatives=[
                {
                    "alternative": str(self.tree.alternative.pk),
                    "comparison_note": "Gentler, milder results.",
                },
                {
                    "alternative": str(other_treatment.pk),
                    "comparison_note": "",
                },
            ],
        )
        self.assertCanCreate(self.tree.treatment_index, TreatmentPage, data)

        page = TreatmentPage.objects.get(slug="microneedling")
        self.assertTrue(page.live)
        self.assertEqual(page.sessions_display, "3 to 6 sessions")
        self.assertIn("Tiny needles", page.how_it_works)
        self.assertEqual(
            [
                (link.condition.title, link.outcome, link.note)
                for link in page.condition_links.order_by("sort_order")
            ],
            [
                ("Sun damage", Outcome.TREATS, ""),
                ("Spider veins", Outcome.IMPROVES, "Fades but does not vanish."),
            ],
        )
        self.assertEqual(
            [
                (link.alternative.title, link.comparison_note)
                for link in page.alternative_links.order_by("sort_order")
            ],
            [
                ("Chemical peel", "Gentler, milder results."),
                ("Chemical resurfacing", ""),
            ],
        )
        # The links are in the published revision too, as for any editor's page.
        revision_page = page.live_revision.as_object()
        self.assertEqual(
            [link.condition_id for link in revision_page.condition_links.all()],
            [second_condition.pk, self.tree.condition.pk],
        )
        # And the condition now derives the new treatment from those links.
        self.assertIn(page, self.tree.condition.get_treatments())

    def test_create_a_condition_and_an_alternative(self):
        self.assertCanCreate(
            self.tree.condition_index,
            ConditionPage,
            condition_form_data(alternate_names="acne rosacea"),
        )
        self.assertEqual(
            ConditionPage.objects.get(slug="rosacea").alternate_name_list,
            ["acne rosacea"],
        )
        self.assertCanCreate(
            self.tree.alternative_index,
            AlternativePage,
            alternative_form_data(
                conditions=[{"condition": str(self.tree.condition.pk)}]
            ),
        )
        alternative = AlternativePage.objects.get(slug="led-light-therapy")
        self.assertEqual(
            [link.condition for link in alternative.condition_links.all()],
            [self.tree.condition],
        )

    def test_a_treatment_cannot_be_created_elsewhere(self):
        response = self.client.get(
            reverse(
                "wagtailadmin_pages:add",
                args=["treatments_cms", "treatmentpage", self.tree.condition_index.pk],
            )
        )
        self.assertRedirects(response, reverse("wagtailadmin_home"))


class TestEveryPageType(ForceLogin, WagtailPageTestCase):
    """Routable, renderable, previewable and editable, with links in place."""

    def setUp(self):
        self.superuser = self.create_superuser("page-tester")
        self.tree = factories.SiteTree.build()
        extra = factories.ConditionPageFactory(title="Sun damage")
        TreatmentConditionLink.objects.create(
            page=self.tree.treatment,
            condition=extra,
            outcome="improves",
            note="Fades.",
            sort_order=1,
        )
        other = factories.TreatmentPageFactory(title="Chemical resurfacing")
        TreatmentAlternativeLink.objects.create(
            page=self.tree.treatment, alternative=other, sort_order=1
        )
        self.pages = [
            self.tree.home,
            self.tree.treatment_index,
            self.tree.condition_index,
            self.tree.alternative_index,
            self.tree.treatment,
            self.tree.condition,
            self.tree.alternative,
        ]

    def test_routable_and_renderable(self):
        for page in self.pages:
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

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

    def test_edit_form_round_trip_keeps_the_links(self):
        """Posting the edit form as rendered (the choosers included) saves cleanly."""
        self.login()
        treatment = self.tree.treatment
        url = reverse("wagtailadmin_pages:edit", args=[treatment.pk])
        data = edit_form_data(self.client, treatment)
        data["action-publish"] = "action-publish"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, getattr(response, "context", ""))
        treatment.refresh_from_db()
        self.assertEqual(
            [link.condition.title for link in treatment.condition_links.all()],
            ["Spider veins", "Sun damage"],
        )
        self.assertEqual(
            [link.alternative.title for link in treatment.alternative_links.all()],
            ["Chemical peel", "Chemical resurfacing"],
        )

    def test_choosers_offer_only_the_right_page_types(self):
        self.login()
        response = self.client.get(
            reverse("wagtailadmin_pages:edit", args=[self.tree.treatment.pk])
        )
        html = response.content.decode().replace("&quot;", '"')
        self.assertIn(
            '"modelNames": ["treatments_cms.alternativepage", '
            '"treatments_cms.treatmentpage"]',
            html,
        )
        self.assertIn('"modelNames": ["treatments_cms.conditionpage"]', html)
        self.assertNotIn('"modelNames": ["wagtailcore.page"]', html)
        chooser = self.client.get(
            reverse(
                "wagtailadmin_choose_page_child", args=[self.tree.alternative_index.pk]
            ),
            {
                "page_type": "treatments_cms.alternativepage,treatments_cms.treatmentpage"
            },
        )
        self.assertEqual(chooser.status_code, 200)
        self.assertIn("Chemical peel", chooser.content.decode())
