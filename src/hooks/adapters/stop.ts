// Stop (the main thread's turn ended) and SessionEnd. At Stop the turn of the prompt's request
// is over; with nothing left running in the background, the plan-mode step in progress is
// taken as done (a guess: plan-progress.ts). The request is complete when nothing under it is
// open — no subtasks (hosts without task tools), or all done, agent runs and workflows
// included — with Claude's last message as its outcome. A Stop while an agent or workflow
// still runs (2.1.332) ends the turn but leaves the request open: its <task-notification>
// starts the next turn. SessionEnd only notes the end: Claude Code gives it about 1.5 s.
import { isTerminal } from '../../model/task.js'
import type { SessionEndEvent, StopEvent } from '../event.js'
import { promptKey, type HookContext } from '../context.js'
import { OUTCOME_LIMIT } from '../limits.js'
import { finishPlanTurn } from '../plan-progress.js'
import { clip } from '../text.js'

function openBelow(ctx: HookContext, taskId: string): number {
  const { open } = ctx.store
    .prepare(
      `WITH RECURSIVE below(id) AS (SELECT id FROM tasks WHERE parent_task_id = ?
         UNION SELECT t.id FROM tasks t JOIN below b ON t.parent_task_id = b.id)
       SELECT COUNT(*) AS open FROM tasks WHERE id IN below AND status NOT IN ('completed', 'cancelled')`
    )
    .get(taskId) as { open: number }
  return open
}

function endTurn(ctx: HookContext, taskId: string): void {
  ctx.store.updateContext(taskId, { turn: null }, 'hook')
}

export function stopped(event: StopEvent, ctx: HookContext): void {
  const taskId = ctx.state.prompt(event.session_id, promptKey(event))?.task_id
  const task = taskId ? ctx.store.getTask(taskId) : undefined
  if (!task) return
  if (event.running_in_background === 0 && !isTerminal(task.status)) finishPlanTurn(ctx, event.session_id, task.id)
  endTurn(ctx, task.id)
  if (isTerminal(ctx.store.requireTask(task.id).status) || openBelow(ctx, task.id) > 0) return
  if (event.last_assistant_message) {
    ctx.store.updateContext(task.id, { outcome: clip(event.last_assistant_message.trim(), OUTCOME_LIMIT) }, 'hook')
  }
  ctx.store.setStatus(task.id, 'completed', 'hook', { note: 'the turn ended with nothing open' })
}

/** The session's turns are all over: a turn cut short (no Stop) holds its request no more. */
export function sessionEnded(event: SessionEndEvent, ctx: HookContext): void {
  ctx.state.endSession(event.session_id, ctx.repo.id)
  for (const requestId of ctx.state.sessionRequests(event.session_id)) {
    if (ctx.store.getTask(requestId)?.task_context.turn === 'running') endTurn(ctx, requestId)
  }
}
