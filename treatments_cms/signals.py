"""Signals a project can connect to, to hook into the plugin.

``enquiry_submitted``: sent once an enquiry is saved and its transaction has
committed (after the clinic's notification was attempted), with ``sender`` the
Enquiry model and ``enquiry`` the stored enquiry. A receiver that raises is
logged by exception type and never affects the visitor's response.
"""

from django.dispatch import Signal

enquiry_submitted = Signal()
