// The hook events tasktrail handles, as Claude Code sends them on stdin (see the recordings
// in test/fixtures/claude-code/). parseEvent checks the envelope; each adapter reads the
// tool_input and tool_response of its own tool with the readers of shape.ts.
import {
  isFields,
  optionalBoolean,
  optionalNumber,
  optionalString,
  requiredFields,
  requiredString,
  ShapeError,
  type Fields
} from './shape.js'

interface Common {
  session_id: string
  cwd: string
  /** Which user prompt the work belongs to; absent on SessionStart. */
  prompt_id: string | undefined
  /** Set on the events of a subagent's own work. */
  agent_id: string | undefined
  /** "plan" while Claude Code is in plan mode. */
  permission_mode: string | undefined
}

export interface SessionStartEvent extends Common {
  hook_event_name: 'SessionStart'
  source: string | undefined
  transcript_path: string | undefined
}
export interface UserPromptSubmitEvent extends Common {
  hook_event_name: 'UserPromptSubmit'
  prompt: string
}
export interface PreToolUseEvent extends Common {
  hook_event_name: 'PreToolUse'
  tool_name: string
  tool_input: Fields
  tool_use_id: string
}
export interface PostToolUseEvent extends Common {
  hook_event_name: 'PostToolUse'
  tool_name: string
  tool_input: Fields
  tool_use_id: string
  tool_response: unknown
  /** How long the tool ran, when Claude Code says. */
  duration_ms: number | undefined
}
export interface PostToolUseFailureEvent extends Common {
  hook_event_name: 'PostToolUseFailure'
  tool_name: string
  tool_input: Fields
  tool_use_id: string
  error: string
  is_interrupt: boolean
  duration_ms: number | undefined
}
export interface SubagentStartEvent extends Common {
  hook_event_name: 'SubagentStart'
  agent_id: string
  agent_type: string | undefined
}
export interface SubagentStopEvent extends Common {
  hook_event_name: 'SubagentStop'
  agent_id: string
  agent_type: string | undefined
  /** The agent's transcript; a workflow agent's `.meta.json` (label, phase) lies beside it. */
  agent_transcript_path: string | undefined
  last_assistant_message: string | undefined
}
export interface StopEvent extends Common {
  hook_event_name: 'Stop'
  last_assistant_message: string | undefined
  /** Background agents and workflows still running as the turn ends (2.1.332). */
  running_in_background: number
}
/** TaskCreated / TaskCompleted: the task tools' own events, beside their PostToolUse. */
export interface TaskEvent extends Common {
  hook_event_name: 'TaskCreated' | 'TaskCompleted'
  task_id: string
  task_subject: string | undefined
  task_description: string | undefined
}
export interface SessionEndEvent extends Common {
  hook_event_name: 'SessionEnd'
  reason: string | undefined
}

export type HookEvent =
  | SessionStartEvent
  | UserPromptSubmitEvent
  | PreToolUseEvent
  | PostToolUseEvent
  | PostToolUseFailureEvent
  | SubagentStartEvent
  | SubagentStopEvent
  | StopEvent
  | TaskEvent
  | SessionEndEvent

export type ToolEvent = PreToolUseEvent | PostToolUseEvent | PostToolUseFailureEvent

/** An event whose name tasktrail does not handle: read, logged, and left alone. */
export class UnknownEventError extends Error {
  override name = 'UnknownEventError'
}

function tool(fields: Fields) {
  return {
    tool_name: requiredString(fields, 'tool_name'),
    tool_input: requiredFields(fields, 'tool_input'),
    tool_use_id: requiredString(fields, 'tool_use_id')
  }
}

function runningInBackground(fields: Fields): number {
  const tasks = fields.background_tasks
  if (tasks === undefined || tasks === null) return 0
  if (!Array.isArray(tasks)) throw new ShapeError('background_tasks is not a list')
  return tasks.filter((task) => !isFields(task) || optionalString(task, 'status') !== 'completed').length
}

/** The typed event, or a ShapeError (mistyped or missing fields) or UnknownEventError. */
export function parseEvent(value: unknown): HookEvent {
  if (!isFields(value)) throw new ShapeError('the event is not a JSON object')
  const name = requiredString(value, 'hook_event_name')
  const common: Common = {
    session_id: requiredString(value, 'session_id'),
    cwd: requiredString(value, 'cwd'),
    prompt_id: optionalString(value, 'prompt_id'),
    agent_id: optionalString(value, 'agent_id'),
    permission_mode: optionalString(value, 'permission_mode')
  }
  switch (name) {
    case 'SessionStart':
      return { ...common, hook_event_name: name, source: optionalString(value, 'source'), transcript_path: optionalString(value, 'transcript_path') }
    case 'UserPromptSubmit':
      return { ...common, hook_event_name: name, prompt: requiredString(value, 'prompt') }
    case 'PreToolUse':
      return { ...common, hook_event_name: name, ...tool(value) }
    case 'PostToolUse':
      return { ...common, hook_event_name: name, ...tool(value), tool_response: value.tool_response, duration_ms: optionalNumber(value, 'duration_ms') }
    case 'PostToolUseFailure':
      return {
        ...common,
        hook_event_name: name,
        ...tool(value),
        error: optionalString(value, 'error') ?? 'failed',
        is_interrupt: optionalBoolean(value, 'is_interrupt') ?? false,
        duration_ms: optionalNumber(value, 'duration_ms')
      }
    case 'SubagentStart':
      return { ...common, hook_event_name: name, agent_id: requiredString(value, 'agent_id'), agent_type: optionalString(value, 'agent_type') }
    case 'SubagentStop':
      return {
        ...common,
        hook_event_name: name,
        agent_id: requiredString(value, 'agent_id'),
        agent_type: optionalString(value, 'agent_type'),
        agent_transcript_path: optionalString(value, 'agent_transcript_path'),
        last_assistant_message: optionalString(value, 'last_assistant_message')
      }
    case 'Stop':
      return {
        ...common,
        hook_event_name: name,
        last_assistant_message: optionalString(value, 'last_assistant_message'),
        running_in_background: runningInBackground(value)
      }
    case 'TaskCreated':
    case 'TaskCompleted':
      return {
        ...common,
        hook_event_name: name,
        task_id: requiredString(value, 'task_id'),
        task_subject: optionalString(value, 'task_subject'),
        task_description: optionalString(value, 'task_description')
      }
    case 'SessionEnd':
      return { ...common, hook_event_name: name, reason: optionalString(value, 'reason') }
    default:
      throw new UnknownEventError(`unknown event ${JSON.stringify(name).slice(0, 60)}`)
  }
}
