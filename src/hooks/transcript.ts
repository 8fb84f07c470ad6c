// Claude Code's transcript as the record of a turn's tool calls. A hook can be skipped (an MCP
// server not yet connected), fail or time out, and then leaves no trace; the transcript
// (`transcript_path`, JSON lines) has every call and its result all the same. At Stop the
// turn's calls are read back as the hook events they would have been, so the ones never
// applied can be (src/hooks/run.ts); applying is idempotent per tool_use_id.
//
// What is read: the main thread's file from the first entry of the Stop's prompt on, and the
// subagents' files beside it (SESSION/subagents/agent-ID.jsonl, with agent-ID.meta.json
// giving the agent's type) that belong to the same prompt. An assistant entry's tool_use
// blocks give a call's name and input; a user entry's tool_result block and its
// `toolUseResult` give the result (the hook's tool_response) or, with is_error, the failure;
// a queued <task-notification> (a background agent's end) is the prompt it was.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { isFields, type Fields } from './shape.js'
import { isTaskNotification } from './task-notification.js'

/** The turn a Stop ends. */
export interface Turn {
  session_id: string
  cwd: string
  prompt_id: string | undefined
  transcript_path: string
}

/** A hook event the transcript shows, and the time of the entry that shows it. */
export interface Timed {
  at: string
  event: Fields
}

/** The lines of `text` from the first that holds `marker` (all of them without one). */
function linesFrom(text: string, marker: string | undefined): string[] {
  let start = 0
  if (marker) {
    const found = text.indexOf(marker)
    if (found < 0) return []
    start = text.lastIndexOf('\n', found) + 1
  }
  return text.slice(start).split('\n')
}

function entries(lines: readonly string[]): Fields[] {
  const parsed: Fields[] = []
  for (const line of lines) {
    if (!line.trim()) continue
    try {
      const value: unknown = JSON.parse(line)
      if (isFields(value)) parsed.push(value)
    } catch {
      // A line still being written.
    }
  }
  return parsed
}

function blocks(entry: Fields): Fields[] {
  const message = entry.message
  if (!isFields(message) || !Array.isArray(message.content)) return []
  return message.content.filter(isFields)
}

/** A failed call's message, as PostToolUseFailure's `error` gives it. */
function errorText(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return 'failed'
  return content.filter(isFields).map((block) => (typeof block.text === 'string' ? block.text : '')).join('\n') || 'failed'
}

/**
 * A call Claude Code refused before running it (an unknown or disabled tool, input that fails
 * validation) runs no hook, PreToolUse included: its result is a <tool_use_error>.
 */
function refusedBeforeHooks(content: unknown): boolean {
  return errorText(content).trimStart().startsWith('<tool_use_error>')
}

/**
 * How long a call ran, from its call's and its result's entries: the hook would have said
 * (duration_ms), the transcript only dates its entries.
 */
function elapsed(from: string, to: string): number | undefined {
  const ms = Date.parse(to) - Date.parse(from)
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined
}

/** The hook events one transcript file's entries would have made, each with its time. */
function toolEvents(file: Fields[], turn: Turn, agentId: string | undefined): Timed[] {
  const calls = new Map<string, { name: string; input: Fields; at: string }>()
  const events: Timed[] = []
  const refused = new Set<string>()
  const common = { session_id: turn.session_id, cwd: turn.cwd, transcript_path: turn.transcript_path, prompt_id: turn.prompt_id, agent_id: agentId }
  for (const entry of file) {
    const at = typeof entry.timestamp === 'string' ? entry.timestamp : ''
    // A background agent's end, handed to the main thread as a prompt (UserPromptSubmit).
    const queued = entry.attachment
    if (isFields(queued) && queued.type === 'queued_command' && typeof queued.prompt === 'string' && isTaskNotification(queued.prompt)) {
      events.push({ at, event: { ...common, hook_event_name: 'UserPromptSubmit', prompt: queued.prompt } })
    }
    for (const block of blocks(entry)) {
      if (block.type === 'tool_use' && typeof block.id === 'string' && typeof block.name === 'string') {
        const input = isFields(block.input) ? block.input : {}
        calls.set(block.id, { name: block.name, input, at })
        events.push({ at, event: { ...common, hook_event_name: 'PreToolUse', tool_name: block.name, tool_input: input, tool_use_id: block.id } })
      }
      if (block.type === 'tool_result' && typeof block.tool_use_id === 'string') {
        const call = calls.get(block.tool_use_id)
        if (!call) continue
        if (refusedBeforeHooks(block.content)) {
          refused.add(block.tool_use_id)
          continue
        }
        const tool = { tool_name: call.name, tool_input: call.input, tool_use_id: block.tool_use_id, duration_ms: elapsed(call.at, at) }
        events.push({
          at,
          event: block.is_error === true
            ? { ...common, hook_event_name: 'PostToolUseFailure', ...tool, error: errorText(block.content), is_interrupt: false }
            : { ...common, hook_event_name: 'PostToolUse', ...tool, tool_response: entry.toolUseResult }
        })
      }
    }
  }
  return events.filter(({ event }) => !refused.has(event.tool_use_id as string))
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

/**
 * Each subagent of the turn: its start (as SubagentStart would say) and its calls. A file
 * last written before the turn began is an earlier turn's and is not read.
 */
function subagentEvents(turn: Turn, marker: string | undefined, since: number): Timed[] {
  const dir = join(dirname(turn.transcript_path), basename(turn.transcript_path, '.jsonl'), 'subagents')
  if (!existsSync(dir)) return []
  const events: Timed[] = []
  for (const name of readdirSync(dir).filter((n) => /^agent-[\w-]+\.jsonl$/.test(n))) {
    if ((statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0) < since) continue
    const agentId = name.slice('agent-'.length, -'.jsonl'.length)
    const text = readText(join(dir, name))
    if (marker && !text.includes(marker)) continue
    const file = entries(text.split('\n'))
    let agentType: unknown
    try {
      agentType = (JSON.parse(readText(join(dir, name.replace(/\.jsonl$/, '.meta.json')))) as Fields).agentType
    } catch {
      agentType = undefined
    }
    const first = typeof file[0]?.timestamp === 'string' ? file[0].timestamp : ''
    const start = { session_id: turn.session_id, cwd: turn.cwd, prompt_id: turn.prompt_id, hook_event_name: 'SubagentStart', agent_id: agentId, agent_type: agentType }
    events.push({ at: first, event: start }, ...toolEvents(file, turn, agentId))
  }
  return events
}

/**
 * The hook events of the turn's tool calls, main thread and subagents, in the order they
 * happened (by the transcript's timestamps; a file's own order where they tie).
 */
export function turnEvents(turn: Turn): Timed[] {
  const marker = turn.prompt_id ? `"promptId":${JSON.stringify(turn.prompt_id)}` : undefined
  const file = entries(linesFrom(readText(turn.transcript_path), marker))
  const began = typeof file[0]?.timestamp === 'string' ? Date.parse(file[0].timestamp) : NaN
  // A second of slack for clocks that round; no first entry, no limit.
  const since = Number.isNaN(began) ? 0 : began - 1_000
  const all = [...toolEvents(file, turn, undefined), ...subagentEvents(turn, marker, since)]
  return all
    .map((timed, i) => ({ ...timed, i }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.i - b.i))
    .map(({ at, event }) => ({ at, event }))
}
