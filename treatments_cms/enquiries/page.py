"""``EnquiryFormPageMixin``: a page that shows the enquiry form and handles its post.

Put it before the page's other bases::

    class TreatmentPage(EnquiryFormPageMixin, TreatmentPageMixin, Page): ...

GET: the page's context has ``enquiry``, an unbound form (an
``EnquiryFormState``) that posts to the page's own URL.

POST: the form goes through the enquiry pipeline (``views.process_enquiry``).
Accepted (or silently refused as spam), the visitor is redirected to the
thank-you page. Refused, the page is rendered again with the bound form as
``enquiry`` in its context (errors beside the fields, answers kept), with status
400, or 429 when throttled. Nothing is kept on the request.

Every response is ``Cache-Control: private, no-store``: the form carries a
CSRF token and a one-time form token, which must not reach another visitor.

The seams a page type may override: ``get_enquiry_treatment()``,
``get_enquiry_action()``, ``get_enquiry_form_state()`` and
``serve_enquiry_form()``.
"""


def _pipeline():
    """``views``, imported when first used: it imports the page models, which
    import this module."""
    from . import views

    return views


class EnquiryFormPageMixin:
    """Shows the enquiry form on the page and handles its post on the page's URL."""

    def get_enquiry_treatment(self):
        """The treatment page the form asks about (None: the visitor chooses one)."""
        return self

    def get_enquiry_action(self, request):
        """The URL the form posts to: this page."""
        return self.get_url(request)

    def get_enquiry_form_state(self, request):
        """A new, unbound form for this page."""
        return _pipeline().new_form_state(
            request,
            treatment=self.get_enquiry_treatment(),
            action=self.get_enquiry_action(request),
        )

    def get_context(self, request, *args, enquiry=None, **kwargs):
        """The page's context with ``enquiry``: the form bound to a refused post, or new."""
        context = super().get_context(request, *args, **kwargs)
        context["enquiry"] = enquiry or self.get_enquiry_form_state(request)
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            return self.serve_enquiry_post(request, *args, **kwargs)
        return _pipeline().no_store(super().serve(request, *args, **kwargs))

    def serve_enquiry_post(self, request, *args, **kwargs):
        """Run the posted form through the pipeline; redirect, or show it again."""
        outcome = _pipeline().process_enquiry(
            request, treatment=self.get_enquiry_treatment()
        )
        if outcome.response is not None:
            return outcome.response
        return self.serve_enquiry_form(
            request, outcome.state, outcome.status, *args, **kwargs
        )

    def serve_enquiry_form(self, request, state, status, *args, **kwargs):
        """This page with ``state``'s bound form in its context, answered with ``status``."""
        state.action = self.get_enquiry_action(request)
        response = super().serve(request, *args, enquiry=state, **kwargs)
        return _pipeline().form_shown_again(response, status)
