"""The clinical sign-off: only clinical reviewers linked to a practitioner approve,
and approving stamps who reviewed the page and when."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState
from wagtail.workflows import get_task_types

from tests import factories
from treatments_cms.models import ClinicalSignOffTask
from treatments_cms.workflows import (
    assign_clinical_workflow,
    get_clinical_reviewers_group,
    get_clinical_workflow,
)


@pytest.fixture
def people(django_user_model, db):
    def user(username, *groups, **extra):
        person = django_user_model.objects.create_user(
            username=username, password="pw", **extra
        )
        person.groups.add(*Group.objects.filter(name__in=groups))
        return person

    reviewer = user("reviewer", "Clinical reviewers")
    practitioner = factories.PractitionerFactory(
        name="Dr Signe Off",
        regulator="GMC",
        registration_number="7654321",
        user=reviewer,
    )
    return {
        "editor": user("editor", "Editors"),
        "moderator": user("moderator", "Moderators"),
        "superuser": user("root", is_superuser=True, is_staff=True),
        # In the group but not a practitioner: the sign-off could name no one.
        "unlinked": user("unlinked", "Clinical reviewers"),
        "reviewer": reviewer,
        "practitioner": practitioner,
    }


def actions(page, user):
    task = page.current_workflow_task
    return [name for name, _label, _modal in task.get_actions(page, user)]


def can_act(people, page):
    return sorted(
        name
        for name in people
        if name != "practitioner" and actions(page, people[name])
    )


def test_the_migration_creates_the_group_workflow_and_task(db):
    workflow = get_clinical_workflow()
    assert workflow is not None
    [task] = [t.specific for t in workflow.tasks.all()]
    assert isinstance(task, ClinicalSignOffTask)
    assert list(task.groups.all()) == [get_clinical_reviewers_group()]
    assert (
        get_clinical_reviewers_group()
        .permissions.filter(codename="access_admin")
        .exists()
    )
    # Wagtail offers it when an administrator builds a workflow.
    assert ClinicalSignOffTask in get_task_types()


def test_index_pages_get_the_workflow_once(site_tree):
    indexes = [
        site_tree.treatment_index,
        site_tree.condition_index,
        site_tree.alternative_index,
    ]
    assert {p.pk for p in assign_clinical_workflow()} == {p.pk for p in indexes}
    assert assign_clinical_workflow() == []
    workflow = get_clinical_workflow()
    for page in [
        *indexes,
        site_tree.treatment,
        site_tree.condition,
        site_tree.alternative,
    ]:
        assert page.get_workflow() == workflow
    # The home page keeps Wagtail's own moderation.
    assert site_tree.home.get_workflow() != workflow


def test_submit_reject_resubmit_sign_off_and_publish(
    site_tree, people, settings, client
):
    settings.TREATMENTS_CMS_REVIEW_INTERVAL_DAYS = {
        "treatments_cms.TreatmentPage": 180,
        "default": 365,
    }
    assign_clinical_workflow()
    today = timezone.localdate()
    page = site_tree.treatment
    editor, reviewer = people["editor"], people["reviewer"]

    # The editor submits a change for sign-off.
    page.summary = "A gentler summary."
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    workflow.start(page, editor)
    page.refresh_from_db()
    assert page.current_workflow_task.specific.__class__ is ClinicalSignOffTask
    assert can_act(people, page) == ["reviewer"]
    assert TaskState.objects.reviewable_by(reviewer).count() == 1
    for name in ("editor", "moderator", "superuser", "unlinked"):
        assert not TaskState.objects.reviewable_by(people[name]).exists()

    # Someone who may not sign off is refused by the admin's workflow action.
    state = page.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.pk],
    )
    client.force_login(people["moderator"])
    client.post(url, {"comment": ""})
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS

    # The reviewer asks for changes, with a comment.
    task = state.task.specific
    task.on_action(state, reviewer, "reject", comment="Name the risk of burns.")
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_REJECTED
    assert state.comment == "Name the risk of burns."
    assert state.finished_by == reviewer
    workflow_state = page.current_workflow_state
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    page.refresh_from_db()
    assert page.summary != "A gentler summary."  # nothing went live

    # The editor fixes it and resubmits.
    draft = page.get_latest_revision_as_object()
    draft.risks = "<p>Redness; rarely, burns or changes in skin colour.</p>"
    draft.save_revision(user=editor)
    workflow_state.resume(editor)
    page.refresh_from_db()
    assert can_act(people, page) == ["reviewer"]

    # The reviewer signs it off in the admin: it goes live, stamped.
    state = page.current_workflow_task_state
    client.force_login(reviewer)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.pk],
        ),
        {"comment": "Checked against the NICE guidance."},
    )
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_APPROVED
    assert state.finished_by == reviewer
    live = type(page).objects.get(pk=page.pk)
    assert live.live
    assert not live.has_unpublished_changes
    assert live.summary == "A gentler summary."
    assert "burns" in live.risks
    assert live.last_reviewed == today
    assert live.reviewed_by == people["practitioner"]
    assert live.next_review_due == today + datetime.timedelta(days=180)
    assert page.current_workflow_state is None


def test_other_page_types_take_the_default_interval(site_tree, people, settings):
    settings.TREATMENTS_CMS_REVIEW_INTERVAL_DAYS = {
        "treatments_cms.TreatmentPage": 180,
        "default": 90,
    }
    assign_clinical_workflow()
    page = site_tree.condition
    page.save_revision(user=people["editor"])
    page.get_workflow().start(page, people["editor"])
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, people["reviewer"], "approve")
    live = type(page).objects.get(pk=page.pk)
    assert live.reviewed_by == people["practitioner"]
    assert live.next_review_due == timezone.localdate() + datetime.timedelta(days=90)


def test_a_group_member_without_a_practitioner_cannot_approve(site_tree, people):
    from django.core.exceptions import PermissionDenied

    assign_clinical_workflow()
    page = site_tree.alternative
    page.save_revision(user=people["editor"])
    page.get_workflow().start(page, people["editor"])
    state = page.current_workflow_task_state
    with pytest.raises(PermissionDenied):
        state.task.specific.on_action(state, people["unlinked"], "approve")
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS
