// Google Gemini CLI (0.61.0) hook events, translated into the Claude Code events tasktrail's
// adapters already handle: BeforeAgent is the prompt, AfterAgent the turn's end (Stop),
// AfterTool of write_todos a TodoWrite list, of write_file/replace a file write, and a tool
// that reports an error or a non-zero exit code a failure. Gemini's events carry no prompt id
// and no tool id: the work of a turn counts for the session's current prompt (a BeforeAgent
// starts the next one, see host.ts), and a tool event is named by its tool and timestamp.
// Pure: the raw event in, the events to apply out (see test/fixtures/other-agents/).
import type { HookEvent } from '../event.js'
import { isFields, optionalString, requiredFields, requiredString, ShapeError, type Fields } from '../shape.js'

interface Envelope {
  session_id: string
  cwd: string
  prompt_id: undefined
  agent_id: undefined
  permission_mode: undefined
}

/**
 * Gemini CLI puts SessionStart's additionalContext (tasktrail's checklist) before the first
 * prompt, and BeforeAgent sees it there: the request is what follows.
 */
const HOOK_CONTEXT = /^<hook_context>[\s\S]*?<\/hook_context>\s*/

/** Gemini's file tools, as the Claude Code tool whose adapter records them. */
const FILE_TOOLS: Record<string, string> = { write_file: 'Write', replace: 'Edit' }

function todos(input: Fields): Fields {
  const list = input.todos
  if (!Array.isArray(list)) throw new ShapeError('todos is not a list')
  return {
    todos: list.flatMap((item) => {
      if (!isFields(item)) throw new ShapeError('a todo is not an object')
      const status = requiredString(item, 'status')
      // A cancelled item is one dropped from the list: cancelled unless it was completed.
      return status === 'cancelled' ? [] : [{ content: requiredString(item, 'description'), status }]
    })
  }
}

/** Why a tool failed: its error, or a shell command's non-zero exit code; undefined when it did not. */
function failure(tool: string, response: unknown): string | undefined {
  if (!isFields(response)) return undefined
  const { error } = response
  if (typeof error === 'string' && error) return error
  if (isFields(error)) return optionalString(error, 'message') ?? 'failed'
  if (tool !== 'run_shell_command' || typeof response.llmContent !== 'string') return undefined
  const code = /^Exit Code: (-?\d+)$/m.exec(response.llmContent)?.[1]
  if (code === undefined || code === '0') return undefined
  const output = /^Output: (.*)$/m.exec(response.llmContent)?.[1]?.trim()
  return `Exit Code ${code}${output && output !== '(empty)' ? `: ${output}` : ''}`
}

function afterTool(envelope: Envelope, fields: Fields): HookEvent[] {
  const tool_name = requiredString(fields, 'tool_name')
  const tool_input = requiredFields(fields, 'tool_input')
  const tool_use_id = `${tool_name}@${requiredString(fields, 'timestamp')}`
  const error = failure(tool_name, fields.tool_response)
  if (error) return [{ ...envelope, hook_event_name: 'PostToolUseFailure', tool_name, tool_input, tool_use_id, error, is_interrupt: false, duration_ms: undefined }]
  if (tool_name === 'write_todos') {
    return [{ ...envelope, hook_event_name: 'PostToolUse', tool_name: 'TodoWrite', tool_input: todos(tool_input), tool_use_id, tool_response: {}, duration_ms: undefined }]
  }
  const fileTool = FILE_TOOLS[tool_name]
  if (fileTool) {
    const file_path = requiredString(tool_input, 'file_path')
    return [{ ...envelope, hook_event_name: 'PostToolUse', tool_name: fileTool, tool_input: { file_path }, tool_use_id, tool_response: {}, duration_ms: undefined }]
  }
  return []
}

/** The events to apply for one Gemini CLI hook event (none for what tasktrail does not record). */
export function geminiEvents(value: unknown): HookEvent[] {
  if (!isFields(value)) throw new ShapeError('the event is not a JSON object')
  const name = requiredString(value, 'hook_event_name')
  const envelope: Envelope = {
    session_id: requiredString(value, 'session_id'),
    cwd: requiredString(value, 'cwd'),
    prompt_id: undefined,
    agent_id: undefined,
    permission_mode: undefined
  }
  switch (name) {
    case 'SessionStart':
      return [{ ...envelope, hook_event_name: name, source: optionalString(value, 'source'), transcript_path: optionalString(value, 'transcript_path') }]
    case 'BeforeAgent':
      return [{ ...envelope, hook_event_name: 'UserPromptSubmit', prompt: requiredString(value, 'prompt').replace(HOOK_CONTEXT, '') }]
    case 'AfterTool':
      return afterTool(envelope, value)
    case 'AfterAgent':
      return [{ ...envelope, hook_event_name: 'Stop', last_assistant_message: optionalString(value, 'prompt_response'), running_in_background: 0 }]
    case 'SessionEnd':
      return [{ ...envelope, hook_event_name: name, reason: optionalString(value, 'reason') }]
    default:
      return []
  }
}
