// Which agent CLI made a task: the host its hooks recorded (codex, gemini); a task of a hook
// session without one is Claude Code's, the first host; a task added by hand has none.
import type { Task } from './task.js'

/** The agent CLIs whose hooks tasktrail reads. */
export const AGENT_HOSTS = ['claude-code', 'codex', 'gemini'] as const
export type AgentHost = (typeof AGENT_HOSTS)[number]

export function isAgentHost(name: unknown): name is AgentHost {
  return (AGENT_HOSTS as readonly unknown[]).includes(name)
}

export function taskHost(task: Pick<Task, 'task_context' | 'session_id'>): string | undefined {
  const host = task.task_context.host
  if (typeof host === 'string') return host
  return task.session_id ? 'claude-code' : undefined
}
