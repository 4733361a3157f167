"""Cached public pages with a working enquiry form (issue 11, item 1).

Two visitors (two test clients with Django's CSRF checks on) share one page
cache. The cached HTML holds no per-visitor secret; with JavaScript the
visitor's tokens come from the uncached token view, without it the post is
accepted on a same-origin check and keyed by its answers.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from tests.enquiries.pipeline_helpers import THANKS_URL, assert_no_store, valid_data
from tests.factories import ConsentStatementFactory
from treatments_cms.cache import HIT_HEADER
from treatments_cms.enquiries.tokens import FormToken, PageToken
from treatments_cms.models import Enquiry

TOKEN_URL = "/enquire/token/"
ORIGIN = "http://testserver"


@pytest.fixture
def page_cache(settings):
    settings.TREATMENTS_CMS_PAGE_CACHE_SECONDS = 300
    settings.TREATMENTS_CMS_PAGE_MAX_AGE = 60
    settings.TREATMENTS_CMS_PAGE_SHARED_MAX_AGE = 600
    settings.TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS = 0


def visitor():
    return Client(enforce_csrf_checks=True)


def form_fields(response):
    form = BeautifulSoup(response.content, "html.parser").find(
        "form", class_="enquiry-form"
    )
    return form, {
        tag["name"]: tag.get("value", "")
        for tag in form.find_all("input", type="hidden")
    }


def post_data(tree, fields, **answers):
    """The cached form's hidden fields with a visitor's answers."""
    data = valid_data(tree, token=fields["form_token"], **answers)
    data["csrfmiddlewaretoken"] = fields.get("csrfmiddlewaretoken", "")
    data["visitor_token"] = fields.get("visitor_token", "")
    return data


def with_script(client, fields):
    """What enquiry-token.js does: this visitor's tokens into the form."""
    bundle = client.get(TOKEN_URL).json()
    return {
        **fields,
        "csrfmiddlewaretoken": bundle["csrf"],
        "visitor_token": bundle["form_token"],
    }


# --- Public, cacheable pages ------------------------------------------------------


def test_every_page_type_is_public_without_cookies_and_cached(page_cache, site_tree):
    for page in site_tree.pages:
        first = visitor().get(page.url)
        second = visitor().get(page.url)

        assert first.status_code == second.status_code == 200, page
        for response in (first, second):
            assert response["Cache-Control"] == "public, max-age=60, s-maxage=600"
            assert not response.cookies
            assert "cookie" not in response.get("Vary", "").lower()
        assert first[HIT_HEADER] == "miss"
        assert second[HIT_HEADER] == "hit"
        assert first.content == second.content


def test_the_cached_form_carries_no_per_visitor_secret(page_cache, site_tree):
    one = visitor().get(site_tree.treatment.url)
    two = visitor().get(site_tree.treatment.url)

    assert one.content == two.content
    form, fields = form_fields(one)
    assert fields["csrfmiddlewaretoken"] == ""
    assert fields["visitor_token"] == ""
    assert PageToken.read(fields["form_token"]).nonce is None
    assert form["data-token-url"] == TOKEN_URL
    assert b"csrftoken" not in one.content


def test_the_cache_switch_off_keeps_the_headers_and_stores_nothing(
    page_cache, settings, site_tree
):
    settings.TREATMENTS_CMS_PAGE_CACHE_SECONDS = 0

    first = visitor().get(site_tree.treatment.url)
    second = visitor().get(site_tree.treatment.url)

    assert HIT_HEADER not in first and HIT_HEADER not in second
    assert first["Cache-Control"] == "public, max-age=60, s-maxage=600"


def test_the_token_view_is_private_and_gives_each_visitor_their_own(
    page_cache, site_tree
):
    one, two = visitor(), visitor()

    first = one.get(TOKEN_URL)
    second = two.get(TOKEN_URL)

    for response in (first, second):
        assert_no_store(response)
        assert "csrftoken" in response.cookies
        assert "cookie" in response["Vary"].lower()
        assert HIT_HEADER not in response
    assert first.json()["csrf"] != second.json()["csrf"]
    assert FormToken.read(first.json()["form_token"]).nonce != (
        FormToken.read(second.json()["form_token"]).nonce
    )


def test_an_editor_is_never_served_from_the_cache_nor_stored(
    page_cache, site_tree, django_user_model
):
    anonymous = visitor().get(site_tree.treatment.url)
    editor = Client()
    editor.force_login(
        django_user_model.objects.create_superuser("ed", "ed@example.com", "pw")
    )

    response = editor.get(site_tree.treatment.url)

    assert anonymous[HIT_HEADER] == "miss"
    assert HIT_HEADER not in response
    assert response["Cache-Control"] == "private"
    assert visitor().get(site_tree.treatment.url).content == anonymous.content


# --- With JavaScript: the visitor's own tokens ------------------------------------


