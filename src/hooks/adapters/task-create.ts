// TaskCreate (PostToolUse) and TaskCreated: a subtask of the request, pending, typed from
// metadata.type or the subject's words. Claude's id for it ("1", "2", …: the response's
// task.id, TaskCreated's task_id) is remembered for the session, so later TaskUpdates find
// it, and whichever of the two events comes second finds the task made and adds nothing.
import type { PostToolUseEvent, TaskEvent } from '../event.js'
import { requestTask, type HookContext, type Origin } from '../context.js'
import { isFields, optionalFields, optionalString, requiredFields, requiredString, ShapeError } from '../shape.js'
import { taskTypeOf } from '../task-type.js'
import { taskTitle } from '../text.js'

interface PlannedTask {
  claudeId: string
  subject: string
  description: string | undefined
  type: string | undefined
}

function createPlanTask(ctx: HookContext, origin: Origin, planned: PlannedTask): void {
  if (ctx.state.planTaskByClaudeId(origin.session_id, planned.claudeId)) return
  const task = ctx.store.createTask(
    ctx.repo.id,
    {
      title: taskTitle(planned.subject),
      parent_task_id: requestTask(ctx, origin).id,
      description: planned.description || null,
      task_type: taskTypeOf(planned.subject, planned.type),
      session_id: origin.session_id,
      client: ctx.repo.client,
      project: ctx.repo.project
    },
    'hook'
  )
  ctx.state.addPlanTask(origin.session_id, task.id, planned.claudeId)
}

export function taskCreated(event: PostToolUseEvent, ctx: HookContext): void {
  const metadata = optionalFields(event.tool_input, 'metadata')
  if (!isFields(event.tool_response)) throw new ShapeError('tool_response is not an object')
  createPlanTask(ctx, event, {
    claudeId: requiredString(requiredFields(event.tool_response, 'task'), 'id'),
    subject: requiredString(event.tool_input, 'subject'),
    description: optionalString(event.tool_input, 'description'),
    type: metadata && optionalString(metadata, 'type')
  })
}

/** TaskCreated: the same task as its TaskCreate's PostToolUse. */
export function taskCreatedEvent(event: TaskEvent, ctx: HookContext): void {
  if (!event.task_subject) throw new ShapeError('task_subject is missing')
  createPlanTask(ctx, event, { claudeId: event.task_id, subject: event.task_subject, description: event.task_description, type: undefined })
}
