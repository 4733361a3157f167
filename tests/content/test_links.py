"""Cross-links: order, outcomes, allowed targets, derived lists, copy and delete."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests import factories
from tests.content.form_data import treatment_form_data
from treatments_cms.models import (
    AlternativeConditionLink,
    AlternativePage,
    ConditionPage,
    Outcome,
    TreatmentAlternativeLink,
    TreatmentConditionLink,
    TreatmentPage,
)

pytestmark = pytest.mark.django_db


def count_queries(func):
    with CaptureQueriesContext(connection) as context:
        result = func()
    return len(context), result


# --- links as stored and shown -------------------------------------------------


def test_condition_links_keep_editor_order_outcome_and_note(site_tree):
    treatment = site_tree.treatment
    wrinkles = factories.ConditionPageFactory(title="Fine to medium wrinkles")
    scars = factories.ConditionPageFactory(title="Scars")
    TreatmentConditionLink.objects.create(
        page=treatment,
        condition=wrinkles,
        outcome=Outcome.IMPROVES,
        note="Deep wrinkles improve but do not disappear.",
        sort_order=-1,
    )
    TreatmentConditionLink.objects.create(
        page=treatment, condition=scars, outcome=Outcome.TREATS, sort_order=5
    )

    links = treatment.get_condition_links()

    assert [(link.condition.title, link.outcome, link.note) for link in links] == [
        (
            "Fine to medium wrinkles",
            "improves",
            "Deep wrinkles improve but do not disappear.",
        ),
        ("Spider veins", "treats", ""),
        ("Scars", "treats", ""),
    ]
    assert treatment.get_conditions() == [wrinkles, site_tree.condition, scars]
    assert str(links[0]) == ("Laser skin rejuvenation improves Fine to medium wrinkles")


def test_a_condition_cannot_be_linked_twice_to_one_treatment(site_tree):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        TreatmentConditionLink.objects.create(
            page=site_tree.treatment, condition=site_tree.condition, sort_order=9
        )


def test_treatment_page_shows_links_to_live_public_pages_only(site_tree):
    draft = factories.ConditionPageFactory(title="Draft condition", live=False)
    hidden = factories.ConditionPageFactory(title="Members condition")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )
    for order, condition in enumerate((draft, hidden), start=1):
        TreatmentConditionLink.objects.create(
            page=site_tree.treatment, condition=condition, sort_order=order
        )
    draft_alternative = factories.AlternativePageFactory(title="Draft alt", live=False)
    TreatmentAlternativeLink.objects.create(
        page=site_tree.treatment, alternative=draft_alternative, sort_order=3
    )

    assert site_tree.treatment.get_conditions() == [site_tree.condition]
    assert [link.target for link in site_tree.treatment.get_alternative_links()] == [
        site_tree.alternative
    ]


def test_alternative_links_give_the_specific_page_in_editor_order(site_tree):
    other = factories.TreatmentPageFactory(title="Chemical resurfacing")
    TreatmentAlternativeLink.objects.create(
        page=site_tree.treatment,
        alternative=other,
        comparison_note="Deeper, longer recovery.",
        sort_order=-1,
    )

    links = site_tree.treatment.get_alternative_links()

    assert [type(link.target) for link in links] == [TreatmentPage, AlternativePage]
    assert [link.target for link in links] == [other, site_tree.alternative]
    assert links[0].comparison_note == "Deeper, longer recovery."
    assert str(links[1]) == "Chemical peel as an alternative to Laser skin rejuvenation"


def test_alternative_page_lists_its_conditions(site_tree):
    draft = factories.ConditionPageFactory(title="Draft", live=False)
    AlternativeConditionLink.objects.create(
        page=site_tree.alternative, condition=draft, sort_order=1
    )
    links = site_tree.alternative.get_condition_links()
    assert [link.condition for link in links] == [site_tree.condition]
    assert str(links[0]) == "Chemical peel addresses Spider veins"


# --- what a target may be ------------------------------------------------------


def test_alternative_may_be_an_alternative_or_another_treatment(site_tree):
    other = factories.TreatmentPageFactory()
    for target in (site_tree.alternative, other):
        TreatmentAlternativeLink(page=site_tree.treatment, alternative=target).clean()


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("treatment", "A treatment cannot be an alternative to itself."),
        ("condition", "Choose an alternative page or another treatment."),
        ("home", "Choose an alternative page or another treatment."),
        ("treatment_index", "Choose an alternative page or another treatment."),
    ],
)
def test_alternative_model_clean_refuses(site_tree, target, message):
    link = TreatmentAlternativeLink(
        page=site_tree.treatment, alternative=getattr(site_tree, target)
    )
    with pytest.raises(ValidationError) as error:
        link.clean()
    assert error.value.message_dict == {"alternative": [message]}


def test_an_unchosen_alternative_is_left_to_the_required_field(site_tree):
    TreatmentAlternativeLink(page=site_tree.treatment).clean()


def _post_edit(client, page, **form_fields):
    data = treatment_form_data(title=page.title, slug=page.slug, **form_fields)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("treatment", "A treatment cannot be an alternative to itself."),
        ("condition", "Choose an alternative page or another treatment."),
    ],
)
def test_admin_form_refuses_a_wrong_alternative(
    admin_client, site_tree, target, message
):
    response = _post_edit(
        admin_client,
        site_tree.treatment,
        alternatives=[{"alternative": str(getattr(site_tree, target).pk)}],
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(
        site_tree.treatment.alternative_links.values_list("alternative", flat=True)
    ) == [site_tree.alternative.pk]


def test_admin_form_saves_a_treatment_as_alternative(admin_client, site_tree):
    other = factories.TreatmentPageFactory(title="Chemical resurfacing")
    # The form below re-enters every row, as new ones.
    site_tree.treatment.alternative_links.all().delete()
    response = _post_edit(
        admin_client,
        site_tree.treatment,
        alternatives=[
            {"alternative": str(other.pk), "comparison_note": "Deeper."},
            {"alternative": str(site_tree.alternative.pk)},
        ],
        **{"action-publish": "action-publish"},
    )
    assert response.status_code == 302
    assert [
        (link.alternative_id, link.comparison_note)
        for link in site_tree.treatment.alternative_links.all()
    ] == [(other.pk, "Deeper."), (site_tree.alternative.pk, "")]


def test_admin_form_refuses_the_same_condition_twice(admin_client, site_tree):
    row = {"condition": str(site_tree.condition.pk), "outcome": "treats"}
    response = _post_edit(admin_client, site_tree.treatment, conditions=[row, row])
    assert response.status_code == 200
    assert "duplicate" in response.content.decode().lower()
    assert site_tree.treatment.condition_links.count() == 1


# --- derived lists: a condition's and an alternative's treatments ---------------


def _treatments_for(condition, count):
    return [
        factories.TreatmentPageFactory(
            title=f"Treatment {n:02}", conditions=[condition]
        )
        for n in range(count)
    ]


def test_condition_derives_its_treatments_from_the_treatment_links(site_tree):
    condition = site_tree.condition
    first = site_tree.treatment
    second = factories.TreatmentPageFactory(
        title="Vein laser",
        conditions=[(condition, "improves", "Fewer visible veins.")],
    )
    draft = factories.TreatmentPageFactory(title="Draft", conditions=[condition])
    draft.unpublish()
    restricted = factories.TreatmentPageFactory(
        title="Restricted", conditions=[condition]
    )
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    # Editors move the newest treatment to the top of the explorer.
    second.move(first, pos="left")

    treatments = condition.get_treatments()
    assert treatments == [second, first]
    assert all(type(page) is TreatmentPage for page in treatments)
    links = condition.get_treatment_links()
    assert [(link.page.title, link.outcome, link.note) for link in links] == [
        ("Vein laser", "improves", "Fewer visible veins."),
        ("Laser skin rejuvenation", "treats", ""),
    ]


def test_restriction_on_a_section_hides_its_treatments(site_tree):
    PageViewRestriction.objects.create(
        page=site_tree.treatment_index, restriction_type=PageViewRestriction.LOGIN
    )
    assert site_tree.condition.get_treatments() == []
    assert site_tree.condition.get_treatment_links() == []
    assert site_tree.alternative.get_treatments() == []


def test_alternative_derives_its_treatments(site_tree):
    second = factories.TreatmentPageFactory(
        title="Vein laser", alternatives=[site_tree.alternative]
    )
    draft = factories.TreatmentPageFactory(
        title="Draft", alternatives=[site_tree.alternative]
    )
    draft.unpublish()
    second.move(site_tree.treatment, pos="left")

    treatments = site_tree.alternative.get_treatments()
    assert treatments == [second, site_tree.treatment]
    assert all(type(page) is TreatmentPage for page in treatments)


def test_condition_lists_alternatives_that_address_it(site_tree):
    draft = factories.AlternativePageFactory(
        title="Draft", conditions=[site_tree.condition], live=False
    )
    assert draft not in site_tree.condition.get_alternatives()
    assert site_tree.condition.get_alternatives() == [site_tree.alternative]


@pytest.mark.parametrize(
    "method", ["get_treatment_links", "get_treatments", "get_alternatives"]
)
def test_condition_methods_take_fixed_queries(
    site_tree, method, django_assert_num_queries
):
    condition = site_tree.condition
    one, _ = count_queries(getattr(condition, method))
    _treatments_for(condition, 19)
    for n in range(19):
        factories.AlternativePageFactory(conditions=[condition], title=f"Alt {n}")
    with django_assert_num_queries(one):
        result = getattr(condition, method)()
    assert len(result) == 20
    assert one <= 3


def test_alternative_get_treatments_takes_fixed_queries(
    site_tree, django_assert_num_queries
):
    alternative = site_tree.alternative
    one, _ = count_queries(alternative.get_treatments)
    for n in range(19):
        factories.TreatmentPageFactory(title=f"T {n}", alternatives=[alternative])
    with django_assert_num_queries(one):
        assert len(alternative.get_treatments()) == 20
    assert one <= 3


def test_treatment_link_methods_take_fixed_queries(
    site_tree, django_assert_max_num_queries
):
    treatment = TreatmentPage.objects.get(pk=site_tree.treatment.pk)
    one_conditions, _ = count_queries(treatment.get_condition_links)
    one_alternatives, _ = count_queries(treatment.get_alternative_links)
    for n in range(19):
        TreatmentConditionLink.objects.create(
            page=treatment, condition=factories.ConditionPageFactory(), sort_order=n + 1
        )
        other = (
            factories.TreatmentPageFactory()
            if n % 2
            else factories.AlternativePageFactory()
        )
        TreatmentAlternativeLink.objects.create(
            page=treatment, alternative=other, sort_order=n + 1
        )
    treatment = TreatmentPage.objects.get(pk=treatment.pk)
    with django_assert_max_num_queries(one_conditions):
        assert len(treatment.get_condition_links()) == 20
    with django_assert_max_num_queries(one_alternatives):
        assert len(treatment.get_alternative_links()) == 20
    assert one_conditions <= 2
    assert one_alternatives <= 4


def test_condition_page_renders_in_fixed_queries(client, site_tree):
    condition = site_tree.condition
    client.get(condition.url)  # warm the site-root cache first
    one, _ = count_queries(lambda: client.get(condition.url))
    _treatments_for(condition, 19)
    many, response = count_queries(lambda: client.get(condition.url))
    assert response.status_code == 200
    assert "Treatment 18" in response.content.decode()
    assert many == one


# --- copy, move and delete -------------------------------------------------------


def test_copying_a_treatment_keeps_its_links(site_tree):
    treatment = site_tree.treatment
    second = factories.ConditionPageFactory(title="Sun damage")
    TreatmentConditionLink.objects.create(
        page=treatment,
        condition=second,
        outcome="improves",
        note="Fades.",
        sort_order=1,
    )
    treatment.save_revision().publish()

    copy = treatment.copy(
        to=site_tree.treatment_index,
        update_attrs={"title": "Laser copy", "slug": "laser-copy"},
    ).specific

    assert copy.pk != treatment.pk
    assert [
        (link.condition, link.outcome, link.note)
        for link in copy.condition_links.order_by("sort_order")
    ] == [(site_tree.condition, "treats", ""), (second, "improves", "Fades.")]
    assert [link.alternative.specific for link in copy.alternative_links.all()] == [
        site_tree.alternative
    ]
    # The original keeps its own rows; nothing was moved across.
    assert treatment.condition_links.count() == 2
    assert TreatmentConditionLink.objects.count() == 4


def test_moving_a_treatment_keeps_its_links(site_tree):
    from wagtail.models import Page

    new_index_parent = site_tree.treatment_index
    treatment = site_tree.treatment
    sibling = factories.TreatmentPageFactory(title="Other")
    treatment.move(sibling, pos="right")
    treatment = TreatmentPage.objects.get(pk=treatment.pk)
    assert treatment.get_parent().specific == new_index_parent
    assert Page.objects.get(pk=treatment.pk).path > sibling.path
    assert treatment.get_conditions() == [site_tree.condition]


def test_deleting_a_condition_removes_its_links_and_keeps_the_treatment(
    admin_client, site_tree
):
    treatment = site_tree.treatment
    treatment.save_revision().publish()
    condition_pk = site_tree.condition.pk

    site_tree.condition.delete()

    assert not ConditionPage.objects.filter(pk=condition_pk).exists()
    assert not TreatmentConditionLink.objects.filter(condition_id=condition_pk).exists()
    assert not AlternativeConditionLink.objects.filter(
        condition_id=condition_pk
    ).exists()
    treatment = TreatmentPage.objects.get(pk=treatment.pk)
    assert treatment.live
    assert treatment.get_conditions() == []
    assert [link.target for link in treatment.get_alternative_links()] == [
        site_tree.alternative
    ]
    # The saved revision still mentions the condition; it is dropped on load.
    assert list(treatment.latest_revision.as_object().condition_links.all()) == []
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[treatment.pk]))
    assert response.status_code == 200
    assert admin_client.get(treatment.url).status_code == 200


def test_deleting_an_alternative_removes_the_treatment_link(site_tree):
    site_tree.alternative.delete()
    treatment = TreatmentPage.objects.get(pk=site_tree.treatment.pk)
    assert treatment.alternative_links.count() == 0
    assert treatment.get_conditions() == [site_tree.condition]
