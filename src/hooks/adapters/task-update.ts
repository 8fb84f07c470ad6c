// TaskUpdate (PostToolUse): Claude changes a task of its list; TaskCompleted says the same
// of a TaskUpdate to completed, and whichever comes second changes nothing more. A response with
// success: false changed nothing in Claude Code, so it changes nothing here either.
// "deleted" cancels the task: the record keeps what was planned and dropped.
import { isTerminal, type TaskStatus } from '../../model/task.js'
import type { PostToolUseEvent, TaskEvent } from '../event.js'
import type { HookContext } from '../context.js'
import { isFields, optionalString, optionalStrings, requiredString, ShapeError } from '../shape.js'
import { taskTitle } from '../text.js'

const STATUS_OF: Record<string, TaskStatus> = {
  pending: 'pending',
  in_progress: 'in_progress',
  completed: 'completed',
  deleted: 'cancelled'
}

export function taskUpdated(event: PostToolUseEvent, ctx: HookContext): void {
  if (isFields(event.tool_response) && event.tool_response.success === false) return
  const input = event.tool_input
  const claudeId = requiredString(input, 'taskId')
  const status = optionalString(input, 'status')
  if (status !== undefined && !Object.hasOwn(STATUS_OF, status)) throw new ShapeError(`status ${JSON.stringify(status)} is unknown`)
  const subject = optionalString(input, 'subject')
  const description = optionalString(input, 'description')
  const owner = optionalString(input, 'owner')
  const blockedBy = optionalStrings(input, 'addBlockedBy') ?? []
  const blocks = optionalStrings(input, 'addBlocks') ?? []

  const ours = (id: string) => ctx.state.planTaskByClaudeId(event.session_id, id)
  const taskId = ours(claudeId)
  // A task Claude made before tasktrail was there: nothing of ours to change.
  if (!taskId) return
  ctx.store.updateTask(
    taskId,
    {
      title: subject === undefined ? undefined : taskTitle(subject),
      description,
      assigned_agent: owner
    },
    'hook'
  )
  // TaskCompleted may have completed it already: one move, not two.
  if (status !== undefined && ctx.store.requireTask(taskId).status !== STATUS_OF[status]) {
    ctx.store.setStatus(taskId, STATUS_OF[status]!, 'hook', status === 'deleted' ? { note: 'deleted by Claude' } : {})
  }
  for (const other of blockedBy.map(ours)) if (other) ctx.store.addDependency(taskId, other, 'hook')
  for (const other of blocks.map(ours)) if (other) ctx.store.addDependency(other, taskId, 'hook')
}

/** TaskCompleted: the task of Claude's list is completed, once. */
export function taskCompletedEvent(event: TaskEvent, ctx: HookContext): void {
  const taskId = ctx.state.planTaskByClaudeId(event.session_id, event.task_id)
  const task = taskId ? ctx.store.getTask(taskId) : undefined
  if (task && !isTerminal(task.status)) ctx.store.setStatus(task.id, 'completed', 'hook')
}
