"""One enquiry handlers group per clinic, created with the location page.

When a location page is created (in the admin, by a copy, or by code) its
group "Enquiry handlers: <title>" is created with it, holding the enquiry
permissions and access to the admin; it is renamed when the location's title
changes (a draft's new title waits for publishing) and deleted with the
location. ``LocationHandlerGroup`` links the two. A member of such a group sees
only that location's enquiries (``permissions.enquiry_scope``).
"""

from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS, DatabaseError, transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext

from ..models import AbstractLocationPage, LocationHandlerGroup
from . import permissions

GROUP_NAME_MAX_LENGTH = Group._meta.get_field("name").max_length


def group_name(location, exclude_pk=None):
    """ "Enquiry handlers: Leeds"; with the location's id added when another
    group already has that name (two sites each with a "Leeds")."""
    # Translators: the name of one clinic's enquiry handlers group.
    name = gettext("Enquiry handlers: %(location)s") % {"location": location.title}
    name = name[:GROUP_NAME_MAX_LENGTH]
    taken = Group.objects.filter(name=name).exclude(pk=exclude_pk).exists()
    if not taken:
        return name
    suffix = f" ({location.pk})"
    return name[: GROUP_NAME_MAX_LENGTH - len(suffix)] + suffix


def handler_permissions():
    """The enquiry permissions a handlers group holds, and access to the admin."""
    enquiry_perms = Permission.objects.filter(
        content_type__app_label=permissions.APP_LABEL,
        content_type__model="enquiry",
        codename__in=permissions.HANDLER_PERMISSIONS,
    )
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    return [*enquiry_perms, *admin_access]


def group_for(location, create=True):
    """The location's handlers group, created (with its permissions) if missing."""
    link = (
        LocationHandlerGroup.objects.select_related("group")
        .filter(location_id=location.pk)
        .first()
    )
    if link is not None:
        return link.group
    if not create:
        return None
    with transaction.atomic():
        group = Group.objects.create(name=group_name(location))
        group.permissions.set(handler_permissions())
        LocationHandlerGroup.objects.create(location_id=location.pk, group=group)
    return group


def rename_group(location):
    """Give the location's group the location's current title."""
    group = group_for(location)
    wanted = gettext("Enquiry handlers: %(location)s") % {"location": location.title}
    if group.name == wanted[:GROUP_NAME_MAX_LENGTH]:
        return group
    name = group_name(location, exclude_pk=group.pk)
    if name != group.name:
        Group.objects.filter(pk=group.pk).update(name=name)
        group.name = name
    return group


def location_saved(sender, instance, created=False, raw=False, **kwargs):
    """``post_save``: a new location gets its group; a new live title renames it.

    Saving a draft writes the page with ``update_fields`` that leave the live
    title alone: the group keeps its name until the new title is published.
    """
    if raw or not isinstance(instance, AbstractLocationPage):
        return
    update_fields = kwargs.get("update_fields")
    if created or update_fields is None or "title" in update_fields:
        rename_group(instance)
    else:
        group_for(instance)


def link_deleted(sender, instance, **kwargs):
    """``post_delete``: the location is gone, so is its group.

    A group left behind would hold the enquiry permissions without a location
    to limit them: its members would see every enquiry.
    """
    Group.objects.filter(pk=instance.group_id).delete()


def ensure_groups(**kwargs):
    """``post_migrate``: a group for every location that has none.

    Locations created before this code ran (or whose group an administrator
    deleted) get theirs here, and on their next save.
    """
    from ..swappable import get_location_page_model

    if kwargs.get("using", DEFAULT_DB_ALIAS) != DEFAULT_DB_ALIAS:
        return
    model = get_location_page_model()
    missing = model.objects.exclude(
        pk__in=LocationHandlerGroup.objects.values("location_id")
    )
    try:
        locations = list(missing)
    except DatabaseError:  # migrated backwards: the tables are gone
        return
    for location in locations:
        group_for(location)


def connect(app_config=None):
    """Connect the receivers (``TreatmentsCmsConfig.ready``)."""
    if app_config is not None:
        post_migrate.connect(
            ensure_groups,
            sender=app_config,
            dispatch_uid="treatments_cms_location_groups_ensured",
        )
    post_save.connect(location_saved, dispatch_uid="treatments_cms_location_group")
    post_delete.connect(
        link_deleted,
        sender=LocationHandlerGroup,
        dispatch_uid="treatments_cms_location_group_deleted",
    )
