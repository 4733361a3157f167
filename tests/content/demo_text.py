"""Every piece of text the demo content loader writes (``home.demo_content.data``)."""

from home.demo_content import data


def all_strings(value):
    """The strings in ``value``, however deep in dicts, lists and tuples."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from all_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from all_strings(item)


def demo_strings():
    """Every piece of text the loader writes, field by field."""
    for name in dir(data):
        if name.isupper():
            yield from all_strings(getattr(data, name))
