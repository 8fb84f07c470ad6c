// Reading a session's timeline out of the store, for the pure time computation.
import { sessionTime, type MeasuredRun, type SessionTimeline, type TaskTime } from '../billing/time.js'
import type { Task } from '../model/task.js'
import type { Store } from './store.js'

const DEFAULT_IDLE_MINUTES = 10
const IDLE_KEY = 'idle_minutes'

/** Minutes without any activity after which a session counts as idle. */
export function idleMinutes(store: Store): number {
  const stored = Number(store.billingSetting(IDLE_KEY))
  return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_IDLE_MINUTES
}

export function setIdleMinutes(store: Store, minutes: number): void {
  store.setBillingSetting(IDLE_KEY, String(minutes))
}

function agentRuns(task: Task): MeasuredRun[] {
  const runs = task.task_context.assigned_agents
  return Array.isArray(runs) ? runs.filter((r): r is MeasuredRun => typeof r === 'object' && r !== null) : []
}

/** One session's tasks, their status moves and every moment something happened in it. */
function sessionTimeline(store: Store, sessionId: string | null): SessionTimeline {
  const events = store.sessionEvents(sessionId)
  const moves = new Map<string, SessionTimeline['tasks'][number]['moves']>()
  for (const event of events) {
    if (event.field !== 'status' || event.new_value === null) continue
    const list = moves.get(event.task_id) ?? []
    list.push({ at: Date.parse(event.at), to: event.new_value as Task['status'] })
    moves.set(event.task_id, list)
  }
  return {
    tasks: store.sessionTasks(sessionId).map((task) => ({
      id: task.id,
      parent_id: task.parent_task_id,
      moves: moves.get(task.id) ?? [],
      agent_runs: agentRuns(task),
      tool_ms: typeof task.task_context.tool_ms === 'number' ? task.task_context.tool_ms : 0
    })),
    activity: events.map((e) => Date.parse(e.at))
  }
}

/**
 * Active time of every task in the sessions of the given tasks (tasks with no session
 * share one timeline: a person works on one thing at a time too).
 */
export function taskTimes(store: Store, tasks: Array<Pick<Task, 'session_id'>>): Map<string, TaskTime> {
  const idleMs = idleMinutes(store) * 60_000
  const now = Date.parse(store.now())
  const times = new Map<string, TaskTime>()
  for (const session of new Set(tasks.map((t) => t.session_id))) {
    for (const [id, time] of sessionTime(sessionTimeline(store, session), idleMs, now)) times.set(id, time)
  }
  return times
}