def test_two_visitors_with_the_script_store_two_enquiries(page_cache, site_tree):
    one, two = visitor(), visitor()
    _form, fields_one = form_fields(one.get(site_tree.treatment.url))
    _form, fields_two = form_fields(two.get(site_tree.treatment.url))
    assert fields_one == fields_two  # the same cached page

    first = one.post(
        site_tree.treatment.url,
        post_data(site_tree, with_script(one, fields_one), name="Ann One"),
    )
    second = two.post(
        site_tree.treatment.url,
        post_data(site_tree, with_script(two, fields_two), name="Bob Two"),
    )

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == THANKS_URL
    assert sorted(Enquiry.objects.values_list("name", flat=True)) == [
        "Ann One",
        "Bob Two",
    ]


def test_two_visitors_with_the_script_and_the_same_answers_store_two(
    page_cache, site_tree
):
    for client in (visitor(), visitor()):
        _form, fields = form_fields(client.get(site_tree.treatment.url))
        response = client.post(
            site_tree.treatment.url, post_data(site_tree, with_script(client, fields))
        )
        assert response.status_code == 302

    assert Enquiry.objects.count() == 2


def test_a_double_click_with_the_script_stores_one(page_cache, site_tree):
    client = visitor()
    _form, fields = form_fields(client.get(site_tree.treatment.url))
    data = post_data(site_tree, with_script(client, fields))

    first = client.post(site_tree.treatment.url, data)
    second = client.post(site_tree.treatment.url, data)

    assert first.status_code == second.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.submission_key == FormToken.read(data["visitor_token"]).nonce


def test_a_post_with_another_visitors_csrf_token_is_refused(page_cache, site_tree):
    one, two = visitor(), visitor()
    _form, fields = form_fields(one.get(site_tree.treatment.url))
    stolen = with_script(one, fields)
    two.get(TOKEN_URL)  # the second visitor has a CSRF cookie of their own

    # No Origin or Referer: the same-origin fallback cannot apply either.
    response = two.post(site_tree.treatment.url, post_data(site_tree, stolen))

    assert response.status_code == 403
    assert Enquiry.objects.count() == 0


# --- Without JavaScript: same-origin check, answers key -------------------------


def test_two_visitors_without_script_store_two_enquiries(page_cache, site_tree):
    one, two = visitor(), visitor()
    _form, fields_one = form_fields(one.get(site_tree.treatment.url))
    _form, fields_two = form_fields(two.get(site_tree.treatment.url))

    first = one.post(
        site_tree.treatment.url,
        post_data(site_tree, fields_one, name="Ann One", email="ann@example.com"),
        HTTP_ORIGIN=ORIGIN,
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    second = two.post(
        site_tree.treatment.url,
        post_data(site_tree, fields_two, name="Bob Two", email="bob@example.com"),
        HTTP_ORIGIN=ORIGIN,
    )

    assert first.status_code == second.status_code == 302
    assert Enquiry.objects.count() == 2
    keys = set(Enquiry.objects.values_list("submission_key", flat=True))
    assert len(keys) == 2 and None not in keys


def test_a_double_click_without_script_stores_one(page_cache, site_tree):
    client = visitor()
    _form, fields = form_fields(client.get(site_tree.treatment.url))
    data = post_data(site_tree, fields)

    first = client.post(site_tree.treatment.url, data, HTTP_ORIGIN=ORIGIN)
    second = client.post(site_tree.treatment.url, data, HTTP_ORIGIN=ORIGIN)

    assert first.status_code == second.status_code == 302
    enquiry = Enquiry.objects.get()
    # A keyed hash: none of the answers can be read from it.
    assert len(enquiry.submission_key) == 64
    assert "sam" not in enquiry.submission_key


def test_a_same_origin_referer_is_enough_without_origin(page_cache, site_tree):
    client = visitor()
    _form, fields = form_fields(client.get(site_tree.treatment.url))

    response = client.post(
        site_tree.treatment.url,
        post_data(site_tree, fields),
        HTTP_REFERER=ORIGIN + site_tree.treatment.url,
    )

    assert response.status_code == 302
    assert Enquiry.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": ORIGIN, "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": ORIGIN, "HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_REFERER": "https://evil.example/page"},
        {"HTTP_REFERER": "http://testserver.evil.example/"},
    ],
    ids=[
        "no-headers",
        "other-origin",
        "null-origin",
        "cross-site",
        "same-site",
        "other-referer",
        "lookalike-referer",
    ],
)
def test_a_cross_site_post_without_csrf_token_is_refused(
    page_cache, site_tree, headers
):
    client = visitor()
    _form, fields = form_fields(client.get(site_tree.treatment.url))

    response = client.post(
        site_tree.treatment.url, post_data(site_tree, fields), **headers
    )

    assert response.status_code == 403
    assert Enquiry.objects.count() == 0


