"""``/healthz`` says whether the database and the cache answer, and nothing more."""

from unittest import mock

import pytest


@pytest.mark.django_db
def test_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert "Set-Cookie" not in response


@pytest.mark.django_db
def test_unhealthy_database_is_a_503_naming_only_the_part(client):
    with mock.patch("clinic_site.health._database_ok", side_effect=OSError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "failed": ["database"]}
