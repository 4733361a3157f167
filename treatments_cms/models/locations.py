"""Location pages: the clinics of a group, under a locations index.

A location has a structured address, opening hours (weekly rows and dated
exceptions such as bank holidays), the treatments offered there with an
optional local price, and the practitioners who work there. Each relation is
edited on the location page and derived on the other side: a treatment's
"Where you can have it" and a practitioner's locations come from these rows.

The locations index also serves each practitioner's public profile
(``<index>/practitioners/<slug>/``) through Wagtail's ``RoutablePageMixin``.
"""

import datetime
from urllib.parse import quote, urlencode

from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
    validate_email,
)
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from .. import swappable
from ..api import (
    LocationAddressField,
    LocationHoursField,
    LocationPractitionersField,
    LocationTreatmentsField,
    rich_text_fields,
)
from ..public import public_scope
from .indexes import AbstractIndexPage
from .links import visible_links
from .mixins import (
    PageFamily,
    SummaryMixin,
    TabbedEditHandlerMixin,
    page_model,
    rich_text_field,
)
from .settings import split_recipients

PRICE_VALIDATORS = [MinValueValidator(0, _("The price cannot be negative."))]


class Weekday(models.IntegerChoices):
    """Days of the week, Monday first (``datetime.date.weekday()``)."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


# How far ahead the location page lists changed opening hours.
UPCOMING_EXCEPTION_DAYS = 60


class AbstractLocationIndexPage(RoutablePageMixin, AbstractIndexPage):
    """The list of the group's clinics; it also serves each practitioner's profile."""

    listed_model_name = "LocationPage"
    listing_name = "locations"

    introduction = models.TextField(
        blank=True, help_text=_("A short paragraph above the list of clinics.")
    )

    class Meta:
        abstract = True

    def get_locations(self, request=None):
        return self.get_listed_pages(request)

    # --- practitioner profiles ---------------------------------------------

    def get_profile_practitioners(self, request=None):
        """Practitioners who work at a live, public location under this index.

        Only they have a profile on this site: a practitioner is listed where
        they work, never on another site's pages.
        """
        practitioner_model = swappable.get_practitioner_model()
        return (
            practitioner_model.objects.filter(
                # A multi-valued relation: a subquery, not the scope's Q (see
                # PublicScope.q), so one private clinic hides no practitioner.
                location_links__page__in=public_scope(request)
                .pages(page_model("LocationPage"))
                .filter(path__startswith=self.path),
            )
            .exclude(slug="")
            .distinct()
        )

    def practitioner_url(self, practitioner, request=None):
        """The address of ``practitioner``'s profile under this index."""
        return profile_url(self.get_url(request), practitioner)

    @path("practitioners/<str:slug>/", name="practitioner")
    def practitioner_profile(self, request, slug):
        """A practitioner's public profile: photo, registration, treatments, locations."""
        practitioner = (
            self.get_profile_practitioners(request)
            .filter(slug=slug)
            .select_related("photo")
            .first()
        )
        if practitioner is None:
            raise Http404
        return TemplateResponse(
            request,
            self.get_profile_template(),
            self.get_profile_context(request, practitioner),
        )

    def get_profile_context(self, request, practitioner):
        """What the profile template needs. There is no ``page``: the head tags
        and breadcrumbs name the practitioner, not this index."""
        return {
            "request": request,
            "location_index": self,
            "practitioner": practitioner,
            "practitioner_url": self.practitioner_url(practitioner, request),
            "practitioner_description": practitioner_description(practitioner),
            "practitioner_locations": practitioner.get_locations(self, request),
            "practitioner_treatments": practitioner.get_treatments(request),
        }

    def get_profile_template(self):
        return "treatments_cms/practitioner_profile.html"

    def get_sitemap_urls(self, request=None):
        """The index itself, then the profile of each practitioner who works here."""
        urls = list(super().get_sitemap_urls(request))
        base = self.get_full_url(request)
        if not urls or not base:
            return urls
        for practitioner in self.get_profile_practitioners(request).order_by("name"):
            urls.append({"location": profile_url(base, practitioner), "lastmod": None})
        return urls


