"""The enquiry pipeline and its views: the standalone form and the thank-you page.

``process_enquiry`` runs one posted form through: a UTF-8 check on the declared
charset and the raw body, the spam checks ``ENQUIRY_SPAM_CHECKS`` lists, a
replay check, form validation, the per-client throttle, then one transaction.
It answers with an ``EnquiryOutcome``: a response to send as it is (the
redirect to the thank-you page, Post/Redirect/Get, or a refusal), or the bound
form to show again, values kept, with its status. The standalone view shows it
on the standalone page; a page with ``EnquiryFormPageMixin`` (``page.py``)
handles its own post and shows it on itself. Every response here is
``Cache-Control: private, no-store``.

A form on a page a shared cache keeps carries no per-visitor token
(``EnquiryFormState.cacheable``): ``enquiry-token.js`` fetches one from
``enquiry_token``, and a post without it is keyed by its answers
(``tokens.answers_key``). See ``tokens.py`` and docs/decisions.md.
"""

import datetime
import logging
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote_to_bytes, urlsplit

from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from ..conf import app_settings
from ..middleware import (
    accepts_same_origin_posts,
    declared_charset_is_refused,
    query_value,
)
from ..models import ConsentStatement, Enquiry
from . import throttle
from .forms import EnquiryForm, get_form_class, live_treatments
from .page import EnquiryFormPageMixin
from .services import save_enquiry
from .spam import SpamRejected
from .tokens import (
    TOKEN_FIELD,
    VISITOR_TOKEN_FIELD,
    PageToken,
    answers_key,
    issue_token,
    shown_token,
    token_for_rerender,
    visitor_token,
    visitor_token_for_rerender,
)

logger = logging.getLogger(__name__)

NO_STORE = "private, no-store"
THROTTLED = _(
    "You have sent several enquiries in the last few minutes. Please wait a "
    "little before sending another, or contact the clinic by phone."
)
# Forms on treatment pages post to the page itself. Forms rendered before that
# (in an open tab) post here, marked with this origin and the treatment's id.
ORIGIN_FIELD = "origin"
PAGE_ORIGIN = "page"
_SLUG_RE = re.compile(r"^[-\w]{1,255}$")
_PK_RE = re.compile(r"^[0-9]{1,18}$")


@dataclass
class EnquiryFormState:
    """What the enquiry templates need to render one form.

    ``action``: the URL the form posts to; the standalone view when empty.
    ``cacheable``: the form is on a page a shared cache may keep: ``token`` is
    a ``PageToken``, there is no CSRF token, and the script fills in the
    visitor's own tokens from ``token_url``. ``visitor_token``: a per-visitor
    token already known (a form shown again).
    """

    form: object
    token: str
    treatment: object = None
    action: str = ""
    cacheable: bool = False
    visitor_token: str = ""

    def __post_init__(self):
        if not self.action:
            self.action = reverse("treatments_cms:enquiry")

    @property
    def token_url(self):
        return reverse("treatments_cms:enquiry_token")

    @property
    def origin(self):
        return PAGE_ORIGIN if self.treatment is not None else "standalone"

    @property
    def summary_errors(self):
        """``(field or None, message)`` pairs for the error summary, in form order."""
        errors = [(None, message) for message in self.form.non_field_errors()]
        for bound_field in self.form:
            for message in bound_field.errors:
                target = None if bound_field.is_hidden else bound_field
                errors.append((target, message))
        return errors


@dataclass
class EnquiryOutcome:
    """What a post came to: a ``response`` to send as it is, or a bound form.

    Without a response, ``state`` holds the bound form to show again and
    ``status`` the status to answer with (400, or 429 when throttled).
    """

    response: object = None
    state: EnquiryFormState = None
    status: int = 200


def no_store(response):
    response["Cache-Control"] = NO_STORE
    return response


def form_shown_again(response, status):
    """A page showing a bound form again: its status, no-store, and a retry time."""
    response.status_code = status
    if status == 429:
        response["Retry-After"] = "600"
    return no_store(response)


