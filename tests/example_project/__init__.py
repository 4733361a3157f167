"""A second project that installs the plugin without the demo site.

It swaps the treatment page for its own, built on the abstract base with one
more field, subclasses that page, and swaps the practitioner. Its tests run
with ``--ds=tests.example_project.settings``.
"""
