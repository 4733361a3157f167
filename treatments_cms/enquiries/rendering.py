"""A form renderer that writes Django's own widget markup without templates.

The enquiry form is on every treatment page. Django renders each of its
inputs (and each option of its checkbox and radio groups) through a chain of
small templates (``input.html`` including ``attrs.html``, ``radio.html``
including ``multiple_input.html`` including ``radio_option.html`` ...), which
cost more than the rest of the form. ``LeanWidgetRenderer`` writes the same
markup, byte for byte, in Python for Django's inputs, text areas, selects and
checkbox and radio groups, and hands every other template (a project's own
widget, Django's multi-widgets, the form and field templates) to the
renderer the project configured (``FORM_RENDERER``).

It does so only when that renderer is Django's default ``DjangoTemplates``,
whose widget templates are Django's own: with ``TemplatesSetting`` (where a
project may override ``django/forms/widgets/*.html``) or any other renderer,
everything goes through templates as before.
"""

import functools
from pathlib import Path

from django.forms.renderers import BaseRenderer, DjangoTemplates, get_default_renderer
from django.template.defaultfilters import join
from django.utils.formats import localize
from django.utils.functional import cached_property
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext

from ..escaping import escape_html

WIDGETS = "django/forms/widgets/"


def _text(value):
    """``{{ value }}`` in an autoescaped template."""
    return escape_html(localize(value))


def _formatted(value):
    """``{{ value|stringformat:'s' }}`` in an autoescaped template."""
    if isinstance(value, tuple):
        value = str(value)
    text = str(value)
    return text if isinstance(value, SafeData) else escape_html(text)


def _attrs(widget):
    """``django/forms/widgets/attrs.html``."""
    parts = []
    for name, value in widget["attrs"].items():
        if value is not False:
            parts.append(f" {_text(name)}")
            if value is not True:
                parts.append(f'="{_formatted(value)}"')
    return "".join(parts)


def _input(widget):
    """``django/forms/widgets/input.html``, as rendered (with its newline)."""
    value = widget["value"]
    value_attr = f' value="{_formatted(value)}"' if value is not None else ""
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"'
        f"{value_attr}{_attrs(widget)}>\n"
    )


def _input_option(widget):
    """``django/forms/widgets/input_option.html`` (checkbox and radio options)."""
    html = _input(widget)
    if not widget.get("wrap_label"):
        return html + "\n"
    element_id = widget["attrs"].get("id")
    label_for = f' for="{_text(element_id)}"' if element_id else ""
    return f"<label{label_for}>{html} {_text(widget['label'])}</label>\n"


def _select_option(widget):
    """``django/forms/widgets/select_option.html``, as rendered (with its newline)."""
    return (
        f'<option value="{_formatted(widget["value"])}"{_attrs(widget)}>'
        f"{_text(widget['label'])}</option>\n"
    )


def _textarea(widget):
    """``django/forms/widgets/textarea.html``."""
    value = widget["value"]
    content = _text(value) if value else ""
    name = _text(widget["name"])
    return f'<textarea name="{name}"{_attrs(widget)}>\n{content}</textarea>\n'


class LeanWidgetRenderer(BaseRenderer):
    """Django's widget markup without its widget templates (see the module)."""

    @cached_property
    def fallback(self):
        return get_default_renderer()

    @cached_property
    def lean(self):
        """True when the widget templates are Django's own (the default renderer)."""
        return type(self.fallback) is DjangoTemplates

    @property
    def form_template_name(self):
        return self.fallback.form_template_name

    @property
    def formset_template_name(self):
        return self.fallback.formset_template_name

    @property
    def field_template_name(self):
        return self.fallback.field_template_name

    def get_template(self, template_name):
        return self.fallback.get_template(template_name)

    def render(self, template_name, context, request=None):
        if self.lean and "widget" in context:
            html = self.render_widget(template_name, context["widget"])
            if html is not None:
                # As BaseRenderer.render: the template's output, stripped.
                return mark_safe(html.strip())  # noqa: S308 - values escaped above
        return self.fallback.render(template_name, context, request=request)

    def render_widget(self, template_name, widget):
        """The widget template's output (not stripped, as an ``{% include %}``
        gives it), or None for a template not written here."""
        if not template_name.startswith(WIDGETS):
            return None
        name = template_name[len(WIDGETS) :]
        # Each template that only includes another adds its own final newline.
        if name == "input.html":
            return _input(widget)
        if name in INPUTS:
            return _input(widget) + "\n"
        if name == "input_option.html":
            return _input_option(widget)
        if name in OPTIONS:
            return _input_option(widget) + "\n"
        if name == "textarea.html":
            return _textarea(widget)
        if name == "select.html":
            return self._select(widget)
        if name == "select_option.html":
            return _select_option(widget)
        if name == "multiple_input.html":
            return self._multiple_input(widget)
        if name in MULTIPLE:
            return self._multiple_input(widget) + "\n"
        return None

    def _option(self, option):
        html = self.render_widget(option["template_name"], option)
        if html is None:
            # A template of the project's: rendered as an include would.
            template = self.fallback.get_template(option["template_name"])
            html = template.render({"widget": option})
        return html

    def _select(self, widget):
        """``django/forms/widgets/select.html``."""
        parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget)}>']
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(f'\n  <optgroup label="{_text(group)}">')
            for option in options:
                parts.append(f"\n  {self._option(option)}")
            if group:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>\n")
        return "".join(parts)

    def _multiple_input(self, widget):
        """``django/forms/widgets/multiple_input.html``."""
        element_id = widget["attrs"].get("id")
        css_class = widget["attrs"].get("class")
        parts = ["<div"]
        if element_id:
            parts.append(f' id="{_text(element_id)}"')
        if css_class:
            parts.append(f' class="{_text(css_class)}"')
        parts.append(">")
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(f"\n  <div><label>{_text(group)}</label>")
            for option in options:
                parts.append(f"<div>\n    {self._option(option)}</div>")
            if group:
                parts.append("\n  </div>")
        parts.append("\n</div>\n")
        return "".join(parts)


