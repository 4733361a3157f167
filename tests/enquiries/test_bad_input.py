"""Bad input is refused with a message or a 400, never stored, never a 500.

Overlong and invisible-character emails, tick-box values the form never
renders, bidirectional and zero-width characters, bodies in a charset other
than UTF-8, and control characters in the address, the query or a cookie. Each
case runs on the standalone form and on a treatment page's form; the suite runs
on SQLite and on PostgreSQL (``DATABASE_URL``).
"""

import io

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.test import Client

from tests.enquiries.pipeline_helpers import (
    ENQUIRY_URL,
    assert_no_store,
    post_raw,
    soup,
    valid_data,
)
from treatments_cms.enquiries.forms import (
    CHECKBOX_INVALID,
    EMAIL_TOO_LONG,
    INVISIBLE_CHARACTERS,
)
from treatments_cms.middleware import CharsetGuard
from treatments_cms.models import Enquiry

pytestmark = pytest.mark.usefixtures("no_wait")

ORIGINS = ["standalone", "page"]
MIDDLEWARE = "treatments_cms.middleware.RequestSanityMiddleware"

# Bidirectional overrides and isolates, direction marks, zero-width characters,
# the byte order mark, a soft hyphen (all Unicode category Cf).
INVISIBLE = [
    *"\u202a\u202b\u202c\u202d\u202e",
    *"\u2066\u2067\u2068\u2069",
    *"\u200e\u200f\u061c",
    *"\u200b\u200c\u200d\u2060\ufeff",
    "\u00ad",
]


@pytest.fixture
def without_middleware(settings):
    """A host project that has not installed RequestSanityMiddleware."""
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != MIDDLEWARE]


@pytest.fixture
def lenient_client():
    """A client that turns an exception into the 500 a visitor would get."""
    return Client(raise_request_exception=False)


def post_form(client, tree, origin, **changes):
    return client.post(ENQUIRY_URL, valid_data(tree, origin=origin, **changes))


def field_error(response, name):
    """The message shown beside the field ``name``, or None."""
    error = soup(response).find(id=f"id_{name}_error")
    return None if error is None else error.get_text(" ", strip=True)


def assert_refused_beside(response, name, message):
    assert response.status_code == 400
    assert_no_store(response)
    assert str(message) in field_error(response, name)
    assert Enquiry.objects.count() == 0


def assert_other_answers_kept(response, bad_field):
    page = soup(response)
    if bad_field != "name":
        assert page.find(id="id_name")["value"] == "Sam Example"
    if bad_field != "email":
        assert page.find(id="id_email")["value"] == "sam@example.com"
    if bad_field != "message":
        assert page.find(id="id_message").get_text().strip() == (
            "I have some redness on my cheeks."
        )
    assert page.find(id="id_concerns_0").has_attr("checked")
    for box in ("is_adult", "consent"):
        if box != bad_field:
            assert page.find(id=f"id_{box}").has_attr("checked")


# --- Email addresses ----------------------------------------------------------


def address(length, domain="example.com"):
    return "a" * (length - len(domain) - 1) + "@" + domain


@pytest.mark.parametrize("origin", ORIGINS)
@pytest.mark.parametrize("length", [255, 260, 320, 1000])
def test_an_email_over_254_characters_is_refused(client, site_tree, origin, length):
    email = address(length)
    assert len(email) == length

    response = post_form(client, site_tree, origin, email=email)

    assert_refused_beside(response, "email", EMAIL_TOO_LONG)
    assert field_error(response, "email") == f"Error: {EMAIL_TOO_LONG}"
    assert_other_answers_kept(response, "email")


def test_an_email_of_254_characters_is_stored(client, site_tree):
    email = address(254)

    response = post_form(client, site_tree, "page", email=email)

    assert response.status_code == 302
    assert Enquiry.objects.get().email == email


def test_an_email_whose_ascii_domain_is_over_254_characters_is_refused(
    client, site_tree
):
    # 230 characters as typed; the "xn--" form of its domain makes it longer.
    domain = ".".join(["bücher"] * 20) + ".example"
    email = "a" * (230 - len(domain) - 1) + "@" + domain
    assert len(email) == 230

    response = post_form(client, site_tree, "standalone", email=email)

    assert_refused_beside(response, "email", EMAIL_TOO_LONG)


