"""The demo site's read-only API (Wagtail's API v2), served at ``/api/v2/``.

Pages and images only: the plugin's pages describe their own fields
(``api_fields``). Enquiries hold visitors' health information and have no
endpoint; documents stay out too, as none of the demo's pages needs them.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
