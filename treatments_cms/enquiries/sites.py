"""Which Wagtail site an enquiry belongs to, and so whose clinic settings apply.

An enquiry records the site its form was sent on (``Enquiry.site``). One stored
before enquiries recorded their site, or whose site was deleted, belongs to the
site its treatment page is in; failing that (the treatment was deleted too), to
the default site. The notification's fallback recipients and the retention
period are read from that site's ``ClinicSettings``; nothing here creates one.
"""

from wagtail.models import Site

from ..models import ClinicSettings


def site_label(site):
    """How commands and messages name a site: its name, else its host (and port)."""
    if site.site_name:
        return site.site_name
    if site.port in (80, 443):
        return site.hostname
    return f"{site.hostname}:{site.port}"


def default_site():
    return Site.objects.filter(is_default_site=True).first()


def sites_by_depth():
    """Every site with its root page's path, deepest root first (for ``site_for_path``)."""
    sites = Site.objects.select_related("root_page").order_by("-root_page__depth")
    return [(site, site.root_page.path) for site in sites]


def site_for_path(path, sites, fallback=None):
    """The site whose page tree holds the page at ``path`` (the deepest root
    wins when sites nest), else ``fallback``. ``sites``: ``sites_by_depth()``."""
    if path:
        for site, root_path in sites:
            if path.startswith(root_path):
                return site
    return fallback


def site_of_enquiry(enquiry):
    """The site whose clinic settings apply to ``enquiry`` (None without any site)."""
    if enquiry.site_id is not None and enquiry.site is not None:
        return enquiry.site
    if enquiry.treatment is not None:
        site = enquiry.treatment.get_site()
        if site is not None:
            return site
    return default_site()


def clinic_settings_of(site):
    """``site``'s stored clinic settings, or None (never creates a row)."""
    if site is None:
        return None
    return ClinicSettings.objects.filter(site=site).first()
