"""The data migration's groups: handlers get the enquiry permissions, Editors none."""

import importlib
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.loader import MigrationLoader

pytestmark = pytest.mark.django_db

MIGRATION = ("treatments_cms", "0003_enquiry_handlers_group")
HANDLER_PERMS = {
    "wagtailadmin.access_admin",
    "treatments_cms.view_enquiry",
    "treatments_cms.change_enquiry",
    "treatments_cms.delete_enquiry",
    "treatments_cms.export_enquiry",
}


def group_perms(name):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=name).permissions.select_related("content_type")
    }


def test_handlers_group_has_exactly_the_enquiry_permissions():
    assert group_perms("Enquiry handlers") == HANDLER_PERMS


def test_editors_group_has_no_enquiry_permission():
    editors = group_perms("Editors")
    assert "wagtailadmin.access_admin" in editors  # still an admin group
    assert not {p for p in editors if p.startswith("treatments_cms.")}


def test_migration_is_idempotent_and_reversible():
    module = importlib.import_module("treatments_cms.migrations." + MIGRATION[1])
    state_apps = MigrationLoader(connection).project_state(MIGRATION).apps
    schema_editor = SimpleNamespace(connection=connection)
    # An Editors group that was given an enquiry permission by hand loses it.
    Group.objects.get(name="Editors").permissions.add(
        Permission.objects.get(codename="view_enquiry")
    )

    module.create_handlers_group(state_apps, schema_editor)
    module.create_handlers_group(state_apps, schema_editor)

    assert Group.objects.filter(name="Enquiry handlers").count() == 1
    assert group_perms("Enquiry handlers") == HANDLER_PERMS
    assert not {p for p in group_perms("Editors") if p.startswith("treatments_cms.")}

    module.remove_handlers_group(state_apps, schema_editor)
    assert not Group.objects.filter(name="Enquiry handlers").exists()
