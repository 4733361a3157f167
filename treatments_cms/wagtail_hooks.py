"""All of the plugin's Wagtail admin registration."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import modeladmin_register

from . import claims, consent
from .enquiries import audit
from .enquiries.admin import EnquiryAdmin
from .enquiries.dashboard import add_new_enquiries_panel
from .models import ClinicSettings, ConsentStatement
from .reviews import dashboard as reviews_dashboard
from .reviews import listing as reviews_listing
from .reviews import views as reviews_views
from .swappable import get_practitioner_model


class PractitionerViewSet(SnippetViewSet):
    model = get_practitioner_model()
    icon = "user"
    menu_label = _("Practitioners")
    list_display = ["name", "role", "regulator", "registration_number"]
    search_fields = ["name", "role"]


class ConsentStatementViewSet(SnippetViewSet):
    """Versions are evidence: see treatments_cms.consent."""

    model = ConsentStatement
    icon = "form"
    menu_label = _("Consent statements")
    list_display = ["version", "effective_from"]
    edit_view_class = consent.ConsentStatementEditView
    copy_view_class = consent.ConsentStatementCopyView
    delete_view_class = consent.ConsentStatementDeleteView


register_snippet(PractitionerViewSet)
register_snippet(ConsentStatementViewSet)
# The single and the bulk delete both run this hook: evidence is never deleted.
hooks.register("before_delete_snippet", consent.refuse_to_delete_evidence)
register_setting(ClinicSettings, icon="site")

# The enquiry inbox: list, inspect, edit (handling fields only), delete and CSV
# export, each behind its own permission. URL names follow wagtail-modeladmin:
# treatments_cms_enquiry_modeladmin_index, _inspect, _edit, _delete.
modeladmin_register(EnquiryAdmin)
hooks.register("register_log_actions", audit.register_log_actions)
hooks.register("construct_homepage_panels", add_new_enquiries_panel)

# The claims checker: warnings, never errors, on save, publish and submit of the
# three page families, and again when the edit view opens (see claims.py).
hooks.register("after_create_page", claims.warn_after_save)
hooks.register("after_edit_page", claims.warn_after_save)
hooks.register("before_edit_page", claims.warn_on_open)

# Clinical review governance: the "Reviews due" report (Reports menu), the
# dashboard counts, and the "Review overdue" flag in the page listing.
hooks.register("register_admin_urls", reviews_views.admin_urls)
hooks.register("register_reports_menu_item", reviews_views.menu_item)
hooks.register("construct_homepage_panels", reviews_dashboard.add_reviews_due_panel)
hooks.register("register_page_listing_buttons", reviews_listing.review_overdue_button)


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Tell the page cache (treatments_cms.cache) which page is being served."""
    from .cache import mark_page

    mark_page(request, page)
