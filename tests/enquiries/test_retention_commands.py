"""Data protection commands: retention purge, per-person export and erasure."""

import builtins
import datetime
import io
import json
import os
import stat

import pytest
from django.core.management import CommandError, call_command
from freezegun import freeze_time

from tests.factories import EnquiryFactory
from treatments_cms.enquiries import audit
from treatments_cms.models import Enquiry, EnquiryLogEntry

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)


def received(delta, **kwargs):
    """An enquiry received ``delta`` before NOW."""
    with freeze_time(NOW - delta):
        return EnquiryFactory(**kwargs)


def run(*args, **kwargs):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err, **kwargs)
    return out.getvalue(), err.getvalue()


def logged(action):
    return list(EnquiryLogEntry.objects.filter(action=action).order_by("object_id"))


# --- purge_enquiries --------------------------------------------------------


@pytest.fixture
def ages(site_tree):
    """Enquiries either side of a 365-day retention period."""
    kw = {"treatment": site_tree.treatment, "consent_statement": site_tree.consent}
    return {
        "ancient": received(datetime.timedelta(days=800), name="Ann Ancient", **kw),
        "just_expired": received(
            datetime.timedelta(days=365, minutes=1), name="Jo Expired", **kw
        ),
        "just_kept": received(
            datetime.timedelta(days=364, hours=23), name="Kim Kept", **kw
        ),
        "fresh": received(datetime.timedelta(days=1), name="Fay Fresh", **kw),
    }


def test_purge_deletes_enquiries_older_than_the_retention_period(ages):
    with freeze_time(NOW):
        out, _err = run("purge_enquiries")

    remaining = set(Enquiry.objects.values_list("name", flat=True))
    assert remaining == {"Kim Kept", "Fay Fresh"}
    assert "Purged 2 enquiries older than 365 days." in out
    for enquiry in ages.values():
        assert enquiry.name not in out


def test_purge_dry_run_only_counts(ages):
    with freeze_time(NOW):
        out, _err = run("purge_enquiries", "--dry-run")

    assert Enquiry.objects.count() == 4
    assert "2 enquiries are older than 365 days" in out
    assert "nothing was deleted" in out
    assert not logged(audit.PURGE)
    for enquiry in ages.values():
        assert enquiry.name not in out and enquiry.email not in out


def test_purge_uses_the_default_sites_clinic_settings(ages, site_tree):
    site_tree.settings.enquiry_retention_days = 30
    site_tree.settings.save()

    with freeze_time(NOW):
        out, _err = run("purge_enquiries")

    assert set(Enquiry.objects.values_list("name", flat=True)) == {"Fay Fresh"}
    assert "Purged 3 enquiries older than 30 days." in out


def test_purge_without_clinic_settings_uses_the_setting(settings):
    settings.TREATMENTS_CMS_ENQUIRY_RETENTION_MIN_DAYS = 1  # the floor is 30
    settings.TREATMENTS_CMS_ENQUIRY_RETENTION_DAYS = 10
    old = received(datetime.timedelta(days=11))
    new = received(datetime.timedelta(days=9), treatment=old.treatment)

    with freeze_time(NOW):
        out, _err = run("purge_enquiries")

    assert list(Enquiry.objects.values_list("pk", flat=True)) == [new.pk]
    assert "older than 10 days" in out


def test_purge_is_audited_without_content(ages):
    with freeze_time(NOW):
        run("purge_enquiries")

    entries = logged(audit.PURGE)
    expected = sorted(str(ages[k].pk) for k in ("ancient", "just_expired"))
    assert [e.object_id for e in entries] == expected
    assert {e.label for e in entries} == {f"Enquiry #{pk}" for pk in expected}
    site_id = ages["ancient"].treatment.get_site().pk
    assert entries[0].data == {"count": 2, "retention_days": 365, "site_id": site_id}
    assert entries[0].user is None
    assert len({e.uuid for e in entries}) == 1  # one purge run


# --- export_enquiries_for ---------------------------------------------------


@pytest.fixture
def amelias(site_tree):
    kw = {"treatment": site_tree.treatment, "consent_statement": site_tree.consent}
    first = EnquiryFactory(name="Amelia Pond", email="amelia@example.com", **kw)
    first.concerns.add(site_tree.condition)
    second = EnquiryFactory(
        name="Amelia Pond", email="Amelia@Example.COM", message="A second one.", **kw
    )
    other = EnquiryFactory(name="Rory Williams", email="rory@example.com", **kw)
    return first, second, other


def test_export_for_writes_json_of_that_persons_enquiries(amelias):
    first, second, _other = amelias

    out, _err = run("export_enquiries_for", "AMELIA@example.com")

    document = json.loads(out)
    assert [e["id"] for e in document["enquiries"]] == [first.pk, second.pk]
    one = document["enquiries"][0]
    assert one["name"] == "Amelia Pond"
    assert one["email"] == "amelia@example.com"
    assert one["message"] == first.message
    assert one["concerns"] == ["Spider veins"]
    assert one["treatment"] == "Laser skin rejuvenation"
    assert one["consent_version"] == first.consent_version
    assert "Rory" not in out


