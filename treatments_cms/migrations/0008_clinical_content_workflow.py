"""Create the "Clinical reviewers" group and the "Clinical content" workflow.

The workflow's one task is a clinical sign-off (ClinicalSignOffTask) that only
members of "Clinical reviewers" linked to a practitioner can approve. It is
assigned to every existing treatment, condition and alternative index page, so
their pages go live only once a clinician has signed them off; an index page
that already has a workflow of its own keeps it. The group can reach the admin,
and edit and publish under those index pages (finishing the workflow publishes
the page as the reviewer). Idempotent: running it again changes nothing.
"""

import swapper
from django.conf import settings
from django.db import migrations

REVIEWERS = "Clinical reviewers"
WORKFLOW = "Clinical content"
TASK = "Clinical sign-off"
INDEX_SETTINGS = (
    "TREATMENTS_CMS_TREATMENTINDEXPAGE_MODEL",
    "TREATMENTS_CMS_CONDITIONINDEXPAGE_MODEL",
    "TREATMENTS_CMS_ALTERNATIVEINDEXPAGE_MODEL",
)
DEFAULT_INDEX_MODELS = (
    "treatments_cms.TreatmentIndexPage",
    "treatments_cms.ConditionIndexPage",
    "treatments_cms.AlternativeIndexPage",
)


def index_content_types(ContentType, using):
    labels = [
        getattr(settings, name, default)
        for name, default in zip(INDEX_SETTINGS, DEFAULT_INDEX_MODELS, strict=True)
    ]
    found = ContentType.objects.none()
    for label in labels:
        app_label, model = label.lower().split(".")
        found = found | ContentType.objects.using(using).filter(
            app_label=app_label, model=model
        )
    return found


def create_workflow(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model(swapper.get_model_name("wagtailcore", "Page"))
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    SignOffTask = apps.get_model("treatments_cms", "ClinicalSignOffTask")

    admin_type, _ = ContentType.objects.using(using).get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    access_admin, _ = Permission.objects.using(using).get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    reviewers, _ = Group.objects.using(using).get_or_create(name=REVIEWERS)
    reviewers.permissions.add(access_admin)

    task_type, _ = ContentType.objects.using(using).get_or_create(
        app_label="treatments_cms", model="clinicalsignofftask"
    )
    task = SignOffTask.objects.using(using).filter(name=TASK).first()
    if task is None:
        task = SignOffTask.objects.using(using).create(
            name=TASK, content_type=task_type, active=True
        )
    task.groups.add(reviewers)

    workflow, _ = Workflow.objects.using(using).get_or_create(
        name=WORKFLOW, defaults={"active": True}
    )
    WorkflowTask.objects.using(using).get_or_create(
        workflow=workflow, task_id=task.pk, defaults={"sort_order": 0}
    )

    index_pages = Page.objects.using(using).filter(
        content_type__in=index_content_types(ContentType, using)
    )
    assigned = set(
        WorkflowPage.objects.using(using).values_list("page_id", flat=True)
    )
    page_ids = list(index_pages.values_list("pk", flat=True))
    WorkflowPage.objects.using(using).bulk_create(
        WorkflowPage(page_id=page_id, workflow=workflow)
        for page_id in page_ids
        if page_id not in assigned
    )
    if page_ids:
        grant_page_permissions(apps, using, reviewers, page_ids)


def grant_page_permissions(apps, using, group, page_ids):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    app_label, model = swapper.get_model_name("wagtailcore", "Page").lower().split(".")
    page_type, _ = ContentType.objects.using(using).get_or_create(
        app_label=app_label, model=model
    )
    for permission_type in ("change", "publish"):
        permission, _ = Permission.objects.using(using).get_or_create(
            content_type=page_type,
            codename=f"{permission_type}_{model}",
            defaults={"name": f"Can {permission_type} page"},
        )
        for page_id in page_ids:
            GroupPagePermission.objects.using(using).get_or_create(
                group=group, page_id=page_id, permission=permission
            )


def remove_workflow(apps, schema_editor):
    using = schema_editor.connection.alias
    apps.get_model("wagtailcore", "Workflow").objects.using(using).filter(
        name=WORKFLOW
    ).delete()
    apps.get_model("treatments_cms", "ClinicalSignOffTask").objects.using(
        using
    ).filter(name=TASK).delete()
    apps.get_model("auth", "Group").objects.using(using).filter(
        name=REVIEWERS
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("treatments_cms", "0007_editor_labels_practitioner_revisions_clinical_signoff"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
        migrations.swappable_dependency(
            getattr(settings, INDEX_SETTINGS[0], DEFAULT_INDEX_MODELS[0])
        ),
        migrations.swappable_dependency(
            getattr(settings, INDEX_SETTINGS[1], DEFAULT_INDEX_MODELS[1])
        ),
        migrations.swappable_dependency(
            getattr(settings, INDEX_SETTINGS[2], DEFAULT_INDEX_MODELS[2])
        ),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
