"""The "Clinical content" workflow: find it and assign it to the index pages.

The data migration ``0008_clinical_content_workflow`` creates the workflow, its
clinical sign-off task (``treatments_cms.models.ClinicalSignOffTask``) and the
"Clinical reviewers" group, and assigns the workflow to the index pages that
exist then, and lets the group edit and publish under them: finishing the
workflow publishes the page as the reviewer. Index pages created later (a demo
site, a test) get both from ``assign_clinical_workflow``.
"""

from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from . import swappable
from .models.workflows import CLINICAL_REVIEWERS_GROUP

CLINICAL_WORKFLOW = "Clinical content"
INDEX_MODEL_NAMES = ("TreatmentIndexPage", "ConditionIndexPage", "AlternativeIndexPage")


def get_clinical_workflow():
    """The active "Clinical content" workflow, or None when it was removed."""
    return Workflow.objects.filter(name=CLINICAL_WORKFLOW, active=True).first()


def get_clinical_reviewers_group():
    return Group.objects.filter(name=CLINICAL_REVIEWERS_GROUP).first()


def assign_clinical_workflow(pages=None):
    """Give ``pages`` (default: every index page) the clinical workflow.

    A page that already has a workflow of its own keeps it. Returns the pages
    newly assigned; none when the workflow does not exist.
    """
    workflow = get_clinical_workflow()
    if workflow is None:
        return []
    if pages is None:
        pages = [
            page
            for name in INDEX_MODEL_NAMES
            for page in swappable.get_model(name).objects.all()
        ]
    assigned = set(
        WorkflowPage.objects.filter(page__in=[p.pk for p in pages]).values_list(
            "page_id", flat=True
        )
    )
    new = [page for page in pages if page.pk not in assigned]
    WorkflowPage.objects.bulk_create(
        WorkflowPage(page_id=page.pk, workflow=workflow) for page in new
    )
    grant_reviewers(pages)
    return new


# What "Clinical reviewers" may do under each index page: edit a page in review,
# and publish it, which finishing the workflow does in the reviewer's name.
REVIEWER_PAGE_PERMISSIONS = ("change", "publish")


def grant_reviewers(pages):
    group = get_clinical_reviewers_group()
    if group is None:
        return
    for page in pages:
        for permission_type in REVIEWER_PAGE_PERMISSIONS:
            if not GroupPagePermission.objects.filter(
                group=group,
                page_id=page.pk,
                permission__codename__startswith=f"{permission_type}_",
            ).exists():
                GroupPagePermission.objects.create(
                    group=group, page_id=page.pk, permission_type=permission_type
                )
