// TaskCreate (PostToolUse): a subtask of the request, pending, typed from metadata.type or
// the subject's words. Claude's id for it (from the response, "1", "2", …) is remembered
// for the session, so later TaskUpdates find it.
import type { PostToolUseEvent } from '../event.js'
import { requestTask, type HookContext } from '../context.js'
import { isFields, optionalFields, optionalString, requiredFields, requiredString, ShapeError } from '../shape.js'
import { taskTypeOf } from '../task-type.js'
import { taskTitle } from '../text.js'

export function taskCreated(event: PostToolUseEvent, ctx: HookContext): void {
  const subject = requiredString(event.tool_input, 'subject')
  const description = optionalString(event.tool_input, 'description')
  const metadata = optionalFields(event.tool_input, 'metadata')
  if (!isFields(event.tool_response)) throw new ShapeError('tool_response is not an object')
  const claudeId = requiredString(requiredFields(event.tool_response, 'task'), 'id')
  if (ctx.state.planTaskByClaudeId(event.session_id, claudeId)) return
  const task = ctx.store.createTask(
    ctx.repo.id,
    {
      title: taskTitle(subject),
      parent_task_id: requestTask(ctx, event).id,
      description: description || null,
      task_type: taskTypeOf(subject, metadata && optionalString(metadata, 'type')),
      session_id: event.session_id,
      client: ctx.repo.client,
      project: ctx.repo.project
    },
    'hook'
  )
  ctx.state.addPlanTask(event.session_id, task.id, claudeId)
}
