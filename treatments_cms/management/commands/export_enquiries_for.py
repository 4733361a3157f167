"""Write all of one person's enquiries as JSON (a subject access request)."""

import contextlib
import json
import os
import stat
import tempfile

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from treatments_cms.enquiries.retention import export_for

PRIVATE = 0o600


def check_output_path(path, overwrite):
    """Refuse a symbolic link, anything but a regular file, or (without
    ``overwrite``) any existing file at ``path``."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise CommandError(
            _("%(path)s is a symbolic link; give the path of a new file instead.")
            % {"path": path}
        )
    if not stat.S_ISREG(mode):
        raise CommandError(
            _("%(path)s exists and is not a regular file.") % {"path": path}
        )
    if not overwrite:
        raise CommandError(
            _(
                "%(path)s already exists; pass --overwrite to replace it, or give "
                "the path of a new file."
            )
            % {"path": path}
        )


def write_private(path, text, overwrite):
    """Write ``text`` to a new file at ``path`` readable by its owner only.

    A new file is created exclusively and never through a symbolic link. With
    ``overwrite`` the text goes to a private temporary file beside ``path``,
    which then replaces it: the old file's mode, owner and links do not carry
    over, and a link at ``path`` is replaced, not followed.
    """
    if not overwrite:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
        try:
            fd = os.open(path, flags, PRIVATE)
        except FileExistsError:
            raise CommandError(
                _("%(path)s already exists; pass --overwrite to replace it.")
                % {"path": path}
            ) from None
        os.fchmod(fd, PRIVATE)  # whatever the umask
        with os.fdopen(fd, "w", encoding="utf-8") as output:
            output.write(text)
        return
    directory = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(dir=directory, prefix=".export-", suffix=".tmp")
    try:
        os.fchmod(fd, PRIVATE)
        with os.fdopen(fd, "w", encoding="utf-8") as output:
            output.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


class Command(BaseCommand):
    help = (
        "Write every enquiry sent from EMAIL (any letter case) as JSON, to "
        "standard output or --output FILE. The export is written to the audit log."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The person's email address.")
        parser.add_argument(
            "--output",
            metavar="FILE",
            help=(
                "Write to FILE, created readable by its owner only, instead of "
                "standard output. A symbolic link or an existing file is refused."
            ),
        )
        parser.add_argument(
            "--overwrite",
            "--force",
            action="store_true",
            help="Replace an existing file at --output (never a symbolic link).",
        )

    def handle(self, *args, **options):
        path = options["output"]
        if path:
            # Before the export is read and logged: a refused path exports nothing.
            check_output_path(path, options["overwrite"])
        enquiries = export_for(options["email"])
        document = json.dumps({"enquiries": enquiries}, indent=2, ensure_ascii=False)
        if path:
            write_private(path, document + "\n", options["overwrite"])
            count = len(enquiries)
            self.stderr.write(
                ngettext(
                    "Exported %(count)d enquiry.",
                    "Exported %(count)d enquiries.",
                    count,
                )
                % {"count": count}
            )
        else:
            self.stdout.write(document)
