"""The demo site's content and its idempotent loader (``load_demo_content``)."""

from .loader import DemoContentLoader


def load(report):
    """Load the demo content; ``report(action, label)`` is called for each item."""
    return DemoContentLoader(report).load()


__all__ = ["DemoContentLoader", "load"]