def test_export_for_to_a_private_file(amelias, tmp_path):
    target = tmp_path / "sar.json"

    out, err = run("export_enquiries_for", "amelia@example.com", "--output", target)

    assert out == ""
    assert "Exported 2 enquiries." in err
    assert "amelia" not in err.lower()
    assert len(json.loads(target.read_text(encoding="utf-8"))["enquiries"]) == 2
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_export_for_is_audited(amelias):
    first, second, _other = amelias

    run("export_enquiries_for", "amelia@example.com")

    entries = logged(audit.EXPORT)
    assert [e.object_id for e in entries] == [str(first.pk), str(second.pk)]
    assert entries[0].data == {"count": 2, "format": "json"}


def test_export_for_an_unknown_address(amelias):
    out, _err = run("export_enquiries_for", "nobody@example.com")

    assert json.loads(out) == {"enquiries": []}
    assert not logged(audit.EXPORT)


# --- erase_enquiries_for ----------------------------------------------------


def test_erase_with_yes_deletes_only_that_persons_enquiries(amelias):
    first, second, other = amelias

    out, _err = run("erase_enquiries_for", "amelia@EXAMPLE.com", "--yes")

    assert list(Enquiry.objects.values_list("pk", flat=True)) == [other.pk]
    assert "Erased 2 enquiries." in out
    entries = logged(audit.ERASE)
    assert [e.object_id for e in entries] == [str(first.pk), str(second.pk)]
    assert entries[0].label == f"Enquiry #{first.pk}"


def test_erase_noinput_flag(amelias):
    run("erase_enquiries_for", "amelia@example.com", "--noinput")
    assert Enquiry.objects.count() == 1


def test_erase_asks_and_proceeds_on_yes(amelias, monkeypatch):
    prompts = []
    monkeypatch.setattr(
        builtins, "input", lambda prompt: prompts.append(prompt) or "yes"
    )

    out, _err = run("erase_enquiries_for", "amelia@example.com")

    assert prompts == ["Type yes to erase 2 enquiries: "]
    assert Enquiry.objects.count() == 1
    assert "Erased 2 enquiries." in out


@pytest.mark.parametrize("answer", ["no", "", "y"])
def test_erase_cancelled_unless_yes(amelias, monkeypatch, answer):
    monkeypatch.setattr(builtins, "input", lambda prompt: answer)

    with pytest.raises(CommandError, match="cancelled"):
        run("erase_enquiries_for", "amelia@example.com")

    assert Enquiry.objects.count() == 3
    assert not logged(audit.ERASE)


def test_erase_unknown_address_asks_nothing(amelias, monkeypatch):
    def no_prompt(prompt):
        raise AssertionError("asked for confirmation")

    monkeypatch.setattr(builtins, "input", no_prompt)

    out, _err = run("erase_enquiries_for", "nobody@example.com")

    assert "nothing to erase" in out
    assert Enquiry.objects.count() == 3


# --- Matching one person's address however it was typed --------------------


@pytest.fixture
def one_persons_variants(site_tree):
    """One person's enquiries under every spelling of the address, and a stranger's."""
    kw = {"treatment": site_tree.treatment, "consent_statement": site_tree.consent}
    spellings = [
        "zoe@bücher.example",
        "ZOE@BÜCHER.EXAMPLE",
        "zoe@xn--bcher-kva.example",
        "zoe@bu\u0308cher.example",  # a decomposed accent
        "zo\u200be@bücher.example",  # stored before invisible characters were refused
        "\u202ezoe@bücher.example",
    ]
    mine = [EnquiryFactory(email=email, **kw) for email in spellings]
    stranger = EnquiryFactory(email="zoe@books.example", **kw)
    return mine, stranger


@pytest.mark.parametrize(
    "asked_for",
    ["zoe@bücher.example", "Zoe@XN--BCHER-KVA.example", " zoe@BÜCHER.example "],
)
def test_export_finds_every_spelling_of_an_address(one_persons_variants, asked_for):
    mine, _stranger = one_persons_variants

    out, _err = run("export_enquiries_for", asked_for)

    assert [e["id"] for e in json.loads(out)["enquiries"]] == [e.pk for e in mine]


@pytest.mark.parametrize(
    "asked_for", ["zoe@xn--bcher-kva.example", "ZOE@bücher.example"]
)
def test_erase_finds_every_spelling_of_an_address(one_persons_variants, asked_for):
    _mine, stranger = one_persons_variants

    out, _err = run("erase_enquiries_for", asked_for, "--yes")

    assert "Erased 6 enquiries." in out
    assert list(Enquiry.objects.values_list("pk", flat=True)) == [stranger.pk]


def test_a_row_without_a_match_key_is_found_by_its_address(amelias):
    first, second, _other = amelias
    # As bulk_create or a queryset update would leave it.
    Enquiry.objects.filter(pk=first.pk).update(email_key="")

    out, _err = run("export_enquiries_for", "amelia@example.com")

    assert [e["id"] for e in json.loads(out)["enquiries"]] == [first.pk, second.pk]


@pytest.mark.parametrize("asked_for", ["", "  ", "\u200b"])
def test_an_empty_address_matches_nothing(amelias, asked_for):
    Enquiry.objects.update(email_key="")

    out, _err = run("erase_enquiries_for", asked_for, "--yes")

    assert "nothing to erase" in out
    assert Enquiry.objects.count() == 3
