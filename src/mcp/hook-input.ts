// An event as it reaches the MCP server through an `mcp_tool` hook. Claude Code does not send
// the hook input itself: it interpolates the hook's `input` (hooks/hooks.json), where a
// `${field}` becomes the field's text, '' when absent, and an object its JSON text. So every
// mcp_tool hook asks for all the fields any adapter reads, and the event is put back
// together here before it goes the one way every event goes (src/hooks/run.ts).

/** Fields given as text as they are. */
const TEXT_FIELDS = [
  'hook_event_name',
  'session_id',
  'transcript_path',
  'cwd',
  'prompt_id',
  'agent_id',
  'permission_mode',
  'agent_type',
  'agent_transcript_path',
  'tool_name',
  'tool_use_id',
  'error',
  'last_assistant_message',
  'task_id',
  'task_subject',
  'task_description'
] as const
/** Objects, given as their JSON text. */
const JSON_FIELDS = ['tool_input', 'tool_response'] as const
const BOOLEAN_FIELDS = ['is_interrupt'] as const
const NUMBER_FIELDS = ['duration_ms'] as const

/** The `input` of every mcp_tool hook in hooks/hooks.json. */
export const HOOK_INPUT: Readonly<Record<string, string>> = Object.fromEntries(
  [...TEXT_FIELDS, ...JSON_FIELDS, ...BOOLEAN_FIELDS, ...NUMBER_FIELDS].map((field) => [field, `\${${field}}`])
)

/** JSON text back to its value; a string response that is no JSON stays the string. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** The hook input Claude Code interpolated into `args`, as the command hook reads it on stdin. */
export function hookEvent(args: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const event: Record<string, unknown> = {}
  const given = (field: string) => (typeof args[field] === 'string' && args[field] !== '' ? (args[field] as string) : undefined)
  for (const field of TEXT_FIELDS) event[field] = given(field)
  for (const field of JSON_FIELDS) event[field] = given(field) === undefined ? undefined : parsed(given(field)!)
  for (const field of BOOLEAN_FIELDS) event[field] = given(field) === undefined ? undefined : given(field) === 'true'
  for (const field of NUMBER_FIELDS) event[field] = given(field) === undefined ? undefined : Number(given(field))
  return event
}
