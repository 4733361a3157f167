"""The enquiry form as visitors see it: fields, errors, and what it refuses."""

import pytest
from django import forms
from django.test import Client
from wagtail.models import PageViewRestriction

from tests.enquiries.pipeline_helpers import (
    ENQUIRY_URL,
    THANKS_URL,
    assert_no_store,
    error_summary,
    post_raw,
    soup,
    valid_data,
)
from tests.factories import (
    ConditionPageFactory,
    ConsentStatementFactory,
    TreatmentPageFactory,
)
from treatments_cms.enquiries.forms import EnquiryForm
from treatments_cms.models import ConsentStatement, Enquiry

pytestmark = pytest.mark.usefixtures("no_wait")


# --- The standalone page ------------------------------------------------------


def test_standalone_page_shows_every_field_of_the_contract(client, site_tree):
    response = client.get(ENQUIRY_URL)

    assert response.status_code == 200
    assert_no_store(response)
    page = soup(response)
    form = page.find("form", class_="enquiry-form")
    assert form["action"] == ENQUIRY_URL
    assert form["method"] == "post"
    for name in ("name", "email", "phone", "message"):
        assert page.find(attrs={"name": name})["id"] == f"id_{name}"
    assert [r["value"] for r in page.find_all("input", {"name": "contact_method"})] == [
        "email",
        "phone",
    ]
    select = page.find("select", {"name": "treatment"})
    assert [o.get_text() for o in select.find_all("option")] == [
        "Choose a treatment",
        "Laser skin rejuvenation",
    ]
    assert page.find(
        "input", {"name": "concerns", "value": str(site_tree.condition.pk)}
    )
    assert "I am 18 or over" in page.find("label", {"for": "id_is_adult"}).get_text()
    assert (
        page.find("label", {"for": "id_consent"}).get_text() == site_tree.consent.text
    )
    opt_in = page.find("input", {"name": "marketing_opt_in"})
    assert opt_in["type"] == "checkbox" and not opt_in.has_attr("checked")
    assert not page.find("input", {"name": "consent"}).has_attr("checked")
    honeypot = page.find("input", {"name": "website"})
    assert honeypot["tabindex"] == "-1" and honeypot["autocomplete"] == "off"
    assert (
        page.find("label", {"for": "id_website"}).get_text() == "Leave this field empty"
    )
    assert page.find("input", {"name": "form_token", "type": "hidden"})["value"]
    assert page.find("button", {"type": "submit"}).get_text() == "Send enquiry"


def test_standalone_page_lists_only_live_public_treatments(client, site_tree):
    TreatmentPageFactory(title="Draft peel", live=False)
    private = TreatmentPageFactory(title="Members-only laser")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    options = soup(client.get(ENQUIRY_URL)).find("select", {"name": "treatment"})

    assert [o.get_text() for o in options.find_all("option")][1:] == [
        "Laser skin rejuvenation"
    ]


def test_query_string_preselects_the_treatment(client, site_tree):
    response = client.get(f"{ENQUIRY_URL}?treatment={site_tree.treatment.slug}")

    selected = soup(response).find("option", selected=True)
    assert selected["value"] == str(site_tree.treatment.pk)


@pytest.mark.parametrize("slug", ["no-such-treatment", "<script>", "x" * 300, ""])
def test_an_unknown_query_string_treatment_selects_nothing(client, site_tree, slug):
    response = client.get(ENQUIRY_URL, {"treatment": slug})

    assert response.status_code == 200
    assert soup(response).find("option", selected=True)["value"] == ""


def test_standalone_form_offers_every_live_condition(client, site_tree):
    other = ConditionPageFactory(title="Acne scars")
    ConditionPageFactory(title="Draft condition", live=False)

    page = soup(client.get(ENQUIRY_URL))

    labels = [
        page.find("label", {"for": box["id"]}).get_text()
        for box in page.find_all("input", {"name": "concerns"})
    ]
    assert labels == [other.title, site_tree.condition.title]


