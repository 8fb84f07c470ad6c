// The hook events tasktrail handles, as Claude Code sends them on stdin (see the recordings
// in test/fixtures/claude-code/). parseEvent checks the envelope; each adapter reads the
// tool_input and tool_response of its own tool with the readers of shape.ts.
import {
  isFields,
  optionalBoolean,
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
}
export interface PostToolUseFailureEvent extends Common {
  hook_event_name: 'PostToolUseFailure'
  tool_name: string
  tool_input: Fields
  tool_use_id: string
  error: string
  is_interrupt: boolean
}
export interface SubagentStartEvent extends Common {
  hook_event_name: 'SubagentStart'
  agent_id: string
  agent_type: string | undefined
}
export interface SubagentStopEvent extends Common {
  hook_event_name: 'SubagentStop'
  agent_id: string
  last_assistant_message: string | undefined
}
export interface StopEvent extends Common {
  hook_event_name: 'Stop'
  last_assistant_message: string | undefined
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

/** The typed event, or a ShapeError (mistyped or missing fields) or UnknownEventError. */
export function parseEvent(value: unknown): HookEvent {
  if (!isFields(value)) throw new ShapeError('the event is not a JSON object')
  const name = requiredString(value, 'hook_event_name')
  const common: Common = {
    session_id: requiredString(value, 'session_id'),
    cwd: requiredString(value, 'cwd'),
    prompt_id: optionalString(value, 'prompt_id'),
    agent_id: optionalString(value, 'agent_id')
  }
  switch (name) {
    case 'SessionStart':
      return { ...common, hook_event_name: name, source: optionalString(value, 'source'), transcript_path: optionalString(value, 'transcript_path') }
    case 'UserPromptSubmit':
      return { ...common, hook_event_name: name, prompt: requiredString(value, 'prompt') }
    case 'PreToolUse':
      return { ...common, hook_event_name: name, ...tool(value) }
    case 'PostToolUse':
      return { ...common, hook_event_name: name, ...tool(value), tool_response: value.tool_response }
    case 'PostToolUseFailure':
      return {
        ...common,
        hook_event_name: name,
        ...tool(value),
        error: optionalString(value, 'error') ?? 'failed',
        is_interrupt: optionalBoolean(value, 'is_interrupt') ?? false
      }
    case 'SubagentStart':
      return { ...common, hook_event_name: name, agent_id: requiredString(value, 'agent_id'), agent_type: optionalString(value, 'agent_type') }
    case 'SubagentStop':
      return {
        ...common,
        hook_event_name: name,
        agent_id: requiredString(value, 'agent_id'),
        last_assistant_message: optionalString(value, 'last_assistant_message')
      }
    case 'Stop':
      return { ...common, hook_event_name: name, last_assistant_message: optionalString(value, 'last_assistant_message') }
    case 'SessionEnd':
      return { ...common, hook_event_name: name, reason: optionalString(value, 'reason') }
    default:
      throw new UnknownEventError(`unknown event ${JSON.stringify(name).slice(0, 60)}`)
  }
}
