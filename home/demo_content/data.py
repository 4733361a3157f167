"""The demo site's words and facts.

The facts come from a clinic's page on laser skin rejuvenation; the wording is
our own. The clinic, its address, phone number and practitioner are fictional.
"""

import datetime
from decimal import Decimal

from treatments_cms.models import Invasiveness, Outcome

REVIEWED_ON = datetime.date(2026, 11, 2)

CLINIC = {
    "clinic_name": "Example Skin Clinic",
    "address": "Unit 4, Sample Court\nExampleton",
    # A number from the range Ofcom keeps free for drama and examples.
    "phone": "020 7946 0321",
    "email": "hello@example.com",
    "notification_recipients": "enquiries@example.com",
}

PRACTITIONER = {
    "name": "Dr Rowan Ashby",
    "role": "Consultant dermatologist (a fictional demo profile)",
    # A fictional profile has no registration: a made-up number could name a
    # real clinician on the regulator's register.
    "regulator": "",
    "registration_number": "",
}

CONSENT = {
    "version": "demo-2026-01",
    "text": (
        "I agree that Example Skin Clinic may keep and use what I write in this "
        "form, including details about my health, so that a clinician can judge "
        "whether the treatment could suit me and contact me about it. The clinic "
        "deletes enquiries after its retention period and does not use them for "
        "marketing unless I opt in separately."
    ),
    "effective_from": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
}

# The three sections under the home page, by slug.
INDEX_PAGES = {
    "treatments": {
        "title": "Treatments",
        "introduction": (
            "Each treatment page sets out how it works, what it can and "
            "cannot do, its risks and who it may suit, so you can decide "
            "whether to ask for an assessment."
        ),
    },
    "conditions": {
        "title": "Conditions",
        "introduction": (
            "Skin concerns we are asked about, with the treatments that can "
            "help and the signs that mean you should see a doctor first."
        ),
    },
    "alternatives": {
        "title": "Alternatives",
        "introduction": (
            "Other ways to address the same concerns, with their facts side "
            "by side so you can compare them fairly."
        ),
    },
}

