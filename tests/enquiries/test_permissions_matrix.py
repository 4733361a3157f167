"""Who can do what with enquiries in the admin: the permission matrix.

Only an explicit "view enquiry" permission shows any enquiry; change, delete
and export each need their own permission on top of it.
"""

import pytest
from django.urls import reverse

from treatments_cms.models import Enquiry, EnquiryStatus

pytestmark = pytest.mark.django_db

ACTIONS = ("list", "inspect", "edit", "delete", "export")
ALL = set(ACTIONS)

# role: (permissions or a group, the actions it may perform)
ROLES = {
    "anonymous": None,
    "editor": ({"groups": ["Editors"]}, set()),
    "add_only": ({"perms": ["add_enquiry"]}, set()),
    "change_without_view": ({"perms": ["change_enquiry", "delete_enquiry"]}, set()),
    "export_without_view": ({"perms": ["export_enquiry"]}, set()),
    "viewer": ({"perms": ["view_enquiry"]}, {"list", "inspect"}),
    "view_export": (
        {"perms": ["view_enquiry", "export_enquiry"]},
        {"list", "inspect", "export"},
    ),
    "view_change": (
        {"perms": ["view_enquiry", "change_enquiry"]},
        {"list", "inspect", "edit"},
    ),
    "handler": ({"groups": ["Enquiry handlers"]}, ALL),
    "superuser": ({"superuser": True}, ALL),
}


def action_url(action, pk):
    if action == "list":
        return reverse("treatments_cms_enquiry_modeladmin_index")
    if action == "export":
        return reverse("treatments_cms_enquiry_modeladmin_index") + "?export=csv"
    return reverse(f"treatments_cms_enquiry_modeladmin_{action}", args=[pk])


def login_as(client, make_user, role):
    if ROLES[role] is None:
        return None
    spec, _allowed = ROLES[role]
    user = make_user(
        *spec.get("perms", ()),
        groups=spec.get("groups", ()),
        superuser=spec.get("superuser", False),
    )
    client.force_login(user)
    return user


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def outcome(response):
    """ "ok", "login" or "denied" (Wagtail answers 403 or redirects to the dashboard)."""
    if response.status_code == 200:
        return "ok"
    if response.status_code == 302 and response["Location"].startswith(
        reverse("wagtailadmin_login")
    ):
        return "login"
    if response.status_code == 403 or (
        response.status_code == 302
        and response["Location"] == reverse("wagtailadmin_home")
    ):
        return "denied"
    return f"unexpected {response.status_code}"


@pytest.mark.parametrize("role", ROLES)
def test_matrix(client, make_user, enquiry, role):
    login_as(client, make_user, role)

    responses = {
        action: client.get(action_url(action, enquiry.pk)) for action in ACTIONS
    }
    home = client.get(reverse("wagtailadmin_home"))

    if ROLES[role] is None:
        expected = dict.fromkeys(ACTIONS, "login")
    else:
        allowed = ROLES[role][1]
        expected = {a: "ok" if a in allowed else "denied" for a in ACTIONS}
    assert {a: outcome(r) for a, r in responses.items()} == expected
    for action, response in responses.items():
        # Only an explicit view permission shows any enquiry.
        shown = enquiry.name in body(response)
        assert shown == (expected[action] == "ok" and action != "delete"), action
    if ROLES[role] is not None:
        # The "Enquiries" menu item only for those who may list them.
        assert home.status_code == 200
        menu_link = reverse("treatments_cms_enquiry_modeladmin_index") in body(home)
        assert menu_link == ("list" in ROLES[role][1])


@pytest.mark.parametrize("role", ["viewer", "view_export", "editor", "add_only"])
def test_denied_post_changes_nothing(client, make_user, enquiry, role):
    login_as(client, make_user, role)

    edit = client.post(
        action_url("edit", enquiry.pk),
        {"status": EnquiryStatus.CLOSED, "internal_notes": "changed"},
    )
    delete = client.post(action_url("delete", enquiry.pk))

    assert outcome(edit) == "denied"
    assert outcome(delete) == "denied"
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.NEW
    assert enquiry.internal_notes == ""


def test_delete_with_permission_removes_the_enquiry(client, make_user, enquiry):
    login_as(client, make_user, "handler")

    response = client.post(action_url("delete", enquiry.pk))

    assert response.status_code == 302
    assert not Enquiry.objects.filter(pk=enquiry.pk).exists()


@pytest.mark.parametrize("role", ["superuser", "handler"])
def test_nobody_creates_enquiries_in_the_admin(client, make_user, enquiry, role):
    login_as(client, make_user, role)

    create_url = reverse("treatments_cms_enquiry_modeladmin_create")
    assert outcome(client.get(create_url)) == "denied"
    staff_post = client.post(create_url, {"name": "Staff", "email": "s@example.com"})
    assert outcome(staff_post) == "denied"
    listing = client.get(action_url("list", enquiry.pk))
    assert create_url not in body(listing)
    assert Enquiry.objects.count() == 1


@pytest.mark.parametrize("role", ["editor", "add_only", "export_without_view"])
def test_history_view_needs_view_permission(client, make_user, enquiry, role):
    login_as(client, make_user, role)
    url = reverse("treatments_cms_enquiry_modeladmin_history", args=[enquiry.pk])
    assert outcome(client.get(url)) == "denied"


def test_enquiry_permissions_without_admin_access_get_nothing(
    client, make_user, enquiry
):
    user = make_user(
        "view_enquiry", "change_enquiry", "export_enquiry", admin_access=False
    )
    client.force_login(user)

    for action in ACTIONS:
        response = client.get(action_url(action, enquiry.pk))
        assert outcome(response) in ("login", "denied"), action
        assert enquiry.name not in body(response)
