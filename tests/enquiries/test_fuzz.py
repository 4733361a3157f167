"""Hypothesis posts hundreds of bad enquiries: never a server error, never a row.

Each generated payload starts from a valid enquiry, adds random noise fields,
then applies at least one change that must make it unacceptable (a bad field,
a missing tick box, a forged token, a filled honeypot, a treatment that is
unknown or not live, a clinic that is unknown or does not offer it, ...). Some payloads are raw bytes instead. Every post must
answer below 500 and store nothing.
"""

from urllib.parse import urlencode

import hypothesis
import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.enquiries.pipeline_helpers import (
    ENQUIRY_URL,
    post_raw,
    valid_data,
)
from tests.factories import LocationPageFactory, TreatmentPageFactory
from treatments_cms.models import Enquiry

# Examples per run, from the Hypothesis profile (tests/conftest.py): 520 by
# default, fewer under CI, more in a nightly run.
EXAMPLES = hypothesis.settings().max_examples

letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC", min_size=1, max_size=12)
anything = st.text(max_size=40)
bad_chars = st.sampled_from(
    ["\r", "\n", "\r\n", "\x00", "\x07", "\x1b", "\x7f", "\u2028", "\u202e"]
)
tags = st.sampled_from(
    ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</textarea>", "<b>"]
)


def inside(middle):
    """``middle`` between two words, so stripping whitespace cannot remove it."""
    return st.tuples(letters, middle, letters).map("".join)


def not_an_id():
    return st.one_of(
        st.integers(min_value=10**6, max_value=10**40).map(str),
        st.integers(max_value=-1).map(str),
        # Text that is not a number at all (numbers come from the branches above).
        anything.filter(
            lambda value: not (value.strip().isascii() and value.strip().isdigit())
        ),
    )


def mutations(tree, draft_id, elsewhere_id):
    return st.one_of(
        inside(bad_chars).map(lambda v: {"name": v}),
        inside(tags).map(lambda v: {"name": v}),
        st.integers(151, 400).map(lambda n: {"name": "S" * n}),
        st.integers(2001, 100_000).map(lambda n: {"message": "a" * n}),
        inside(st.sampled_from(["\x00", "\x07", "\x1b"])).map(lambda v: {"message": v}),
        inside(tags).map(lambda v: {"message": v}),
        anything.filter(lambda v: "@" not in v).map(lambda v: {"email": v}),
        inside(bad_chars).map(lambda v: {"email": f"{v}@example.com"}),
        inside(st.sampled_from(["!", "#", "x", "<"])).map(lambda v: {"phone": v}),
        st.just({"contact_method": "phone", "phone": ""}),
        anything.filter(lambda v: v.strip() not in ("email", "phone")).map(
            lambda v: {"contact_method": v}
        ),
        not_an_id().map(lambda v: {"treatment": v}),
        st.just({"treatment": str(draft_id)}),
        # (Empty is "No preference", a valid answer.)
        not_an_id().filter(bool).map(lambda v: {"location": v}),
        # A clinic that does not offer the treatment.
        st.just({"location": str(elsewhere_id)}),
        st.lists(not_an_id(), min_size=1, max_size=5).map(lambda v: {"concerns": v}),
        st.just({"is_adult": None}),
        st.just({"consent": None}),
        anything.map(lambda v: {"form_token": v}),
        inside(anything).map(lambda v: {"website": v}),
    )


def payloads(tree, draft_id, elsewhere_id):
    keys = st.one_of(
        st.sampled_from(
            [
                "name",
                "email",
                "phone",
                "message",
                "treatment",
                "concerns",
                "location",
                "origin",
                "x",
            ]
        ),
        anything,
    )
    noise = st.dictionaries(keys, anything, max_size=3)
    return st.tuples(
        # A quarter from treatment pages: re-rendering a whole page costs more.
        st.sampled_from(["page", "standalone", "standalone", "standalone"]),
        noise,
        st.lists(mutations(tree, draft_id, elsewhere_id), min_size=1, max_size=3),
        st.sampled_from(["multipart", "urlencoded"]),
    )


@pytest.fixture
def plain_site_chrome(settings):
    """Render pages inside a bare ``base.html``: the fuzzing is about the pipeline
    and the form's own templates, and the site's header and footer would take
    most of the time of each of the hundreds of posts."""
    engine = {**settings.TEMPLATES[0], "APP_DIRS": False}
    engine["OPTIONS"] = {
        **engine["OPTIONS"],
        "loaders": [
            (
                "django.template.loaders.locmem.Loader",
                {"base.html": "{% block content %}{% endblock %}"},
            ),
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
    }
    settings.TEMPLATES = [engine]


@pytest.mark.usefixtures("no_wait", "plain_site_chrome")
def test_bad_payloads_never_cause_a_server_error_or_a_row(client, site_tree):
    draft = TreatmentPageFactory(title="Draft treatment", live=False)
    # Clinics, so the form asks which one: York does not offer the treatment.
    LocationPageFactory(title="Leeds", treatments=[site_tree.treatment])
    york = LocationPageFactory(title="York")
    posted = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        generated=payloads(site_tree, draft.pk, york.pk),
        raw=st.one_of(st.none(), st.binary(max_size=300)),
    )
    def post(generated, raw):
        if raw is not None and len(posted) % 5 == 0:
            response = post_raw(client, raw)
        else:
            origin, noise, changes, encoding = generated
            data = valid_data(site_tree, origin=origin)
            data.update(noise)
            for change in changes:
                data.update(change)
            data = {k: v for k, v in data.items() if v is not None}
            if encoding == "multipart":
                response = client.post(ENQUIRY_URL, data)
            else:
                body = urlencode(data, doseq=True).encode()
                response = post_raw(client, body)
        posted.append(response.status_code)
        assert response.status_code < 500
        assert Enquiry.objects.count() == 0
        assert not connection.needs_rollback

    post()

    # Hypothesis may stop a little short of max_examples (duplicates).
    assert len(posted) >= EXAMPLES * 500 // 520
    assert set(posted) <= {302, 400, 405}
