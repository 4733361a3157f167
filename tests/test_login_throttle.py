"""Repeated failed sign-ins to the Wagtail admin lock that username and client out."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from freezegun import freeze_time

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
NOW = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)
LOCKED_MESSAGE = "Too many failed sign-ins"


@pytest.fixture
def editors():
    users = get_user_model().objects
    return [
        users.create_superuser(name, f"{name}@example.com", PASSWORD)
        for name in ("amy", "rory")
    ]


def sign_in(client, username, password, address="203.0.113.7", **extra):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **extra,
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def fail(client, username, times, **kwargs):
    for _ in range(times):
        sign_in(client, username, "wrong password", **kwargs)


def test_four_failures_still_let_the_right_password_in(client, editors):
    fail(client, "amy", 4)

    response = sign_in(client, "amy", PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


def test_five_failures_lock_the_username_and_client_out(client, editors):
    with freeze_time(NOW):
        fail(client, "amy", 5)
        response = sign_in(client, "amy", PASSWORD)

    assert response.status_code == 429
    assert not signed_in(client)
    page = response.content.decode()
    assert LOCKED_MESSAGE in page
    assert "after 5 wrong passwords" in page
    assert "Try again in 15 minutes." in page
    assert PASSWORD not in page


def test_lockout_is_per_username_and_client(client, editors):
    with freeze_time(NOW):
        fail(client, "amy", 5)
        # Another username from the same client can still sign in ...
        assert sign_in(client, "rory", PASSWORD).status_code == 302
        assert signed_in(client)
        client.logout()
        # ... and so can the same username from another client.
        assert (
            sign_in(client, "amy", PASSWORD, address="198.51.100.9").status_code == 302
        )
        assert signed_in(client)


def test_lockout_ends_after_the_cool_off(client, editors):
    with freeze_time(NOW):
        fail(client, "amy", 5)
    with freeze_time(NOW + datetime.timedelta(minutes=14)):
        assert sign_in(client, "amy", PASSWORD).status_code == 429
    # Each attempt during the lockout starts the 15 minutes again.
    with freeze_time(NOW + datetime.timedelta(minutes=14 + 16)):
        assert sign_in(client, "amy", PASSWORD).status_code == 302
        assert signed_in(client)


def test_a_successful_sign_in_clears_the_count(client, editors):
    fail(client, "amy", 4)
    sign_in(client, "amy", PASSWORD)
    client.logout()
    fail(client, "amy", 4)

    assert sign_in(client, "amy", PASSWORD).status_code == 302


def test_behind_a_trusted_proxy_clients_are_told_apart(client, editors, settings):
    settings.TREATMENTS_CMS_ENQUIRY_TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    fail(client, "amy", 5, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")

    # The same proxy address, a different client behind it: not locked out.
    response = sign_in(
        client, "amy", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.9"
    )
    assert response.status_code == 302
    client.logout()
    # The locked client cannot escape by prepending its own X-Forwarded-For.
    response = sign_in(
        client,
        "amy",
        PASSWORD,
        address=proxy,
        HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.7",
    )
    assert response.status_code == 429


def test_the_password_is_not_stored(client, editors):
    from axes.models import AccessAttempt

    fail(client, "amy", 2)

    attempt = AccessAttempt.objects.get()
    assert "wrong password" not in attempt.post_data
    assert attempt.failures_since_start == 2
