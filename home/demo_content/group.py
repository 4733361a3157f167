"""The demo clinic group: three fictional clinics and three practitioners.

The clinics keep different hours and charge different prices for the laser
treatment, so the treatment page's "from" price, its "Where you can have it"
cards and each clinic's opening-hours table have something to show. The
practitioners are one per kind of registration the plugin knows: a regulator
whose public register opens the registrant's entry directly (the GMC), one
whose register is a search page (the NMC), and none (a skin therapist).

Everything is fictional. The postcodes use the area "ZZ", which no real
postcode has; the phone numbers are in Ofcom's ranges for drama; the
registration numbers are zeros, chosen to match no real registrant; the
clinics have no map coordinates, which would point at a real place.
"""

import datetime
from decimal import Decimal

from treatments_cms import swappable
from treatments_cms.models import (
    LocationHoursException,
    LocationOpeningHours,
    LocationPractitioner,
    LocationTreatment,
    PractitionerTreatment,
)

from .images import abstract_picture_file, describe_picture, get_or_create_image

LOCATIONS_SLUG = "clinics"

LOCATIONS_INDEX = {
    "title": "Clinics",
    "introduction": (
        "Three clinics, each with its own hours and team. Every clinic "
        "offers a free assessment before any treatment."
    ),
}


def _time(text):
    hours, minutes = text.split(":")
    return datetime.time(int(hours), int(minutes))


def _week(*rows):
    """Opening rows ``(weekday, "09:00", "17:00")`` as the loader's link tuples."""
    return [(day, _time(opens), _time(closes), False) for day, opens, closes in rows]


# The days every clinic closes this winter.
HOLIDAYS = [
    (datetime.date(2026, 12, 25), "Christmas Day"),
    (datetime.date(2026, 12, 26), "Boxing Day"),
    (datetime.date(2027, 1, 1), "New Year's Day"),
]

PRACTITIONERS = [
    {
        "name": "Dr Imogen Hale",
        "slug": "dr-imogen-hale",
        "role": "Consultant dermatologist (a fictional demo profile)",
        "qualifications": "MBChB, MRCP (Dermatology)",
        "regulator": "GMC",
        "registration_number": "0000000",
        "biography": (
            "Imogen leads the clinical team and assesses everyone who asks about "
            "laser treatment for sun damage or pigmentation. She spent ten years "
            "in hospital dermatology before joining the clinic."
        ),
    },
    {
        "name": "Niamh Carroll",
        "slug": "niamh-carroll",
        "role": "Aesthetic nurse practitioner (a fictional demo profile)",
        "qualifications": "RGN, BSc (Hons) Nursing",
        "regulator": "NMC",
        "registration_number": "00A0000A",
        "biography": (
            "Niamh carries out most laser sessions at Harbourside and Northgate "
            "and runs the aftercare reviews between sessions."
        ),
    },
    {
        "name": "Sam Okoro",
        "slug": "sam-okoro",
        "role": "Skin therapist (a fictional demo profile)",
        "qualifications": "Level 4 Diploma in Skin Care",
        "regulator": "",
        "registration_number": "",
        "biography": (
            "Sam prepares skin before treatment and advises on sun protection "
            "and skin care at home. Skin therapists have no statutory "
            "regulator in the UK."
        ),
    },
]

# Who performs the laser treatment (edited on the practitioner).
PERFORMS_TREATMENT = ["dr-imogen-hale", "niamh-carroll"]

