// SessionStart (startup, resume, clear, compact): the session is recorded, and Claude is
// given the project's open checklist — in progress, blocked, pending, with ids — as
// additionalContext. Nothing is printed when nothing is open. (The sync that imports hand
// edits of TASKS.md runs before this, around every event: see run.ts.)
import type { SessionStartEvent } from '../event.js'
import type { HookContext } from '../context.js'
import { renderChecklist, type OpenTask } from '../checklist.js'
import { SESSION_CONTEXT_LIMIT } from '../limits.js'
import type { HookOutput } from '../output.js'

/** More than fit in the limit, so the cut is the limit's, not the query's. */
const MAX_LISTED = 60

export function sessionStarted(event: SessionStartEvent, ctx: HookContext): HookOutput | void {
  ctx.state.startSession(event.session_id, ctx.repo.id, event.source ?? null, event.transcript_path ?? null)
  const open = `repo_id = ? AND status IN ('in_progress', 'blocked', 'pending')`
  const tasks = ctx.store
    .prepare(
      `SELECT id, title, status, task_context ->> 'blocked_reason' AS blocked_reason FROM tasks WHERE ${open}
       ORDER BY CASE status WHEN 'in_progress' THEN 0 WHEN 'blocked' THEN 1 ELSE 2 END, created_at, position LIMIT ${MAX_LISTED}`
    )
    .all(ctx.repo.id) as OpenTask[]
  const { total } = ctx.store.prepare(`SELECT COUNT(*) AS total FROM tasks WHERE ${open}`).get(ctx.repo.id) as { total: number }
  const checklist = renderChecklist(tasks, total, SESSION_CONTEXT_LIMIT, ctx.cli, ctx.tools === true)
  if (!checklist) return
  return { hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: checklist } }
}
