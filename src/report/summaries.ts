// The per-client and per-project lines of `tasktrail clients` and `tasktrail projects`.
import { taskTimes } from '../store/active-time.js'
import type { RoundingRule } from '../billing/rounding.js'
import type { Task } from '../model/task.js'
import type { Store } from '../store/store.js'
import { msToMinutes } from './units.js'

export interface TaskCounts {
  open: number
  completed: number
}

function taskCounts(tasks: Array<Pick<Task, 'status'>>): TaskCounts {
  return {
    open: tasks.filter((t) => t.status === 'pending' || t.status === 'in_progress' || t.status === 'blocked').length,
    completed: tasks.filter((t) => t.status === 'completed').length
  }
}

export interface ClientSummary extends TaskCounts {
  name: string
  work_items: number
  billable_minutes: number
  rounding: RoundingRule
}

export function clientSummary(store: Store, name: string): ClientSummary {
  const billed = store.workItems({ client: name })
  return {
    name,
    ...taskCounts(store.listTasks({ client: name })),
    work_items: billed.length,
    billable_minutes: billed.reduce((sum, w) => sum + w.billable_minutes, 0),
    rounding: store.roundingRule(name)
  }
}

export interface ProjectSummary extends TaskCounts {
  name: string
  /** Measured time of the project's completed tasks. */
  active_minutes: number
  /** Minutes of work items of the project's tasks (those that also have a client). */
  billable_minutes: number
}

export function projectSummary(store: Store, name: string): ProjectSummary {
  const tasks = store.listTasks({ project: name })
  const completed = tasks.filter((t) => t.status === 'completed')
  const times = taskTimes(store, completed)
  const billable_minutes = tasks.reduce((sum, t) => sum + (store.workItem(t.id)?.billable_minutes ?? 0), 0)
  return {
    name,
    ...taskCounts(tasks),
    active_minutes: msToMinutes(completed.reduce((sum, t) => sum + (times.get(t.id)?.ms ?? 0), 0)),
    billable_minutes
  }
}
