"""Who may see and handle enquiries.

Every action needs the explicit "view enquiry" permission first: a user with
only "add" (or any other single enquiry permission) sees nothing. Change,
delete and export are each granted on their own on top of it.
"""

APP_LABEL = "treatments_cms"

VIEW = "view_enquiry"
CHANGE = "change_enquiry"
DELETE = "delete_enquiry"
EXPORT = "export_enquiry"

# The permissions the "Enquiry handlers" group holds.
HANDLER_PERMISSIONS = (VIEW, CHANGE, DELETE, EXPORT)
HANDLERS_GROUP_NAME = "Enquiry handlers"


def _has(user, codename):
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and user.has_perm(f"{APP_LABEL}.{codename}")
    )


def can_view(user):
    """List and inspect enquiries (and see the dashboard panel)."""
    return _has(user, VIEW)


def can_change(user):
    """Set status, assignee and internal notes."""
    return can_view(user) and _has(user, CHANGE)


def can_delete(user):
    return can_view(user) and _has(user, DELETE)


def can_export(user):
    """Download enquiries as a spreadsheet."""
    return can_view(user) and _has(user, EXPORT)


def handlers():
    """Active members of the enquiry handlers group: the only possible assignees.

    Not every user who may view enquiries: a superuser or a viewer outside the
    group is not offered, and the edit form refuses them.
    """
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        is_active=True, groups__name=HANDLERS_GROUP_NAME
    )
