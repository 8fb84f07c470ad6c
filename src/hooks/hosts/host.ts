// Which agent CLI an event came from. `tasktrail hook` is Claude Code's by default;
// `--host codex` and `--host gemini` read those CLIs' events, translate them into Claude
// Code's (codex.ts, gemini.ts) and apply them with the same adapters, in one transaction.
// The tasks an event of another host makes record it in task_context.host; nothing past the
// hooks knows where an event came from.
import { readFileSync } from 'node:fs'
import { isTerminal } from '../../model/task.js'
import { isAgentHost, type AgentHost } from '../../model/task-host.js'
import type { HookContext } from '../context.js'
import { changeFor, type Change } from '../dispatch.js'
import type { HookEvent } from '../event.js'
import { REQUEST_LIMIT } from '../limits.js'
import type { HookOutput } from '../output.js'
import { isFields } from '../shape.js'
import { codexEvents } from './codex.js'
import { geminiEvents } from './gemini.js'

export type OtherHost = Exclude<AgentHost, 'claude-code'>

/** The key a spooled event of another host keeps its host in, so the spool replays it as such. */
export const HOST_KEY = 'tasktrail_host'

const TRANSLATE: Record<OtherHost, (value: unknown) => HookEvent[]> = { codex: (value) => codexEvents(value, codexRollout(value)), gemini: geminiEvents }

/** At Codex's Stop, the session's rollout (its failed commands are only there); '' when unreadable. */
function codexRollout(value: unknown): string {
  if (!isFields(value) || value.hook_event_name !== 'Stop' || typeof value.transcript_path !== 'string') return ''
  try {
    return readFileSync(value.transcript_path, 'utf8')
  } catch {
    return ''
  }
}

/** The host a raw event (as read, or from the spool) belongs to. */
export function hostOf(value: unknown): AgentHost {
  const host = isFields(value) ? value[HOST_KEY] : undefined
  return isAgentHost(host) ? host : 'claude-code'
}

/**
 * Gemini's turn has no id: its work counts for the session's prompt, so a BeforeAgent with a
 * new request (or after the last one was done) forgets the last one. The same request again
 * while its task is open is the same turn.
 */
function startTurn(ctx: HookContext, event: Extract<HookEvent, { hook_event_name: 'UserPromptSubmit' }>): void {
  const key = [event.session_id, `session:${event.session_id}`]
  const last = ctx.store.prepare('SELECT request, task_id FROM hook_prompts WHERE session_id = ? AND prompt_id = ?').get(...key) as
    | { request: string; task_id: string | null }
    | undefined
  if (!last) return
  const task = last.task_id ? ctx.store.getTask(last.task_id) : undefined
  const sameTurn = last.request === event.prompt.slice(0, REQUEST_LIMIT) && !(task && isTerminal(task.status))
  if (!sameTurn) ctx.store.prepare('DELETE FROM hook_prompts WHERE session_id = ? AND prompt_id = ?').run(...key)
}

/** The tasks made since `lastRowid` record which agent CLI made them. */
function markHost(ctx: HookContext, host: OtherHost, lastRowid: number): void {
  const made = ctx.store.prepare('SELECT id FROM tasks WHERE rowid > ? ORDER BY rowid').all(lastRowid) as Array<{ id: string }>
  for (const { id } of made) ctx.store.updateContext(id, { host }, 'hook')
}

/** One event of another host: what to apply, or why it is left alone. */
export function readHostEvent(host: OtherHost, value: unknown): { event: HookEvent; change: Change } | string {
  let events: HookEvent[]
  try {
    events = TRANSLATE[host](value)
  } catch (error) {
    return `ignored: ${(error as Error).message}`
  }
  const changes = events.map(changeFor).filter((change): change is Change => change !== undefined)
  const name = isFields(value) ? `${value.hook_event_name}${typeof value.tool_name === 'string' ? ` ${value.tool_name}` : ''}` : 'event'
  if (changes.length === 0) return `ignored: tasktrail does not record ${host}'s ${name}`
  const first = events[0]!
  return {
    event: first,
    change: (ctx) => {
      const { last } = ctx.store.prepare('SELECT coalesce(max(rowid), 0) AS last FROM tasks').get() as { last: number }
      if (host === 'gemini' && first.hook_event_name === 'UserPromptSubmit') startTurn(ctx, first)
      let output: HookOutput | void = undefined
      for (const change of changes) output = change(ctx) ?? output
      markHost(ctx, host, last)
      return output
    }
  }
}
