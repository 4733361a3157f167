"""Suitability enquiries: a visitor asks the clinic to assess whether a treatment suits them.

An enquiry holds health information. It is shown only to users with the
enquiry permissions, never written to logs, emails, URLs or caches, and purged
after the retention period.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Cast
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models.audit_log import BaseLogEntry, ModelLogEntryManager

from .. import swappable
from ..emails import email_match_key


class EnquiryStatus(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    BOOKED = "booked", _("Booked")
    NOT_SUITABLE = "not_suitable", _("Not suitable")
    CLOSED = "closed", _("Closed")


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    # Claimed by one worker or retry run; nobody else sends it meanwhile.
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Enquiry(models.Model):
    """A visitor's request for a clinician's assessment, and its handling."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    # What the visitor sent (read-only in the admin).
    treatment = models.ForeignKey(
        swappable.get_treatment_page_model_string(),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    treatment_title = models.CharField(
        max_length=255,
        help_text=_("The treatment's title when the enquiry was sent."),
    )
    # The clinic the visitor chose ("no preference": empty). Its recipients are
    # told, and a location's handlers see only its enquiries.
    location = models.ForeignKey(
        swappable.get_location_page_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("clinic"),
    )
    # The Wagtail site the form was sent on: its clinic settings give the
    # fallback recipients and the retention period. Empty for an enquiry stored
    # before enquiries recorded their site (its treatment's site is used then)
    # or whose site was deleted (the default site's).
    site = models.ForeignKey(
        "wagtailcore.Site",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    name = models.CharField(max_length=150)
    email = models.EmailField(db_index=True)
    # The address in one form for matching (export and erasure find every row
    # of a person): NFC, invisible characters removed, case-folded, domain in
    # its ASCII (IDNA) form. Kept in step with ``email`` by ``save()``.
    email_key = models.CharField(
        max_length=512, db_index=True, blank=True, editable=False
    )
    phone = models.CharField(max_length=40, blank=True)
    contact_method = models.CharField(
        max_length=10, choices=ContactMethod.choices, default=ContactMethod.EMAIL
    )
    concerns = models.ManyToManyField(
        swappable.get_condition_page_model_string(), blank=True, related_name="+"
    )
    message = models.TextField(blank=True)
    is_adult = models.BooleanField(default=False)
    consent_statement = models.ForeignKey(
        "treatments_cms.ConsentStatement",
        null=True,
        on_delete=models.PROTECT,
        related_name="enquiries",
    )
    consent_version = models.CharField(max_length=50)
    consented_at = models.DateTimeField()
    marketing_opt_in = models.BooleanField(default=False)
    # Answers to fields a project adds on its own enquiry form class, by field
    # name, with the question as asked:
    # {"heard_about_us": {"label": "How did you hear about us?", "value": "A friend"}}.
    # Shown in the inbox and the exports (EnquiryForm.get_extra_answers()).
    extra_answers = models.JSONField(default=dict, blank=True, editable=False)
    # One per rendered form: a double-clicked submit stores one enquiry.
    # NULL, not "", so enquiries saved without a key (e.g. imports) stay unique.
    submission_key = models.CharField(max_length=64, unique=True, null=True)  # noqa: DJ001

    # How the clinic is handling it (editable in the admin).
    status = models.CharField(
        max_length=20,
        choices=EnquiryStatus.choices,
        default=EnquiryStatus.NEW,
        db_index=True,
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who is handling this enquiry."),
    )
    internal_notes = models.TextField(
        blank=True, help_text=_("Seen only by staff who handle enquiries.")
    )

    # Notification outbox: the clinic is told after commit; failures are retried.
    notification_status = models.CharField(
        max_length=10,
        choices=NotificationStatus.choices,
        default=NotificationStatus.PENDING,
        db_index=True,
    )
    notification_attempts = models.PositiveSmallIntegerField(default=0)
    notified_at = models.DateTimeField(null=True, blank=True)
    # When a worker or retry run claimed the notification (status "sending"); a
    # claim older than the lease is taken to have died and may be claimed again.
    notification_claimed_at = models.DateTimeField(
        null=True, blank=True, editable=False
    )
    notification_error = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("The mail error's type only; never any enquiry content."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        permissions = [("export_enquiry", _("Can export enquiries"))]

    def __str__(self):
        return gettext("Enquiry #%(number)s about %(treatment)s") % {
            "number": self.pk,
            "treatment": self.treatment_title,
        }

    def save(self, *args, **kwargs):
        self.email_key = email_match_key(self.email)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "email" in update_fields:
            kwargs["update_fields"] = {*update_fields, "email_key"}
        super().save(*args, **kwargs)

    def needs_doctor_first_concerns(self):
        """The concerns named that a doctor must see first, by title.

        The flag is the condition's now: an enquiry stored before the form
        refused them, or before the condition was ticked, names them too.
        Uses prefetched ``concerns`` when there are any.
        """
        return sorted(
            (c for c in self.concerns.all() if c.requires_medical_assessment),
            key=lambda condition: condition.title,
        )


class EnquiryLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        """Only people who may view enquiries see their audit trail.

        Wagtail's default shows a model's log entries to anyone holding any one
        permission on it (change, export or delete alone).
        """
        from ..enquiries.permissions import can_view, enquiry_scope

        if not can_view(user):
            return self.none()
        scope = enquiry_scope(user)
        if scope is None:
            return self.all()
        # A location's handlers: the trail of that location's enquiries only.
        ids = (
            Enquiry.objects.filter(location_id__in=scope)
            .annotate(object_key=Cast("pk", models.CharField()))
            .values("object_key")
        )
        return self.filter(object_id__in=ids)


class EnquiryLogEntry(BaseLogEntry):
    """The enquiry audit trail, kept apart from other models' log entries."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = EnquiryLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("enquiry log entry")
        verbose_name_plural = _("enquiry log entries")

    def __str__(self):
        return f"EnquiryLogEntry {self.pk}: {self.action} on enquiry {self.object_id}"