CONDITIONS = [
    (
        "sun-damage",
        {
            "title": "Sun damage",
            "summary": (
                "Changes that years of sunlight leave on the skin: brown spots, "
                "uneven colour, a rough surface and early lines."
            ),
            "alternate_names": "photoageing, sun spots, age spots",
            "symptoms": (
                "<p>Freckle-like brown marks, blotchy colour, dryness and a "
                "leathery feel, most often on the face, neck, chest and the backs "
                "of the hands.</p>"
            ),
            "causes": (
                "<p>Ultraviolet light breaks down collagen and upsets the cells "
                "that make pigment. Sunburn, sunbeds and time outdoors without "
                "protection all add up.</p>"
            ),
        },
    ),
    (
        "scars-and-acne-scars",
        {
            "title": "Scars and acne scars",
            "summary": (
                "Marks left where the skin has healed after spots, injury or "
                "surgery, from shallow pits to raised or discoloured areas."
            ),
            "alternate_names": "acne scarring, pitted scars, pockmarks",
            "symptoms": (
                "<p>Dips, pits or ridges in the skin, or areas that are darker, "
                "lighter or redder than the skin around them.</p>"
            ),
            "causes": (
                "<p>When the deeper layers of skin are damaged, the body repairs "
                "them with collagen laid down unevenly. Picking or squeezing "
                "spots makes acne scars more likely.</p>"
            ),
        },
    ),
    (
        "stretch-marks",
        {
            "title": "Stretch marks",
            "summary": (
                "Streaks that appear where the skin has stretched quickly, such "
                "as during pregnancy, a growth spurt or a change in weight."
            ),
            "alternate_names": "striae",
            "symptoms": (
                "<p>Lines that start red, pink or purple and slowly fade to "
                "silvery white, often on the tummy, thighs, hips or upper arms.</p>"
            ),
            "causes": (
                "<p>Rapid stretching tears the supporting fibres in the middle "
                "layer of the skin.</p>"
            ),
        },
    ),
    (
        "spider-veins",
        {
            "title": "Spider veins",
            "summary": (
                "Tiny red, blue or purple blood vessels that show through the "
                "skin, often around the nose, on the cheeks or on the legs."
            ),
            "alternate_names": "thread veins, telangiectasia",
            "symptoms": (
                "<p>Fine branching lines, like a web. They seldom hurt but can "
                "make the skin look flushed.</p>"
            ),
            "causes": (
                "<p>Small vessels close to the surface widen and stay that way. "
                "Sun, age, hormones, alcohol and family history all play a "
                "part.</p>"
            ),
        },
    ),
    (
        "actinic-keratosis",
        {
            "title": "Actinic keratosis",
            "summary": (
                "Rough, scaly or crusted patches on skin that has had a lot of "
                "sun. A doctor should check them before any cosmetic treatment."
            ),
            "alternate_names": "solar keratosis",
            "symptoms": (
                "<p>Dry, gritty or thickened spots that may be pink, red or "
                "brown and can feel sore or itchy.</p>"
            ),
            "causes": "<p>Long-term exposure to ultraviolet light.</p>",
            "requires_medical_assessment": True,
            "medical_assessment_text": (
                "<p>See your GP or a dermatologist first. These patches can be "
                "pre-cancerous, so a doctor needs to examine them, confirm what "
                "they are and decide how they should be treated. Only then can "
                "the clinic talk to you about cosmetic options.</p>"
            ),
        },
    ),
    (
        "fine-to-medium-wrinkles",
        {
            "title": "Fine to medium wrinkles",
            "summary": (
                "Lines that form as the skin loses collagen and springiness with "
                "age and sun, from fine creases to moderate folds."
            ),
            "alternate_names": "fine lines, wrinkles",
            "symptoms": (
                "<p>Creases around the eyes and mouth and across the forehead "
                "that become more noticeable over time.</p>"
            ),
            "causes": (
                "<p>Ageing, sunlight, smoking and repeated facial expressions.</p>"
            ),
        },
    ),
]

