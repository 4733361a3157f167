"""factory_boy factories that build a valid page tree in one call.

``TreatmentPageFactory()`` creates the home page's treatment index on the way
(index factories get-or-create by parent and slug, as ``max_count_per_parent``
allows one of each). Each factory builds the model its swappable setting
names, so a project that swaps a family (``tests/example_project``) builds its
own pages with them.
"""

import datetime
from types import SimpleNamespace

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Page, Site

from treatments_cms import swappable
from treatments_cms.models import (
    AlternativeConditionLink,
    ClinicSettings,
    ConsentStatement,
    Enquiry,
    TreatmentAlternativeLink,
    TreatmentConditionLink,
)


def home_page():
    """The site's home page: the demo's ``HomePage`` (from its data migration)."""
    return Page.objects.get(depth=2).specific


class PractitionerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Dr Practitioner {n}")
    role = "Consultant dermatologist"
    regulator = "GMC"
    registration_number = factory.Sequence(lambda n: f"{7000000 + n}")

    class Meta:
        model = swappable.get_model_string("Practitioner")


class ConsentStatementFactory(factory.django.DjangoModelFactory):
    version = factory.Sequence(lambda n: f"v{n + 1}")
    text = "I agree that the clinic may use my answers to assess my suitability."

    class Meta:
        model = ConsentStatement


class ClinicSettingsFactory(factory.django.DjangoModelFactory):
    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    clinic_name = "Example Skin Clinic"
    phone = "020 7946 0000"
    email = "hello@example.com"
    address = "1 Example Street\nLondon"
    notification_recipients = "enquiries@example.com"

    class Meta:
        model = ClinicSettings
        django_get_or_create = ("site",)


class _IndexFactory(wagtail_factories.PageFactory):
    parent = factory.LazyFunction(home_page)

    class Meta:
        abstract = True
        django_get_or_create = ("parent", "slug")


class TreatmentIndexPageFactory(_IndexFactory):
    title = "Treatments"
    slug = "treatments"

    class Meta:
        model = swappable.get_model_string("TreatmentIndexPage")


class ConditionIndexPageFactory(_IndexFactory):
    title = "Conditions"
    slug = "conditions"

    class Meta:
        model = swappable.get_model_string("ConditionIndexPage")


class AlternativeIndexPageFactory(_IndexFactory):
    title = "Alternatives"
    slug = "alternatives"

    class Meta:
        model = swappable.get_model_string("AlternativeIndexPage")


class LocationIndexPageFactory(_IndexFactory):
    title = "Clinics"
    slug = "clinics"

    class Meta:
        model = swappable.get_model_string("LocationIndexPage")


class LocationPageFactory(wagtail_factories.PageFactory):
    """A clinic open Monday to Friday, 9:00 to 17:00.

    ``treatments=[page, (page, Decimal("180")), ...]`` and
    ``practitioners=[...]`` link them in order.
    """

    title = factory.Sequence(lambda n: f"Clinic {n}")
    summary = factory.LazyAttribute(lambda o: f"Our clinic in {o.locality}.")
    street_address = factory.Sequence(lambda n: f"{n + 1} Park Row")
    locality = factory.Sequence(lambda n: f"Town {n}")
    postcode = "LS1 5HD"
    country = "GB"
    phone = "0113 496 0000"
    email = "clinic@example.com"
    hero_image_alt = factory.LazyAttribute(lambda o: f"The entrance of {o.title}")
    parent = factory.SubFactory(LocationIndexPageFactory)

    class Meta:
        model = swappable.get_model_string("LocationPage")
        skip_postgeneration_save = True

    @factory.post_generation
    def hours(obj, create, extracted, **kwargs):
        from treatments_cms.models import LocationOpeningHours

        rows = (
            extracted
            if extracted is not None
            else [(day, datetime.time(9), datetime.time(17)) for day in range(5)]
        )
        for order, (day, opens, closes) in enumerate(rows):
            LocationOpeningHours.objects.create(
                page=obj, weekday=day, opens=opens, closes=closes, sort_order=order
            )

    @factory.post_generation
    def treatments(obj, create, extracted, **kwargs):
        from treatments_cms.models import LocationTreatment

        for order, item in enumerate(extracted or []):
            treatment, price = item if isinstance(item, tuple) else (item, None)
            LocationTreatment.objects.create(
                page=obj, treatment=treatment, price_from=price, sort_order=order
            )

    @factory.post_generation
    def practitioners(obj, create, extracted, **kwargs):
        from treatments_cms.models import LocationPractitioner

        for order, practitioner in enumerate(extracted or []):
            LocationPractitioner.objects.create(
                page=obj, practitioner=practitioner, sort_order=order
            )


