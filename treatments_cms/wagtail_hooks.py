"""All of the plugin's Wagtail admin registration."""

from wagtail.contrib.settings.registry import register_setting
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ClinicSettings, ConsentStatement, Practitioner


class PractitionerViewSet(SnippetViewSet):
    model = Practitioner
    icon = "user"
    menu_label = "Practitioners"
    list_display = ["name", "role", "regulator", "registration_number"]
    search_fields = ["name", "role"]


class ConsentStatementViewSet(SnippetViewSet):
    model = ConsentStatement
    icon = "form"
    menu_label = "Consent statements"
    list_display = ["version", "effective_from"]


register_snippet(PractitionerViewSet)
register_snippet(ConsentStatementViewSet)
register_setting(ClinicSettings, icon="site")