ALTERNATIVES = [
    (
        "chemical-peel",
        {
            "title": "Chemical peel",
            "summary": (
                "A solution painted on the skin lifts away its outer layers, so "
                "that smoother, more even skin forms underneath."
            ),
            "how_it_works": (
                "<p>The practitioner applies an acid solution chosen for your "
                "skin and leaves it on for a set time. The top layers then shed "
                "over the following days. Light peels can reduce the signs of "
                "ageing and improve texture; they can also soften minor scars "
                "and marks from the sun.</p>"
            ),
            "risks": (
                "<p>Stinging, redness and peeling are common. Changes in skin "
                "colour, infection and, rarely, scarring can happen, more often "
                "with stronger peels.</p>"
            ),
            "invasiveness": Invasiveness.NON_INVASIVE,
            "sessions_min": 3,
            "sessions_max": 6,
            "downtime_min_days": 1,
            "downtime_max_days": 7,
        },
        ["sun-damage", "scars-and-acne-scars", "fine-to-medium-wrinkles"],
    ),
    (
        "microdermabrasion",
        {
            "title": "Microdermabrasion",
            "summary": (
                "A handheld device gently buffs away the surface layer of dead "
                "skin cells to leave the skin smoother and brighter."
            ),
            "how_it_works": (
                "<p>A wand with a textured tip, or a fine spray of crystals, "
                "polishes the skin while gentle suction lifts the loosened cells "
                "away. It can lessen the signs of ageing, refine texture and "
                "make minor scars and sun marks less obvious.</p>"
            ),
            "risks": (
                "<p>Mild redness, tightness and sensitivity for a day or so. "
                "Bruising is uncommon.</p>"
            ),
            "invasiveness": Invasiveness.NON_INVASIVE,
            "sessions_min": 5,
            "sessions_max": 10,
            "downtime_min_days": 0,
        },
        ["sun-damage", "scars-and-acne-scars", "fine-to-medium-wrinkles"],
    ),
    (
        "facelift",
        {
            "title": "Facelift",
            "summary": (
                "An operation that lifts and tightens loose skin and the tissue "
                "beneath it on the face and neck, for changes beyond what skin "
                "treatments can reach."
            ),
            "how_it_works": (
                "<p>Under anaesthetic, a surgeon makes cuts near the hairline and "
                "around the ears, repositions the deeper tissue, removes spare "
                "skin and closes the wounds. It is a surgical option for people "
                "whose concerns go further than resurfacing can help.</p>"
            ),
            "risks": (
                "<p>The risks of any operation and anaesthetic, including "
                "bleeding, infection and blood clots, as well as scarring, "
                "numbness and, rarely, damage to the nerves that move the "
                "face.</p>"
            ),
            "invasiveness": Invasiveness.SURGICAL,
            "sessions_min": 1,
            "sessions_max": 1,
            "downtime_min_days": 14,
            "downtime_max_days": 28,
        },
        [],
    ),
    (
        "anti-wrinkle-injections",
        {
            "title": "Anti-wrinkle injections",
            "summary": (
                "A prescription-only treatment for lines caused by facial "
                "movement. It is offered only after a face-to-face assessment by "
                "a qualified prescriber."
            ),
            "how_it_works": (
                "<p>A qualified prescriber meets you in person, asks about your "
                "health and discusses every option, including no treatment. If "
                "they decide it is appropriate, a medicine is injected into "
                "chosen muscles to reduce their movement, which softens frown and "
                "expression lines. Effects build over about two weeks and wear "
                "off over a few months.</p>"
            ),
            "risks": (
                "<p>Bruising or tenderness where the needle goes in and "
                "headache are common. A temporary droop of an eyelid or eyebrow "
                "can happen.</p>"
            ),
            "invasiveness": Invasiveness.MINIMALLY_INVASIVE,
            "results_last_min": 3,
            "results_last_max": 4,
            "results_last_unit": "months",
            "downtime_min_days": 0,
        },
        ["fine-to-medium-wrinkles"],
    ),
]

TREATMENT_SLUG = "laser-skin-rejuvenation"

