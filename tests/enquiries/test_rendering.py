"""The enquiry form's lean widget renderer writes Django's own markup."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, TemplatesSetting

from treatments_cms.enquiries.forms import EnquiryForm
from treatments_cms.enquiries.rendering import LeanWidgetRenderer

pytestmark = pytest.mark.django_db


class Sample(forms.Form):
    """Every widget family the lean renderer writes, with awkward values."""

    text = forms.CharField(widget=forms.TextInput(attrs={"data-x": "\"<&>'"}))
    email = forms.EmailField(help_text="Hint")
    hidden = forms.CharField(widget=forms.HiddenInput)
    tick = forms.BooleanField(required=False, widget=forms.CheckboxInput)
    number = forms.IntegerField(widget=forms.NumberInput(attrs={"min": 1}))
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}))
    radio = forms.ChoiceField(
        choices=[("a", "A & B"), ("b", "<b>")], widget=forms.RadioSelect
    )
    many = forms.MultipleChoiceField(
        choices=[("Group", [("1", "One"), ("2", "Two")]), ("3", "Three")],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "choices"}),
    )
    pick = forms.ChoiceField(choices=[("", "None yet"), ("x", "X & <y>")])
    grouped = forms.ChoiceField(
        choices=[('Near "here"', [("1", "One"), ("2", "Two")]), ("3", "Three")],
        widget=forms.Select(attrs={"class": "wide", "data-x": "'"}),
    )
    several = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B"), ("c", "C")], required=False
    )
    maybe = forms.NullBooleanField()


def markup(form):
    parts = []
    for field in form:
        parts.append(str(field))
        parts.extend(str(widget.tag()) for widget in field.subwidgets)
    return "\n".join(parts)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {
            "text": "<script>",
            "email": "not an email",
            "hidden": '"quoted"',
            "tick": "on",
            "number": "x",
            "note": "line\n<two>",
            "radio": "b",
            "many": ["1", "3"],
            "pick": "x",
            "grouped": "2",
            "several": ["a", "c"],
            "maybe": "true",
        },
    ],
)
def test_the_same_markup_as_djangos_templates(data):
    lean = Sample(data, renderer=LeanWidgetRenderer())
    django = Sample(data, renderer=DjangoTemplates())
    assert markup(lean) == markup(django)


@pytest.mark.parametrize("data", [None, {"name": "<x>", "email": "bad"}])
def test_the_enquiry_form_renders_as_with_templates(data, site_tree):
    lean = EnquiryForm(data)
    django = EnquiryForm(data, renderer=DjangoTemplates())
    assert isinstance(lean.renderer, LeanWidgetRenderer)
    assert markup(lean) == markup(django)


def test_another_renderer_keeps_its_templates(settings):
    settings.FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
    renderer = LeanWidgetRenderer()
    assert isinstance(renderer.fallback, TemplatesSetting)
    assert not renderer.lean


class Wrapped(Sample):
    """Sample plus the wrapper's own cases: the consent box, a group without options."""

    consent = forms.BooleanField(help_text="<i>Required</i>")
    nothing = forms.ChoiceField(choices=[], required=False, widget=forms.RadioSelect)


INCLUDE = '{% include "treatments_cms/enquiries/field.html" %}'
TAG = "{% load treatments_cms_tags %}{% enquiry_field field %}"


@pytest.mark.parametrize("privacy", ["", "/privacy/?a=1&b=<2>"])
@pytest.mark.parametrize(
    "data", [None, {"text": "<script>", "email": "bad", "radio": "z", "many": ["9"]}]
)
def test_the_field_wrapper_is_the_templates_markup(data, privacy):
    from django.template import engines

    engine = engines["django"]
    for form in (Wrapped(data), EnquiryForm(data)):
        for field in form.visible_fields():
            context = {"field": field, "privacy_notice_url": privacy}
            expected = engine.from_string(INCLUDE).render(context)
            assert engine.from_string(TAG).render(context) == expected, field.name


def test_a_projects_field_template_is_used(settings, tmp_path):
    from django.template import engines

    override = tmp_path / "treatments_cms" / "enquiries" / "field.html"
    override.parent.mkdir(parents=True)
    override.write_text("<p>{{ field.name }} {{ extra }}</p>")
    templates = []
    for backend in settings.TEMPLATES:
        backend = dict(backend)
        if backend["BACKEND"] == "django.template.backends.django.DjangoTemplates":
            backend["DIRS"] = [tmp_path, *backend.get("DIRS", [])]
        templates.append(backend)
    settings.TEMPLATES = templates
    field = Sample()["text"]
    html = engines["django"].from_string(TAG).render({"field": field, "extra": "&"})
    assert html == "<p>text &amp;</p>"