LOCATIONS = [
    {
        "slug": "exampleton",
        "values": {
            "title": "Exampleton",
            "summary": (
                "Our first clinic, on the ground floor of Sample Court, five "
                "minutes' walk from Exampleton station."
            ),
            "street_address": "Unit 4, Sample Court",
            "locality": "Exampleton",
            "postcode": "ZZ1 1AA",
            "country": "GB",
            "phone": "020 7946 0321",
            "email": "exampleton@example.com",
            "notification_recipients": "exampleton@example.com",
            "accessibility_notes": (
                "<p>Step-free entrance from the car park, automatic doors and an "
                "accessible toilet. A hearing loop is fitted at reception.</p>"
            ),
            "travel_notes": (
                "<p>Five minutes' walk from Exampleton station; buses 12 and 40 "
                "stop outside. Three parking spaces, one of them wide, are "
                "reserved for visitors.</p>"
            ),
        },
        "hours": _week(
            (0, "09:00", "18:00"),
            (1, "09:00", "18:00"),
            (2, "09:00", "18:00"),
            (3, "09:00", "20:00"),
            (4, "09:00", "18:00"),
            (5, "10:00", "14:00"),
        ),
        "price": Decimal("180.00"),
        "practitioners": ["dr-imogen-hale", "sam-okoro"],
    },
    {
        "slug": "harbourside",
        "values": {
            "title": "Harbourside",
            "summary": (
                "A small clinic above the harbour, open late on weekdays and "
                "closed for lunch."
            ),
            "street_address": "First floor, 2 Quay Street",
            "locality": "Harbourside",
            "postcode": "ZZ2 4BB",
            "country": "GB",
            "phone": "0113 496 0555",
            "email": "harbourside@example.com",
            "notification_recipients": "harbourside@example.com",
            "accessibility_notes": (
                "<p>The clinic is on the first floor, reached by a lift. The "
                "lift takes a standard wheelchair; tell us if you need help "
                "at the door.</p>"
            ),
            "travel_notes": (
                "<p>Pay-and-display parking on Quay Street. The harbour bus "
                "stop is opposite.</p>"
            ),
        },
        "hours": _week(
            (1, "08:00", "12:30"),
            (1, "13:30", "19:00"),
            (2, "08:00", "12:30"),
            (2, "13:30", "19:00"),
            (3, "08:00", "12:30"),
            (3, "13:30", "19:00"),
            (4, "08:00", "12:30"),
            (4, "13:30", "19:00"),
            (5, "09:00", "13:00"),
        ),
        "price": Decimal("210.00"),
        "practitioners": ["niamh-carroll"],
    },
    {
        "slug": "northgate",
        "values": {
            "title": "Northgate",
            "summary": (
                "Our newest clinic, in the Market Row arcade, with evening "
                "appointments three days a week."
            ),
            "street_address": "18 Market Row",
            "locality": "Northgate",
            "postcode": "ZZ3 7CD",
            "country": "GB",
            "phone": "0161 496 0777",
            "email": "northgate@example.com",
            "notification_recipients": "",
            "accessibility_notes": (
                "<p>Level access from Market Row. The treatment room has space "
                "to turn a wheelchair.</p>"
            ),
            "travel_notes": (
                "<p>Northgate tram stop is two minutes away. The arcade car park "
                "closes at 20:30.</p>"
            ),
        },
        "hours": _week(
            (0, "12:00", "20:00"),
            (2, "12:00", "20:00"),
            (3, "12:00", "20:00"),
            (5, "09:00", "13:00"),
        ),
        "price": Decimal("195.50"),
        "practitioners": ["dr-imogen-hale", "niamh-carroll"],
    },
]


def _portrait(loader, practitioner):
    """An abstract picture standing in for a fictional practitioner's photo."""
    key = practitioner["slug"]
    image, created = get_or_create_image(
        f"Demo portrait: {practitioner['name']}",
        describe_picture(key),
        lambda: abstract_picture_file(key),
    )
    loader.report("created" if created else "unchanged", f"picture: {image.title}")
    return {"photo_id": image.pk, "photo_alt": describe_picture(key)}


def _sync_treatments(loader, practitioner, treatments, created):
    """The treatments ``practitioner`` performs, in order; replaced when they differ.

    A practitioner ``created`` by this run was reported as such already.
    """
    wanted = [treatment.pk for treatment in treatments]
    current = list(
        practitioner.treatment_links.order_by("sort_order").values_list(
            "treatment_id", flat=True
        )
    )
    if current == wanted:
        return
    practitioner.treatment_links = [
        PractitionerTreatment(treatment_id=pk, sort_order=order)
        for order, pk in enumerate(wanted)
    ]
    practitioner.save()
    if not created:
        loader.report("updated", f"practitioner: {practitioner}")


def load_group(loader, home, treatment):
    """The locations index, the three clinics and their practitioners."""
    model = swappable.get_practitioner_model()
    practitioners = {}
    for values in PRACTITIONERS:
        created = not model.objects.filter(name=values["name"]).exists()
        practitioner = loader._sync_object(
            model,
            {"name": values["name"]},
            {**values, **_portrait(loader, values)},
            "practitioner",
        )
        performs = [treatment] if values["slug"] in PERFORMS_TREATMENT else []
        _sync_treatments(loader, practitioner, performs, created)
        practitioners[values["slug"]] = practitioner

    index = loader._sync_page(
        home,
        swappable.get_location_index_page_model(),
        LOCATIONS_SLUG,
        LOCATIONS_INDEX,
    )
    locations = []
    for location in LOCATIONS:
        slug = location["slug"]
        locations.append(
            loader._sync_page(
                index,
                swappable.get_location_page_model(),
                slug,
                {
                    **location["values"],
                    **loader._picture(slug, location["values"]["title"]),
                },
                links=[
                    (
                        "opening_hours",
                        LocationOpeningHours,
                        ("weekday", "opens", "closes", "closed"),
                        location["hours"],
                    ),
                    (
                        "hours_exceptions",
                        LocationHoursException,
                        ("date", "note", "closed"),
                        [(day, note, True) for day, note in HOLIDAYS],
                    ),
                    (
                        "offered_treatments",
                        LocationTreatment,
                        ("treatment_id", "price_from"),
                        [(treatment.pk, location["price"])],
                    ),
                    (
                        "practitioner_links",
                        LocationPractitioner,
                        ("practitioner_id",),
                        [(practitioners[p].pk,) for p in location["practitioners"]],
                    ),
                ],
            )
        )
    return {
        "locations_index": index,
        "locations": locations,
        "practitioners": list(practitioners.values()),
    }
