"""The background task that tells the clinic about an enquiry.

Queued after the enquiry's transaction commits, on the task backend named by
``TREATMENTS_CMS_ENQUIRY_TASK_BACKEND`` (Django's ``TASKS`` setting, through the
django-tasks backport), and run by a worker, never by the request. Its only
argument is the enquiry's primary key: task arguments are stored by the queue,
so nothing the visitor sent is ever put in them.
"""

from django_tasks import task

from ..conf import app_settings
from .notify import deliver_notification


@task
def send_enquiry_notification(enquiry_pk):
    """Deliver one enquiry's notification; return what happened ("sent", ...).

    A mail failure is recorded on the enquiry, not raised; a refused mail
    backend raises ``MailBackendRefused`` so the task shows why, and leaves the
    enquiry pending for ``send_enquiry_notifications``.
    """
    return str(deliver_notification(enquiry_pk))


def enqueue_notification(enquiry_pk):
    """Queue ``send_enquiry_notification`` on the configured task backend."""
    return send_enquiry_notification.using(
        backend=app_settings.ENQUIRY_TASK_BACKEND
    ).enqueue(enquiry_pk)
