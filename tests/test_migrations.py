"""The migrations that made the page families swappable keep every existing row.

A database is taken back to the last migration before the refactor, filled
through the historical models of that state (pages, links, a reviewer, an
enquiry with its concerns), and migrated forward; everything must be there.
"""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from treatments_cms import swappable
from treatments_cms.models import (
    AlternativeConditionLink,
    Enquiry,
    TreatmentAlternativeLink,
    TreatmentConditionLink,
)

APP = "treatments_cms"
BEFORE_REFACTOR = (APP, "0005_enquiry_extra_answers")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest_targets():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def add_child(apps, parent, model_name, title, **fields):
    """A page under ``parent`` through a historical model: the tree columns by hand."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=APP, model=model_name.lower()
    )
    parent.numchild += 1
    parent.save(update_fields=["numchild"])
    slug = title.lower().replace(" ", "-")
    return apps.get_model(APP, model_name).objects.create(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        path=f"{parent.path}{parent.numchild:04d}",
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        locale_id=parent.locale_id,
        live=True,
        **fields,
    )


def build_world_before_refactor(apps):
    """One of everything the refactor touches, stored at 0005."""
    Page = apps.get_model("wagtailcore", "Page")
    home = Page.objects.get(depth=2)
    reviewer = apps.get_model(APP, "Practitioner").objects.create(
        name="Dr Aoife Byrne", role="Consultant dermatologist", regulator="GMC"
    )
    review = {"last_reviewed": datetime.date(2026, 11, 1), "reviewed_by": reviewer}
    treatments = add_child(apps, home, "TreatmentIndexPage", "Treatments")
    conditions = add_child(apps, home, "ConditionIndexPage", "Conditions")
    alternatives = add_child(apps, home, "AlternativeIndexPage", "Alternatives")
    home = Page.objects.get(pk=home.pk)
    condition = add_child(
        apps,
        Page.objects.get(pk=conditions.pk),
        "ConditionPage",
        "Spider veins",
        summary="Small red veins.",
        alternate_names="thread veins",
        **review,
    )
    alternative = add_child(
        apps,
        Page.objects.get(pk=alternatives.pk),
        "AlternativePage",
        "Chemical peel",
        summary="An acid peel.",
        **review,
    )
    treatment = add_child(
        apps,
        Page.objects.get(pk=treatments.pk),
        "TreatmentPage",
        "Laser skin rejuvenation",
        summary="Light renews the skin.",
        risks="<p>Redness.</p>",
        **review,
    )
    apps.get_model(APP, "TreatmentConditionLink").objects.create(
        page=treatment, condition=condition, outcome="improves", note="fades"
    )
    apps.get_model(APP, "TreatmentAlternativeLink").objects.create(
        page=treatment, alternative_id=alternative.pk, comparison_note="gentler"
    )
    apps.get_model(APP, "AlternativeConditionLink").objects.create(
        page=alternative, condition=condition
    )
    consent = apps.get_model(APP, "ConsentStatement").objects.create(
        version="v1", text="I agree."
    )
    enquiry = apps.get_model(APP, "Enquiry").objects.create(
        treatment=treatment,
        treatment_title=treatment.title,
        name="Visitor",
        email="visitor@example.com",
        consent_statement=consent,
        consent_version="v1",
        consented_at=timezone.now(),
    )
    enquiry.concerns.add(condition)
    return {
        "reviewer": reviewer.pk,
        "treatment": treatment.pk,
        "condition": condition.pk,
        "alternative": alternative.pk,
        "indexes": [treatments.pk, conditions.pk, alternatives.pk],
        "enquiry": enquiry.pk,
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_swappable_refactor_keeps_every_row_and_link():
    latest = latest_targets()
    try:
        ids = build_world_before_refactor(migrate([BEFORE_REFACTOR]))
        migrate(latest)

        treatment = swappable.get_treatment_page_model().objects.get(
            pk=ids["treatment"]
        )
        condition = swappable.get_condition_page_model().objects.get(
            pk=ids["condition"]
        )
        alternative = swappable.get_alternative_page_model().objects.get(
            pk=ids["alternative"]
        )
        reviewer = swappable.get_practitioner_model().objects.get(pk=ids["reviewer"])
        indexes = [
            swappable.get_model(name).objects.get(pk=pk)
            for name, pk in zip(
                ("TreatmentIndexPage", "ConditionIndexPage", "AlternativeIndexPage"),
                ids["indexes"],
                strict=True,
            )
        ]

        assert [page.title for page in indexes] == [
            "Treatments",
            "Conditions",
            "Alternatives",
        ]
        assert treatment.summary == "Light renews the skin."
        assert condition.alternate_name_list == ["thread veins"]
        assert {treatment.reviewed_by, condition.reviewed_by} == {reviewer}
        assert alternative.reviewed_by == reviewer
        assert list(
            TreatmentConditionLink.objects.filter(page=treatment).values_list(
                "condition", "outcome", "note"
            )
        ) == [(condition.pk, "improves", "fades")]
        assert list(
            TreatmentAlternativeLink.objects.filter(page=treatment).values_list(
                "alternative", "comparison_note"
            )
        ) == [(alternative.pk, "gentler")]
        assert AlternativeConditionLink.objects.get(page=alternative).condition == (
            condition
        )
        assert [link.condition for link in treatment.condition_links.all()] == [
            condition
        ]
        enquiry = Enquiry.objects.get(pk=ids["enquiry"])
        assert enquiry.treatment == treatment
        assert list(enquiry.concerns.all()) == [condition]
        assert condition.get_parent().specific == indexes[1]
    finally:
        migrate(latest)
