// The status machine: which moves the CLI verbs allow, and what every move does to the
// timestamps. Moves that come from TASKS.md or from Claude Code are facts, not requests,
// so they are applied whatever the current status; the verbs are checked.
import type { Task, TaskStatus } from './task.js'

export type Verb = 'start' | 'done' | 'block' | 'cancel' | 'reopen'

export const VERB_TARGET: Record<Verb, TaskStatus> = {
  start: 'in_progress',
  done: 'completed',
  block: 'blocked',
  cancel: 'cancelled',
  reopen: 'pending'
}

const VERB_FROM: Record<Verb, readonly TaskStatus[]> = {
  start: ['pending', 'blocked'],
  done: ['pending', 'in_progress', 'blocked'],
  block: ['pending', 'in_progress'],
  cancel: ['pending', 'in_progress', 'blocked'],
  reopen: ['completed', 'cancelled']
}

/** Why a verb cannot be applied to a task in this status, or null when it can. */
export function verbRefusal(verb: Verb, task: Pick<Task, 'id' | 'status'>): string | null {
  if (VERB_FROM[verb].includes(task.status)) return null
  const label = task.status.replace('_', ' ')
  if (verb === 'start' && (task.status === 'completed' || task.status === 'cancelled')) {
    return `${task.id} is ${label}; reopen it first: tasktrail reopen ${task.id}`
  }
  if (verb === 'reopen') return `${task.id} is ${label}, not completed or cancelled; nothing to reopen`
  return `${task.id} is already ${label}`
}

export interface StatusPatch {
  status: TaskStatus
  started_at: string | null
  completed_at: string | null
}

/**
 * The fields a move to `to` sets: started_at on the first start (kept afterwards),
 * completed_at on completion, cleared when the task leaves completed.
 */
export function statusPatch(
  task: Pick<Task, 'status' | 'started_at' | 'completed_at'>,
  to: TaskStatus,
  now: string
): StatusPatch {
  const started_at =
    task.started_at ?? (to === 'in_progress' || to === 'completed' ? now : null)
  const completed_at = to === 'completed' ? (task.status === 'completed' ? task.completed_at : now) : null
  return { status: to, started_at, completed_at }
}
