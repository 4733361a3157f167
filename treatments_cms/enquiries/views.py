"""The enquiry pipeline's views: the standalone form, the post, the thank-you page.

A post (from the standalone page or from the form on a treatment page) goes
through: a UTF-8 check on the declared charset and the raw body, the spam
checks, a replay check, form validation, the per-client throttle, then one
transaction and a redirect to the thank-you page (Post/Redirect/Get). Errors re-render the form the visitor used,
values kept. Every response here is ``Cache-Control: private, no-store``.
"""

import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import unquote_to_bytes

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from ..conf import app_settings
from ..middleware import declared_charset_is_refused, query_value
from ..models import ConsentStatement, Enquiry
from . import throttle
from .forms import get_form_class, live_treatments
from .services import save_enquiry
from .spam import (
    TOKEN_FIELD,
    InvalidToken,
    SpamRejected,
    issue_token,
    read_token,
    token_for_rerender,
)

logger = logging.getLogger(__name__)

NO_STORE = "private, no-store"
THROTTLED = (
    "You have sent several enquiries in the last few minutes. Please wait a "
    "little before sending another, or contact the clinic by phone."
)
ORIGIN_FIELD = "origin"
PAGE_ORIGIN = "page"
REQUEST_ATTR = "treatments_cms_enquiry"
RENDERED_ATTR = "_treatments_cms_enquiry_rendered"
_SLUG_RE = re.compile(r"^[-\w]{1,255}$")
_PK_RE = re.compile(r"^[0-9]{1,18}$")


@dataclass
class EnquiryFormState:
    """What the enquiry templates need to render one form."""

    form: object
    token: str
    treatment: object = None
    extra: dict = field(default_factory=dict)

    @property
    def origin(self):
        return PAGE_ORIGIN if self.treatment is not None else "standalone"

    @property
    def action(self):
        return reverse("treatments_cms:enquiry")

    @property
    def summary_errors(self):
        """``(field or None, message)`` pairs for the error summary, in form order."""
        errors = [(None, message) for message in self.form.non_field_errors()]
        for bound_field in self.form:
            for message in bound_field.errors:
                target = None if bound_field.is_hidden else bound_field
                errors.append((target, message))
        return errors


def no_store(response):
    response["Cache-Control"] = NO_STORE
    return response


def new_form_state(request, treatment=None, initial=None):
    """An unbound form for a treatment page (``treatment``) or the standalone page."""
    form = get_form_class()(
        treatment=treatment,
        consent_statement=ConsentStatement.objects.current(),
        site=Site.find_for_request(request),
        initial=initial,
    )
    return EnquiryFormState(form=form, token=issue_token(), treatment=treatment)


def _find_treatment(value, site):
    """A live, public treatment by the posted id, or None."""
    if not isinstance(value, str) or not _PK_RE.match(value):
        return None
    return live_treatments(site).filter(pk=int(value)).first()


def _statement_for(token):
    """The consent statement the visitor was shown: the one in force at render time."""
    try:
        _nonce, issued_at = read_token(token, check_min_age=False)
    except InvalidToken:
        return ConsentStatement.objects.current()
    # The token's time has whole seconds: a statement that started within the
    # second the form was rendered was already shown.
    moment = datetime.fromtimestamp(issued_at + 1, tz=UTC)
    return (
        ConsentStatement.objects.filter(effective_from__lte=moment)
        .order_by("-effective_from", "-pk")
        .first()
    )


def _submission_key(token):
    try:
        nonce, _issued_at = read_token(token, check_min_age=False)
    except InvalidToken:
        return None
    return nonce


def body_is_utf8(request):
    """False when the posted form is not UTF-8, or declares another charset.

    Django quietly decodes such bytes (as Latin-1, or into U+FFFD), or the whole
    form in the charset its content type declares, which would store mangled
    text; the pipeline refuses them instead. A declared charset is checked
    first, before ``request.POST`` is read with it (an unknown one would raise).
    ``RequestSanityMiddleware`` refuses the same, earlier; this covers projects
    without it.
    """
    if declared_charset_is_refused(request):
        return False
    content_type = request.content_type or ""
    if content_type == "application/x-www-form-urlencoded":
        body = request.body
        try:
            body.decode("utf-8")
            for part in re.split(rb"[&;=]", body):
                unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    return not any("\ufffd" in value for value in request.POST.values())


