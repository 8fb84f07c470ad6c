// The one place a work item is made: the store calls settleWorkItem whenever a task
// enters or leaves completed or its context changes, whatever did it (CLI, hook, a
// checked box in TASKS.md, an import).
//
// A work item bills a client-linked task that is not itself a subtask of a client task
// (the request), with the measured time of its whole tree: subtasks are billed with
// their parent, so a minimum charge applies once per request, not once per step.
import { billableMinutes, type RoundingRule } from '../billing/rounding.js'
import { categoryOf, localDate } from '../billing/timesheet.js'
import type { Task } from '../model/task.js'
import { taskTimes } from './active-time.js'
import type { StoredTask, Store } from './store.js'

/** The task and its subtasks, without those marked not billable (and theirs). */
function billableTree(store: Store, task: StoredTask): StoredTask[] {
  if (task.task_context.billable === false) return []
  return [task, ...store.children(task.id).flatMap((child) => billableTree(store, child))]
}

/** The task whose work item carries this task's time: itself, or its topmost client-linked ancestor. */
export function billingRootOf(store: Store, task: StoredTask): StoredTask {
  let root = task
  for (const seen = new Set([task.id]); root.parent_task_id && !seen.has(root.parent_task_id); ) {
    const parent = store.getTask(root.parent_task_id)
    if (!parent?.client) break
    seen.add(parent.id)
    root = parent
  }
  return root
}

export interface Billing {
  measured_ms: number
  rule: RoundingRule
  /** What the rule makes of the measured time. */
  rounded_minutes: number
  /** Minutes set with `tasktrail bill ID --minutes N`, which replace the rounded ones. */
  override_minutes: number | null
  billable: boolean
  minutes: number
}

export function billingOf(store: Store, task: StoredTask): Billing {
  const tree = billableTree(store, task)
  const times = taskTimes(store, tree)
  const measured_ms = tree.reduce((sum, t) => sum + (times.get(t.id)?.ms ?? 0), 0)
  const rule = store.roundingRule(task.client!)
  const rounded_minutes = billableMinutes(measured_ms, rule)
  const override = task.task_context.billable_minutes
  const override_minutes = typeof override === 'number' ? override : null
  const billable = task.task_context.billable !== false
  return { measured_ms, rule, rounded_minutes, override_minutes, billable, minutes: billable ? (override_minutes ?? rounded_minutes) : 0 }
}

/** What the work is called on a timesheet when the task has no outcome: its finished steps. */
function solutionOf(store: Store, task: Task): string | null {
  if (task.task_context.outcome) return task.task_context.outcome
  const done = store.children(task.id).filter((c) => c.status === 'completed').map((c) => c.title)
  return done.length ? done.join('; ') : null
}

/**
 * Brings the work item that carries a task's time in line with the task: creates, updates or
 * removes it. The store calls this after every status move into or out of completed and
 * every change to a task's context (outcome, billable, billable_minutes, agent runs).
 */
export function settleWorkItem(store: Store, taskId: string): void {
  const task = store.getTask(taskId)
  if (!task?.client) return
  const root = billingRootOf(store, task)
  if (root.status !== 'completed' || root.task_context.billable === false) {
    store.deleteWorkItem(root.id)
    return
  }
  store.saveWorkItem({
    task_id: root.id,
    client: root.client!,
    category: categoryOf(root.task_type),
    problem: root.task_context.user_request ?? root.title,
    solution: solutionOf(store, root),
    billable_minutes: billingOf(store, root).minutes,
    date: localDate(root.completed_at ?? store.now())
  })
}
