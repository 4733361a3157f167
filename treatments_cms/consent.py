"""The consent statement snippet's admin views: versions that are evidence.

A consent statement that any enquiry references records what those visitors
agreed to, so it can be neither edited nor deleted; the editor writes a new
version instead, prefilled with the wording and in force from now. Statements
no enquiry references yet stay editable, and every save keeps a revision.
"""

from django.contrib import messages
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.snippets.views.snippets import CopyView, DeleteView, EditView

from .models import ConsentStatement


def evidence_message(statement, count=None):
    """Why ``statement`` cannot be changed or deleted."""
    count = statement.enquiry_count if count is None else count
    return ngettext(
        "%(statement)s is evidence: %(count)d enquiry records that its visitor "
        "agreed to this wording, so it can be neither changed nor deleted. To "
        "change the wording, write a new version.",
        "%(statement)s is evidence: %(count)d enquiries record that their "
        "visitors agreed to this wording, so it can be neither changed nor "
        "deleted. To change the wording, write a new version.",
        count,
    ) % {"statement": statement, "count": count}


class ConsentStatementEditView(EditView):
    """Shows a referenced statement read-only, and refuses to save it."""

    evidence_template_name = "treatments_cms/admin/consent_statement_evidence.html"

    @cached_property
    def enquiry_count(self):
        return self.object.enquiry_count

    def run_before_hook(self):
        if not self.enquiry_count:
            return super().run_before_hook()
        message = evidence_message(self.object, self.enquiry_count)
        if self.request.method == "GET":
            # Rendered by get() with the usual header, history and status panel.
            self.template_name = self.evidence_template_name
            return super().run_before_hook()
        if self.expects_json_response:
            return self.json_error_response("consent_statement_is_evidence", message)
        messages.error(self.request, message)
        return HttpResponseRedirect(self.get_edit_url())

    @cached_property
    def can_delete(self):
        return not self.enquiry_count and super().can_delete

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.enquiry_count:
            context["evidence_message"] = evidence_message(
                self.object, self.enquiry_count
            )
            context["new_version_url"] = self.get_copy_url()
        return context


class ConsentStatementCopyView(CopyView):
    """A new version: the wording of an existing one, a new label, in force now."""

    def get_initial_form_instance(self):
        original = self.get_object()
        return self.model(version="", text=original.text, effective_from=timezone.now())

    def get_page_subtitle(self):
        return _("New version of %(statement)s") % {"statement": self.get_object()}


class ConsentStatementDeleteView(DeleteView):
    """Deletes an unreferenced statement; refuses (never a 500) if one appears."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            # An enquiry referenced the statement after the hook's check.
            messages.error(self.request, evidence_message(self.object))
            return HttpResponseRedirect(reverse(self.index_url_name))


def refuse_to_delete_evidence(request, instances):
    """``before_delete_snippet`` hook: single and bulk deletes of evidence.

    Refuses the whole request, with a message per statement, if any of the
    statements to delete is referenced by an enquiry.
    """
    referenced = [
        instance
        for instance in instances
        if isinstance(instance, ConsentStatement) and instance.enquiry_count
    ]
    if not referenced:
        return None
    for statement in referenced:
        messages.error(request, evidence_message(statement))
    return HttpResponseRedirect(
        reverse(referenced[0].snippet_viewset.get_url_name("list"))
    )
