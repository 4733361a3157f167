"""Shared pieces of the enquiry inbox tests: admin URLs and response text."""

from django.urls import reverse


def url(action, pk=None):
    """The inbox's URL for ``action`` ("index", "inspect", ...), with ``pk`` if given."""
    name = f"treatments_cms_enquiry_modeladmin_{action}"
    return reverse(name, args=[pk]) if pk is not None else reverse(name)


def text(response):
    """The response body as text, streamed (the CSV export) or not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()