def test_a_forged_page_token_gets_no_same_origin_pass(page_cache, site_tree):
    client = visitor()
    _form, fields = form_fields(client.get(site_tree.treatment.url))
    fields["form_token"] = fields["form_token"][:-2] + "xx"

    response = client.post(
        site_tree.treatment.url, post_data(site_tree, fields), HTTP_ORIGIN=ORIGIN
    )

    assert response.status_code == 403
    assert Enquiry.objects.count() == 0


def test_the_standalone_form_still_needs_its_csrf_token(page_cache, site_tree):
    client = visitor()
    response = client.post("/enquire/", valid_data(site_tree), HTTP_ORIGIN=ORIGIN)

    assert response.status_code == 403
    assert Enquiry.objects.count() == 0


def test_the_fill_time_check_still_applies_without_script(
    page_cache, settings, site_tree
):
    settings.TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS = 30
    client = visitor()
    _form, fields = form_fields(client.get(site_tree.treatment.url))

    response = client.post(
        site_tree.treatment.url, post_data(site_tree, fields), HTTP_ORIGIN=ORIGIN
    )

    assert response.status_code == 400
    assert Enquiry.objects.count() == 0


# --- Nothing of one visitor reaches another --------------------------------------


def test_a_refused_post_is_private_and_never_reaches_the_next_visitor(
    page_cache, site_tree
):
    one, two = visitor(), visitor()
    _form, fields = form_fields(one.get(site_tree.treatment.url))

    refused = one.post(
        site_tree.treatment.url,
        post_data(site_tree, fields, name="Private Person", email="not-an-email"),
        HTTP_ORIGIN=ORIGIN,
    )
    after = two.get(site_tree.treatment.url)

    assert refused.status_code == 400
    assert_no_store(refused)
    assert HIT_HEADER not in refused
    assert b"Private Person" in refused.content
    assert after.status_code == 200
    assert after[HIT_HEADER] == "hit"
    assert b"Private Person" not in after.content
    # The form shown again keeps the page token (one rendering) and gets a CSRF
    # token of its own: the page is private now.
    _form, again = form_fields(refused)
    assert again["form_token"] == fields["form_token"]
    assert again["csrfmiddlewaretoken"]


def test_the_thank_you_and_token_responses_are_never_cached(page_cache, site_tree):
    client = visitor()
    _form, fields = form_fields(client.get(site_tree.treatment.url))
    client.post(
        site_tree.treatment.url, post_data(site_tree, fields), HTTP_ORIGIN=ORIGIN
    )

    thanks = client.get(THANKS_URL)

    assert_no_store(thanks)
    assert HIT_HEADER not in thanks
    assert HIT_HEADER not in client.get(TOKEN_URL)


# --- The consent statement shown ---------------------------------------------------


def test_the_consent_recorded_is_the_one_the_cached_page_showed(page_cache, site_tree):
    start = timezone.now()
    with freeze_time(start):
        _form, fields = form_fields(visitor().get(site_tree.treatment.url))
    newer = ConsentStatementFactory(
        version="v2", effective_from=start + datetime.timedelta(seconds=30)
    )

    with freeze_time(start + datetime.timedelta(minutes=2)):
        client = visitor()
        cached = client.get(site_tree.treatment.url)
        assert cached[HIT_HEADER] == "hit"
        response = client.post(
            site_tree.treatment.url, post_data(site_tree, fields), HTTP_ORIGIN=ORIGIN
        )

    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.consent_statement == site_tree.consent
    assert enquiry.consent_statement != newer


def test_without_the_plugins_csrf_middleware_the_page_stays_private(
    page_cache, settings, site_tree
):
    settings.MIDDLEWARE = [
        "django.middleware.csrf.CsrfViewMiddleware"
        if path.endswith("EnquiryCsrfViewMiddleware")
        else path
        for path in settings.MIDDLEWARE
    ]

    response = visitor().get(site_tree.treatment.url)

    assert_no_store(response)
    assert HIT_HEADER not in response
    _form, fields = form_fields(response)
    assert fields["csrfmiddlewaretoken"]
    assert FormToken.read(fields["form_token"]).nonce


def test_system_checks_guard_the_setup(settings):
    from treatments_cms.checks import check_csrf_middleware, check_page_cache_lifetimes

    assert check_csrf_middleware(None) == []
    assert check_page_cache_lifetimes(None) == []

    settings.TREATMENTS_CMS_PAGE_SHARED_MAX_AGE = 86400
    assert [w.id for w in check_page_cache_lifetimes(None)] == ["treatments_cms.W011"]

    settings.MIDDLEWARE = [p for p in settings.MIDDLEWARE if "Csrf" not in p]
    assert [w.id for w in check_csrf_middleware(None)] == ["treatments_cms.W010"]
