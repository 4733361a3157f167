"""Enquiry actions written to Wagtail's audit log (the site history report).

Log entries name an enquiry only by its number ("Enquiry #12") and carry
counts, formats and ids: never the visitor's name, email, message, concerns or
the treatment asked about. Erased and purged enquiries are logged just before
they are deleted, so the entry keeps its content type and object id.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry

VIEW = "treatments_cms.enquiry.view"
EXPORT = "treatments_cms.enquiry.export"
ERASE = "treatments_cms.enquiry.erase"
PURGE = "treatments_cms.enquiry.purge"

ACTIONS = (
    (VIEW, _("View enquiry"), _("Viewed")),
    (EXPORT, _("Export enquiries"), _("Exported")),
    (
        ERASE,
        _("Erase enquiries (data subject request)"),
        _("Erased at the person's request"),
    ),
    (
        PURGE,
        _("Purge enquiries (retention period)"),
        _("Purged after the retention period"),
    ),
)


def register_log_actions(actions):
    """The ``register_log_actions`` hook: the enquiry audit actions and log model."""
    from treatments_cms.models import Enquiry, EnquiryLogEntry

    actions.register_model(Enquiry, EnquiryLogEntry)
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)


def neutral_title(pk):
    """An enquiry's name in titles and log entries: its number, nothing it holds."""
    return gettext("Enquiry #%(number)s") % {"number": pk}


def log_enquiry_viewed(enquiry, user):
    return log(
        instance=enquiry,
        action=VIEW,
        user=user,
        title=neutral_title(enquiry.pk),
        data={"enquiry_id": enquiry.pk},
    )


def log_enquiries(ids, action, user=None, data=None):
    """Write one entry per enquiry id, sharing one uuid; returns the count.

    Bulk-created, so a purge of thousands of rows costs a few queries.
    """
    from treatments_cms.models import Enquiry

    ids = list(ids)
    if not ids:
        return 0
    log_model = log_registry.get_log_model_for_model(Enquiry)
    content_type = ContentType.objects.get_for_model(Enquiry)
    shared = {
        "content_type": content_type,
        "action": action,
        "user": user if user is not None and user.is_authenticated else None,
        "uuid": uuid.uuid4(),
        "timestamp": timezone.now(),
    }
    entry_data = {"count": len(ids), **(data or {})}
    log_model.objects.bulk_create(
        [
            log_model(
                object_id=str(pk),
                label=neutral_title(pk),
                data=entry_data,
                **shared,
            )
            for pk in ids
        ],
        batch_size=500,
    )
    return len(ids)