def test_the_form_is_closed_without_a_consent_statement(client, site_tree):
    ConsentStatement.objects.all().delete()

    response = client.get(ENQUIRY_URL)

    assert response.status_code == 200
    assert "not taking enquiries online" in response.content.decode()
    assert soup(response).find("form", class_="enquiry-form") is None


def test_a_post_without_a_consent_statement_stores_nothing(client, site_tree):
    data = valid_data(site_tree)
    ConsentStatement.objects.all().delete()

    response = client.post(ENQUIRY_URL, data)

    assert response.status_code == 400
    assert "not taking enquiries online" in response.content.decode()
    assert Enquiry.objects.count() == 0


def test_a_consent_statement_not_yet_in_force_is_not_shown(client, site_tree):
    import datetime

    from django.utils import timezone

    ConsentStatementFactory(
        text="Future wording.",
        effective_from=timezone.now() + datetime.timedelta(days=3),
    )

    label = soup(client.get(ENQUIRY_URL)).find("label", {"for": "id_consent"})

    assert label.get_text() == site_tree.consent.text


# --- The form on a treatment page -------------------------------------------


def test_treatment_page_shows_the_form_for_that_treatment(client, site_tree):
    unrelated = ConditionPageFactory(title="Stretch marks")

    response = client.get(site_tree.treatment.url)

    assert response.status_code == 200
    section = soup(response).find("section", id="enquiry")
    form = section.find("form", class_="enquiry-form")
    assert form["action"] == site_tree.treatment.url  # the page handles its post
    treatment = form.find("input", {"name": "treatment"})
    assert treatment["type"] == "hidden"
    assert treatment["value"] == str(site_tree.treatment.pk)
    assert form.find("select") is None
    assert "Laser skin rejuvenation" in section.get_text()
    concern_values = [c["value"] for c in form.find_all("input", {"name": "concerns"})]
    assert concern_values == [str(site_tree.condition.pk)]
    assert str(unrelated.pk) not in concern_values
    assert form.find("input", {"name": "origin"})["value"] == "page"
    assert (
        form.find("label", {"for": "id_consent"}).get_text() == site_tree.consent.text
    )


def test_each_render_gets_its_own_token(client, site_tree):
    # The standalone page is private: each rendering has its own token. (A
    # treatment page is the same for every visitor; its visitors' own tokens
    # come from the token view: see test_cached_form.py.)
    first = soup(client.get(ENQUIRY_URL)).find("input", {"name": "form_token"})
    second = soup(client.get(ENQUIRY_URL)).find("input", {"name": "form_token"})

    assert first["value"] != second["value"]


def test_treatment_page_says_when_the_clinic_is_not_taking_enquiries(client, site_tree):
    ConsentStatement.objects.all().delete()

    response = client.get(site_tree.treatment.url)

    assert response.status_code == 200
    section = soup(response).find("section", id="enquiry")
    assert "not taking enquiries online" in section.get_text()
    assert section.find("form") is None


def test_errors_on_a_treatment_page_re_render_that_page(client, site_tree):
    response = client.post(ENQUIRY_URL, valid_data(site_tree, email="not-an-email"))

    assert response.status_code == 400
    assert_no_store(response)
    page = soup(response)
    assert page.find("h1").get_text(strip=True) == "Laser skin rejuvenation"
    section = page.find("section", id="enquiry")
    assert section.find(id="error-summary")
    assert section.find("input", {"name": "name"})["value"] == "Sam Example"
    assert Enquiry.objects.count() == 0


def test_a_concern_of_another_treatment_is_refused_on_a_treatment_page(
    client, site_tree
):
    other = ConditionPageFactory(title="Stretch marks")

    response = client.post(ENQUIRY_URL, valid_data(site_tree, concerns=[str(other.pk)]))

    assert response.status_code == 400
    assert error_summary(response) == [
        ("#id_concerns", "Choose from the listed concerns.")
    ]
    assert Enquiry.objects.count() == 0


# --- Errors: summary, messages beside fields, values kept -------------------


