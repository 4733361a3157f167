"""Snippets: the practitioners who review pages and the enquiry consent text."""

from urllib.parse import quote

import swapper
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.images import get_image_model_string
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


class AbstractPractitioner(RevisionMixin, index.Indexed, ClusterableModel):
    """A clinician: a page's reviewer, and a public profile where they work.

    Linked to an admin user, the practitioner can sign off pages in the
    "Clinical content" workflow; the sign-off names them as the reviewer.
    Revisions keep every saved state, so the history shows who changed what.
    A practitioner who works at a clinic (a location page lists them) has a
    public profile under the locations index; the treatments they perform are
    edited here, and treatment pages derive "Who performs it" from them.
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
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        blank=True,
        allow_unicode=True,
        help_text=_(
            "The last part of the profile's address, e.g. 'aoife-byrne'. Left "
            "empty, it is made from the name."
        ),
    )
    qualifications = models.CharField(
        _("qualifications"),
        max_length=255,
        blank=True,
        help_text=_(
            "Letters and degrees as visitors should read them, e.g. 'MBChB, MRCP'."
        ),
    )
    biography = models.TextField(
        _("about"),
        blank=True,
        help_text=_(
            "A short plain paragraph for the public profile: experience and "
            "what the practitioner focuses on. No claims of results."
        ),
    )
    photo = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
        help_text=_("A portrait for the public profile and the practitioner cards."),
    )
    photo_alt = models.CharField(
        _("photo description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the photo shows, e.g. 'Dr Aoife Byrne smiling, in a white "
            "coat'. Left empty, the practitioner's name is used."
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
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("qualifications"),
                FieldPanel("biography"),
                FieldRowPanel([FieldPanel("photo"), FieldPanel("photo_alt")]),
                InlinePanel(
                    "treatment_links",
                    heading=_("Treatments performed"),
                    label=_("Treatment"),
                ),
            ],
            heading=_("Public profile"),
        ),
        FieldPanel("user"),
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.name}, {self.role}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        super().save(*args, **kwargs)

    def unique_slug(self):
        """A slug made from the name, numbered when another practitioner has it."""
        base = slugify(self.name, allow_unicode=True)[:240] or "practitioner"
        others = type(self)._default_manager.exclude(pk=self.pk)
        slug, number = base, 1
        while others.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    def clean(self):
        super().clean()
        if (
            self.slug
            and type(self)
            ._default_manager.exclude(pk=self.pk)
            .filter(slug=self.slug)
            .exists()
        ):
            raise ValidationError(
                {"slug": gettext("Another practitioner's profile has this address.")}
            )
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

    @property
    def photo_alt_text(self):
        """The ``alt`` text of the photo: the description, else the name."""
        return (self.photo_alt or "").strip() or self.name

    @property
    def regulator_name(self):
        """The regulator's full name when known ("General Medical Council"), else as typed."""
        entry = PUBLIC_REGISTERS.get((self.regulator or "").strip().upper())
        return str(entry[0]) if entry else (self.regulator or "").strip()

    def get_locations(self, index=None, request=None):
        """The live, public clinics of the request's site this practitioner
        works at (under ``index``), in explorer order."""
        from .links import live_public
        from .mixins import page_model

        locations = live_public(page_model("LocationPage"), request).filter(
            practitioner_links__practitioner=self
        )
        if index is not None:
            locations = locations.descendant_of(index)
        return list(
            locations.distinct()
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("path")
        )

    def get_treatments(self, request=None):
        """The live, public treatments of the request's site this practitioner
        performs, in editor order."""
        from ..public import public_scope

        links = (
            self.treatment_links.filter(public_scope(request).q("treatment__"))
            .select_related("treatment", "treatment__image")
            .prefetch_related("treatment__image__renditions")
            .order_by("sort_order")
        )
        return [link.treatment for link in links]

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