def new_form_state(
    request,
    treatment=None,
    initial=None,
    action="",
    cacheable=False,
    locations=None,
    concerns=None,
):
    """An unbound form for a treatment page (``treatment``) or the standalone page.

    ``cacheable``: the same form for every visitor (a ``PageToken``, no
    per-visitor secret), for a page a shared cache keeps. ``locations`` and
    ``concerns``: the choices, when the page has loaded them already (see
    ``EnquiryForm``); given to a form class built on ``EnquiryForm`` only.
    """
    form_class = get_form_class()
    preloaded = {}
    if issubclass(form_class, EnquiryForm):
        preloaded = {
            name: value
            for name, value in (("locations", locations), ("concerns", concerns))
            if value is not None
        }
    form = form_class(
        treatment=treatment,
        consent_statement=ConsentStatement.objects.current(),
        site=Site.find_for_request(request),
        initial=initial,
        **preloaded,
    )
    if hasattr(form, "preselect"):
        form.preselect(request)  # the condition or clinic the visitor came from
    token = PageToken.issue().value if cacheable else issue_token()
    return EnquiryFormState(
        form=form,
        token=token,
        treatment=treatment,
        action=action,
        cacheable=cacheable,
    )


def statement_shown(token):
    """The consent statement the visitor was shown: the one in force at render time.

    ``token``: the post's valid ``FormToken`` or ``PageToken`` (when the form
    was rendered); without one, the statement in force now.
    """
    if token is None:
        return ConsentStatement.objects.current()
    # The token's time has whole seconds: a statement that started within the
    # second the form was rendered was already shown.
    moment = token.rendered_at + datetime.timedelta(seconds=1)
    return (
        ConsentStatement.objects.filter(effective_from__lte=moment)
        .order_by("-effective_from", "-pk")
        .first()
    )


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


def run_spam_checks(request, form):
    """Every check ``ENQUIRY_SPAM_CHECKS`` lists, in order; none if it is empty."""
    for path in app_settings.ENQUIRY_SPAM_CHECKS:
        import_string(path)(request, form)


def _thanks():
    return no_store(redirect("treatments_cms:enquiry_thanks"))


def _again(request, form, treatment, status):
    state = EnquiryFormState(
        form=form,
        token=token_for_rerender(request.POST.get(TOKEN_FIELD)),
        treatment=treatment,
        visitor_token=visitor_token_for_rerender(request.POST.get(VISITOR_TOKEN_FIELD)),
    )
    return EnquiryOutcome(state=state, status=status)


def submission_key(data, token, treatment):
    """One key per submission, or None (no valid token).

    The visitor's own token (fetched by the script on a cached page, or
    rendered in an uncached form) gives its nonce; a cached page's form posted
    without JavaScript gives the keyed hash of its answers and page token.
    """
    visitor = visitor_token(data)
    if visitor is not None:
        return visitor.nonce
    if token is None:
        return None
    if token.nonce is not None:
        return token.nonce
    return answers_key(data, token, treatment)


def process_enquiry(request, treatment=None):
    """Run one posted enquiry form through the pipeline; return an ``EnquiryOutcome``.

    ``treatment``: the treatment page whose form was posted (the form's
    treatment is then fixed), or None for the standalone form.
    """
    if not body_is_utf8(request):
        logger.info("Enquiry refused: not_utf8")
        return EnquiryOutcome(
            response=no_store(
                render(request, "treatments_cms/enquiries/bad_request.html", status=400)
            )
        )
    data = request.POST
    token = shown_token(data)
    statement = statement_shown(token)
    form = get_form_class()(
        data,
        treatment=treatment,
        consent_statement=statement,
        site=Site.find_for_request(request),
    )

    try:
        run_spam_checks(request, form)
    except SpamRejected as rejection:
        logger.info("Enquiry refused by a spam check: %s", rejection.reason)
        if rejection.silent:
            return EnquiryOutcome(response=_thanks())
        form.is_valid()
        form.add_error(None, rejection.message)
        return _again(request, form, treatment, 400)

    key = submission_key(data, token, treatment)
    if key is not None and Enquiry.objects.filter(submission_key=key).exists():
        # The same rendered form again: a double click, or a replayed token.
        logger.info("Enquiry not stored again: duplicate_submission")
        return EnquiryOutcome(response=_thanks())

    if not form.is_valid():
        return _again(request, form, treatment, 400)

    if throttle.hit(request):
        logger.info("Enquiry refused: throttled")
        form.add_error(None, THROTTLED)
        return _again(request, form, treatment, 429)

    save_enquiry(form, consent_statement=statement, submission_key=key)
    return EnquiryOutcome(response=_thanks())


