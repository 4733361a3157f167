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
    """Active users who may be assigned an enquiry: those who can view enquiries."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    perm = Permission.objects.filter(content_type__app_label=APP_LABEL, codename=VIEW)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=perm)
            | Q(groups__permissions__in=perm)
        )
        .distinct()
    )
