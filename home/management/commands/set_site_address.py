"""Point the default Wagtail site at the address the site is served on.

Every absolute URL the site publishes (canonical links, og:url, JSON-LD,
the sitemap and robots.txt) is built from the default Site's hostname and
port. A fresh database says ``localhost`` on port 80; this command sets them
from the ``SITE_URL`` setting (or ``--url``): ``make run`` runs it for
``http://127.0.0.1:8000``, a deployment runs it with the public address.
Safe to run again.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_site_url(url):
    """``(hostname, port)`` for a Site from an address such as ``https://clinic.example``.

    Wagtail derives the scheme of a site's URLs from its port (443 is https,
    anything else http), so an https address must use port 443.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise CommandError(
            _("'%(url)s' is not a valid address: %(error)s")
            % {"url": url, "error": error}
        ) from error
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise CommandError(
            _(
                "'%(url)s' is not a site address: write it like "
                "https://clinic.example or http://127.0.0.1:8000."
            )
            % {"url": url}
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise CommandError(
            _("'%(url)s' must be the site's root address, with no path.") % {"url": url}
        )
    port = port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        raise CommandError(
            _(
                "Wagtail builds https addresses only on port 443; serve the site "
                "there, or use http for a local address."
            )
        )
    return parts.hostname, port


class Command(BaseCommand):
    help = (
        "Set the default Wagtail site's hostname and port from SITE_URL (or "
        "--url), so canonical, sitemap and structured-data URLs point where the "
        "site is served."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--url",
            help="The site's address, e.g. https://clinic.example; default SITE_URL.",
        )

    def handle(self, *args, **options):
        url = options["url"] or getattr(settings, "SITE_URL", "")
        if not url:
            raise CommandError(
                _("Set SITE_URL (or pass --url) to the address the site is served on.")
            )
        hostname, port = parse_site_url(url)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError(_("There is no default Wagtail site to set."))
        if (site.hostname, site.port) == (hostname, port):
            self.stdout.write(
                _("The default site already answers at %(url)s.")
                % {"url": site.root_url}
            )
            return
        clash = (
            Site.objects.filter(hostname=hostname, port=port)
            .exclude(pk=site.pk)
            .first()
        )
        if clash is not None:
            raise CommandError(
                _("Another site (%(site)s) already uses %(hostname)s:%(port)s.")
                % {"site": clash, "hostname": hostname, "port": port}
            )
        site.hostname = hostname
        site.port = port
        site.save(update_fields=["hostname", "port"])
        self.stdout.write(
            self.style.SUCCESS(
                _("The default site now answers at %(url)s.") % {"url": site.root_url}
            )
        )
