"""An Eindredacteur's own edit, saved in the same action as the approval, counts as reviewed.

The site requires re-approval after any edit (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT), so that a Redacteur's
change after approval is reviewed again. Wagtail applies that rule to the reviewer too: "edit and approve" saves a
new revision, approves the task on the revision before it, and then silently starts the same task again on the new
revision, so nothing is published and the Eindredacteur is not told why. The reviewer read and wrote that revision
themselves, so the fresh task on it is approved on their behalf, and the workflow finishes (and publishes) at once.
"""

from django.dispatch import receiver
from wagtail.models import TaskState
from wagtail.signals import task_approved


def reviewed_by_the_approver(task_state, user) -> bool:
    """Whether the workflow restarted the approved task only because of the approver's own newer revision."""

    workflow_state = task_state.workflow_state
    following = workflow_state.current_task_state
    if (
        user is None
        or workflow_state.status != workflow_state.STATUS_IN_PROGRESS
        or following is None
        or following.pk == task_state.pk
        or following.status != TaskState.STATUS_IN_PROGRESS
        or following.task_id != task_state.task_id
    ):
        return False
    latest = workflow_state.content_object.get_latest_revision()
    return (
        latest is not None
        and latest.pk == following.revision_id
        and latest.pk != task_state.revision_id
        and latest.user_id == user.pk
        and latest.created_at >= task_state.started_at
    )


@receiver(task_approved)
def approve_the_approvers_own_edit(sender, instance, user=None, **kwargs):
    if reviewed_by_the_approver(instance, user):
        following = instance.workflow_state.current_task_state.specific
        following.approve(user=user, comment=instance.comment)