def test_the_error_summary_links_to_each_invalid_field(client, site_tree):
    response = client.post(
        ENQUIRY_URL,
        valid_data(site_tree, origin="standalone", name="", email="nope", consent=None),
    )

    assert response.status_code == 400
    page = soup(response)
    summary = page.find(id="error-summary")
    assert summary["role"] == "alert"
    assert summary["tabindex"] == "-1"
    assert summary.has_attr("autofocus")
    assert summary.find(["h2", "h3"]).get_text() == "There is a problem"
    assert [href for href, _text in error_summary(response)] == [
        "#id_name",
        "#id_email",
        "#id_consent",
    ]
    for name in ("name", "email", "consent"):
        field = page.find(id=f"id_{name}")
        assert page.find(id=f"id_{name}_error").get_text(strip=True)
        assert f"id_{name}_error" in field["aria-describedby"].split()
        assert field["aria-invalid"] == "true"
    assert not page.find(id="id_phone").has_attr("aria-invalid")


def test_each_missing_or_wrong_answer_says_what_to_do(client, site_tree):
    response = client.post(
        ENQUIRY_URL,
        valid_data(
            site_tree, name="", email="not-an-email", contact_method="fax", consent=None
        ),
    )

    assert response.status_code == 400
    assert error_summary(response) == [
        ("#id_name", "Enter your name."),
        ("#id_email", "Enter an email address like name@example.com."),
        ("#id_contact_method", "Choose email or phone."),
        ("#id_consent", "Tick the consent box so we can use your answers."),
    ]
    blank = client.post(ENQUIRY_URL, valid_data(site_tree, email=""))
    assert ("#id_email", "Enter your email address.") in error_summary(blank)


def test_invalid_groups_describe_their_error_on_the_fieldset(client, site_tree):
    response = client.post(
        ENQUIRY_URL, valid_data(site_tree, origin="standalone", contact_method="fax")
    )

    fieldset = soup(response).find("fieldset", id="id_contact_method")
    assert fieldset["aria-describedby"] == "id_contact_method_error"
    assert fieldset["aria-invalid"] == "true"
    assert soup(response).find(id="id_contact_method_error")


def test_entered_values_are_kept(client, site_tree):
    response = client.post(
        ENQUIRY_URL,
        valid_data(
            site_tree,
            origin="standalone",
            email="bad",
            phone="020 7946 0000",
            contact_method="phone",
            marketing_opt_in="on",
        ),
    )

    page = soup(response)
    assert page.find(id="id_name")["value"] == "Sam Example"
    assert page.find(id="id_email")["value"] == "bad"
    assert page.find(id="id_phone")["value"] == "020 7946 0000"
    assert page.find(id="id_message").get_text().strip() == (
        "I have some redness on my cheeks."
    )
    assert page.find("input", {"name": "contact_method", "value": "phone"}).has_attr(
        "checked"
    )
    assert page.find(id="id_concerns_0").has_attr("checked")
    assert page.find(id="id_is_adult").has_attr("checked")
    assert page.find(id="id_marketing_opt_in").has_attr("checked")
    assert page.find("option", selected=True)["value"] == str(site_tree.treatment.pk)


