// Replaying recorded hook events as Claude Code would deliver them: only the events that
// hooks/hooks.json registers (its matchers select the tools), with the recorded project's
// paths moved to another project.
import { isFields } from '../shape.js'

interface HookGroup {
  matcher?: string
}
export type HooksConfig = { hooks: Record<string, HookGroup[]> }

/** Whether hooks.json would run a hook for this event. */
export function registered(config: HooksConfig, event: Record<string, unknown>): boolean {
  const groups = config.hooks[String(event.hook_event_name)] ?? []
  return groups.some((group) => {
    if (!group.matcher || group.matcher === '*' || typeof event.tool_name !== 'string') return true
    return new RegExp(`^(?:${group.matcher})$`).test(event.tool_name)
  })
}

/** The event with every string that starts with `from` starting with `to` instead. */
export function moved<T>(value: T, from: string, to: string): T {
  if (typeof value === 'string') return (value.startsWith(from) ? to + value.slice(from.length) : value) as T
  if (Array.isArray(value)) return value.map((item) => moved(item, from, to)) as T
  if (isFields(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, moved(v, from, to)])) as T
  return value
}
