"""Over a thousand generated hostile requests: no server error, no unwanted row.

A seeded ``random.Random`` (the same requests on every run) mixes:

- enquiry posts, standalone and from a treatment page: valid ones (each must be
  stored), and mutated ones (overlong or invisible-character emails, tick-box
  values the form never renders, bidirectional and zero-width characters, NUL
  and other controls, huge values, bad ids, duplicated keys, bodies declaring
  other charsets, raw bytes), none of which may be stored;
- the enquiry inbox and its instance views, for a user who may only view
  enquiries, with unknown parameters, relational lookups and bad values;
- the public pages and the sitemap with random query parameters and paths.

Every response must be below 500 (exceptions count as 500s), the stored
enquiries must be exactly the valid posts, and the enquiries there before must
be unchanged. Runs on SQLite and PostgreSQL (``DATABASE_URL``).

Declared codecs that cannot decode text (``hex``) are posted without a query
string: with one, Django fails while building the request, before any
middleware; ``CharsetGuard`` in ``wsgi.py`` answers that case (see
``tests/enquiries/test_bad_input.py``).
"""

import random
import time
from collections import Counter
from urllib.parse import quote, urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import NoReverseMatch, reverse

from tests.enquiries.pipeline_helpers import valid_data
from tests.factories import EnquiryFactory, TreatmentPageFactory
from treatments_cms.enquiries.forms import has_invisible_characters
from treatments_cms.enquiries.tokens import issue_token
from treatments_cms.models import Enquiry

SEED = 20260601
REQUESTS = 1200
ENQUIRY_URL = "/enquire/"

INVISIBLE = list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE += list("\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff\u00ad")
CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x1b", "\x7f"]
WRONG_TICKS = ["0", "no", "off", "None", "false", "", "yes", "true", "ON", "1"]
ODD_CHARSETS = ["iso-8859-1", "latin1", "windows-1252", "utf-16", "utf8", "hex"]
ODD_VALUES = [
    "\x00",
    "%",
    "'",
    '"',
    "\\",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "-1",
    "0",
    "1e309",
    "9" * 40,
    "NaN",
    "null",
    "[]",
    "{}",
    "é",
    "\u202etxt",
    "\u200b",
    "😀",
    "x" * 5000,
    " ",
    "a,b",
    "2026-13-45",
    "..",
    "../../etc/passwd",
]
RAW_ESCAPES = ["%00", "%ff", "%c0%80", "%ed%a0%80", "%e2%80%ae", "%0d%0a", "%", "%zz"]
QUERY_NAMES = [
    "condition",
    "page",
    "q",
    "p",
    "treatment",
    "query",
    "utm_source",
    "preview",
    "format",
    "x",
]
INBOX_NAMES = [
    "q",
    "p",
    "o",
    "status__exact",
    "treatment__page_ptr__exact",
    "created_at__gte",
    "created_at__lt",
    "assignee__id__exact",
    "assignee__password__startswith",
    "assignee__username",
    "email__regex",
    "name__contains",
    "internal_notes__icontains",
    "export",
    "all",
    "e",
    "_changelist_filters",
    "pk__in",
    "id__gt",
]