def performs(practitioner, *treatments):
    """Record on ``practitioner`` that they perform ``treatments``."""
    from treatments_cms.models import PractitionerTreatment

    for order, treatment in enumerate(treatments):
        PractitionerTreatment.objects.create(
            practitioner=practitioner, treatment=treatment, sort_order=order
        )


class _ReviewedFactory(wagtail_factories.PageFactory):
    last_reviewed = factory.LazyFunction(lambda: datetime.date(2026, 11, 1))
    reviewed_by = factory.SubFactory(PractitionerFactory)
    # A picture needs its alt text (or "decorative") before the page saves.
    hero_image_alt = factory.LazyAttribute(lambda o: f"A picture of {o.title.lower()}")

    class Meta:
        abstract = True


class ConditionPageFactory(_ReviewedFactory):
    title = factory.Sequence(lambda n: f"Condition {n}")
    summary = factory.LazyAttribute(lambda o: f"What {o.title.lower()} is.")
    symptoms = "<p>Visible changes in the skin.</p>"
    parent = factory.SubFactory(ConditionIndexPageFactory)

    class Meta:
        model = swappable.get_model_string("ConditionPage")


class AlternativePageFactory(_ReviewedFactory):
    title = factory.Sequence(lambda n: f"Alternative {n}")
    summary = factory.LazyAttribute(lambda o: f"What {o.title.lower()} involves.")
    sessions_min = 1
    sessions_max = 3
    parent = factory.SubFactory(AlternativeIndexPageFactory)

    class Meta:
        model = swappable.get_model_string("AlternativePage")
        skip_postgeneration_save = True

    @factory.post_generation
    def conditions(obj, create, extracted, **kwargs):
        for order, condition in enumerate(extracted or []):
            AlternativeConditionLink.objects.create(
                page=obj, condition=condition, sort_order=order
            )


class TreatmentPageFactory(_ReviewedFactory):
    title = factory.Sequence(lambda n: f"Treatment {n}")
    summary = factory.LazyAttribute(lambda o: f"What {o.title.lower()} does.")
    how_it_works = "<p>Light energy prompts the skin to renew itself.</p>"
    risks = "<p>Redness and swelling for a few days.</p>"
    sessions_min = 3
    sessions_max = 5
    results_last_min = 1
    results_last_max = 3
    parent = factory.SubFactory(TreatmentIndexPageFactory)

    class Meta:
        model = swappable.get_model_string("TreatmentPage")
        skip_postgeneration_save = True

    @factory.post_generation
    def conditions(obj, create, extracted, **kwargs):
        """``conditions=[page, (page, "improves", "note"), ...]`` links them in order."""
        for order, item in enumerate(extracted or []):
            condition, outcome, note = (
                item if isinstance(item, tuple) else (item, "treats", "")
            )
            TreatmentConditionLink.objects.create(
                page=obj,
                condition=condition,
                outcome=outcome,
                note=note,
                sort_order=order,
            )

    @factory.post_generation
    def alternatives(obj, create, extracted, **kwargs):
        for order, alternative in enumerate(extracted or []):
            TreatmentAlternativeLink.objects.create(
                page=obj, alternative=alternative, sort_order=order
            )