def practitioner_description(practitioner):
    """The profile's meta description: role, qualifications and registration."""
    parts = [practitioner.role]
    if practitioner.qualifications:
        parts.append(practitioner.qualifications)
    if practitioner.registration_display:
        parts.append(
            gettext("registered with the %(regulator)s (%(number)s)")
            % {
                "regulator": practitioner.regulator_name,
                "number": practitioner.registration_number,
            }
        )
    return ", ".join(part for part in parts if part)


def profile_url(index_url, practitioner):
    """``<index_url>practitioners/<slug>/``; "" without an index or a slug."""
    if not index_url or not practitioner.slug:
        return ""
    route = swappable.get_location_index_page_model().get_resolver()
    subpath = route.reverse("practitioner", slug=practitioner.slug)
    return f"{index_url.rstrip('/')}/{subpath.lstrip('/')}"


def location_section(request):
    """The request's site's locations index as its navigation lists it, or None.

    A ``NavItem`` (``url``, ``page``), read from the site's sections, which
    the navigation loads once per request: no query of its own. A site
    without a live locations index shows no clinics or practitioners.
    """
    from ..navigation import site_sections

    if request is None:
        return None
    return next(
        (item for item in site_sections(request) if item.family == "LocationIndexPage"),
        None,
    )


def practitioner_profile_url(request, practitioner):
    """The address of ``practitioner``'s profile on the request's site, or ""."""
    section = location_section(request)
    return profile_url(section.url, practitioner) if section else ""


