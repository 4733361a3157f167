"""Create the "Enquiry handlers" group; keep enquiry permissions away from "Editors".

Enquiries hold health information: only people who handle them may see them.
The handlers group gets view, change, delete and export enquiry plus access to
the Wagtail admin. Wagtail's default "Editors" group gets none of them.
Idempotent: running it again changes nothing.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

HANDLERS = "Enquiry handlers"
EDITORS = "Editors"
ENQUIRY_PERMISSIONS = (
    ("view_enquiry", "Can view enquiry"),
    ("change_enquiry", "Can change enquiry"),
    ("delete_enquiry", "Can delete enquiry"),
    ("export_enquiry", "Can export enquiries"),
)


def enquiry_permissions(apps, using):
    # Django creates permissions after all migrations have run; make sure this
    # app's exist now (a fresh database has none yet).
    app_config = apps.get_app_config("treatments_cms")
    app_config.models_module = True
    try:
        create_permissions(app_config, verbosity=0, apps=apps, using=using)
    finally:
        app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.using(using).get_or_create(
        app_label="treatments_cms", model="enquiry"
    )
    return [
        Permission.objects.using(using).get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in ENQUIRY_PERMISSIONS
    ]


def create_handlers_group(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    permissions = enquiry_permissions(apps, using)
    admin_type, _ = ContentType.objects.using(using).get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    access_admin, _ = Permission.objects.using(using).get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )

    handlers, _ = Group.objects.using(using).get_or_create(name=HANDLERS)
    handlers.permissions.add(access_admin, *permissions)

    for editors in Group.objects.using(using).filter(name=EDITORS):
        editors.permissions.remove(*permissions)


def remove_handlers_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=HANDLERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        *(
            # wagtaildocs gives "choose document" to every group that can reach
            # the admin when it adds that permission: run after it, so the
            # handlers group holds exactly the enquiry permissions.
            [("wagtaildocs", "0011_add_choose_permissions")]
            if global_apps.is_installed("wagtail.documents")
            else []
        ),
        ("treatments_cms", "0002_enquiries"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_handlers_group, remove_handlers_group),
    ]