BAD_FIELDS = {
    "name with CR/LF": ({"name": "Sam\r\nBcc: x@example.com"}, "name"),
    "name with LF": ({"name": "Sam\nExample"}, "name"),
    "name with a control character": ({"name": "Sam\x07"}, "name"),
    "name with a bidi override": ({"name": "Sam\u202eelpmaxE"}, "name"),
    "name too long": ({"name": "S" * 151}, "name"),
    "name with NUL": ({"name": "Sam\x00"}, "name"),
    "name with HTML": ({"name": "<b>Sam</b>"}, "name"),
    "message of 100,000 characters": ({"message": "a" * 100_000}, "message"),
    "message of 2001 characters": ({"message": "a" * 2001}, "message"),
    "message with NUL": ({"message": "hello\x00world"}, "message"),
    "message with a script": ({"message": "<script>alert(1)</script>"}, "message"),
    "message with an image tag": (
        {"message": "hi <img src=x onerror=alert(1)>"},
        "message",
    ),
    "message with a closing tag": ({"message": "hi </textarea>"}, "message"),
    "message with an escape character": ({"message": "hi\x1b[31m"}, "message"),
    "invalid email": ({"email": "sam@"}, "email"),
    "email with CR/LF": ({"email": "sam@example.com\r\nBcc: x@example.com"}, "email"),
    "email with NUL": ({"email": "sam\x00@example.com"}, "email"),
    "email with HTML": ({"email": "<script>@example.com"}, "email"),
    "phone with letters": ({"phone": "call me maybe"}, "phone"),
    "phone too long": ({"phone": "0" * 41}, "phone"),
    "phone with HTML": ({"phone": "<b>0207</b>"}, "phone"),
    "phone chosen but not given": ({"contact_method": "phone", "phone": ""}, "phone"),
    "unknown contact method": ({"contact_method": "pigeon"}, "contact_method"),
    "not 18 or over": ({"is_adult": None}, "is_adult"),
    "no consent": ({"consent": None}, "consent"),
    "unknown concern": ({"concerns": ["999999"]}, "concerns"),
    "concern that is not a number": ({"concerns": ["abc"]}, "concerns"),
    "unknown treatment id": ({"treatment": "999999"}, "treatment"),
    "treatment id that is not a number": ({"treatment": "abc"}, "treatment"),
    "huge treatment id": ({"treatment": "9" * 30}, "treatment"),
    "treatment with NUL": ({"treatment": "1\x00"}, "treatment"),
    "no treatment": ({"treatment": ""}, "treatment"),
}


@pytest.mark.parametrize("origin", ["standalone", "page"])
def test_bad_values_are_form_errors_and_store_nothing(client, site_tree, origin):
    # One test posting every case: a page tree per case would cost far more
    # than the posts themselves.
    for case, (changes, field) in BAD_FIELDS.items():
        response = client.post(
            ENQUIRY_URL, valid_data(site_tree, origin=origin, **changes)
        )

        assert response.status_code == 400, case
        assert_no_store(response)
        page = soup(response)
        assert page.find(id="error-summary"), case
        if origin == "standalone" or field != "treatment":
            assert page.find(id=f"id_{field}_error"), case
        assert Enquiry.objects.count() == 0, case


@pytest.mark.parametrize("origin", ["standalone", "page"])
def test_a_treatment_that_is_not_live_is_refused(client, site_tree, origin):
    site_tree.treatment.unpublish()

    response = client.post(ENQUIRY_URL, valid_data(site_tree, origin=origin))

    assert response.status_code == 400
    assert "Choose a treatment from the list." in response.content.decode()
    assert Enquiry.objects.count() == 0


def test_a_private_treatment_is_refused(client, site_tree):
    PageViewRestriction.objects.create(
        page=site_tree.treatment, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.post(ENQUIRY_URL, valid_data(site_tree))

    assert response.status_code == 400
    assert Enquiry.objects.count() == 0


def test_html_typed_into_a_field_is_shown_back_as_text(client, site_tree):
    response = client.post(
        ENQUIRY_URL,
        valid_data(site_tree, origin="standalone", name="<script>alert(1)</script>"),
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert Enquiry.objects.count() == 0


# --- Requests the form never sees ---------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"name=Sam\xff\xfe&email=sam%40example.com",
        b"name=Sam%FF%FE&email=sam%40example.com",
        b"name=%C3%28&email=sam%40example.com",
        b"\xc3\x28=x",
    ],
    ids=["raw bytes", "percent-encoded bytes", "invalid sequence", "bad key"],
)
def test_bytes_that_are_not_utf8_are_a_400(client, site_tree, body):
    response = post_raw(client, body)

    assert response.status_code == 400
    assert "could not read" in response.content.decode()
    assert Enquiry.objects.count() == 0


def test_an_otherwise_valid_post_with_a_non_utf8_field_stores_nothing(
    client, site_tree
):
    from urllib.parse import urlencode

    body = urlencode(valid_data(site_tree), doseq=True).encode() + b"&message=caf\xe9"

    response = post_raw(client, body)

    assert response.status_code == 400
    assert Enquiry.objects.count() == 0


def test_multipart_with_bytes_that_are_not_utf8_is_a_400(client, site_tree):
    boundary = "BoUnDaRy"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n'
        ).encode()
        + b"Sam\xff\r\n"
        + f"--{boundary}--\r\n".encode()
    )

    response = post_raw(client, body, f"multipart/form-data; boundary={boundary}")

    assert response.status_code == 400
    assert Enquiry.objects.count() == 0


