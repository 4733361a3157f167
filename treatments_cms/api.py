"""How the plugin's pages read in Wagtail's API (``wagtail.api.v2``).

The page models declare ``api_fields`` built from the helpers here: rich text
as HTML ready to show, each typed fact as a structured object with its human
text, and links to other pages with their titles and URLs. Linked pages are
only live, public ones, through the same query methods the public pages use,
so the API never shows a page the site hides. Enquiries have no API field and
no endpoint.

A project enables the API with its own router (see the demo site's
``clinic_site/api.py``); the plugin only describes its pages. A project page
built on an abstract base extends the list::

    api_fields = [*AbstractTreatmentPage.api_fields, APIField("my_field")]
"""

from django.conf import settings
from rest_framework import serializers
from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.api.rich_text import APIRichText
from wagtail.api.utils import get_full_url
from wagtail.rich_text import RichText

# Model modules import this one, so nothing here may import ``wagtail.api.v2``:
# it loads the page model when imported.

CURRENCY = "GBP"


def request_currency(context):
    """The currency of the request's site (its ClinicSettings), else ``CURRENCY``."""
    from .models.locations import currency_for

    request = context.get("request")
    return currency_for(request) if request is not None else CURRENCY


def price_object(amount, currency):
    """``{"amount": "180.00", "currency": "GBP", "text": "£180"}``; None for no price."""
    from .sections import format_price

    if amount is None:
        return None
    return {
        "amount": serializers.DecimalField(
            max_digits=8, decimal_places=2
        ).to_representation(amount),
        "currency": currency,
        "text": format_price(amount, currency),
    }


def rich_text_format(context):
    """The requested ``?rich_text_format=``, else the project's setting, else HTML.

    Wagtail's default is database HTML, whose page links are ids, not URLs;
    the plugin's pages default to HTML a client can show as it is.
    """
    request = context.get("request")
    requested = request.GET.get("rich_text_format") if request else None
    if requested is None and not hasattr(settings, APIRichText.SETTING_NAME):
        return APIRichText.FORMAT_HTML
    return APIRichText.resolve_format(requested)


class RichTextHTMLField(serializers.CharField):
    """A rich-text field, as HTML unless the request or the project asks otherwise."""

    def to_representation(self, value):
        return APIRichText.serialize(str(value), format=rich_text_format(self.context))


class StreamHTMLField(Field):
    """A StreamField, block by block, its rich text formatted as ``RichTextHTMLField``.

    Top-level rich-text blocks only (the plugin's streams nest none); any other
    block is Wagtail's own API representation.
    """

    def to_representation(self, value):
        blocks = []
        for child in value:
            if isinstance(child.value, RichText):
                item = APIRichText.serialize(
                    child.value.source, format=rich_text_format(self.context)
                )
            else:
                item = child.block.get_api_representation(child.value, self.context)
            blocks.append({"type": child.block_type, "value": item, "id": child.id})
        return blocks


class PageFact(Field):
    """A read-only value computed from the whole page, ``None`` when unknown."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        raise NotImplementedError


class RangeField(PageFact):
    """A typed range: ``{"min": 1, "max": 3, "unit": "years", "text": "1 to 3 years"}``.

    ``low``, ``high`` and ``text`` name the page's fields and the property that
    says the range for people; ``unit`` is the unit itself, or ``unit_field``
    names the field that holds it.
    """

    def __init__(self, low, high, text, unit="", unit_field=None, **kwargs):
        self.low, self.high, self.text = low, high, text
        self.unit, self.unit_field = unit, unit_field
        super().__init__(**kwargs)

    def to_representation(self, page):
        low, high = getattr(page, self.low), getattr(page, self.high)
        if low is None and high is None:
            return None
        return {
            "min": low,
            "max": high,
            "unit": getattr(page, self.unit_field) if self.unit_field else self.unit,
            "text": str(getattr(page, self.text)),
        }


class SessionsField(RangeField):
    """A treatment's sessions, with the usual gap between them.

    ``{"min": 3, "max": 5, "unit": "sessions", "text": "3 to 5 sessions",
    "interval": {"value": 4, "unit": "weeks", "text": "4 weeks"}}``
    """

    def __init__(self, **kwargs):
        super().__init__(
            "sessions_min",
            "sessions_max",
            "sessions_display",
            unit="sessions",
            **kwargs,
        )

    def to_representation(self, page):
        sessions = super().to_representation(page)
        interval = None
        if page.session_interval:
            interval = {
                "value": page.session_interval,
                "unit": page.session_interval_unit,
                "text": str(page.session_interval_display),
            }
        if sessions is None and interval is None:
            return None
        return {**(sessions or {"min": None, "max": None}), "interval": interval}


class PriceField(PageFact):
    """A treatment's lowest price: ``{"amount": "150.00", "currency": "GBP", "text": "£150"}``."""

    def to_representation(self, page):
        return price_object(page.price_from, request_currency(self.context))


class ChoiceFact(PageFact):
    """A choice field as ``{"value": "non_invasive", "text": "Non-invasive"}``."""

    def __init__(self, name, **kwargs):
        self.name = name
        super().__init__(**kwargs)

    def to_representation(self, page):
        value = getattr(page, self.name)
        if not value:
            return None
        return {
            "value": value,
            "text": str(getattr(page, f"get_{self.name}_display")()),
        }


class NameListField(serializers.ListField):
    """A condition's other names, as a list: ``["thread veins", "telangiectasia"]``."""

    def __init__(self, **kwargs):
        super().__init__(
            child=serializers.CharField(),
            source="alternate_name_list",
            read_only=True,
            **kwargs,
        )


