"""Snippets: the practitioners who review pages and the enquiry consent text."""

from urllib.parse import quote

import swapper
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import RevisionMixin
from wagtail.search import index

# The UK regulators with a public register, keyed by the abbreviation editors
# type (matched ignoring case): the regulator's name and the address of the
# register, with ``{number}`` where the register can open a registrant's entry
# directly; otherwise the register's search page, where visitors type it.
PUBLIC_REGISTERS = {
    "GMC": (
        _("General Medical Council"),
        "https://www.gmc-uk.org/doctors/{number}",
    ),
    "NMC": (
        _("Nursing and Midwifery Council"),
        "https://www.nmc.org.uk/registration/search-the-register/",
    ),
    "GDC": (
        _("General Dental Council"),
        "https://olr.gdc-uk.org/SearchRegister/SearchResult?RegistrationNumber={number}",
    ),
    "GPHC": (
        _("General Pharmaceutical Council"),
        "https://www.pharmacyregulation.org/registers",
    ),
    "HCPC": (
        _("Health and Care Professions Council"),
        "https://www.hcpc-uk.org/check-the-register/",
    ),
}

REGISTRATION_PAIR_MESSAGE = _(
    "Give both the regulator and the registration number, or neither: "
    "visitors need both to check a registration."
)


def register_url(regulator, number):
    """The public register address for ``number`` with ``regulator``, or ""."""
    entry = PUBLIC_REGISTERS.get((regulator or "").strip().upper())
    if entry is None or not (number or "").strip():
        return ""
    return entry[1].format(number=quote(number.strip()))


class AbstractPractitioner(RevisionMixin, index.Indexed, models.Model):
    """A clinician named as a page's reviewer.

    Linked to an admin user, the practitioner can sign off pages in the
    "Clinical content" workflow; the sign-off names them as the reviewer.
    Revisions keep every saved state, so the history shows who changed what.
    """

    name = models.CharField(
        _("name"), max_length=255, help_text=_("Full name, e.g. 'Dr Aoife Byrne'.")
    )
    role = models.CharField(
        _("role"),
        max_length=255,
        help_text=_(
            "Job title as visitors should read it, e.g. 'Consultant dermatologist'."
        ),
    )
    regulator = models.CharField(
        _("regulator"),
        max_length=255,
        blank=True,
        help_text=_(
            "The body the practitioner is registered with, e.g. 'GMC' or 'NMC'. "
            "For the GMC, NMC, GDC, GPhC and HCPC the page links to their "
            "public register."
        ),
    )
    registration_number = models.CharField(
        _("registration number"),
        max_length=50,
        blank=True,
        help_text=_(
            "Registration number with that regulator, so visitors can check it."
        ),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("admin user"),
        help_text=_(
            "The practitioner's own login. Needed to sign off pages as a "
            "clinical reviewer: the sign-off names this practitioner."
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
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("regulator"), FieldPanel("registration_number")]
                )
            ],
            heading=_("Registration"),
        ),
        FieldPanel("user"),
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.name}, {self.role}"

    def clean(self):
        super().clean()
        self.regulator = (self.regulator or "").strip()
        self.registration_number = (self.registration_number or "").strip()
        if bool(self.regulator) != bool(self.registration_number):
            missing = "registration_number" if self.regulator else "regulator"
            raise ValidationError({missing: REGISTRATION_PAIR_MESSAGE})

    @property
    def has_registration(self):
        return bool(self.regulator.strip() and self.registration_number.strip())

    @property
    def registration_display(self):
        """For example "GMC 1234567"; "" unless both halves are known."""
        if not self.has_registration:
            return ""
        return f"{self.regulator.strip()} {self.registration_number.strip()}"

    @property
    def register_url(self):
        """The regulator's public register for this registration, or ""."""
        if not self.has_registration:
            return ""
        return register_url(self.regulator, self.registration_number)

    @classmethod
    def for_user(cls, user):
        """The practitioner linked to ``user``, or None."""
        if user is None or not user.is_authenticated:
            return None
        return cls.objects.filter(user=user).first()


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
