"""The idempotent loader behind ``load_demo_content``."""

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.blocks import StreamValue
from wagtail.models import Site

from home.models import ContentPage
from treatments_cms import swappable
from treatments_cms.enquiries.retention import retention_days
from treatments_cms.models import (
    AlternativeConditionLink,
    ClinicSettings,
    ConsentStatement,
    TreatmentAlternativeLink,
    TreatmentConditionLink,
)
from treatments_cms.workflows import assign_clinical_workflow

from .data import (
    ALTERNATIVES,
    CLINIC,
    CONDITIONS,
    CONSENT,
    INDEX_PAGES,
    PRACTITIONER,
    REVIEWED_ON,
    TREATMENT,
    TREATMENT_ALTERNATIVES,
    TREATMENT_CONDITIONS,
    TREATMENT_SLUG,
)
from .group import load_group
from .images import (
    abstract_picture_file,
    describe_picture,
    get_or_create_image,
    logo_file,
)
from .pages import PRIVACY_SLUG, content_pages

# (swappable index page model, slug, values) of each section.
INDEXES = [
    ("TreatmentIndexPage", "treatments", INDEX_PAGES["treatments"]),
    ("ConditionIndexPage", "conditions", INDEX_PAGES["conditions"]),
    ("AlternativeIndexPage", "alternatives", INDEX_PAGES["alternatives"]),
]


