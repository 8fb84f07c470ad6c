import type { HookEvent } from './recording-plugin.js'

// Hook event sequences reduced to what must be the same between two runs of one scenario:
// event and tool names, per thread. Ids, timings and the interleaving of a background agent
// with the main thread are left out, since they differ from run to run.

/** `PreToolUse:Write`, `SessionStart`, and `UserPromptSubmit:task-notification` for a background agent's result. */
export function shapeOf(event: HookEvent): string {
  if (event.tool_name) return `${event.hook_event_name}:${event.tool_name}`
  if (event.hook_event_name === 'UserPromptSubmit' && event.prompt?.startsWith('<task-notification>')) {
    return 'UserPromptSubmit:task-notification'
  }
  return event.hook_event_name
}

/**
 * Shapes per thread, in order: `main`, then `agent-1`, `agent-2`… in order of each subagent's
 * first event. A task notification is set apart under `notifications`, because when it arrives
 * among the main thread's events depends on how fast the agent ran.
 */
export function shapesByThread(events: HookEvent[]): Record<string, string[]> {
  const threads: Record<string, string[]> = { main: [] }
  const agentNames = new Map<string, string>()
  for (const event of events) {
    const shape = shapeOf(event)
    let thread = 'main'
    if (shape === 'UserPromptSubmit:task-notification') thread = 'notifications'
    else if (event.agent_id) {
      if (!agentNames.has(event.agent_id)) agentNames.set(event.agent_id, `agent-${agentNames.size + 1}`)
      thread = agentNames.get(event.agent_id)!
    }
    ;(threads[thread] ??= []).push(shape)
  }
  return threads
}

/**
 * For each shape, the field names its events carried (top level, and `tool_response.*` one level
 * down), sorted: what an adapter may read. Values are left out; they hold ids and timings.
 */
export function fieldsByShape(events: HookEvent[]): Record<string, string[]> {
  const fields: Record<string, Set<string>> = {}
  for (const event of events) {
    const names = (fields[shapeOf(event)] ??= new Set())
    for (const [key, value] of Object.entries(event)) {
      names.add(key)
      if (key === 'tool_response' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const inner of Object.keys(value)) names.add(`${key}.${inner}`)
      }
    }
  }
  return Object.fromEntries(Object.entries(fields).map(([shape, names]) => [shape, [...names].sort()]))
}
