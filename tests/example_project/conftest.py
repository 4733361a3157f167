"""The example project's tests run only with its own settings.

``pytest tests/example_project --ds=tests.example_project.settings`` runs the
project with its own treatment page and practitioner (and, in a subprocess,
the base-page variant); ``--ds=tests.example_project.settings_basepage`` runs
only the base-page tests. The demo site's run skips them all.
"""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

EXAMPLE = "tests.example_project.settings"
BASEPAGE = "tests.example_project.settings_basepage"

if settings.SETTINGS_MODULE == EXAMPLE:
    collect_ignore_glob = ["test_basepage.py"]
elif settings.SETTINGS_MODULE == BASEPAGE:
    collect_ignore_glob = ["test_example_project.py", "test_example_*.py"]
else:
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture
def admin_client(client, db):
    """A client logged in as a superuser."""
    user = get_user_model().objects.create_superuser(
        username="admin", email="admin@example.com", password="x"
    )
    client.force_login(user)
    return client
