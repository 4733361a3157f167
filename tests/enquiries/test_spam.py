"""Spam checks: honeypot, signed minimum fill time, replay, per-client throttle."""

import datetime
import logging
import os
import socket

import pytest
from django.core import signing
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from freezegun import freeze_time

from tests.enquiries.pipeline_helpers import (
    ENQUIRY_URL,
    THANKS_URL,
    soup,
    valid_data,
)
from treatments_cms.checks import check_enquiry_pipeline
from treatments_cms.enquiries import throttle
from treatments_cms.enquiries.spam import TRY_AGAIN
from treatments_cms.enquiries.tokens import issue_token
from treatments_cms.models import Enquiry


def _soon(**delta):
    """A moment just after the page tree was built (its pages are live by then)."""
    return timezone.now() + datetime.timedelta(minutes=1, **delta)


VISITOR_TEXT = ("Sam Example", "sam@example.com", "redness on my cheeks")


def assert_try_again(response):
    assert response.status_code == 400
    assert str(TRY_AGAIN) in " ".join(
        soup(response).find(id="error-summary").get_text().split()
    )
    assert Enquiry.objects.count() == 0


def assert_nothing_logged_from(caplog):
    for text in VISITOR_TEXT:
        assert text not in caplog.text


# --- Honeypot -----------------------------------------------------------------------


@pytest.mark.usefixtures("no_wait")
def test_a_filled_honeypot_stores_nothing_but_thanks_the_bot(client, site_tree, caplog):
    caplog.set_level(logging.INFO, logger="treatments_cms")

    response = client.post(
        ENQUIRY_URL, valid_data(site_tree, website="http://spam.example")
    )

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    assert Enquiry.objects.count() == 0
    assert "honeypot" in caplog.text
    assert "spam.example" not in caplog.text
    assert_nothing_logged_from(caplog)


# --- The signed timing token ----------------------------------------------------------


def test_a_form_sent_too_fast_is_refused_then_accepted_after_a_pause(
    client, site_tree, settings, caplog
):
    caplog.set_level(logging.INFO, logger="treatments_cms")
    settings.TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS = 3
    with freeze_time(_soon()) as clock:
        page = soup(client.get(site_tree.treatment.url))
        token = page.find("input", {"name": "form_token"})["value"]
        clock.tick(1)

        too_fast = client.post(ENQUIRY_URL, valid_data(site_tree, form_token=token))

        assert_try_again(too_fast)
        # The re-rendered form keeps the genuine token, so the clock keeps running.
        kept = soup(too_fast).find("input", {"name": "form_token"})["value"]
        assert kept == token
        clock.tick(3)

        later = client.post(ENQUIRY_URL, valid_data(site_tree, form_token=kept))

    assert later.status_code == 302
    assert Enquiry.objects.count() == 1
    assert "token_too_fast" in caplog.text
    assert_nothing_logged_from(caplog)


def _tampered(token):
    nonce, timestamp, signature = token.split(":")
    return {
        "nonce": f"{'A' if nonce[0] != 'A' else 'B'}{nonce[1:]}:{timestamp}:{signature}",
        "timestamp": f"{nonce}:{signing.b62_encode(signing.b62_decode(timestamp) - 60)}:{signature}",
        "signature": f"{nonce}:{timestamp}:{signature[:-2]}xx",
    }


@pytest.mark.parametrize("part", ["nonce", "timestamp", "signature"])
def test_a_tampered_token_is_refused(client, site_tree, settings, part):
    settings.TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS = 0
    token = _tampered(issue_token())[part]

    response = client.post(ENQUIRY_URL, valid_data(site_tree, form_token=token))

    assert_try_again(response)
    fresh = soup(response).find("input", {"name": "form_token"})["value"]
    assert fresh != token


@pytest.mark.parametrize(
    "token",
    [
        "",
        "forged",
        "a" * 32 + ":1xVcyD:forgedsignature",
        signing.TimestampSigner().sign("a" * 32),  # right signer, wrong salt
        signing.TimestampSigner(salt="treatments_cms.enquiries.form_token").sign(
            "short"
        ),  # genuine signature on a nonce the pipeline never issues
        "x" * 5000,
        "\x00:\x00:\x00",
    ],
    ids=["empty", "junk", "made up", "wrong salt", "bad nonce", "long", "NUL"],
)
def test_a_forged_token_is_refused(client, site_tree, settings, token):
    settings.TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS = 0

    response = client.post(ENQUIRY_URL, valid_data(site_tree, form_token=token))

    assert_try_again(response)


@pytest.mark.usefixtures("no_wait")
def test_a_missing_token_is_refused(client, site_tree):
    data = valid_data(site_tree)
    del data["form_token"]

    assert_try_again(client.post(ENQUIRY_URL, data))


