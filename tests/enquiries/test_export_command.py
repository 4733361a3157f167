"""export_enquiries_for --output: a new private file, never through a link."""

import io
import json
import os
import stat

import pytest
from django.core.management import CommandError, call_command

from tests.factories import EnquiryFactory
from treatments_cms.enquiries import audit
from treatments_cms.models import EnquiryLogEntry

pytestmark = pytest.mark.django_db

EMAIL = "amelia@example.com"


@pytest.fixture
def amelia(site_tree):
    return EnquiryFactory(
        name="Amelia Pond",
        email=EMAIL,
        treatment=site_tree.treatment,
        consent_statement=site_tree.consent,
    )


def export(*args):
    err = io.StringIO()
    call_command("export_enquiries_for", EMAIL, *args, stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def exports_logged():
    return EnquiryLogEntry.objects.filter(action=audit.EXPORT).count()


def mode(path):
    return stat.S_IMODE(os.lstat(path).st_mode)


def exported(path):
    return json.loads(path.read_text(encoding="utf-8"))["enquiries"]


def test_a_new_file_is_private_whatever_the_umask(amelia, tmp_path):
    target = tmp_path / "sar.json"
    old_umask = os.umask(0)
    try:
        export("--output", str(target))
    finally:
        os.umask(old_umask)

    assert mode(target) == 0o600
    assert [e["id"] for e in exported(target)] == [amelia.pk]
    assert exports_logged() == 1


def test_an_existing_file_is_refused_and_left_alone(amelia, tmp_path):
    target = tmp_path / "sar.json"
    target.write_text("keep me")

    with pytest.raises(CommandError, match="already exists; pass --overwrite"):
        export("--output", str(target))

    assert target.read_text() == "keep me"
    assert exports_logged() == 0  # a refused path exports nothing


@pytest.mark.parametrize("flag", ["--overwrite", "--force"])
def test_overwrite_replaces_an_existing_file_with_a_private_one(amelia, tmp_path, flag):
    target = tmp_path / "sar.json"
    target.write_text("old export")
    target.chmod(0o644)  # world-readable before

    export("--output", str(target), flag)

    assert mode(target) == 0o600
    assert [e["id"] for e in exported(target)] == [amelia.pk]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sar.json"]  # no temp left


def test_overwrite_does_not_write_through_a_hard_link(amelia, tmp_path):
    target = tmp_path / "sar.json"
    target.write_text("old export")
    other = tmp_path / "other-name.json"
    os.link(target, other)

    export("--output", str(target), "--overwrite")

    assert other.read_text() == "old export"
    assert exported(target)


@pytest.mark.parametrize("extra", [[], ["--overwrite"]])
def test_a_symbolic_link_is_refused_even_with_overwrite(amelia, tmp_path, extra):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    victim.chmod(0o644)
    link = tmp_path / "sar.json"
    link.symlink_to(victim)

    with pytest.raises(CommandError, match="is a symbolic link"):
        export("--output", str(link), *extra)

    assert victim.read_text() == "precious"
    assert mode(victim) == 0o644
    assert link.is_symlink()
    assert exports_logged() == 0


def test_a_dangling_symbolic_link_is_refused(amelia, tmp_path):
    link = tmp_path / "sar.json"
    link.symlink_to(tmp_path / "would-be-created.json")

    with pytest.raises(CommandError, match="is a symbolic link"):
        export("--output", str(link))

    assert not (tmp_path / "would-be-created.json").exists()


def test_a_directory_is_refused(amelia, tmp_path):
    with pytest.raises(CommandError, match="not a regular file"):
        export("--output", str(tmp_path), "--overwrite")