INPUTS = {
    f"{kind}.html"
    for kind in (
        "text",
        "email",
        "hidden",
        "checkbox",
        "number",
        "password",
        "url",
        "tel",
        "search",
        "color",
        "date",
        "datetime",
        "time",
        "file",
    )
}
OPTIONS = {"checkbox_option.html", "radio_option.html"}
MULTIPLE = {"checkbox_select.html", "radio.html"}


# The enquiry form's field wrapper: ``treatments_cms/enquiries/field.html``.

FIELD_TEMPLATE = "treatments_cms/enquiries/field.html"
_OWN_FIELD_TEMPLATE = str(
    Path(__file__).resolve().parent.parent / "templates" / FIELD_TEMPLATE
)


def is_own_field_template(template):
    """True when ``template`` (an engine's Template) is the plugin's own
    ``field.html``, not one a project put in its place."""
    origin = getattr(template, "origin", None)
    name = getattr(origin, "name", None)
    return bool(name) and _is_own_field_template_file(str(name))


@functools.lru_cache(maxsize=16)
def _is_own_field_template_file(name):
    # Resolving a path asks the file system: once per template file, not per field.
    return str(Path(name).resolve()) == _OWN_FIELD_TEMPLATE


def _field_error(field):
    if not field.errors:
        return ""
    return (
        f'<p class="field-error" id="{_text(field.auto_id)}_error">'
        f'<span class="visually-hidden">{_text(gettext("Error:"))}</span> '
        f"{join(field.errors, ' ', autoescape=True)}</p>"
    )


def _field_hint(field):
    if not field.help_text:
        return ""
    return f'<p class="field-hint" id="{_text(field.auto_id)}_helptext">{_text(field.help_text)}</p>'


def _privacy_hint(privacy_notice_url):
    message = gettext(
        'Our <a href="%(url)s">privacy notice</a> says what we keep, why, for how long, '
        "and how to ask for a copy or for it to be deleted."
    )
    return (
        '<p class="field-hint field-hint--privacy">'
        f"{message % {'url': _text(privacy_notice_url)}}</p>"
    )


def render_field(field, privacy_notice_url=None):
    """What ``{% include "treatments_cms/enquiries/field.html" %}`` renders for
    ``field`` (a BoundField), byte for byte, without the template."""
    errors = field.errors
    if field.widget_type == "checkbox":
        privacy = ""
        if field.name == "consent" and privacy_notice_url:
            privacy = _privacy_hint(privacy_notice_url)
        html = (
            f'\n<div class="field field--checkbox{" field--error" if errors else ""}">'
            f"\n    {_field_error(field)}"
            '\n    <div class="field-choice">'
            f"\n        {_text(field)}"
            f'\n        <label for="{_text(field.id_for_label)}">{_text(field.label)}</label>'
            "\n    </div>"
            f"\n    {_field_hint(field)}"
            f"\n    {privacy}"
            "\n</div>\n"
        )
    elif field.use_fieldset:
        auto_id = _text(field.auto_id)
        aria = (
            f' aria-describedby="{auto_id}_error" aria-invalid="true"' if errors else ""
        )
        radio = " field-choices--radio" if field.widget_type == "radioselect" else ""
        choices = list(field)
        if choices:
            loop = "".join(
                f'\n        <div class="field-choice">{_text(choice.tag())} '
                f'<label for="{_text(choice.id_for_label)}">{_text(choice.choice_label)}</label></div>'
                "\n        "
                for choice in choices
            )
        else:
            loop = f"\n        <p>{_text(gettext('No options to choose from.'))}</p>\n        "
        html = (
            f'\n<fieldset id="{auto_id}" class="field field--group{" field--error" if errors else ""}"{aria}>'
            f"\n    <legend>{_text(field.label)}</legend>"
            f"\n    {_field_hint(field)}"
            f"\n    {_field_error(field)}"
            f'\n    <div class="field-choices{radio}">'
            f"\n        {loop}"
            "\n    </div>"
            "\n</fieldset>\n"
        )
    else:
        html = (
            f'\n<div class="field{" field--error" if errors else ""}'
            f'{" field--hinted" if field.help_text else ""}">'
            f'\n    <label for="{_text(field.id_for_label)}">{_text(field.label)}</label>'
            f"\n    {_field_hint(field)}"
            f"\n    {_field_error(field)}"
            f"\n    {_text(field)}"
            "\n</div>\n"
        )
    return mark_safe("\n" + html + "\n")  # noqa: S308 - every value escaped above
