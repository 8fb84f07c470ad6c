// OpenAI Codex CLI (0.171.0) hook events, translated into the Claude Code events tasktrail's
// adapters already handle: Codex's envelope is Claude Code's (session_id, cwd, hook_event_name,
// tool_use_id), with turn_id as the prompt. update_plan's whole list is a TodoWrite list;
// apply_patch's headers are file writes; a patch that exits non-zero is a failure. A shell
// command's PostToolUse carries its output but not its exit code, so failed commands are read
// at Stop from the turn's items in the rollout (the transcript). Pure: the raw event (and the
// rollout's text) in, the events to apply out (see test/fixtures/other-agents/).
import type { HookEvent } from '../event.js'
import { isFields, optionalString, requiredString, ShapeError, type Fields } from '../shape.js'
import { patchPaths } from './apply-patch.js'

interface Envelope {
  session_id: string
  cwd: string
  prompt_id: string | undefined
  agent_id: undefined
}

function planAsTodos(input: Fields): Fields {
  const plan = input.plan
  if (!Array.isArray(plan)) throw new ShapeError('plan is not a list')
  return {
    todos: plan.map((item) => {
      if (!isFields(item)) throw new ShapeError('a plan step is not an object')
      return { content: requiredString(item, 'step'), status: requiredString(item, 'status') }
    })
  }
}

/** "Exit code: 1\n…" from a tool that ran a process and failed; undefined when it succeeded or says nothing. */
function failure(response: unknown): string | undefined {
  if (typeof response !== 'string') return undefined
  const code = /^Exit code: (\d+)/.exec(response)?.[1]
  if (code === undefined || code === '0') return undefined
  const output = /\nOutput:\n([\s\S]*)$/.exec(response)?.[1]?.trim()
  return `Exit code ${code}${output ? `: ${output}` : ''}`
}

function postToolUse(envelope: Envelope, fields: Fields): HookEvent[] {
  const tool_name = requiredString(fields, 'tool_name')
  const tool_use_id = requiredString(fields, 'tool_use_id')
  const input = fields.tool_input
  const tool_input = isFields(input) ? input : { command: typeof input === 'string' ? input : '' }
  const error = failure(fields.tool_response)
  if (error) {
    return [{ ...envelope, hook_event_name: 'PostToolUseFailure', tool_name, tool_input: oneCommandLine(tool_name, tool_input), tool_use_id, error, is_interrupt: false }]
  }
  if (tool_name === 'update_plan') {
    return [{ ...envelope, hook_event_name: 'PostToolUse', tool_name: 'TodoWrite', tool_input: planAsTodos(tool_input), tool_use_id, tool_response: {} }]
  }
  if (tool_name === 'apply_patch') {
    const patch = requiredString(tool_input, 'command')
    // One write per file, each applied once: the tool_use_id is the call's and the path's.
    return patchPaths(patch).map((file_path) => ({
      ...envelope,
      hook_event_name: 'PostToolUse',
      tool_name: 'Write',
      tool_input: { file_path },
      tool_use_id: `${tool_use_id}:${file_path}`,
      tool_response: {}
    }))
  }
  return []
}

/** A failed patch is recorded by the files it meant to change, not by its whole text. */
function oneCommandLine(tool: string, input: Fields): Fields {
  if (tool !== 'apply_patch' || typeof input.command !== 'string') return input
  return { command: `apply_patch ${patchPaths(input.command).join(' ')}`.trim() }
}

/** A command run as `bash -lc "…"` is named by what it ran. */
function commandText(command: unknown): string {
  if (!Array.isArray(command)) return typeof command === 'string' ? command : ''
  const shell = command.length === 3 && (command[1] === '-lc' || command[1] === '-c')
  return String(shell ? command[2] : command.join(' '))
}

/**
 * The commands of the turn that exited non-zero, as failures: the rollout's completed
 * CommandExecution items (one JSON object a line) of that turn.
 */
export function failedCommands(rollout: string, envelope: Envelope & { prompt_id: string }): HookEvent[] {
  const failures: HookEvent[] = []
  for (const line of rollout.split('\n')) {
    if (!line.includes('"CommandExecution"') || !line.includes(envelope.prompt_id)) continue
    let payload: unknown
    try {
      payload = (JSON.parse(line) as Fields).payload
    } catch {
      continue
    }
    if (!isFields(payload) || payload.type !== 'item_completed' || payload.turn_id !== envelope.prompt_id || !isFields(payload.item)) continue
    const { item } = payload
    const code = item.exit_code
    if (item.type !== 'CommandExecution' || typeof item.id !== 'string' || typeof code !== 'number' || code === 0) continue
    const output = typeof item.aggregated_output === 'string' ? item.aggregated_output.trim() : ''
    failures.push({
      ...envelope,
      hook_event_name: 'PostToolUseFailure',
      tool_name: 'Bash',
      tool_input: { command: commandText(item.command) },
      tool_use_id: item.id,
      error: `Exit code ${code}${output ? `: ${output}` : ''}`,
      is_interrupt: false
    })
  }
  return failures
}

/**
 * The events to apply for one Codex hook event (none for what tasktrail does not record);
 * `rollout` is the text of the session's transcript, read at Stop.
 */
export function codexEvents(value: unknown, rollout = ''): HookEvent[] {
  if (!isFields(value)) throw new ShapeError('the event is not a JSON object')
  const name = requiredString(value, 'hook_event_name')
  const envelope: Envelope = {
    session_id: requiredString(value, 'session_id'),
    cwd: requiredString(value, 'cwd'),
    prompt_id: optionalString(value, 'turn_id'),
    agent_id: undefined
  }
  switch (name) {
    case 'SessionStart':
      return [{ ...envelope, hook_event_name: name, source: optionalString(value, 'source'), transcript_path: optionalString(value, 'transcript_path') }]
    case 'UserPromptSubmit':
      return [{ ...envelope, hook_event_name: name, prompt: requiredString(value, 'prompt') }]
    case 'PostToolUse':
      return postToolUse(envelope, value)
    case 'Stop': {
      const turn = envelope.prompt_id
      const failures = turn === undefined ? [] : failedCommands(rollout, { ...envelope, prompt_id: turn })
      return [...failures, { ...envelope, hook_event_name: name, last_assistant_message: optionalString(value, 'last_assistant_message') }]
    }
    case 'SessionEnd':
      return [{ ...envelope, hook_event_name: name, reason: optionalString(value, 'reason') }]
    default:
      return []
  }
}