class AbstractLocationPage(TabbedEditHandlerMixin, SummaryMixin):
    """One clinic of the group: where it is, when it is open, what it offers, who works there."""

    street_address = models.CharField(
        _("street address"),
        max_length=255,
        help_text=_(
            "Building and street, e.g. '12 Park Row'. Use a comma for two lines."
        ),
    )
    locality = models.CharField(
        _("town or city"), max_length=100, help_text=_("e.g. 'Leeds'.")
    )
    region = models.CharField(
        _("county or region"),
        max_length=100,
        blank=True,
        help_text=_("Optional, e.g. 'West Yorkshire' or 'Co. Dublin'."),
    )
    postcode = models.CharField(
        _("postcode"), max_length=20, blank=True, help_text=_("e.g. 'LS1 5HD'.")
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        default="GB",
        validators=[
            RegexValidator(
                r"^[A-Z]{2}$",
                _("Give the two-letter country code in capitals, e.g. 'GB' or 'IE'."),
            )
        ],
        help_text=_(
            "Two-letter country code (ISO 3166), e.g. 'GB' for the United "
            "Kingdom, 'IE' for Ireland."
        ),
    )
    phone = models.CharField(
        _("phone"),
        max_length=50,
        blank=True,
        help_text=_("This clinic's public phone number."),
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("This clinic's public email address.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_(
            "Optional, e.g. 53.799600. With the longitude, the map link opens at "
            "the exact spot; without, it searches for the address."
        ),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Optional, e.g. -1.547300."),
    )
    accessibility_notes = rich_text_field(
        _(
            "Step-free access, lifts, accessible toilets, hearing loops: what a "
            "visitor with a disability needs to know."
        )
    )
    travel_notes = rich_text_field(
        _("How to get here: public transport, parking, the entrance to look for.")
    )
    notification_recipients = models.TextField(
        _("who is told about enquiries"),
        blank=True,
        help_text=_(
            "Who is emailed when an enquiry for this clinic arrives, one address "
            "per line. Left empty, the site's recipients are emailed."
        ),
    )

    search_fields = [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("locality"),
        index.AutocompleteField("locality"),
        index.SearchField("region"),
        index.SearchField("postcode"),
        index.AutocompleteField("postcode"),
        index.SearchField("street_address"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("image"),
        APIField("hero_image_alt"),
        APIField("hero_image_decorative"),
        APIField("street_address"),
        APIField("locality"),
        APIField("region"),
        APIField("postcode"),
        APIField("country"),
        APIField("phone"),
        APIField("email"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("address", serializer=LocationAddressField()),
        APIField("opening_hours", serializer=LocationHoursField()),
        *rich_text_fields("accessibility_notes", "travel_notes"),
        APIField("treatments", serializer=LocationTreatmentsField()),
        APIField("practitioners", serializer=LocationPractitionersField()),
    ]

    content_panels = [
        FieldPanel("summary"),
        *SummaryMixin.image_panels,
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("locality"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("country")]),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Map position"),
        ),
    ]
    hours_panels = [
        InlinePanel(
            "opening_hours", heading=_("Weekly opening hours"), label=_("Hours")
        ),
        InlinePanel(
            "hours_exceptions",
            heading=_("Holidays and other changes"),
            label=_("Change"),
        ),
    ]
    link_panels = [
        InlinePanel(
            "offered_treatments",
            heading=_("Treatments offered here"),
            label=_("Treatment"),
        ),
        InlinePanel(
            "practitioner_links",
            heading=_("Practitioners who work here"),
            label=_("Practitioner"),
        ),
    ]
    visit_panels = [FieldPanel("accessibility_notes"), FieldPanel("travel_notes")]
    enquiry_panels = [FieldPanel("notification_recipients", permission="superuser")]

    edit_tabs = [
        (_("Content"), "content_panels"),
        (_("Opening hours"), "hours_panels"),
        (_("Treatments and team"), "link_panels"),
        (_("Visiting"), "visit_panels"),
        (_("Enquiries"), "enquiry_panels"),
        (_("Promote"), "promote_panels"),
        (_("Settings"), "settings_panels"),
    ]

    parent_page_types = PageFamily("LocationIndexPage")
    subpage_types = []

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        for address in self.recipient_list:
            try:
                validate_email(address)
            except ValidationError:
                errors["notification_recipients"] = gettext(
                    "'%(address)s' is not an email address."
                ) % {"address": address}
                break
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            errors[missing] = gettext(
                "Give both the latitude and the longitude, or neither."
            )
        if errors:
            raise ValidationError(errors)

    # --- what the page shows -------------------------------------------------

    @property
    def recipient_list(self):
        """The addresses told about this clinic's enquiries ([] for the site's)."""
        return split_recipients(self.notification_recipients or "")

    @property
    def address_lines(self):
        """The postal address, line by line."""
        street = [part.strip() for part in self.street_address.split(",")]
        place = " ".join(part for part in (self.locality, self.postcode) if part)
        return [line for line in (*street, place, self.region) if line]

    @property
    def has_geo(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self):
        """OpenStreetMap at the clinic's position, or searching its address.

        A plain link: nothing is loaded from the map's site until a visitor
        follows it.
        """
        if self.has_geo:
            lat, lon = f"{self.latitude:f}", f"{self.longitude:f}"
            return (
                "https://www.openstreetmap.org/?"
                + urlencode({"mlat": lat, "mlon": lon})
                + f"#map=17/{lat}/{lon}"
            )
        query = ", ".join([*self.address_lines, self.country])
        return "https://www.openstreetmap.org/search?query=" + quote(query)

    @property
    def phone_href(self):
        """``tel:`` address of the phone number, digits and a leading + only."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits else ""

    def get_weekly_hours(self):
        """Each weekday, Monday first, with its opening rows (none: closed).

        Returns ``[(weekday, label, [rows])]``; a day's rows are in time order.
        Works on the unsaved rows of a preview too.
        """
        rows = [row for row in self.opening_hours.all() if not row.closed]
        days = []
        for day in Weekday:
            todays = sorted(
                (row for row in rows if row.weekday == day),
                key=lambda row: row.opens or datetime.time.min,
            )
            days.append((day.value, day.label, todays))
        return days

    def get_hours_exceptions(self, today=None, days=UPCOMING_EXCEPTION_DAYS):
        """Changes to the usual hours from ``today`` to ``days`` ahead, by date."""
        today = today or timezone.localdate()
        until = today + datetime.timedelta(days=days)
        return sorted(
            (row for row in self.hours_exceptions.all() if today <= row.date <= until),
            key=lambda row: (row.date, row.opens or datetime.time.min),
        )

    def get_opening_hours_context(self, today=None):
        """What the opening hours table needs: the week, today, today's changes."""
        today = today or timezone.localdate()
        exceptions = self.get_hours_exceptions(today)
        return {
            "week": self.get_weekly_hours(),
            "today": today,
            "today_weekday": today.weekday(),
            "today_exceptions": [row for row in exceptions if row.date == today],
            "upcoming_exceptions": exceptions,
        }

    def get_treatment_offers(self, request=None):
        """The treatments offered here, live and public on the request's site,
        in editor order, with prices."""
        return visible_links(
            self.offered_treatments,
            "treatment",
            public_scope(request),
            page_model("TreatmentPage"),
            select=("treatment", "treatment__image"),
            prefetch=("treatment__image__renditions",),
        )

    def get_practitioner_links(self):
        """The practitioners who work here, in editor order, photos loaded."""
        links = self.practitioner_links.all()
        if isinstance(links, models.QuerySet):
            return list(
                links.select_related("practitioner", "practitioner__photo")
                .prefetch_related("practitioner__photo__renditions")
                .order_by("sort_order")
            )
        return list(links)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from ..sections import format_price, location_sections

        offers = self.get_treatment_offers(request)
        practitioner_links = self.get_practitioner_links()
        for link in practitioner_links:
            link.profile_url = practitioner_profile_url(request, link.practitioner)
        currency = currency_for(request)
        for offer in offers:
            offer.price_display = format_price(offer.price_from, currency)
        hours = self.get_opening_hours_context()
        context.update(hours)
        context["treatment_offers"] = offers
        context["practitioner_links"] = practitioner_links
        context["currency"] = currency
        context["sections"] = location_sections(self, offers, practitioner_links, hours)
        return context