@pytest.mark.usefixtures("no_wait")
def test_an_expired_token_is_refused(client, site_tree):
    with freeze_time(_soon()) as clock:
        token = issue_token()
        clock.tick(datetime.timedelta(days=1, seconds=1))

        response = client.post(ENQUIRY_URL, valid_data(site_tree, form_token=token))

    assert_try_again(response)


@pytest.mark.usefixtures("no_wait")
def test_a_token_from_the_future_is_refused(client, site_tree):
    with freeze_time(_soon(hours=2)):
        token = issue_token()
    with freeze_time(_soon()):
        response = client.post(ENQUIRY_URL, valid_data(site_tree, form_token=token))

    assert_try_again(response)


@pytest.mark.usefixtures("no_wait")
def test_a_replayed_token_stores_nothing_more(client, site_tree, caplog):
    caplog.set_level(logging.INFO, logger="treatments_cms")
    token = issue_token()
    client.post(ENQUIRY_URL, valid_data(site_tree, form_token=token))

    replay = client.post(
        ENQUIRY_URL,
        valid_data(site_tree, form_token=token, name="Bot", email="bot@example.com"),
    )

    assert replay.status_code == 302
    assert replay["Location"] == THANKS_URL
    assert list(Enquiry.objects.values_list("name", flat=True)) == ["Sam Example"]
    assert "duplicate_submission" in caplog.text
    assert "bot@example.com" not in caplog.text


# --- The throttle -----------------------------------------------------------------------


@pytest.fixture
def two_per_ten_minutes(settings):
    settings.TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS = 0
    settings.TREATMENTS_CMS_ENQUIRY_THROTTLE_RATE = "2/10m"


@pytest.mark.usefixtures("two_per_ten_minutes")
def test_the_throttle_refuses_the_third_enquiry_from_one_address(
    client, site_tree, caplog
):
    caplog.set_level(logging.INFO, logger="treatments_cms")
    with freeze_time(_soon()) as clock:
        for _ in range(2):
            assert client.post(ENQUIRY_URL, valid_data(site_tree)).status_code == 302

        third = client.post(ENQUIRY_URL, valid_data(site_tree))

        assert third.status_code == 429
        assert third["Retry-After"]
        assert "several enquiries in the last few minutes" in third.content.decode()
        assert soup(third).find(id="id_name")["value"] == "Sam Example"
        assert Enquiry.objects.count() == 2

        other_address = client.post(
            ENQUIRY_URL, valid_data(site_tree), REMOTE_ADDR="203.0.113.9"
        )
        assert other_address.status_code == 302

        clock.tick(datetime.timedelta(minutes=10))
        assert client.post(ENQUIRY_URL, valid_data(site_tree)).status_code == 302

    assert Enquiry.objects.count() == 4
    assert "throttled" in caplog.text
    assert_nothing_logged_from(caplog)


@pytest.mark.usefixtures("two_per_ten_minutes")
def test_invalid_forms_do_not_use_up_the_allowance(client, site_tree):
    for _ in range(3):
        client.post(ENQUIRY_URL, valid_data(site_tree, email="bad"))

    assert client.post(ENQUIRY_URL, valid_data(site_tree)).status_code == 302


@pytest.mark.usefixtures("two_per_ten_minutes")
def test_a_client_cannot_dodge_the_throttle_with_x_forwarded_for(client, site_tree):
    for n in range(3):
        response = client.post(
            ENQUIRY_URL, valid_data(site_tree), HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        )

    assert response.status_code == 429


@pytest.mark.usefixtures("two_per_ten_minutes")
def test_behind_a_trusted_proxy_the_forwarded_address_counts(
    client, site_tree, settings
):
    settings.TREATMENTS_CMS_ENQUIRY_TRUSTED_PROXY_COUNT = 1

    def post(forwarded):
        return client.post(
            ENQUIRY_URL, valid_data(site_tree), HTTP_X_FORWARDED_FOR=forwarded
        ).status_code

    # The proxy appends the real client; whatever the client claimed comes first.
    assert [post(f"10.0.0.{n}, 198.51.100.7") for n in range(3)] == [302, 302, 429]
    assert post("198.51.100.8") == 302


def test_client_ip_without_enough_forwarded_entries_falls_back(rf, settings):
    settings.TREATMENTS_CMS_ENQUIRY_TRUSTED_PROXY_COUNT = 2
    request = rf.post("/", HTTP_X_FORWARDED_FOR="198.51.100.7", REMOTE_ADDR="10.0.0.1")

    assert throttle.client_ip(request) == "10.0.0.1"