class ReviewerField(Field):
    """The reviewer as the public page names them: name, role and registration."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, practitioner):
        return {
            "name": practitioner.name,
            "role": practitioner.role,
            "registration": practitioner.registration_display,
            "register_url": practitioner.register_url,
        }


class LinkedPagesField(PageFact):
    """Links to other live, public pages, from one of the page's query methods.

    ``method`` (called with ``request=``, so the pages are the request's site's)
    returns pages, or links whose ``target`` attribute is the page;
    each link's ``extra`` attributes are added under the same names, e.g.
    ``{"id": 7, "type": "treatments_cms.ConditionPage", "title": "Spider veins",
    "url": "https://…/conditions/spider-veins/", "detail_url": "https://…/api/v2/pages/7/",
    "outcome": "treats", "note": ""}``.
    """

    def __init__(self, method, target=None, extra=(), **kwargs):
        self.method, self.target, self.extra = method, target, extra
        super().__init__(**kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        router = self.context.get("router")
        items = []
        # The method scopes its pages to the request's site (treatments_cms.public).
        for item in getattr(page, self.method)(request=request):
            linked = getattr(item, self.target) if self.target else item
            model = type(linked)
            data = {
                "id": linked.pk,
                "type": f"{model._meta.app_label}.{model.__name__}",
                "title": linked.title,
                "url": linked.get_full_url(request),
            }
            if router is not None:
                path = router.get_object_detail_urlpath(model, linked.pk)
                data["detail_url"] = get_full_url(request, path)
            data.update((name, getattr(item, name)) for name in self.extra)
            items.append(data)
        return items


def rich_text_fields(*names):
    """API fields for rich-text fields, as HTML."""
    return [APIField(name, serializer=RichTextHTMLField()) for name in names]


def stream_fields(*names):
    """API fields for StreamFields, their rich text as HTML."""
    return [APIField(name, serializer=StreamHTMLField()) for name in names]


def review_fields():
    """The clinical review: dates and the reviewer's public name and role."""
    return [
        APIField("last_reviewed"),
        APIField("next_review_due"),
        APIField("reviewed_by", serializer=ReviewerField()),
    ]


def comparison_fact_fields():
    """The typed facts a treatment and an alternative share.

    The stored numbers (filterable, e.g. ``?sessions_min=1``) and the same
    facts as structured objects with their human text.
    """
    return [
        APIField("sessions_min"),
        APIField("sessions_max"),
        APIField("results_last_min"),
        APIField("results_last_max"),
        APIField("results_last_unit"),
        APIField("downtime_min_days"),
        APIField("downtime_max_days"),
        APIField(
            "results_last",
            serializer=RangeField(
                "results_last_min",
                "results_last_max",
                "results_last_display",
                unit_field="results_last_unit",
            ),
        ),
        APIField(
            "downtime",
            serializer=RangeField(
                "downtime_min_days",
                "downtime_max_days",
                "downtime_display",
                unit="days",
            ),
        ),
    ]


class LocationAddressField(PageFact):
    """A location's postal address and position.

    ``{"street_address": "12 Park Row", "locality": "Leeds", "region": "",
    "postcode": "LS1 5HD", "country": "GB", "lines": [...],
    "geo": {"latitude": "53.7996", "longitude": "-1.5473"}, "map_url": "..."}``
    """

    def to_representation(self, page):
        geo = None
        if page.has_geo:
            geo = {"latitude": str(page.latitude), "longitude": str(page.longitude)}
        return {
            "street_address": page.street_address,
            "locality": page.locality,
            "region": page.region,
            "postcode": page.postcode,
            "country": page.country,
            "lines": page.address_lines,
            "geo": geo,
            "map_url": page.map_url,
        }


def _time(value):
    return value.strftime("%H:%M") if value else None


class LocationHoursField(PageFact):
    """The weekly hours and the coming changes.

    ``{"week": [{"weekday": 0, "day": "Monday", "hours": [{"opens": "09:00",
    "closes": "17:00"}]}, ...], "exceptions": [{"date": "2026-12-25",
    "closed": true, "opens": null, "closes": null, "note": "Christmas Day"}]}``;
    a day with no hours is closed.
    """

    def to_representation(self, page):
        return {
            "week": [
                {
                    "weekday": weekday,
                    "day": str(label),
                    "hours": [
                        {"opens": _time(row.opens), "closes": _time(row.closes)}
                        for row in rows
                    ],
                }
                for weekday, label, rows in page.get_weekly_hours()
            ],
            "exceptions": [
                {
                    "date": row.date.isoformat(),
                    "closed": row.closed,
                    "opens": None if row.closed else _time(row.opens),
                    "closes": None if row.closed else _time(row.closes),
                    "note": row.note,
                }
                for row in page.get_hours_exceptions()
            ],
        }


class LocationTreatmentsField(PageFact):
    """The live, public treatments offered at a location with the local price."""

    def to_representation(self, page):
        request = self.context.get("request")
        currency = request_currency(self.context)
        return [
            {
                "id": offer.treatment.pk,
                "title": offer.treatment.title,
                "url": offer.treatment.get_full_url(request),
                "price_from": price_object(offer.price_from, currency),
            }
            for offer in page.get_treatment_offers(request)
        ]


class LocationPractitionersField(PageFact):
    """The practitioners who work at a location, as the page names them."""

    def to_representation(self, page):
        reviewer = ReviewerField()
        return [
            {
                "id": link.practitioner.pk,
                **reviewer.to_representation(link.practitioner),
            }
            for link in page.get_practitioner_links()
        ]
