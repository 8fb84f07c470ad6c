// Which agent CLI made a task: the host its hooks recorded (codex, gemini); a task of a hook
// session without one is Claude Code's, the first host; a task added by hand has none.
import type { Task } from '../../model/task.js'

export function taskHost(task: Pick<Task, 'task_context' | 'session_id'>): string | undefined {
  const host = task.task_context.host
  if (typeof host === 'string') return host
  return task.session_id ? 'claude-code' : undefined
}
