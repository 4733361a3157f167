"""All of the plugin's Wagtail admin registration."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import modeladmin_register

from . import consent
from .enquiries import audit
from .enquiries.admin import EnquiryAdmin
from .enquiries.dashboard import add_new_enquiries_panel
from .models import ClinicSettings, ConsentStatement
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