class DemoContentLoader:
    """Creates or updates the demo content; ``report(action, label)`` hears of each step."""

    def __init__(self, report):
        self.report = report

    # --- helpers -----------------------------------------------------------

    def _sync_object(self, model, lookup, values, label):
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model.objects.create(**{**values, **lookup})
            self.report("created", f"{label}: {obj}")
            return obj
        changed = [
            name for name, value in values.items() if self._differs(obj, name, value)
        ]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.full_clean()
            obj.save()
            self.report("updated", f"{label}: {obj}")
        else:
            self.report("unchanged", f"{label}: {obj}")
        return obj

    @staticmethod
    def _differs(obj, name, value):
        current = getattr(obj, name)
        if isinstance(current, StreamValue):
            # Compare blocks by type and value; stored blocks also carry ids.
            current = [
                {"type": block["type"], "value": block["value"]}
                for block in current.raw_data
            ]
        return current != value

    def _picture(self, name, title):
        """The page picture drawn for ``name``: fields to set on the page."""
        alt = describe_picture(name)
        image, created = get_or_create_image(
            f"Demo picture: {title}", alt, lambda: abstract_picture_file(name)
        )
        self.report("created" if created else "unchanged", f"picture: {image.title}")
        return {"image_id": image.pk, "hero_image_alt": alt}

    def _logo(self, clinic_name):
        image, created = get_or_create_image(
            f"Demo logo: {clinic_name}",
            f"{clinic_name} logo: two overlapping leaves in a ring",
            logo_file,
            extension="png",
        )
        self.report("created" if created else "unchanged", f"picture: {image.title}")
        return image

    def _set_privacy_page(self, clinic, page):
        """Link the privacy notice from the clinic settings (the footer and form show it)."""
        if clinic.privacy_page_id == page.pk:
            return
        # Pointing elsewhere is a change to report; the first link is part of
        # creating the settings, which the report already counts.
        changed = clinic.privacy_page_id is not None
        clinic.privacy_page = page
        clinic.save(update_fields=["privacy_page"])
        if changed:
            self.report("updated", f"clinic settings: {clinic}")

    @staticmethod
    def _link_values(page, relation, fields):
        return [
            tuple(getattr(link, name) for name in fields)
            for link in getattr(page, relation).all().order_by("sort_order")
        ]

    def _sync_page(self, parent, model, slug, values, links=()):
        """Create, update or leave alone one page; publish it like an editor would.

        ``links`` is a sequence of ``(relation, link_model, fields, rows)``, each
        row a tuple of values for ``fields``, in editor order.
        """
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(slug=slug, live=False, **values)
            for relation, link_model, fields, rows in links:
                setattr(page, relation, self._new_links(link_model, fields, rows))
            if not model.can_create_at(parent):
                raise ImproperlyConfigured(
                    f"A {model._meta.verbose_name} cannot be created under "
                    f"'{parent.title}'."
                )
            parent.add_child(instance=page)
            page.full_clean()
            page.save_revision().publish()
            self.report("created", f"page: {page.title}")
            return page

        changed = [
            name for name, value in values.items() if self._differs(page, name, value)
        ]
        for name in changed:
            setattr(page, name, values[name])
        for relation, link_model, fields, rows in links:
            if self._link_values(page, relation, fields) != list(rows):
                setattr(page, relation, self._new_links(link_model, fields, rows))
                changed.append(relation)
        if changed or not page.live:
            page.full_clean()
            page.save_revision().publish()
            self.report("updated", f"page: {page.title}")
        else:
            self.report("unchanged", f"page: {page.title}")
        return page

    @staticmethod
    def _new_links(link_model, fields, rows):
        return [
            link_model(sort_order=order, **dict(zip(fields, row, strict=True)))
            for order, row in enumerate(rows)
        ]

    # --- the content -------------------------------------------------------

    @transaction.atomic
    def load(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise ImproperlyConfigured(
                "There is no default Wagtail site to load the demo content into."
            )
        home = site.root_page.specific

        logo = self._logo(CLINIC["clinic_name"])
        clinic = self._sync_object(
            ClinicSettings,
            {"site": site},
            {**CLINIC, "logo_id": logo.pk, "logo_alt": ""},
            "clinic settings",
        )
        reviewer = self._sync_object(
            swappable.get_practitioner_model(),
            {"name": PRACTITIONER["name"]},
            PRACTITIONER,
            "practitioner",
        )
        self._sync_object(
            ConsentStatement,
            {"version": CONSENT["version"]},
            CONSENT,
            "consent statement",
        )
        review = {
            "last_reviewed": REVIEWED_ON,
            "reviewed_by_id": reviewer.pk,
        }

        indexes = {
            name: self._sync_page(home, swappable.get_model(name), slug, values)
            for name, slug, values in INDEXES
        }
        # Their pages go live only once a clinician signs them off.
        assign_clinical_workflow(list(indexes.values()))

        conditions = {
            slug: self._sync_page(
                indexes["ConditionIndexPage"],
                swappable.get_condition_page_model(),
                slug,
                {**values, **review, **self._picture(slug, values["title"])},
            )
            for slug, values in CONDITIONS
        }

        alternatives = {}
        for slug, values, condition_slugs in ALTERNATIVES:
            alternatives[slug] = self._sync_page(
                indexes["AlternativeIndexPage"],
                swappable.get_alternative_page_model(),
                slug,
                {**values, **review, **self._picture(slug, values["title"])},
                links=[
                    (
                        "condition_links",
                        AlternativeConditionLink,
                        ("condition_id",),
                        [(conditions[c].pk,) for c in condition_slugs],
                    )
                ],
            )

        treatment = self._sync_page(
            indexes["TreatmentIndexPage"],
            swappable.get_treatment_page_model(),
            TREATMENT_SLUG,
            {
                **TREATMENT,
                **review,
                **self._picture(TREATMENT_SLUG, TREATMENT["title"]),
            },
            links=[
                (
                    "condition_links",
                    TreatmentConditionLink,
                    ("condition_id", "outcome", "note"),
                    [
                        (conditions[slug].pk, outcome, note)
                        for slug, outcome, note in TREATMENT_CONDITIONS
                    ],
                ),
                (
                    "alternative_links",
                    TreatmentAlternativeLink,
                    ("alternative_id", "comparison_note"),
                    [
                        (alternatives[slug].pk, note)
                        for slug, note in TREATMENT_ALTERNATIVES
                    ],
                ),
            ],
        )
        pages = {
            slug: self._sync_page(
                home,
                ContentPage,
                slug,
                {**values, **self._picture(slug, values["title"])},
            )
            for slug, values in content_pages(CLINIC, retention_days(site))
        }
        self._set_privacy_page(clinic, pages[PRIVACY_SLUG])
        group = load_group(self, home, treatment)
        return {
            **group,
            "home": home,
            "content_pages": list(pages.values()),
            "indexes": list(indexes.values()),
            "conditions": list(conditions.values()),
            "alternatives": list(alternatives.values()),
            "treatment": treatment,
        }