class SiteTree:
    """The smallest complete site: one of each page, linked both ways."""

    @staticmethod
    def build():
        condition = ConditionPageFactory(
            title="Spider veins", alternate_names="thread veins, telangiectasia"
        )
        alternative = AlternativePageFactory(
            title="Chemical peel", conditions=[condition]
        )
        treatment = TreatmentPageFactory(
            title="Laser skin rejuvenation",
            conditions=[condition],
            alternatives=[alternative],
        )
        tree = SimpleNamespace(
            home=home_page(),
            settings=ClinicSettingsFactory(),
            consent=ConsentStatementFactory(),
            treatment_index=treatment.get_parent().specific,
            condition_index=condition.get_parent().specific,
            alternative_index=alternative.get_parent().specific,
            treatment=treatment,
            condition=condition,
            alternative=alternative,
        )
        tree.pages = [getattr(tree, name) for name in SiteTree.NAMES]
        return tree

    # Every page of the tree, home first, in tree order.
    NAMES = (
        "home",
        "treatment_index",
        "condition_index",
        "alternative_index",
        "treatment",
        "condition",
        "alternative",
    )

    @classmethod
    def ids(cls, tree):
        """What ``fetch`` needs to read a built tree back: its primary keys."""
        ids = {name: getattr(tree, name).pk for name in cls.NAMES}
        return ids | {"settings": tree.settings.pk, "consent": tree.consent.pk}

    @classmethod
    def fetch(cls, ids):
        """The tree ``ids`` came from, as new objects read from the database."""
        pages = Page.objects.filter(pk__in=[ids[name] for name in cls.NAMES])
        by_pk = {page.pk: page for page in pages.specific()}
        tree = SimpleNamespace(
            settings=ClinicSettings.objects.get(pk=ids["settings"]),
            consent=ConsentStatement.objects.get(pk=ids["consent"]),
            **{name: by_pk[ids[name]] for name in cls.NAMES},
        )
        tree.pages = [getattr(tree, name) for name in cls.NAMES]
        return tree


class ClinicGroup:
    """A clinic group on top of ``SiteTree``: two clinics, three practitioners.

    Leeds offers the treatment from 180, York from 210; Dr Byrne (GMC) works
    at Leeds and performs the treatment; Nurse Okafor (NMC) works at both and
    performs it; Sam Reid (no regulator) works at York and does not.
    """

    @staticmethod
    def build(tree):
        from decimal import Decimal

        doctor = PractitionerFactory(
            name="Dr Aoife Byrne",
            role="Consultant dermatologist",
            qualifications="MB BCh, MRCP",
            regulator="GMC",
            registration_number="7654321",
        )
        nurse = PractitionerFactory(
            name="Grace Okafor",
            role="Aesthetic nurse prescriber",
            regulator="NMC",
            registration_number="12A3456E",
        )
        therapist = PractitionerFactory(
            name="Sam Reid",
            role="Skin therapist",
            regulator="",
            registration_number="",
        )
        performs(doctor, tree.treatment)
        performs(nurse, tree.treatment)
        leeds = LocationPageFactory(
            title="Leeds",
            locality="Leeds",
            street_address="12 Park Row",
            postcode="LS1 5HD",
            latitude=Decimal("53.799600"),
            longitude=Decimal("-1.547300"),
            treatments=[(tree.treatment, Decimal("180"))],
            practitioners=[doctor, nurse],
        )
        york = LocationPageFactory(
            title="York",
            locality="York",
            street_address="3 Stonegate",
            postcode="YO1 8AW",
            treatments=[(tree.treatment, Decimal("210.50"))],
            practitioners=[nurse, therapist],
        )
        return SimpleNamespace(
            tree=tree,
            index=leeds.get_parent().specific,
            leeds=leeds,
            york=york,
            doctor=doctor,
            nurse=nurse,
            therapist=therapist,
        )


class EnquiryFactory(factory.django.DjangoModelFactory):
    """A stored enquiry about a treatment (build the page tree first, or pass one)."""

    treatment = factory.SubFactory(TreatmentPageFactory)
    treatment_title = factory.LazyAttribute(lambda o: o.treatment.title)
    name = factory.Sequence(lambda n: f"Visitor {n}")
    email = factory.Sequence(lambda n: f"visitor{n}@example.com")
    message = "I have some sun damage on my cheeks."
    is_adult = True
    consent_statement = factory.SubFactory(ConsentStatementFactory)
    consent_version = factory.LazyAttribute(lambda o: o.consent_statement.version)
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Enquiry
