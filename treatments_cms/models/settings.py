"""Per-site clinic details, editable in Settings > Clinic settings."""

import swapper
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, validate_email
from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images import get_image_model_string

from ..conf import app_settings

# The currencies prices can be shown in: ISO 4217 code and name.
CURRENCY_CHOICES = [
    ("GBP", _("Pound sterling (£)")),
    ("EUR", _("Euro (€)")),
    ("USD", _("US dollar ($)")),
    ("CHF", _("Swiss franc (CHF)")),
    ("AUD", _("Australian dollar (A$)")),
    ("CAD", _("Canadian dollar (CA$)")),
]


def default_retention_days():
    return app_settings.ENQUIRY_RETENTION_DAYS


def default_reply_by():
    return gettext("A member of our clinical team")


def default_reply_within():
    return gettext("two working days")


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
    logo = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The clinic's logo, shown in the site header beside the clinic name. "
            "A wide picture on a transparent background works best."
        ),
    )
    logo_alt = models.CharField(
        _("logo description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_(
            "Leave empty when the clinic name is shown beside the logo (the "
            "usual case); otherwise write the words the logo shows."
        ),
    )
    enquiry_reply_by = models.CharField(
        _("who replies to enquiries"),
        max_length=150,
        blank=True,
        default=default_reply_by,
        help_text=_(
            "Shown on the thank-you page after an enquiry, e.g. 'A member of our "
            "clinical team'."
        ),
    )
    enquiry_reply_within = models.CharField(
        _("how soon the clinic replies"),
        max_length=150,
        blank=True,
        default=default_reply_within,
        help_text=_(
            "Shown on the thank-you page, e.g. 'two working days'. Promise only "
            "what the clinic can keep."
        ),
    )
    notification_recipients = models.TextField(
        blank=True,
        help_text=_(
            "Who is emailed when an enquiry arrives, one address per line. Only "
            "superusers can change this."
        ),
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        choices=CURRENCY_CHOICES,
        default="GBP",
        help_text=_(
            "The currency of every price on this site (ISO 4217 code), e.g. "
            "'GBP' for pounds or 'EUR' for euros."
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
                FieldPanel("currency"),
            ],
            heading=_("Clinic"),
        ),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("logo_alt")],
            heading=_("Logo"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("enquiry_reply_by"),
                FieldPanel("enquiry_reply_within"),
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
