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

GET: with ``EnquiryCsrfViewMiddleware`` installed (without it, the page keeps
per-visitor tokens and is ``private, no-store`` as before), the page carries
no per-visitor secret, so a shared cache may keep it
(``treatments_cms.cache`` makes it public for anonymous visitors): the form
has a ``PageToken`` instead of a CSRF token and a one-time token, and a small
script fetches those two for each visitor from the uncached token view
(``views.enquiry_token``). Without JavaScript the post is accepted on a
same-origin check (``middleware.EnquiryCsrfViewMiddleware``). A refused post
shown again is ``Cache-Control: private, no-store``: it holds the visitor's
answers and tokens.

The seams a page type may override: ``get_enquiry_treatment()``,
``get_enquiry_action()``, ``get_enquiry_choices()``,
``get_enquiry_form_state()`` and ``serve_enquiry_form()``.
"""


def _pipeline():
    """``views``, imported when first used: it imports the page models, which
    import this module."""
    from . import views

    return views


def _cached_forms_enabled():
    from ..middleware import cached_forms_enabled

    return cached_forms_enabled()


class EnquiryFormPageMixin:
    """Shows the enquiry form on the page and handles its post on the page's URL."""

    def get_enquiry_treatment(self):
        """The treatment page the form asks about (None: the visitor chooses one)."""
        return self

    def get_enquiry_action(self, request):
        """The URL the form posts to: this page."""
        return self.get_url(request)

    def get_enquiry_form_state(self, request):
        """A new, unbound form for this page, the same for every visitor
        (when the project runs ``EnquiryCsrfViewMiddleware``)."""
        return _pipeline().new_form_state(
            request,
            treatment=self.get_enquiry_treatment(),
            action=self.get_enquiry_action(request),
            cacheable=_cached_forms_enabled(),
            **self.get_enquiry_choices(request),
        )

    def get_enquiry_choices(self, request):
        """The form's choices this page has loaded already, so the form need
        not query them: ``{"locations": [...], "concerns": [...]}``, either or
        neither (the default). Each must be what ``live_locations`` and
        ``live_conditions`` would give for this page's treatment and site."""
        return {}

    def get_context(self, request, *args, enquiry=None, **kwargs):
        """The page's context with ``enquiry``: the form bound to a refused post, or new."""
        context = super().get_context(request, *args, **kwargs)
        context["enquiry"] = enquiry or self.get_enquiry_form_state(request)
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            return self.serve_enquiry_post(request, *args, **kwargs)
        response = super().serve(request, *args, **kwargs)
        if not _cached_forms_enabled():
            # Per-visitor tokens in the HTML: for this visitor only.
            return _pipeline().no_store(response)
        return response

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
