from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory

from home.management.commands import ensure_dev_admin

# django-axes, first of the authentication backends, needs the request.
LOGIN_REQUEST = RequestFactory().post("/admin/login/")


def run():
    out = StringIO()
    call_command("ensure_dev_admin", stdout=out)
    return out.getvalue()


def test_creates_a_superuser_and_prints_the_login(db, settings):
    settings.DEBUG = True
    output = run()
    assert "Created the local admin account" in output
    assert "http://127.0.0.1:8000/admin/" in output
    assert ensure_dev_admin.PASSWORD in output
    user = authenticate(
        LOGIN_REQUEST, username="admin", password=ensure_dev_admin.PASSWORD
    )
    assert user is not None and user.is_superuser


def test_second_run_resets_instead_of_duplicating(db, settings):
    settings.DEBUG = True
    run()
    user = get_user_model().objects.get(username="admin")
    user.set_password("changed")
    user.save()
    assert "Reset the local admin account" in run()
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert authenticate(
        LOGIN_REQUEST, username="admin", password=ensure_dev_admin.PASSWORD
    )


def test_refuses_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        run()
    assert not get_user_model().objects.exists()
