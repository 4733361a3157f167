"""The demo site's content pages: privacy notice, about the clinic, contact.

Our own words. The privacy notice describes what this project's enquiry form
really collects and what the software does with it; a clinic that uses the
project must check it against its own practice before publishing.
"""

PRIVACY_SLUG = "privacy"
ABOUT_SLUG = "about"
CONTACT_SLUG = "contact"


def paragraph(html):
    return {"type": "paragraph", "value": html}


def privacy_notice(clinic, retention_days):
    """The privacy notice's fields, for ``clinic`` (the CLINIC data) and its retention."""
    name = clinic["clinic_name"]
    email = clinic["email"]
    address = ", ".join(clinic["address"].splitlines())
    return {
        "title": "Privacy notice",
        "summary": (
            "What the enquiry form asks for, why we need it, who reads it, how "
            "long we keep it and how to get a copy or have it deleted."
        ),
        "body": [
            paragraph(
                f"<p>{name} ({address}) decides how the details you send "
                "through this website are used, and is responsible for "
                "looking after them. This notice covers the enquiry form, the "
                "only place on the site where you give us personal details.</p>"
            ),
            paragraph(
                "<h2>What the enquiry form asks for</h2>"
                "<ul>"
                "<li>your name and email address;</li>"
                "<li>a phone number, if you choose to give one, and how you "
                "would like us to get in touch;</li>"
                "<li>the treatment you are asking about and, if you tick any, "
                "the concerns you would like to improve;</li>"
                "<li>anything else you choose to write in the message box;</li>"
                "<li>the clinic you would like to visit, where there is a "
                "choice;</li>"
                "<li>that you are 18 or over;</li>"
                "<li>your consent, stored with the exact wording you agreed to "
                "and the time you sent the form;</li>"
                "<li>whether you would like news and offers by email (only if "
                "you tick that box).</li>"
                "</ul>"
                "<p>The concerns you tick and what you write can say something "
                "about your health, so we treat the whole enquiry as health "
                "information. Please do not attach or copy medical records "
                "into the form.</p>"
                "<p>We do not store your internet address with your enquiry. "
                "To slow down automated floods of messages, the site counts "
                "recent enquiries from each connection using a scrambled form "
                "of its address that cannot be turned back into it; the count "
                "expires after a few minutes. The site uses no advertising or "
                "analytics cookies.</p>"
            ),
            paragraph(
                "<h2>Why we ask, and on what basis</h2>"
                "<p>We use your enquiry for one purpose: so that a clinician can "
                "judge whether a treatment might suit you and reply to you "
                "about it. We rely on your explicit consent, which you give "
                "with the tick box on the form, because the enquiry may "
                "include health information. You can withdraw your consent at "
                "any time by writing to us; we then delete your enquiry.</p>"
                "<p>We never sell your details or use them for advertising. We "
                "send news and offers only if you asked for them, and every "
                "such email lets you stop them.</p>"
            ),
            paragraph(
                "<h2>Who sees your enquiry</h2>"
                "<p>Only the members of our team who handle enquiries can open "
                "it: the clinicians who assess suitability and the staff who "
                "arrange consultations. They sign in to the site's private "
                "administration area to read it. When an enquiry arrives, the "
                "clinic receives an email alert that contains none of your "
                "details, only a link that needs that sign-in.</p>"
                "<p>The company that hosts the website stores the data for us "
                "under a contract and may not use it for anything else.</p>"
            ),
            paragraph(
                "<h2>How long we keep it</h2>"
                f"<p>Enquiries are deleted automatically {retention_days} days "
                "after they arrive. If you go on to book a consultation, what "
                "you tell us then becomes part of your clinical record, which "
                "is kept separately under the rules for health records.</p>"
            ),
            paragraph(
                "<h2>A copy, a correction or deletion</h2>"
                "<p>You can ask for a copy of every enquiry you have sent us, "
                "for a correction, or for all of them to be deleted. Email "
                f'<a href="mailto:{email}">{email}</a> or write to us at the '
                "address above, using the email address you gave in the form "
                "so we can find your enquiries. We may ask you to confirm who "
                "you are, and we will answer within one month.</p>"
                "<p>If you are unhappy with how we have handled your details, "
                "please tell us first. You can also complain to the "
                '<a href="https://ico.org.uk/make-a-complaint/">Information '
                "Commissioner's Office</a>, the UK's data protection "
                "regulator.</p>"
            ),
        ],
        "show_clinic_contact_details": True,
    }


def about_page(clinic):
    name = clinic["clinic_name"]
    return {
        "title": "About the clinic",
        "summary": (
            f"Who we are at {name}, how we work and why every treatment "
            "starts with an honest assessment."
        ),
        "body": [
            paragraph(
                f"<p>{name} is a small, consultant-led skin clinic. We are a "
                "fictional clinic: this site shows how a real one could "
                "present its treatments openly.</p>"
                "<h2>How we work</h2>"
                "<p>Every course of treatment starts with a consultation. A "
                "clinician looks at your skin, asks about your health and "
                "medicines, and tells you plainly what a treatment is likely "
                "to change and what it will not. Sometimes the honest answer "
                "is that another approach, or no treatment at all, would "
                "serve you better, and we say so.</p>"
            ),
            paragraph(
                "<h2>What we offer</h2>"
                "<p>Our main treatment is fractional laser skin rejuvenation, "
                "used for sun-damaged skin, fine lines, some scars, stretch "
                "marks and small thread veins. Each treatment page lists its "
                "risks, the downtime to expect and how long results tend to "
                "last, next to the alternatives, such as chemical peels and "
                "microdermabrasion, so you can compare them fairly.</p>"
            ),
            paragraph(
                "<h2>Our standards</h2>"
                "<p>A clinician reviews each treatment and condition page at "
                "least once a year, and the date of the last review is shown "
                "at the foot of the page. We do not promise results, and we "
                "will not treat anyone under 18.</p>"
            ),
        ],
        "show_clinic_contact_details": False,
    }


def contact_page(clinic):
    return {
        "title": "Contact us",
        "summary": (
            "How to reach the clinic by phone, email or post, and the best "
            "way to ask whether a treatment could suit you."
        ),
        "body": [
            paragraph(
                "<p>To ask whether a treatment could suit you, the enquiry "
                'form is the quickest route: <a href="/enquire/">send us an '
                "enquiry</a> and a clinician will read it. For anything else, "
                "call or email us using the details below.</p>"
                "<p>Please do not send medical records or photographs by "
                "email. If we need them, we will ask at your consultation.</p>"
            ),
        ],
        "show_clinic_contact_details": True,
    }


def content_pages(clinic, retention_days):
    """(slug, values) of each content page, in the order they are created."""
    return [
        (ABOUT_SLUG, about_page(clinic)),
        (CONTACT_SLUG, contact_page(clinic)),
        (PRIVACY_SLUG, privacy_notice(clinic, retention_days)),
    ]
