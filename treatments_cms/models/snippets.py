"""Snippets: the practitioners who review pages and the enquiry consent text."""

import swapper
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin
from wagtail.search import index


class AbstractPractitioner(index.Indexed, models.Model):
    """A clinician named as a page's reviewer."""

    name = models.CharField(
        max_length=255, help_text=_("Full name, e.g. 'Dr Aoife Byrne'.")
    )
    role = models.CharField(
        max_length=255,
        help_text=_(
            "Job title as visitors should read it, e.g. 'Consultant dermatologist'."
        ),
    )
    regulator = models.CharField(
        max_length=255,
        blank=True,
        help_text=_(
            "The body the practitioner is registered with, e.g. 'GMC' or 'NMC'."
        ),
    )
    registration_number = models.CharField(
        max_length=50,
        blank=True,
        help_text=_(
            "Registration number with that regulator, so visitors can check it."
        ),
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("regulator"),
        FieldPanel("registration_number"),
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.name}, {self.role}"

    @property
    def registration_display(self):
        """For example "GMC 1234567"."""
        return " ".join(p for p in (self.regulator, self.registration_number) if p)


class Practitioner(AbstractPractitioner):
    """The default practitioner; ``TREATMENTS_CMS_PRACTITIONER_MODEL`` may name another."""

    class Meta:
        ordering = ["name"]
        verbose_name = _("practitioner")
        swappable = swapper.swappable_setting("treatments_cms", "Practitioner")


# The earlier name, kept for projects that build their own practitioner on it.
PractitionerMixin = AbstractPractitioner


class ConsentStatementQuerySet(models.QuerySet):
    def current(self):
        """The statement in force now: the latest whose start has passed."""
        return (
            self.filter(effective_from__lte=timezone.now())
            .order_by("-effective_from", "-pk")
            .first()
        )


class ConsentStatement(RevisionMixin, models.Model):
    """A version of the consent text the enquiry form asks visitors to accept.

    Versions are evidence, never overwritten: each enquiry records the version
    its visitor agreed to, and a version any enquiry references can be neither
    edited nor deleted. New wording is published as a new version. Revisions
    keep every saved state of a version that no enquiry references yet.
    """

    version = models.CharField(
        max_length=50,
        unique=True,
        help_text=_("A label for this wording, e.g. '2026-11'. Enquiries store it."),
    )
    text = models.TextField(
        help_text=_(
            "What the visitor agrees to by ticking the consent box: who processes "
            "their health information, why, and for how long."
        )
    )
    effective_from = models.DateTimeField(
        default=timezone.now,
        help_text=_(
            "From when the form shows this wording. The latest one started wins."
        ),
    )

    objects = ConsentStatementQuerySet.as_manager()

    panels = [FieldPanel("version"), FieldPanel("text"), FieldPanel("effective_from")]

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("consent statement")

    def __str__(self):
        return gettext("Consent statement %(version)s") % {"version": self.version}

    @property
    def enquiry_count(self):
        """How many enquiries record that their visitor agreed to this version."""
        return self.enquiries.count() if self.pk else 0

    def is_referenced(self):
        """Whether this version is evidence: an enquiry references it."""
        return self.pk is not None and self.enquiries.exists()

    def clean(self):
        """Refuse a change to a version enquiries reference.

        The admin refuses to edit such a version before its form is shown; this
        catches a visitor's enquiry arriving while the form was open.
        """
        super().clean()
        if not self.is_referenced():
            return
        stored = type(self).objects.get(pk=self.pk)
        if any(
            getattr(stored, name) != getattr(self, name)
            for name in ("version", "text", "effective_from")
        ):
            raise ValidationError(
                gettext(
                    "Enquiries now record that visitors agreed to this wording, so "
                    "it can no longer be changed. Write a new version instead."
                )
            )