def test_a_valid_multipart_post_is_accepted(client, site_tree):
    response = client.post(ENQUIRY_URL, valid_data(site_tree))  # multipart by default

    assert response.status_code == 302
    assert Enquiry.objects.count() == 1


def test_an_oversized_body_is_a_400_not_a_500(client, site_tree, settings):
    body = b"message=" + b"a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = post_raw(client, body)

    assert response.status_code == 400
    assert Enquiry.objects.count() == 0


def test_too_many_fields_is_a_400_not_a_500(client, site_tree):
    body = b"&".join(b"f%d=x" % n for n in range(2000))

    response = post_raw(client, body)

    assert response.status_code == 400
    assert Enquiry.objects.count() == 0


def test_other_methods_are_refused(client, site_tree):
    assert client.put(ENQUIRY_URL).status_code == 405
    assert client.post(THANKS_URL).status_code == 405


# --- CSRF -----------------------------------------------------------------------


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_a_post_without_a_csrf_token_is_forbidden(csrf_client, site_tree):
    csrf_client.get(ENQUIRY_URL)

    response = csrf_client.post(ENQUIRY_URL, valid_data(site_tree))

    assert response.status_code == 403
    assert Enquiry.objects.count() == 0


def test_a_post_with_a_wrong_csrf_token_is_forbidden(csrf_client, site_tree):
    csrf_client.get(ENQUIRY_URL)

    response = csrf_client.post(
        ENQUIRY_URL, valid_data(site_tree, csrfmiddlewaretoken="x" * 64)
    )

    assert response.status_code == 403
    assert Enquiry.objects.count() == 0


def test_a_post_with_the_rendered_csrf_token_is_accepted(csrf_client, site_tree):
    page = soup(csrf_client.get(ENQUIRY_URL))
    token = page.find("input", {"name": "csrfmiddlewaretoken"})["value"]

    response = csrf_client.post(
        ENQUIRY_URL, valid_data(site_tree, csrfmiddlewaretoken=token)
    )

    assert response.status_code == 302
    assert Enquiry.objects.count() == 1


def test_the_friendly_csrf_page(csrf_client, site_tree, settings):
    settings.CSRF_FAILURE_VIEW = "treatments_cms.enquiries.views.csrf_failure"
    csrf_client.get(ENQUIRY_URL)

    response = csrf_client.post(ENQUIRY_URL, valid_data(site_tree))

    assert response.status_code == 403
    assert "reload the page and send it again" in response.content.decode()
    assert Enquiry.objects.count() == 0


# --- The thank-you page -------------------------------------------------------------


def test_the_thank_you_page_explains_what_happens_next(client, site_tree):
    response = client.get(THANKS_URL)

    assert response.status_code == 200
    assert_no_store(response)
    page = soup(response)
    assert "Thank you" in page.find("h1").get_text()
    text = " ".join(page.get_text().split())
    assert "not a booking" in text
    assert (
        "consultation, where a clinician assesses whether the treatment suits you"
        in text
    )
    assert "cooling-off period" in text


# --- Swapping the form class --------------------------------------------------------


class ReferralForm(EnquiryForm):
    referral = forms.CharField(label="How did you hear about us?", max_length=100)


def test_the_form_class_is_swappable(client, site_tree, settings):
    settings.TREATMENTS_CMS_ENQUIRY_FORM_CLASS = (
        "tests.enquiries.test_form.ReferralForm"
    )

    page = soup(client.get(site_tree.treatment.url))
    missing = client.post(ENQUIRY_URL, valid_data(site_tree))
    given = client.post(ENQUIRY_URL, valid_data(site_tree, referral="A friend"))

    label = page.find("label", {"for": "id_referral"})
    assert label.get_text() == "How did you hear about us?"
    assert missing.status_code == 400
    assert ("#id_referral", "This field is required.") in error_summary(missing)
    assert given.status_code == 302
    assert Enquiry.objects.count() == 1