def test_an_email_is_stored_normalised_and_keyed_for_matching(client, site_tree):
    # An upper-case internationalised domain typed with a decomposed accent.
    response = post_form(
        client, site_tree, "page", email="  Sam@BU\u0308CHER.Example  "
    )

    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.email == "Sam@b\u00fccher.example"
    assert enquiry.email_key == "sam@xn--bcher-kva.example"


def test_an_email_with_an_ascii_domain_form_is_kept_in_unicode(client, site_tree):
    response = post_form(client, site_tree, "page", email="sam@XN--BCHER-KVA.example")

    assert response.status_code == 302
    assert Enquiry.objects.get().email == "sam@bücher.example"


# --- Invisible and bidirectional characters ---------------------------------


@pytest.mark.parametrize("origin", ORIGINS)
@pytest.mark.parametrize("field", ["name", "email", "phone", "message"])
def test_invisible_characters_are_refused_beside_the_field(
    client, site_tree, origin, field
):
    for char in INVISIBLE:
        value = {
            "name": f"Sam{char}Example",
            "email": f"sam{char}@example.com",
            "phone": f"020 7946{char}0000",
            "message": f"Hello{char} there",
        }[field]

        response = post_form(client, site_tree, origin, **{field: value})

        assert response.status_code == 400, repr(char)
        assert field_error(response, field) == f"Error: {INVISIBLE_CHARACTERS}", repr(
            char
        )
        assert_other_answers_kept(response, field)
        assert Enquiry.objects.count() == 0, repr(char)


@pytest.mark.parametrize("char", ["\u200b", "\u202e", "\u200d"])
def test_an_invisible_character_in_an_email_domain_is_refused(client, site_tree, char):
    # Python's IDNA codec would quietly drop it and accept the address.
    response = post_form(client, site_tree, "page", email=f"sam@exa{char}mple.com")

    assert_refused_beside(response, "email", INVISIBLE_CHARACTERS)


def test_letters_of_other_scripts_are_accepted(client, site_tree):
    response = post_form(
        client,
        site_tree,
        "page",
        name="Zoë Łukasz-ʻOhana 山田",
        message="مرحبا — שלום",
    )

    assert response.status_code == 302
    assert Enquiry.objects.get().name == "Zoë Łukasz-ʻOhana 山田"


# --- Tick boxes ------------------------------------------------------------------

WRONG_TICKS = ["0", "no", "off", "None", "false", "False", "", "yes", "true", "ON"]


@pytest.mark.parametrize("origin", ORIGINS)
@pytest.mark.parametrize("box", ["is_adult", "consent", "marketing_opt_in"])
def test_a_tick_box_value_the_form_never_renders_is_refused(
    client, site_tree, origin, box
):
    for value in [*WRONG_TICKS, ["on", "on"], ["no", "on"], ["on", "no"]]:
        response = post_form(client, site_tree, origin, **{box: value})

        assert response.status_code == 400, value
        assert_no_store(response)
        assert field_error(response, box) == f"Error: {CHECKBOX_INVALID}", value
        # Shown unticked, with no value attribute to be sent back again.
        rendered = soup(response).find(id=f"id_{box}")
        assert not rendered.has_attr("checked"), value
        assert not rendered.has_attr("value"), value
        assert_other_answers_kept(response, box)
        assert Enquiry.objects.count() == 0, value


def test_the_tick_boxes_render_without_a_value_so_browsers_send_on(client, site_tree):
    page = soup(client.get(ENQUIRY_URL))

    for box in ("is_adult", "consent", "marketing_opt_in"):
        rendered = page.find(id=f"id_{box}")
        assert rendered["type"] == "checkbox"
        assert not rendered.has_attr("value")
        # The checkbox layout: the box before its label, side by side.
        assert rendered.parent["class"] == ["field-choice"]
        assert rendered.find_next_sibling("label")["for"] == f"id_{box}"
        assert "field--checkbox" in rendered.parent.parent["class"]