@pytest.mark.usefixtures("no_wait")
def test_the_throttle_can_be_switched_off(client, site_tree, settings):
    settings.TREATMENTS_CMS_ENQUIRY_THROTTLE_RATE = None

    statuses = {
        client.post(ENQUIRY_URL, valid_data(site_tree)).status_code for _ in range(7)
    }

    assert statuses == {302}
    assert Enquiry.objects.count() == 7


def test_the_cache_key_holds_no_address(rf, settings, monkeypatch):
    settings.TREATMENTS_CMS_ENQUIRY_THROTTLE_RATE = "5/10m"
    request = rf.post("/", REMOTE_ADDR="192.0.2.44")
    # Record every key the throttle hands to the cache, whatever the backend
    # (local memory on SQLite, Redis in the PostgreSQL pass).
    cache = caches["default"]
    keys = set()
    for name in ("add", "incr", "set", "get"):
        method = getattr(cache, name)

        def spy(key, *args, _method=method, **kwargs):
            keys.add(key)
            return _method(key, *args, **kwargs)

        monkeypatch.setattr(cache, name, spy)

    throttle.hit(request)

    assert len(keys) == 1
    (key,) = keys
    assert "192.0.2.44" not in key
    assert "enquiry-throttle" in key


def test_a_key_that_expires_between_add_and_incr_counts_as_the_first_hit(
    rf, settings, monkeypatch
):
    settings.TREATMENTS_CMS_ENQUIRY_THROTTLE_RATE = "1/1m"
    cache = caches["default"]
    monkeypatch.setattr(cache, "incr", lambda key: (_ for _ in ()).throw(ValueError))

    assert throttle.hit(rf.post("/")) is False
    monkeypatch.undo()
    assert throttle.hit(rf.post("/")) is True


@pytest.mark.parametrize(
    ("value", "rate"),
    [
        ("5/10m", (5, 600)),
        ("1/s", (1, 1)),
        ("100/ 2h", (100, 7200)),
        ("3/1d", (3, 86400)),
    ],
)
def test_rates(value, rate):
    parsed = throttle.parse_rate(value)
    assert (parsed.count, parsed.seconds) == rate


@pytest.mark.parametrize("value", ["5", "five/m", "0/m", "5/0m", "5/10y", ""])
def test_bad_rates_are_refused(value):
    with pytest.raises(ImproperlyConfigured):
        throttle.parse_rate(value)


def test_system_checks_report_bad_pipeline_settings(settings):
    settings.TREATMENTS_CMS_ENQUIRY_THROTTLE_RATE = "lots"
    settings.TREATMENTS_CMS_ENQUIRY_THROTTLE_CACHE = "nope"
    settings.TREATMENTS_CMS_ENQUIRY_NOTIFIER = "no.such.notifier"

    ids = sorted(error.id for error in check_enquiry_pipeline(None))

    assert ids == ["treatments_cms.E010", "treatments_cms.E011", "treatments_cms.E012"]


def test_system_checks_pass_on_the_default_local_memory_cache():
    call_command("check", fail_level="WARNING")  # raises on any problem


# --- Redis -------------------------------------------------------------------------------


def _redis_url():
    """TEST_REDIS_URL, or database 15; under pytest-xdist, one database per worker
    (``cache.clear()`` empties the whole database)."""
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    base, _, database = url.rpartition("/")
    return f"{base}/{(int(database) - int(worker.removeprefix('gw'))) % 16}"


REDIS_URL = _redis_url()
REDIS_CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
    }
}


def _redis_reachable():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


needs_redis = pytest.mark.skipif(
    not _redis_reachable() and os.environ.get("CI") != "true",
    reason="Redis is not running on 127.0.0.1:6379 (never skipped when CI=true)",
)


@pytest.fixture
def redis_cache():
    with override_settings(CACHES=REDIS_CACHES):
        cache = caches["default"]
        cache.clear()
        yield cache
        cache.clear()


@needs_redis
@pytest.mark.usefixtures("two_per_ten_minutes")
def test_the_throttle_works_on_redis(client, site_tree, redis_cache):
    statuses = [
        client.post(ENQUIRY_URL, valid_data(site_tree)).status_code for _ in range(3)
    ]

    assert statuses == [302, 302, 429]
    assert Enquiry.objects.count() == 2
    keys = redis_cache._cache.get_client().keys("*enquiry-throttle*")
    assert len(keys) == 1
    assert b"127.0.0.1" not in keys[0]
    # The counter is shared: another worker (another client object) sees it.
    assert throttle.hit(_request_from("127.0.0.1")) is True


def _request_from(address):
    from django.test import RequestFactory

    return RequestFactory().post("/", REMOTE_ADDR=address)


@needs_redis
def test_system_checks_pass_with_redis(redis_cache):
    call_command("check", fail_level="WARNING")