class Hostile:
    """Builds and sends the requests, and keeps the score."""

    def __init__(self, rng, tree, draft, enquiries):
        self.rng = rng
        self.tree = tree
        self.draft = draft
        self.enquiries = enquiries
        self.visitor = Client(raise_request_exception=False)
        self.staff = Client(raise_request_exception=False)
        self.sent = 0
        self.statuses = Counter()
        self.server_errors = []
        self.valid_names = []
        self.unexpected = []

    # --- sending -------------------------------------------------------------

    def record(self, label, response):
        self.sent += 1
        self.statuses[response.status_code] += 1
        if response.status_code >= 500:
            self.server_errors.append((label[:200], response.status_code))
        return response

    def get(self, client, url, **extra):
        return self.record(f"GET {url} {extra}", client.get(url, **extra))

    def post_multipart(self, data, url=ENQUIRY_URL):
        return self.record(f"POST multipart {data!r}", self.visitor.post(url, data))

    def post_raw(self, body, content_type, url=ENQUIRY_URL):
        label = f"POST {content_type} {body[:150]!r}"
        response = self.visitor.generic("POST", url, body, content_type=content_type)
        return self.record(label, response)

    # --- values ----------------------------------------------------------------

    def choice(self, items):
        return self.rng.choice(items)

    def odd_value(self):
        kind = self.rng.random()
        if kind < 0.2:
            # A plausible value with a control character: NUL is a database
            # error on PostgreSQL wherever it reaches a query.
            plausible = self.choice(["spider-veins", "1", "laser", "", "2"])
            return plausible + self.choice(["\x00", "\x00", *CONTROLS])
        if kind < 0.6:
            return self.choice(ODD_VALUES)
        if kind < 0.8:
            return "".join(
                chr(self.rng.choice([self.rng.randrange(32, 0x2FF), 0x202E, 0x200B]))
                for _ in range(self.rng.randrange(1, 20))
            )
        return "word" + self.choice(CONTROLS + INVISIBLE) + "word"

    def query_string(self, names):
        pairs = []
        for _ in range(self.rng.randrange(1, 4)):
            roll = self.rng.random()
            if roll < 0.6:
                name = self.choice(names)
            elif roll < 0.85:
                name = self.choice(QUERY_NAMES)
            else:
                name = self.odd_value()
            if self.rng.random() < 0.15:
                # Raw escapes, including bytes that are not UTF-8.
                pairs.append(f"{quote(name)}={self.choice(RAW_ESCAPES)}")
            else:
                pairs.append(urlencode({name: self.odd_value()}))
        return "&".join(pairs)

    # --- the enquiry form ------------------------------------------------------

    def valid_post(self):
        origin = self.choice(["page", "standalone"])
        name = f"Valid Visitor {len(self.valid_names) + 1} Zoë"
        data = valid_data(self.tree, origin=origin, name=name)
        if self.rng.random() < 0.5:
            data["marketing_opt_in"] = "on"
        if self.rng.random() < 0.3:
            data["unexpected_field"] = self.odd_value()
        if self.rng.random() < 0.3:
            data["email"] = self.choice(
                [
                    "zoe@bücher.example",
                    "Sam@XN--BCHER-KVA.example",
                    "a" * 242 + "@e.com",
                ]
            )
        if self.rng.random() < 0.5:
            response = self.post_multipart(data)
        else:
            body = urlencode(data, doseq=True).encode()
            response = self.post_raw(body, "application/x-www-form-urlencoded")
        if response.status_code == 302:
            self.valid_names.append(name)
        else:
            self.unexpected.append(("valid post refused", response.status_code, data))

    def mutation(self, data):
        """Change ``data`` so that it must be refused."""
        rng = self.rng
        field = self.choice(["name", "email", "phone", "message"])
        kind = rng.randrange(12)
        if kind == 0:
            data["email"] = "a" * rng.randrange(243, 400) + "@example.com"
        elif kind == 1:
            char = self.choice(INVISIBLE)
            data[field] = {
                "name": f"Sam{char}Example",
                "email": f"sam{char}@example.com",
                "phone": f"0207{char}9460000",
                "message": f"Hi{char}there",
            }[field]
        elif kind == 2:
            box = self.choice(["is_adult", "consent", "marketing_opt_in"])
            data[box] = self.choice([*WRONG_TICKS, ["on", "on"], ["no", "on"]])
        elif kind == 3:
            data[field] = f"a{self.choice(CONTROLS)}b"
        elif kind == 4:
            data["message"] = "m" * rng.randrange(2001, 200_000)
        elif kind == 5:
            data["treatment"] = self.choice(
                ["0", "-1", "9" * 30, "abc", "1\x00", str(self.draft.pk), "", "1.0"]
            )
        elif kind == 6:
            data["concerns"] = [self.choice(["999999", "x", "-3", "\x00", "9" * 25])]
        elif kind == 7:
            data["name"] = [data["name"], f"Sam\u202e{rng.randrange(10)}"]
        elif kind == 8:
            data[self.choice(["is_adult", "consent"])] = None
        elif kind == 9:
            data["website"] = "http://spam.example"
        elif kind == 10:
            data["form_token"] = self.choice(["", "x", "1:2:3", "\x00", "a" * 500])
        else:
            data["contact_method"] = self.choice(["fax", "", "EMAIL", "\x00", "phone "])
            if data["contact_method"] == "phone ":
                data["phone"] = ""
        return data

    def bad_post(self):
        rng = self.rng
        data = valid_data(self.tree, origin=self.choice(["page", "standalone"]))
        data["name"] = "Refused Visitor"
        for _ in range(rng.randrange(1, 4)):
            data = self.mutation(data)
        data = {key: value for key, value in data.items() if value is not None}
        if rng.random() < 0.3:
            for _ in range(rng.randrange(1, 3)):
                data[self.odd_value()] = self.odd_value()
        how = rng.random()
        if how < 0.4:
            self.post_multipart(data)
        elif how < 0.8:
            self.post_raw(
                urlencode(data, doseq=True).encode(),
                "application/x-www-form-urlencoded",
            )
        else:
            self.odd_charset_post()

    def odd_charset_post(self):
        """A valid-looking form in another charset, or raw bytes."""
        rng = self.rng
        if rng.random() < 0.3:
            body = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
            content_type = self.choice(
                [
                    "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=B",
                    "multipart/form-data",
                    "multipart/form-data; boundary=",
                    "text/plain",
                ]
            )
            self.post_raw(body, content_type)
            return
        # An otherwise valid form, encoded in and declaring another charset.
        charset = self.choice(ODD_CHARSETS)
        data = valid_data(self.tree, name="Zoë Refused")
        try:
            body = urlencode(data, doseq=True, encoding=charset).encode(charset)
        except (LookupError, UnicodeError):
            body = urlencode(data, doseq=True).encode()
        content_type = self.choice(
            [
                f"application/x-www-form-urlencoded; charset={charset}",
                f"multipart/form-data; boundary=B; charset={charset}",
            ]
        )
        self.post_raw(body, content_type)

    # --- the inbox -----------------------------------------------------------------

    def inbox(self):
        rng = self.rng
        index = reverse("treatments_cms_enquiry_modeladmin_index")
        if rng.random() < 0.6:
            self.get(self.staff, f"{index}?{self.query_string(INBOX_NAMES)}")
            return
        action = self.choice(["inspect", "edit", "delete", "history"])
        pk = self.choice(
            [str(self.choice(self.enquiries).pk), "0", "999999", "9" * 25, "-1"]
        )
        try:
            url = reverse(f"treatments_cms_enquiry_modeladmin_{action}", args=[pk])
        except NoReverseMatch:
            url = f"{index}{action}/{quote(pk)}/"
        if rng.random() < 0.5:
            url += f"?{self.query_string(INBOX_NAMES)}"
        if action == "edit" and rng.random() < 0.3:
            label = f"POST {url}"
            self.record(label, self.staff.post(url, {"status": self.odd_value()}))
        else:
            self.get(self.staff, url)

    # --- public pages ----------------------------------------------------------------

    def public(self):
        rng = self.rng
        tree = self.tree
        # Each page with the parameters it reads.
        pages = {page.url: ["x"] for page in tree.pages}
        pages[tree.treatment_index.url] = ["condition", "page"]
        pages[tree.condition_index.url] = ["page"]
        pages[tree.alternative_index.url] = ["page"]
        pages.update(
            {
                "/search/": ["q", "page"],
                ENQUIRY_URL: ["treatment"],
                "/sitemap.xml": ["p"],
                "/enquire/thank-you/": ["x"],
            }
        )
        base = self.choice(sorted(pages))
        kind = rng.random()
        if kind < 0.75:
            self.get(self.visitor, f"{base}?{self.query_string(pages[base])}")
        elif kind < 0.9:
            segment = quote(self.odd_value(), safe="") or "x"
            if rng.random() < 0.3:
                segment = self.choice(RAW_ESCAPES)
            self.get(self.visitor, f"{base.rstrip('/')}/{segment}/")
        else:
            # A page that does not take posts, posted to.
            label = f"POST {base}"
            response = self.visitor.post(base, {self.odd_value(): self.odd_value()})
            self.record(label, response)

    # --- the mix -------------------------------------------------------------------------

    def run(self, count):
        for _ in range(count):
            roll = self.rng.random()
            if roll < 0.06:
                self.valid_post()
            elif roll < 0.34:
                self.bad_post()
            elif roll < 0.6:
                self.inbox()
            else:
                self.public()


