// What the board shows, read from the store: the project's tasks in a shape the page can
// lay out without knowing the store, one request's timeline, and the billed minutes.
import { taskTimes } from '../store/active-time.js'
import { agentRunTime, type MeasuredRun } from '../billing/time.js'
import type { TaskStatus, TaskType } from '../model/task.js'
import { taskHost } from '../model/task-host.js'
import type { Repo, StoredTask, Store } from '../store/store.js'

export interface BoardTask {
  id: string
  parent: string | null
  title: string
  status: TaskStatus
  type: TaskType | null
  /** Every agent that worked on it: the assigned one, then those of its runs. */
  agents: string[]
  files: string[]
  blocked: string | null
  outcome: string | null
  session: string | null
  /** The agent CLI that did it (claude-code, codex, gemini); null for a task added by hand. */
  host: string | null
  client: string | null
  project: string | null
  position: number
  created: string
  started: string | null
  completed: string | null
  /** Measured active time, as billing counts it (docs/REPORTS.md). */
  ms: number
}

export interface Board {
  repo: RepoView
  tasks: BoardTask[]
  /** The last task event the tasks reflect: the live feed continues from there. */
  lastEvent: number
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])

function runsOf(task: StoredTask): MeasuredRun[] {
  const runs = task.task_context.assigned_agents
  return Array.isArray(runs) ? runs.filter((r): r is MeasuredRun => typeof r === 'object' && r !== null) : []
}

export function boardTask(task: StoredTask, ms: number): BoardTask {
  const agents = [...new Set([task.assigned_agent, ...runsOf(task).map((r) => r.agent)].filter((a): a is string => typeof a === 'string' && a !== ''))]
  const context = task.task_context
  return {
    id: task.id,
    parent: task.parent_task_id,
    title: task.title,
    status: task.status,
    type: task.task_type,
    agents,
    files: strings(context.files_modified),
    blocked: typeof context.blocked_reason === 'string' ? context.blocked_reason : null,
    outcome: typeof context.outcome === 'string' ? context.outcome : null,
    session: task.session_id,
    host: taskHost(task) ?? null,
    client: task.client,
    project: task.project,
    position: task.position,
    created: task.created_at,
    started: task.started_at,
    completed: task.completed_at,
    ms: Math.round(ms)
  }
}