TREATMENT = {
    "title": "Laser skin rejuvenation",
    "summary": (
        "A fractional laser treats tiny columns of skin at a time so that it "
        "renews itself with fresh collagen, softening lines, marks and uneven "
        "tone."
    ),
    "how_it_works": (
        "<p>The practitioner passes a fractional laser over the area. Its beam "
        "makes a grid of microscopic wounds, each narrower than a hair, and "
        "leaves the skin between them untouched, so the skin heals faster and "
        "is less irritated than when the whole surface is treated at once.</p>"
        "<p>The skin repairs these pinpoint injuries as it would any small "
        "wound, producing new collagen where it had thinned. Over the following "
        "weeks the treated area becomes firmer and smoother.</p>"
        "<p>A typical course is three to five sessions about a month apart. The "
        "number you need depends on your skin and on how marked the concern is, "
        "and is agreed at your consultation.</p>"
    ),
    "sessions_min": 3,
    "sessions_max": 5,
    "session_interval": 4,
    "session_interval_unit": "weeks",
    "results_last_min": 1,
    "results_last_max": 3,
    "results_last_unit": "years",
    "downtime_min_days": 3,
    "downtime_max_days": 7,
    "benefits": (
        "<ul><li>Smoother texture and a more even skin tone.</li>"
        "<li>Softer fine and medium lines.</li>"
        "<li>Scars, stretch marks and sun marks that are less noticeable.</li>"
        "<li>For many people, more confidence once their skin looks fresher.</li>"
        "</ul>"
    ),
    "limitations": (
        "<p>Deep wrinkles improve but do not disappear; fine and medium lines "
        "respond best.</p>"
        "<p>Results build over several weeks. On wrinkles they usually last one "
        "to three years, because the skin keeps ageing.</p>"
        "<p>How many sessions you need varies from person to person and with "
        "how severe the concern is.</p>"
    ),
    "risks": (
        "<ul><li>Redness, swelling and a sunburn-like feeling for a few days are "
        "common.</li>"
        "<li>Flaking or peeling for up to a week while the skin heals.</li>"
        "<li>Darker or lighter patches of skin, more often on darker skin tones; "
        "they usually fade but can occasionally last.</li>"
        "<li>Infection, including a flare of cold sores in people who get "
        "them.</li>"
        "<li>Rarely, blistering or scarring.</li></ul>"
    ),
    "suitability": (
        "<p>Not everyone is suitable. Before any treatment a practitioner "
        "assesses your skin, your medical history and any medicines you take, "
        "and tells you honestly whether laser treatment is likely to help.</p>"
    ),
    "contraindications": (
        "<ul><li>Pregnancy.</li>"
        "<li>An infection, cold sore or open wound where you want treatment.</li>"
        "<li>Some acne medicines taken in the past six months, or medicines that "
        "make the skin sensitive to light.</li>"
        "<li>A tendency to form raised (keloid) scars.</li>"
        "<li>A recent suntan or fake tan.</li>"
        "<li>Any patch of skin a doctor has not yet checked, especially one "
        "that is changing.</li></ul>"
    ),
    "preparation": (
        "<ul><li>Stay out of strong sun and avoid sunbeds and fake tan for four "
        "weeks beforehand.</li>"
        "<li>Tell the clinic about every medicine, supplement and skin product "
        "you use.</li>"
        "<li>If you get cold sores, say so: you may be advised how to prevent a "
        "flare.</li></ul>"
    ),
    "recovery": (
        "<p>Expect the skin to look red and feel warm and tight for a few days; "
        "most people are back to normal activities within a week. Use a gentle "
        "moisturiser, leave flaking skin alone and wear a high-factor sunscreen "
        "every day for several weeks.</p>"
    ),
    "price_from": Decimal("250.00"),
    # Fractional laser makes tiny controlled wounds in the skin.
    "invasiveness": Invasiveness.MINIMALLY_INVASIVE,
}

# (condition slug, outcome, note), in the order visitors see them.
TREATMENT_CONDITIONS = [
    ("sun-damage", Outcome.TREATS, ""),
    (
        "scars-and-acne-scars",
        Outcome.IMPROVES,
        "Scars become flatter and less noticeable.",
    ),
    (
        "stretch-marks",
        Outcome.IMPROVES,
        "Stretch marks fade and blend in, but do not vanish.",
    ),
    ("spider-veins", Outcome.TREATS, ""),
    (
        "actinic-keratosis",
        Outcome.TREATS,
        "Only once a doctor has examined the patches.",
    ),
    (
        "fine-to-medium-wrinkles",
        Outcome.IMPROVES,
        "Fine lines soften and medium lines become shallower, but do not disappear.",
    ),
]

# (alternative slug, comparison note), in the order visitors see them.
TREATMENT_ALTERNATIVES = [
    (
        "chemical-peel",
        "Light peels need less recovery, but results are usually milder and "
        "take more visits.",
    ),
    (
        "microdermabrasion",
        "Little or no recovery time; suits dullness and mild texture rather "
        "than scars or deeper lines.",
    ),
    (
        "facelift",
        "Surgery for loose, sagging skin rather than surface texture, with a "
        "longer recovery and the risks of an operation.",
    ),
    (
        "anti-wrinkle-injections",
        "Aimed at lines caused by muscle movement; effects wear off within "
        "months and a prescriber must assess you first.",
    ),
]