def currency_for(request):
    """The ISO 4217 currency of the request's site (ClinicSettings), "GBP" by default."""
    from .settings import ClinicSettings

    if request is None:
        return "GBP"
    return ClinicSettings.for_request(request).currency or "GBP"


# --- The rows a location page holds ------------------------------------------


def _check_times(row, errors):
    if row.closed:
        return
    if row.opens is None:
        errors["opens"] = gettext("Give the opening time, or tick 'closed'.")
    if row.closes is None:
        errors["closes"] = gettext("Give the closing time, or tick 'closed'.")
    if row.opens and row.closes and row.closes <= row.opens:
        errors["closes"] = gettext("The clinic must close after it opens.")


class LocationOpeningHours(Orderable):
    """A clinic's usual hours on one weekday. Two rows make a lunch break."""

    page = ParentalKey(
        swappable.get_location_page_model_string(),
        on_delete=models.CASCADE,
        related_name="opening_hours",
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    closed = models.BooleanField(
        _("closed all day"),
        default=False,
        help_text=_("A day with no rows is shown as closed, too."),
    )

    panels = [
        FieldRowPanel(
            [
                FieldPanel("weekday"),
                FieldPanel("opens"),
                FieldPanel("closes"),
                FieldPanel("closed"),
            ]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens}-{self.closes}"

    def clean(self):
        super().clean()
        errors = {}
        _check_times(self, errors)
        if errors:
            raise ValidationError(errors)


class LocationHoursException(Orderable):
    """A date the clinic keeps other hours, or closes: a bank holiday, training day."""

    page = ParentalKey(
        swappable.get_location_page_model_string(),
        on_delete=models.CASCADE,
        related_name="hours_exceptions",
    )
    date = models.DateField(_("date"))
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    closed = models.BooleanField(_("closed all day"), default=True)
    note = models.CharField(
        _("note"),
        max_length=100,
        blank=True,
        help_text=_("Shown to visitors, e.g. 'Christmas Day' or 'Staff training'."),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("note")]),
        FieldRowPanel(
            [FieldPanel("closed"), FieldPanel("opens"), FieldPanel("closes")]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("change to the opening hours")
        verbose_name_plural = _("changes to the opening hours")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.note}".strip()

    def clean(self):
        super().clean()
        errors = {}
        _check_times(self, errors)
        if errors:
            raise ValidationError(errors)


class LocationTreatment(Orderable):
    """A treatment offered at a clinic, with its price there."""

    page = ParentalKey(
        swappable.get_location_page_model_string(),
        on_delete=models.CASCADE,
        related_name="offered_treatments",
    )
    treatment = models.ForeignKey(
        swappable.get_treatment_page_model_string(),
        on_delete=models.CASCADE,
        related_name="location_offers",
        verbose_name=_("treatment"),
    )
    price_from = models.DecimalField(
        _("price from"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PRICE_VALIDATORS,
        help_text=_(
            "Lowest price of a session at this clinic, in the site's currency. "
            "Leave empty to show no price here; prices are always confirmed at "
            "consultation."
        ),
    )

    panels = [
        PageChooserPanel(
            "treatment", page_type=swappable.get_treatment_page_model_string()
        ),
        FieldPanel("price_from"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("treatment offered")
        verbose_name_plural = _("treatments offered")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "treatment"], name="unique_location_treatment"
            )
        ]

    def __str__(self):
        return gettext("%(treatment)s at %(location)s") % {
            "treatment": self.treatment,
            "location": self.page,
        }


class LocationPractitioner(Orderable):
    """A practitioner who works at a clinic."""

    page = ParentalKey(
        swappable.get_location_page_model_string(),
        on_delete=models.CASCADE,
        related_name="practitioner_links",
    )
    practitioner = models.ForeignKey(
        swappable.get_practitioner_model_string(),
        on_delete=models.CASCADE,
        related_name="location_links",
        verbose_name=_("practitioner"),
    )

    panels = [FieldPanel("practitioner")]

    class Meta(Orderable.Meta):
        verbose_name = _("practitioner who works here")
        verbose_name_plural = _("practitioners who work here")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "practitioner"], name="unique_location_practitioner"
            )
        ]

    def __str__(self):
        return gettext("%(practitioner)s at %(location)s") % {
            "practitioner": self.practitioner,
            "location": self.page,
        }


class PractitionerTreatment(Orderable):
    """A treatment a practitioner performs, edited on the practitioner.

    A treatment page's "Who performs it" is derived from these rows.
    """

    practitioner = ParentalKey(
        swappable.get_practitioner_model_string(),
        on_delete=models.CASCADE,
        related_name="treatment_links",
    )
    treatment = models.ForeignKey(
        swappable.get_treatment_page_model_string(),
        on_delete=models.CASCADE,
        related_name="practitioner_links",
        verbose_name=_("treatment"),
    )

    panels = [
        PageChooserPanel(
            "treatment", page_type=swappable.get_treatment_page_model_string()
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("treatment performed")
        verbose_name_plural = _("treatments performed")
        constraints = [
            models.UniqueConstraint(
                fields=["practitioner", "treatment"],
                name="unique_practitioner_treatment",
            )
        ]

    def __str__(self):
        return gettext("%(practitioner)s performs %(treatment)s") % {
            "practitioner": self.practitioner,
            "treatment": self.treatment,
        }