def test_ticked_boxes_send_on_and_an_absent_box_is_unticked(client, site_tree):
    opted_in = post_form(client, site_tree, "page", marketing_opt_in="on")
    not_opted_in = post_form(client, site_tree, "page")

    assert opted_in.status_code == not_opted_in.status_code == 302
    first, second = Enquiry.objects.order_by("pk")
    assert first.is_adult is True and first.marketing_opt_in is True
    assert second.marketing_opt_in is False


@pytest.mark.parametrize("box", ["is_adult", "consent"])
def test_an_absent_required_box_asks_for_the_tick(client, site_tree, box):
    response = post_form(client, site_tree, "standalone", **{box: None})

    assert response.status_code == 400
    assert "Tick" in field_error(response, box) or "Confirm" in field_error(
        response, box
    )
    assert str(CHECKBOX_INVALID) not in field_error(response, box)
    assert Enquiry.objects.count() == 0


# --- Bodies in a charset other than UTF-8 -----------------------------------

CHARSETS = [
    "utf8",
    "iso-8859-1",
    "latin1",
    "windows-1252",
    "utf-16",
    "utf-8-sig",
    "hex",
    "rot13",
    "undefined",
    "no-such-charset",
]


def multipart(data, boundary="BoUnDaRy"):
    parts = []
    for key, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"'
                f"\r\n\r\n{item}\r\n"
            )
    return "".join(parts) + f"--{boundary}--\r\n"


def charset_posts(tree, charset, origin):
    """A valid form as urlencoded and one as multipart, each declaring ``charset``."""
    from urllib.parse import urlencode

    def data():
        return valid_data(tree, origin=origin, name="Zoë Example")

    return [
        (
            urlencode(data(), doseq=True),
            f"application/x-www-form-urlencoded; charset={charset}",
        ),
        (
            multipart(data()),
            f"multipart/form-data; boundary=BoUnDaRy; charset={charset}",
        ),
    ]


def body_bytes(body, charset):
    try:
        return body.encode(charset)
    except (LookupError, UnicodeError):
        return body.encode("utf-8")


@pytest.mark.parametrize("origin", ORIGINS)
@pytest.mark.parametrize("charset", CHARSETS)
def test_a_body_declaring_another_charset_is_a_400(
    lenient_client, site_tree, origin, charset
):
    for body, content_type in charset_posts(site_tree, charset, origin):
        response = post_raw(lenient_client, body_bytes(body, charset), content_type)

        assert response.status_code == 400, content_type
        assert "UTF-8" in response.content.decode()
    assert Enquiry.objects.count() == 0


@pytest.mark.usefixtures("without_middleware")
@pytest.mark.parametrize("charset", CHARSETS)
def test_without_the_middleware_the_view_refuses_another_charset(
    lenient_client, site_tree, charset
):
    for body, content_type in charset_posts(site_tree, charset, "page"):
        response = post_raw(lenient_client, body_bytes(body, charset), content_type)

        assert response.status_code == 400, content_type
        assert "could not read" in response.content.decode()
    assert Enquiry.objects.count() == 0


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8"])
def test_a_body_declaring_utf8_is_accepted(client, site_tree, charset):
    for body, content_type in charset_posts(site_tree, charset, "page"):
        response = post_raw(client, body.encode(), content_type)

        assert response.status_code == 302, content_type
    assert list(Enquiry.objects.values_list("name", flat=True)) == ["Zoë Example"] * 2


def test_a_get_declaring_a_charset_python_cannot_decode_is_a_400(
    lenient_client, site_tree
):
    content_type = "text/plain; charset=no-such-charset"
    for url in ["/treatments/?page=2", "/search/?q=laser", "/enquire/"]:
        assert lenient_client.get(url, CONTENT_TYPE=content_type).status_code == 400