export function lastEventId(store: Store): number {
  return (store.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM task_events').get() as { id: number }).id
}

/** Measured time of the given tasks, computed over their whole sessions. */
export function timesOf(store: Store, tasks: Array<Pick<StoredTask, 'session_id'>>): Map<string, number> {
  const times = taskTimes(store, tasks)
  return new Map([...times].map(([id, time]) => [id, time.ms]))
}

export type RepoView = Pick<Repo, 'root' | 'client' | 'project'>

/** The repository as it is linked now (tasktrail link may change it while the board runs). */
export function repoView(store: Store, repo: Repo): RepoView {
  const now = store.repoByKey(repo.key) ?? repo
  return { root: repo.root, client: now.client, project: now.project }
}

/** All of the project's tasks, read in one snapshot (a deferred transaction: no lock against writers). */
export function readBoard(store: Store, repo: Repo): Board {
  return store.db.transaction(() => {
    const lastEvent = lastEventId(store)
    const tasks = store.listTasks({ repoId: repo.id })
    const times = timesOf(store, tasks)
    return {
      repo: repoView(store, repo),
      tasks: tasks.map((t) => boardTask(t, times.get(t.id) ?? 0)),
      lastEvent
    }
  }).deferred()
}

export interface Changes {
  tasks: BoardTask[]
  removed: string[]
  lastEvent: number
}

/**
 * The tasks an event touched since event `since`, with the time they were last shown with:
 * measuring time takes a session's whole log, so the move shows first and its time after
 * (timesMoved).
 */
export function changesSince(store: Store, repo: Repo, since: number, known: ReadonlyMap<string, BoardTask>): Changes {
  return store.db.transaction(() => {
    const lastEvent = lastEventId(store)
    if (lastEvent <= since) return { tasks: [], removed: [], lastEvent }
    const touched = (store.prepare('SELECT DISTINCT task_id FROM task_events WHERE id > ? AND id <= ?').all(since, lastEvent) as Array<{ task_id: string }>).map((r) => r.task_id)
    const tasks: BoardTask[] = []
    const removed: string[] = []
    for (const id of touched) {
      const task = store.getTask(id)
      if (task?.repo_id === repo.id) tasks.push(boardTask(task, known.get(id)?.ms ?? 0))
      else if (known.has(id)) removed.push(id)
    }
    return { tasks, removed, lastEvent }
  }).deferred()
}

/** The shown tasks whose measured time moved, over the sessions of the given tasks (time is shared out within a session). */
export function timesMoved(store: Store, repo: Repo, changed: BoardTask[], known: ReadonlyMap<string, BoardTask>): BoardTask[] {
  return store.db.transaction(() => {
    const moved: BoardTask[] = []
    for (const [id, ms] of timesOf(store, changed.map((t) => ({ session_id: t.session })))) {
      const shown = known.get(id)
      if (shown && Math.round(ms) !== shown.ms) moved.push({ ...shown, ms: Math.round(ms) })
    }
    return moved
  }).deferred()
}

export interface Lane {
  task: string
  title: string
  /** The agent that did the work of this lane (a subagent's task, or one of a task's agent runs). */
  agent: string | null
  status: TaskStatus
  depth: number
  spans: Array<{ start: number; end: number }>
  /** Tool activity recorded on the task: files written, failures, status moves. */
  marks: Array<{ at: number; kind: 'file' | 'failure' | 'status'; text: string }>
}

export interface Timeline {
  request: { id: string; title: string }
  start: number
  end: number
  lanes: Lane[]
}

function added(oldValue: string | null, newValue: string | null): string[] {
  const before = new Set(strings(oldValue ? JSON.parse(oldValue) : []))
  return strings(newValue ? JSON.parse(newValue) : []).filter((v) => !before.has(v))
}

/**
 * One request's work on a time axis: a lane per task while in progress (a subagent's run is
 * its task's time in progress, so parallel agents lie side by side), and per recorded agent run.
 */
export function readTimeline(store: Store, requestId: string, now: number): Timeline | undefined {
  const request = store.getTask(requestId)
  if (!request) return undefined
  const tree: Array<{ task: StoredTask; depth: number }> = []
  const walk = (task: StoredTask, depth: number) => {
    tree.push({ task, depth })
    for (const child of store.children(task.id)) walk(child, depth + 1)
  }
  walk(request, 0)
  const lanes: Lane[] = []
  for (const { task, depth } of tree) {
    const marks: Lane['marks'] = []
    const moves: Array<{ at: number; to: string }> = []
    for (const event of store.events(task.id)) {
      const at = Date.parse(event.at)
      if (event.field === 'context.files_modified') for (const file of added(event.old_value, event.new_value)) marks.push({ at, kind: 'file', text: file })
      else if (event.field === 'context.blockers_encountered') for (const text of added(event.old_value, event.new_value)) marks.push({ at, kind: 'failure', text })
      else if (event.field === 'status' && event.new_value) {
        moves.push({ at, to: event.new_value })
        marks.push({ at, kind: 'status', text: `${event.old_value ?? ''} → ${event.new_value}`.replaceAll('_', ' ') })
      }
    }
    // The task's own lane: while it was in progress.
    const own: Lane['spans'] = []
    let from: number | null = null
    for (const move of moves) {
      if (move.to === 'in_progress' && from === null) from = move.at
      else if (move.to !== 'in_progress' && from !== null) {
        own.push({ start: from, end: move.at })
        from = null
      }
    }
    if (from !== null) own.push({ start: from, end: Math.max(now, from) })
    const runs = runsOf(task)
    lanes.push({ task: task.id, title: task.title, agent: task.assigned_agent, status: task.status, depth, spans: own, marks })
    for (const run of runs) {
      const time = agentRunTime(run)
      const span = time && 'span' in time ? time.span : run.started && !run.completed ? { start: Date.parse(run.started), end: now } : null
      if (!span || Number.isNaN(span.start)) continue
      lanes.push({ task: task.id, title: task.title, agent: run.agent ?? 'agent', status: task.status, depth: depth + 1, spans: [span], marks: [] })
    }
  }
  const points = lanes.flatMap((l) => [...l.spans.flatMap((s) => [s.start, s.end]), ...l.marks.map((m) => m.at)])
  const start = points.length ? Math.min(...points) : Date.parse(request.created_at)
  const end = points.length ? Math.max(...points) : start
  return { request: { id: request.id, title: request.title }, start, end: Math.max(end, start + 10_000), lanes }
}

export interface Billed {
  days: Array<{ date: string; clients: Array<{ client: string; minutes: number }> }>
}

/** Billable minutes per day and client, of the work items of this project's tasks. */
export function readBilled(store: Store, repo: Repo): Billed {
  const inRepo = (store.prepare('SELECT w.task_id FROM work_items w JOIN tasks t ON t.id = w.task_id WHERE t.repo_id = ?').all(repo.id) as Array<{ task_id: string }>).map((r) => r.task_id)
  const ids = new Set(inRepo)
  const days: Billed['days'] = []
  for (const item of store.workItems()) {
    if (item.task_id === null || !ids.has(item.task_id)) continue
    let day = days[days.length - 1]
    if (day?.date !== item.date) days.push((day = { date: item.date, clients: [] }))
    const client = item.client ?? ''
    const group = day.clients.find((c) => c.client === client)
    if (group) group.minutes += item.billable_minutes
    else day.clients.push({ client, minutes: item.billable_minutes })
  }
  return { days }
}
