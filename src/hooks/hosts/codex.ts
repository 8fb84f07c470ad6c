// OpenAI Codex CLI (0.171.0) hook events, translated into the Claude Code events tasktrail's
// adapters already handle: Codex's envelope is Claude Code's (session_id, cwd, hook_event_name,
// tool_use_id), with turn_id as the prompt. update_plan's whole list is a TodoWrite list;
// apply_patch's headers are file writes. Failures are not in the hooks (a command's PostToolUse
// has its output but no exit code; a patch that fails gets no PostToolUse), so they are read at
// Stop from the turn's items in the rollout (the transcript). Pure: the raw event (and the
// rollout's text) in, the events to apply out (see test/fixtures/other-agents/).
import type { HookEvent } from '../event.js'
import { isFields, optionalString, requiredFields, requiredString, ShapeError, type Fields } from '../shape.js'
import { patchPaths } from './apply-patch.js'

interface Envelope {
  session_id: string
  cwd: string
  prompt_id: string | undefined
  agent_id: undefined
  permission_mode: undefined
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

function postToolUse(envelope: Envelope, fields: Fields): HookEvent[] {
  const tool_name = requiredString(fields, 'tool_name')
  const tool_use_id = requiredString(fields, 'tool_use_id')
  const tool_input = requiredFields(fields, 'tool_input')
  if (tool_name === 'update_plan') {
    return [{ ...envelope, hook_event_name: 'PostToolUse', tool_name: 'TodoWrite', tool_input: planAsTodos(tool_input), tool_use_id, tool_response: {}, duration_ms: undefined }]
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
      tool_response: {},
      duration_ms: undefined
    }))
  }
  return []
}

/** A command run as `bash -lc "…"` is named by what it ran. */
function commandText(command: unknown): string {
  if (!Array.isArray(command)) return typeof command === 'string' ? command : ''
  const shell = command.length === 3 && (command[1] === '-lc' || command[1] === '-c')
  return String(shell ? command[2] : command.join(' '))
}

/** The turn's items of the rollout (one JSON object a line) that can tell a failure. */
function turnItems(rollout: string, turn: string): Fields[] {
  const items: Fields[] = []
  for (const line of rollout.split('\n')) {
    if (!line.includes(turn) || !/"(CommandExecution|custom_tool_call|custom_tool_call_output)"/.test(line)) continue
    try {
      const { payload } = JSON.parse(line) as Fields
      if (isFields(payload)) items.push(payload)
    } catch {
      // A line cut short while Codex writes: not one of the turn's finished items.
    }
  }
  return items
}

const turnOf = (payload: Fields) => {
  const meta = payload.internal_chat_message_metadata_passthrough
  return payload.turn_id ?? (isFields(meta) ? meta.turn_id : undefined)
}

/**
 * The turn's failures, from its rollout: commands that exited non-zero (their completed
 * CommandExecution items) and patches that were not applied (an apply_patch call whose output
 * is not "Exit code: 0"; Codex sends such a call no PostToolUse at all).
 */
function turnFailures(rollout: string, envelope: Envelope & { prompt_id: string }): HookEvent[] {
  const failure = (tool_name: string, command: string, tool_use_id: string, error: string): HookEvent => ({
    ...envelope, hook_event_name: 'PostToolUseFailure', tool_name, tool_input: { command }, tool_use_id, error, is_interrupt: false, duration_ms: undefined
  })
  const failures: HookEvent[] = []
  const patches = new Map<string, string>()
  for (const payload of turnItems(rollout, envelope.prompt_id).filter((p) => turnOf(p) === envelope.prompt_id)) {
    const item = payload.type === 'item_completed' && isFields(payload.item) ? payload.item : undefined
    if (item?.type === 'CommandExecution' && typeof item.id === 'string' && typeof item.exit_code === 'number' && item.exit_code !== 0) {
      const output = typeof item.aggregated_output === 'string' ? item.aggregated_output.trim() : ''
      failures.push(failure('Bash', commandText(item.command), item.id, `Exit code ${item.exit_code}${output ? `: ${output}` : ''}`))
    }
    const callId = typeof payload.call_id === 'string' ? payload.call_id : undefined
    if (!callId) continue
    if (payload.type === 'custom_tool_call' && payload.name === 'apply_patch' && typeof payload.input === 'string') patches.set(callId, payload.input)
    const patch = patches.get(callId)
    if (payload.type === 'custom_tool_call_output' && patch !== undefined && typeof payload.output === 'string' && !/^Exit code: 0\b/.test(payload.output)) {
      failures.push(failure('apply_patch', patchPaths(patch).join(' '), callId, payload.output.trim()))
    }
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
    agent_id: undefined,
    permission_mode: undefined
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
      const failures = turn === undefined ? [] : turnFailures(rollout, { ...envelope, prompt_id: turn })
      return [...failures, { ...envelope, hook_event_name: name, last_assistant_message: optionalString(value, 'last_assistant_message'), running_in_background: 0 }]
    }
    case 'SessionEnd':
      return [{ ...envelope, hook_event_name: name, reason: optionalString(value, 'reason') }]
    default:
      return []
  }
}