@pytest.mark.usefixtures("without_middleware")
@pytest.mark.parametrize("charset", ["no-such-charset", "iso-8859-1", "utf-16"])
def test_without_the_middleware_a_declared_charset_on_a_get_is_not_a_500(
    lenient_client, site_tree, charset
):
    content_type = f"text/plain; charset={charset}"
    for url in ["/treatments/?page=2", "/search/?q=laser", "/enquire/?treatment=x"]:
        assert lenient_client.get(url, CONTENT_TYPE=content_type).status_code == 200


def wsgi_environ(content_type, query="q=laser"):
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/search/",
        "QUERY_STRING": query,
        "CONTENT_TYPE": content_type,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
    }


@pytest.mark.parametrize("charset", ["hex", "rot13", "undefined", "no-such-charset"])
def test_the_wsgi_guard_refuses_a_charset_django_cannot_build_a_request_with(
    charset,
):
    environ = wsgi_environ(f"text/plain; charset={charset}")
    if charset in ("hex", "rot13", "undefined"):
        # Django itself fails before any middleware runs: a 500.
        with pytest.raises((LookupError, UnicodeError)):
            WSGIRequest(wsgi_environ(f"text/plain; charset={charset}"))
    started = []

    def inner(environ, start_response):
        raise AssertionError("the request reached Django")

    body = CharsetGuard(inner)(environ, lambda *args: started.append(args))

    assert started[0][0] == "400 Bad Request"
    assert b"UTF-8" in b"".join(body)


@pytest.mark.parametrize("charset", [None, "utf-8", "iso-8859-1", "utf-16"])
def test_the_wsgi_guard_passes_readable_charsets_on(charset):
    content_type = "text/plain" + (f"; charset={charset}" if charset else "")

    def inner(environ, start_response):
        start_response("200 OK", [])
        return [b"reached"]

    body = CharsetGuard(inner)(wsgi_environ(content_type), lambda *args: None)

    assert body == [b"reached"]


def test_the_demo_sites_wsgi_application_is_guarded():
    from clinic_site import wsgi

    assert isinstance(wsgi.application, CharsetGuard)


# --- Control characters in the address, the query and cookies --------------------

NUL_REQUESTS = [
    "/treatments/?condition=%00",
    "/treatments/?condition=spider-veins%00",
    "/treatments/?page=%00",
    "/conditions/?page=1%00",
    "/search/?q=%00",
    "/search/?q=laser%00",
    "/search/?%00=laser",
    "/?x=%00",
    "/sitemap.xml?p=%00",
    f"{ENQUIRY_URL}?treatment=%00",
    f"{ENQUIRY_URL}?treatment=laser%1B",
    "/treatments/%00/",
    "/treatments/laser-skin-rejuvenation/?a=%07",
]


def test_control_characters_in_the_query_or_address_are_a_400(
    lenient_client, site_tree
):
    for url in NUL_REQUESTS:
        response = lenient_client.get(url)

        assert response.status_code == 400, url
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert "not allowed" in response.content.decode()


def test_a_post_with_a_nul_in_its_query_is_a_400(lenient_client, site_tree):
    response = lenient_client.post(f"{ENQUIRY_URL}?x=%00", valid_data(site_tree))

    assert response.status_code == 400
    assert Enquiry.objects.count() == 0


def test_tabs_and_line_breaks_in_a_query_are_not_refused(client, site_tree):
    assert client.get("/search/?q=spider%09veins%0D%0A").status_code == 200


@pytest.mark.usefixtures("without_middleware")
def test_without_the_middleware_the_public_views_tolerate_nul(
    lenient_client, site_tree
):
    for url in NUL_REQUESTS:
        response = lenient_client.get(url)

        assert response.status_code in (200, 404), url
    unknown = lenient_client.get("/treatments/?condition=spider-veins%00").content
    assert "We could not find that condition" in unknown.decode()
    assert "Laser skin rejuvenation" in unknown.decode()


def test_a_cookie_with_a_nul_is_a_400(lenient_client, site_tree):
    lenient_client.cookies["sessionid"] = "\x00" * 12

    assert lenient_client.get("/").status_code == 400
    assert lenient_client.get("/admin/").status_code == 400
    assert lenient_client.post(ENQUIRY_URL, valid_data(site_tree)).status_code == 400
    assert Enquiry.objects.count() == 0