def _render_page_form(request, state, status):
    """Re-render the treatment page the visitor posted from, with its form bound."""
    setattr(request, REQUEST_ATTR, state)
    response = state.treatment.serve(request)
    response.status_code = status
    return response


def _rerender(request, form, treatment, status):
    state = EnquiryFormState(
        form=form,
        token=token_for_rerender(request.POST.get(TOKEN_FIELD)),
        treatment=treatment,
    )
    if treatment is not None:
        response = _render_page_form(request, state, status)
    else:
        response = render(
            request,
            "treatments_cms/enquiries/enquiry_page.html",
            {"enquiry": state},
            status=status,
        )
    if status == 429:
        response["Retry-After"] = "600"
    return no_store(response)


def _thanks():
    return no_store(redirect("treatments_cms:enquiry_thanks"))


@require_http_methods(["GET", "HEAD", "POST"])
def enquiry(request):
    """The standalone enquiry page (GET) and the pipeline every form posts to."""
    if request.method == "POST":
        return _submit(request)
    initial = {}
    slug = query_value(request, "treatment")
    if _SLUG_RE.match(slug):
        chosen = (
            live_treatments(Site.find_for_request(request)).filter(slug=slug).first()
        )
        if chosen is not None:
            initial["treatment"] = chosen.pk
    state = new_form_state(request, initial=initial)
    return no_store(
        render(
            request, "treatments_cms/enquiries/enquiry_page.html", {"enquiry": state}
        )
    )


def _submit(request):
    if not body_is_utf8(request):
        logger.info("Enquiry refused: not_utf8")
        return no_store(
            render(request, "treatments_cms/enquiries/bad_request.html", status=400)
        )
    site = Site.find_for_request(request)
    data = request.POST
    treatment = None
    if data.get(ORIGIN_FIELD) == PAGE_ORIGIN:
        treatment = _find_treatment(data.get("treatment"), site)
    token = data.get(TOKEN_FIELD)
    statement = _statement_for(token)
    form = get_form_class()(
        data, treatment=treatment, consent_statement=statement, site=site
    )

    try:
        for path in app_settings.ENQUIRY_SPAM_CHECKS:
            import_string(path)(request, form)
    except SpamRejected as rejection:
        logger.info("Enquiry refused by a spam check: %s", rejection.reason)
        if rejection.silent:
            return _thanks()
        form.is_valid()
        form.add_error(None, rejection.message)
        return _rerender(request, form, treatment, 400)

    key = _submission_key(token)
    if key is not None and Enquiry.objects.filter(submission_key=key).exists():
        # The same rendered form again: a double click, or a replayed token.
        logger.info("Enquiry not stored again: duplicate_submission")
        return _thanks()

    if not form.is_valid():
        return _rerender(request, form, treatment, 400)

    if throttle.hit(request):
        logger.info("Enquiry refused: throttled")
        form.add_error(None, THROTTLED)
        return _rerender(request, form, treatment, 429)

    save_enquiry(form, consent_statement=statement, submission_key=key)
    return _thanks()


@require_http_methods(["GET", "HEAD"])
def thanks(request):
    """Where every accepted (or silently refused) post lands. No identifiers."""
    return no_store(render(request, "treatments_cms/enquiries/thanks.html"))


def csrf_failure(request, reason=""):
    """A friendly 403 for a missing or stale CSRF token (``CSRF_FAILURE_VIEW``)."""
    return no_store(
        render(request, "treatments_cms/enquiries/csrf_failure.html", status=403)
    )


def no_store_on_enquiry_pages(next_serve):
    """Wagtail ``on_serve_page`` hook: a page showing the enquiry form is no-store.

    Register it in ``wagtail_hooks.py`` with
    ``hooks.register("on_serve_page", no_store_on_enquiry_pages)``. The template
    tag that renders the form marks the request; the header is set once the page
    has rendered, so any page that includes the form is covered.
    """

    def serve(page, request, args, kwargs):
        response = next_serve(page, request, args, kwargs)

        def mark(rendered):
            if getattr(request, RENDERED_ATTR, False):
                no_store(rendered)
            return rendered

        if getattr(response, "is_rendered", True):
            return mark(response)
        response.add_post_render_callback(mark)
        return response

    return serve
