"""Fixtures for the enquiry tests: a stored enquiry and admin users by role.

Every user fixture can reach the Wagtail admin (``wagtailadmin.access_admin``)
so a test sees the enquiry permissions at work, not the admin's own gate.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from tests.factories import EnquiryFactory


def _permission(label):
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@pytest.fixture
def make_user(db):
    """``make_user("view_enquiry", "export_enquiry", groups=["Editors"])``.

    Bare codenames are enquiry permissions; ``app.codename`` names any other.
    """

    def make(*perms, username=None, groups=(), superuser=False, admin_access=True):
        user_model = get_user_model()
        username = username or f"user{user_model.objects.count() + 1}"
        if superuser:
            return user_model.objects.create_superuser(
                username, f"{username}@example.com", "password"
            )
        user = user_model.objects.create_user(
            username, f"{username}@example.com", "password"
        )
        labels = ["wagtailadmin.access_admin"] if admin_access else []
        labels += [p if "." in p else f"treatments_cms.{p}" for p in perms]
        user.user_permissions.add(*[_permission(label) for label in labels])
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        return user

    return make


@pytest.fixture
def editor_user(make_user):
    """A member of Wagtail's default "Editors" group, nothing else."""
    return make_user(username="editor", groups=["Editors"])


@pytest.fixture
def add_only_user(make_user):
    return make_user("add_enquiry", username="adder")


@pytest.fixture
def viewer_user(make_user):
    return make_user("view_enquiry", username="viewer")


@pytest.fixture
def exporter_user(make_user):
    return make_user("view_enquiry", "export_enquiry", username="exporter")


@pytest.fixture
def handler_user(make_user):
    """A member of the "Enquiry handlers" group the data migration creates."""
    return make_user(username="handler", groups=["Enquiry handlers"])


@pytest.fixture
def superuser(make_user):
    return make_user(username="boss", superuser=True)


@pytest.fixture
def enquiry(site_tree):
    """A new enquiry about the site tree's treatment, with one concern."""
    enquiry = EnquiryFactory(
        treatment=site_tree.treatment, consent_statement=site_tree.consent
    )
    enquiry.concerns.add(site_tree.condition)
    return enquiry
