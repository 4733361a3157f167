"""Clinical review governance: which pages are due for review, and telling reviewers.

Built on Wagtail's own report views (``wagtail.admin.views.reports``), not
``wagtail-periodic-review``, which declares Wagtail 6 and 7 only and brings its
own review fields; these pages already carry theirs (``ReviewMixin``).
"""
