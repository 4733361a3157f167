"""One enquiry handlers group per clinic (location page).

Each location gets its own group, "Enquiry handlers: Leeds", created when the
location is and renamed with it (``enquiries/location_groups.py``). Its members
see, export, edit and delete only that location's enquiries; the global
"Enquiry handlers" group sees them all (``enquiries/permissions.py``).

The link is kept here, outside the page, so page revisions, copies and
reverted drafts never carry or overwrite it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import swappable


class LocationHandlerGroup(models.Model):
    """The group whose members handle one location's enquiries."""

    location = models.OneToOneField(
        swappable.get_location_page_model_string(),
        on_delete=models.CASCADE,
        related_name="+",
    )
    group = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("location's enquiry handlers group")
        verbose_name_plural = _("locations' enquiry handlers groups")

    def __str__(self):
        return str(self.group)
