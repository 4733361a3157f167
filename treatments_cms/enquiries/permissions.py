"""Who may see and handle enquiries.

Every action needs the explicit "view enquiry" permission first: a user with
only "add" (or any other single enquiry permission) sees nothing. Change,
delete and export are each granted on their own on top of it.

Which enquiries: a permission held only through a location's handlers group
("Enquiry handlers: Leeds", see ``location_groups``) reaches only that
location's enquiries; held any other way (the global "Enquiry handlers" group,
another group, the user's own permissions, a superuser) it reaches them all
(``enquiry_scope``). Every view of the inbox, its export, the dashboard panel
and the audit trail go through ``scoped``.
"""

from django.db.models import Q

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


def _location_groups():
    from ..models import LocationHandlerGroup

    return LocationHandlerGroup.objects.all()


def enquiry_scope(user, codename=VIEW):
    """Which enquiries ``user``'s ``codename`` permission reaches.

    ``None``: every enquiry. Otherwise the set of location ids whose enquiries
    it reaches (those of the location groups holding it), possibly empty.
    Whether the user holds the permission at all is ``can_view`` and the like;
    this only narrows it. Worked out once per user object.
    """
    if not (user and user.is_authenticated and user.is_active):
        return set()
    if user.is_superuser:
        return None
    cache = user.__dict__.setdefault("_treatments_cms_enquiry_scope", {})
    if codename not in cache:
        cache[codename] = _scope(user, codename)
    return cache[codename]


def _scope(user, codename):
    from django.contrib.auth.models import Group, Permission

    links = list(
        _location_groups()
        .filter(group__in=user.groups.all())
        .values_list("group_id", "location_id")
    )
    if not links:
        return None  # no location group: whatever grants the permission grants all
    location_group_ids = {group_id for group_id, _location in links}
    elsewhere = (
        Permission.objects.filter(
            content_type__app_label=APP_LABEL,
            content_type__model="enquiry",
            codename=codename,
        )
        .filter(
            Q(user=user)
            | Q(
                group__in=user.groups.exclude(pk__in=location_group_ids),
            )
        )
        .exists()
    )
    if elsewhere:
        return None
    held = set(
        Group.objects.filter(
            pk__in=location_group_ids,
            permissions__content_type__app_label=APP_LABEL,
            permissions__content_type__model="enquiry",
            permissions__codename=codename,
        ).values_list("pk", flat=True)
    )
    return {location for group_id, location in links if group_id in held}


def scoped(queryset, user, codename=VIEW):
    """``queryset`` of enquiries narrowed to those ``user``'s ``codename`` reaches."""
    scope = enquiry_scope(user, codename)
    if scope is None:
        return queryset
    return queryset.filter(location_id__in=scope)


def in_scope(user, enquiry, codename=VIEW):
    """True when ``user``'s ``codename`` permission reaches ``enquiry``."""
    scope = enquiry_scope(user, codename)
    return scope is None or enquiry.location_id in scope


def location_scope_q(user, codename=VIEW):
    """A ``Q`` on enquiries for ``user``'s scope (``Q()`` for all)."""
    scope = enquiry_scope(user, codename)
    return Q() if scope is None else Q(location_id__in=scope)


def handlers(location_ids=None):
    """Active members of the enquiry handlers group: the only possible assignees.

    Not every user who may view enquiries: a superuser or a viewer outside the
    group is not offered, and the edit form refuses them. With
    ``location_ids``, members of those locations' handlers groups as well.
    """
    from django.contrib.auth import get_user_model

    members = Q(groups__name=HANDLERS_GROUP_NAME)
    if location_ids:
        members |= Q(
            groups__in=_location_groups()
            .filter(location_id__in=location_ids)
            .values("group_id")
        )
    return get_user_model().objects.filter(members, is_active=True).distinct()
