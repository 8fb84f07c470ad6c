// Stop (the main thread's turn ended) and SessionEnd. At Stop the request of the prompt is
// complete when nothing under it is open — it has no subtasks (hosts without task tools),
// or they are all done — with Claude's last message as its outcome. SessionEnd only notes
// the end: Claude Code gives it about 1.5 s.
import { isTerminal } from '../../model/task.js'
import type { SessionEndEvent, StopEvent } from '../event.js'
import { promptKey, type HookContext } from '../context.js'
import { OUTCOME_LIMIT } from '../limits.js'
import { clip } from '../text.js'

export function stopped(event: StopEvent, ctx: HookContext): void {
  const taskId = ctx.state.prompt(event.session_id, promptKey(event))?.task_id
  const task = taskId ? ctx.store.getTask(taskId) : undefined
  if (!task || isTerminal(task.status)) return
  const { open } = ctx.store
    .prepare(`SELECT COUNT(*) AS open FROM tasks WHERE parent_task_id = ? AND status NOT IN ('completed', 'cancelled')`)
    .get(task.id) as { open: number }
  if (open > 0) return
  if (event.last_assistant_message) {
    ctx.store.updateContext(task.id, { outcome: clip(event.last_assistant_message.trim(), OUTCOME_LIMIT) }, 'hook')
  }
  ctx.store.setStatus(task.id, 'completed', 'hook', { note: 'the turn ended with nothing open' })
}

export function sessionEnded(event: SessionEndEvent, ctx: HookContext): void {
  ctx.state.endSession(event.session_id, ctx.repo.id)
}