@pytest.fixture
def inbox_viewer(db):
    """A user who may reach the admin and view enquiries, nothing else."""
    user = get_user_model().objects.create_user("hostile-viewer", password="x")
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
        Permission.objects.get(
            content_type__app_label="treatments_cms", codename="view_enquiry"
        ),
    )
    return user


def snapshot(queryset):
    """Every field of each row but the notification outbox's (a worker's to change)."""
    return {
        row["id"]: {k: v for k, v in row.items() if not k.startswith("notifi")}
        for row in queryset.values()
    }


def test_a_thousand_hostile_requests(site_tree, inbox_viewer, settings):
    settings.TREATMENTS_CMS_ENQUIRY_MIN_FILL_SECONDS = 0
    settings.TREATMENTS_CMS_ENQUIRY_THROTTLE_RATE = None
    draft = TreatmentPageFactory(title="Draft treatment", live=False)
    enquiries = [
        EnquiryFactory(
            treatment=site_tree.treatment, consent_statement=site_tree.consent
        )
        for _ in range(3)
    ]
    before = snapshot(Enquiry.objects.all())
    hostile = Hostile(random.Random(SEED), site_tree, draft, enquiries)
    hostile.staff.force_login(inbox_viewer)
    # A token from before the run, so replays of it are tested too.
    issue_token()

    started = time.monotonic()
    hostile.run(REQUESTS)
    elapsed = time.monotonic() - started
    print(
        f"\n{hostile.sent} hostile requests in {elapsed:.1f}s; "
        f"{len(hostile.valid_names)} valid enquiries; "
        f"statuses {dict(sorted(hostile.statuses.items()))}"
    )

    assert hostile.sent >= 1000
    assert not hostile.server_errors, hostile.server_errors[:20]
    assert not hostile.unexpected, hostile.unexpected[:5]
    # The enquiries there before are unchanged.
    assert snapshot(Enquiry.objects.filter(pk__in=before)) == before
    # Only the valid posts were stored, each once, and nothing stored is bad.
    stored = Enquiry.objects.exclude(pk__in=before)
    assert sorted(stored.values_list("name", flat=True)) == sorted(hostile.valid_names)
    assert len(hostile.valid_names) >= 30
    for enquiry in stored:
        for value in (enquiry.name, enquiry.email, enquiry.phone, enquiry.message):
            assert not has_invisible_characters(value)
            assert "\x00" not in value and "\ufffd" not in value
        assert len(enquiry.email) <= 254
        assert enquiry.is_adult is True
        assert enquiry.consent_statement_id == site_tree.consent.pk
