// Tasks as sync compares them (TaskLine): from the store's rows and from a parsed TASKS.md.
import type { Store, StoredTask } from '../store/store.js'
import type { ParsedTasks } from './markdown.js'
import type { FileTask, TaskLine } from './merge.js'

/** The store's view of a task as sync compares it, or undefined when the store has no such task. */
export function storeLine(store: Store, id: string): TaskLine | undefined {
  const task = store.getTask(id)
  return task && lineOfTask(task)
}

function lineOfTask(task: StoredTask): TaskLine {
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    type: task.task_type,
    agent: task.assigned_agent,
    reason: task.status === 'blocked' ? (task.task_context.blocked_reason as string | undefined) ?? null : null,
    parent: task.parent_task_id
  }
}

export function fileTasks(parsed: Pick<ParsedTasks, 'tasks'>): FileTask[] {
  return parsed.tasks.map((t) => ({
    id: t.id,
    title: t.title,
    status: t.status,
    type: t.meta.type ?? null,
    agent: t.meta.agent ?? null,
    reason: t.meta.reason ?? null,
    parent: t.parent
  }))
}

export function linesOf(parsed: ParsedTasks): Map<string, TaskLine> {
  return linesOfTasks(fileTasks(parsed))
}

/** The file's tasks by id (the first line of an id seen twice), as sync compares them. */
export function linesOfTasks(tasks: readonly FileTask[]): Map<string, TaskLine> {
  const lines = new Map<string, TaskLine>()
  tasks.forEach((t) => {
    if (t.id === null || lines.has(t.id)) return
    lines.set(t.id, { ...t, id: t.id, reason: t.status === 'blocked' ? t.reason : null, parent: t.parent === null ? null : tasks[t.parent]!.id })
  })
  return lines
}