def _find_treatment(value, site):
    """A live, public treatment by the posted id, or None."""
    if not isinstance(value, str) or not _PK_RE.match(value):
        return None
    return live_treatments(site).filter(pk=int(value)).first()


def _posted_treatment(request):
    """The treatment a treatment page's form posted here names, or None."""
    if not body_is_utf8(request) or request.POST.get(ORIGIN_FIELD) != PAGE_ORIGIN:
        return None
    return _find_treatment(
        request.POST.get("treatment"), Site.find_for_request(request)
    )


def _submit(request):
    outcome = process_enquiry(request, treatment=_posted_treatment(request))
    if outcome.response is not None:
        return outcome.response
    treatment = outcome.state.treatment
    if isinstance(treatment, EnquiryFormPageMixin):
        # A treatment page's form: shown again on that page.
        return treatment.serve_enquiry_form(request, outcome.state, outcome.status)
    response = render(
        request,
        "treatments_cms/enquiries/enquiry_page.html",
        {"enquiry": outcome.state},
    )
    return form_shown_again(response, outcome.status)


@accepts_same_origin_posts
@require_http_methods(["GET", "HEAD", "POST"])
def enquiry(request):
    """The standalone enquiry page (GET) and the post of its form."""
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


@require_http_methods(["GET"])
def enquiry_token(request):
    """A visitor's own tokens for a form on a cached page, as JSON; never cached.

    ``csrf``: Django's CSRF token (its cookie is set with this response);
    ``form_token``: a one-time ``FormToken``. ``enquiry-token.js`` puts both
    in the form. The response is private, so no cache passes it on.
    """
    response = JsonResponse({"csrf": get_token(request), "form_token": issue_token()})
    response["X-Robots-Tag"] = "noindex"
    return no_store(response)


def treatment_came_from(request):
    """The live treatment whose page (or pre-chosen form) the visitor came from, or None.

    Read from the ``Referer`` of this site's own page that sent the form (a
    treatment page, or ``/enquire/?treatment=<slug>``), so the thank-you URL
    carries no identifier. One query at most.
    """
    referrer = urlsplit(request.headers.get("Referer", ""))
    site = Site.find_for_request(request)
    if site is None or referrer.netloc != request.get_host():
        return None
    treatments = live_treatments(site)
    if referrer.path == reverse("treatments_cms:enquiry"):
        slug = parse_qs(referrer.query).get("treatment", [""])[0]
        if not _SLUG_RE.match(slug):
            return None
        return treatments.filter(slug=slug).first()
    path = referrer.path.strip("/")
    if not path or len(path) > 255 * 8:
        return None
    return treatments.filter(url_path=f"{site.root_page.url_path}{path}/").first()


@require_http_methods(["GET", "HEAD"])
def thanks(request):
    """Where every accepted (or silently refused) post lands. No identifiers."""
    context = {"treatment": treatment_came_from(request)}
    return no_store(render(request, "treatments_cms/enquiries/thanks.html", context))


def csrf_failure(request, reason=""):
    """A friendly 403 for a missing or stale CSRF token (``CSRF_FAILURE_VIEW``)."""
    return no_store(
        render(request, "treatments_cms/enquiries/csrf_failure.html", status=403)
    )
