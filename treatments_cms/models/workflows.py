"""The clinical sign-off: a workflow task only clinical reviewers can approve.

Approving a page at this task names the approver's practitioner as the page's
reviewer, dates the review today and sets the next review due, so a page that
goes live through the "Clinical content" workflow always says who checked it.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState
from wagtail.models.workflows import AbstractGroupApprovalTask

from .. import swappable
from .mixins import ReviewMixin, review_interval_days

# The group the data migration creates and the "Clinical content" workflow's
# task is given; the task's groups can be changed in Settings > Workflow tasks.
CLINICAL_REVIEWERS_GROUP = "Clinical reviewers"


class ClinicalSignOffTask(AbstractGroupApprovalTask):
    """A page is approved only by a member of the task's groups who is a practitioner."""

    class Meta:
        verbose_name = _("clinical sign-off task")
        verbose_name_plural = _("clinical sign-off tasks")

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups who are linked to a practitioner sign "
            "off the page; the sign-off names them as its reviewer and dates it."
        )

    def get_practitioner(self, user):
        """The practitioner who may sign off as ``user``, or None.

        Only a member of the task's groups linked to a practitioner may:
        superusers included, since the sign-off must name a clinician.
        """
        if user is None or not user.is_authenticated or not self._user_in_groups(user):
            return None
        return swappable.get_practitioner_model().for_user(user)

    def user_can_sign_off(self, user):
        return self.get_practitioner(user) is not None

    def get_actions(self, obj, user):
        if self.user_can_sign_off(user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Sign off"), False),
                ("approve", _("Sign off with comment"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if self.user_can_sign_off(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    def on_action(self, task_state, user, action_name, **kwargs):
        practitioner = self.get_practitioner(user)
        if practitioner is None:
            raise PermissionDenied
        if action_name == "approve":
            self.stamp_review(task_state.workflow_state.content_object, practitioner)
        return super().on_action(task_state, user, action_name, **kwargs)

    def stamp_review(self, obj, practitioner, today=None):
        """Record the review in a new latest revision, the one the workflow publishes.

        The stamp is the sign-off's, whatever the draft said: reviewed today by
        ``practitioner``, next due after the review interval of the page's type.
        """
        latest = obj.get_latest_revision()
        draft = latest.as_object() if latest else obj
        if not isinstance(draft, ReviewMixin):
            return None
        today = today or timezone.localdate()
        draft.last_reviewed = today
        draft.reviewed_by = practitioner
        draft.next_review_due = today + datetime.timedelta(
            days=review_interval_days(type(draft))
        )
        revision = draft.save_revision(
            user=practitioner.user, log_action=False, clean=False
        )
        # The workflow publishes ``obj``'s latest revision: make it this one.
        obj.latest_revision = revision
        return revision
