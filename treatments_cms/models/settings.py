"""Per-site clinic details, editable in Settings > Clinic settings."""

import swapper
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, validate_email
from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting

from ..conf import app_settings


def default_retention_days():
    return app_settings.ENQUIRY_RETENTION_DAYS


def split_recipients(value):
    """Email addresses from a comma- or line-separated list."""
    return [
        part.strip() for part in value.replace("\n", ",").split(",") if part.strip()
    ]


class ClinicSettings(BaseSiteSetting):
    """Who the clinic is and how it handles enquiries, per site."""

    clinic_name = models.CharField(
        max_length=255,
        help_text=_("Shown in the site header, emails and search-engine data."),
    )
    address = models.TextField(
        blank=True, help_text=_("Postal address, one line per line.")
    )
    phone = models.CharField(
        max_length=50, blank=True, help_text=_("Public phone number.")
    )
    email = models.EmailField(blank=True, help_text=_("Public contact email address."))
    privacy_page = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The privacy notice linked from every page and the enquiry form."),
    )
    notification_recipients = models.TextField(
        blank=True,
        help_text=_(
            "Who is emailed when an enquiry arrives, one address per line. Only "
            "superusers can change this."
        ),
    )
    enquiry_retention_days = models.PositiveIntegerField(
        default=default_retention_days,
        validators=[MinValueValidator(1)],
        help_text=_("Enquiries older than this many days are deleted by the purge."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("clinic_name"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("privacy_page"),
            ],
            heading=_("Clinic"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("notification_recipients", permission="superuser"),
                FieldPanel("enquiry_retention_days", permission="superuser"),
            ],
            heading=_("Enquiries"),
        ),
    ]

    class Meta:
        verbose_name = _("clinic settings")

    def __str__(self):
        return self.clinic_name or gettext("Clinic settings")

    def clean(self):
        super().clean()
        for address in self.recipient_list:
            try:
                validate_email(address)
            except ValidationError:
                raise ValidationError(
                    {
                        "notification_recipients": gettext(
                            "'%(address)s' is not an email address."
                        )
                        % {"address": address}
                    }
                ) from None
        self._check_retention_floor()

    def _check_retention_floor(self):
        """Refuse a new retention period under ``ENQUIRY_RETENTION_MIN_DAYS``.

        A value already stored (set before the floor was raised, or directly in
        the database) is left alone, so saving other fields still works; the
        purge never applies less than the floor anyway.
        """
        floor = app_settings.ENQUIRY_RETENTION_MIN_DAYS
        days = self.enquiry_retention_days
        if days is None or days >= floor:
            return
        stored = (
            type(self)
            .objects.filter(pk=self.pk)
            .values_list("enquiry_retention_days", flat=True)
            .first()
            if self.pk
            else None
        )
        if days != stored:
            raise ValidationError(
                {
                    "enquiry_retention_days": ngettext(
                        "Keep enquiries for at least %(floor)d day: a shorter "
                        "period would let the next purge delete recent enquiries "
                        "in bulk.",
                        "Keep enquiries for at least %(floor)d days: a shorter "
                        "period would let the next purge delete recent enquiries "
                        "in bulk.",
                        floor,
                    )
                    % {"floor": floor}
                }
            )

    @property
    def recipient_list(self):
        return split_recipients(self.notification_recipients)
