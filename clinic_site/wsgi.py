"""WSGI entry point for the clinic demo site."""

import os

from django.core.wsgi import get_wsgi_application

from treatments_cms.middleware import CharsetGuard

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings.production")

# CharsetGuard: a 400, not a 500, for a declared charset Django cannot read.
application = CharsetGuard(get_wsgi_application())
