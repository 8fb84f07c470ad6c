// What a report says, gathered from the store once; the renderers (markdown, CSV, JSON,
// HTML) only lay it out. This shape is the JSON format, documented in docs/REPORTS.md.
import { taskTimes } from '../store/active-time.js'
import type { RoundingRule } from '../billing/rounding.js'
import { localDate } from '../billing/timesheet.js'
import type { Interval, TaskTime } from '../billing/time.js'
import type { Complexity, TaskStatus, TaskType } from '../model/task.js'
import { taskHost } from '../model/task-host.js'
import type { StoredTask, Store } from '../store/store.js'
import { msToMinutes } from './units.js'

export const REPORT_VERSION = 1

export interface ReportFilter {
  client: string | null
  project: string | null
  /** First and last day, YYYY-MM-DD, inclusive; null: open-ended. */
  since: string | null
  until: string | null
  /** Only the work of this agent CLI (claude-code, codex, gemini); null: every task. */
  host: string | null
}

export interface TimesheetItem {
  work_item_id: number
  task_id: string | null
  category: string | null
  problem: string | null
  solution: string | null
  minutes: number
}

export interface Report {
  version: typeof REPORT_VERSION
  generated_at: string
  filter: ReportFilter
  timesheet: {
    days: Array<{ date: string; minutes: number; clients: Array<{ client: string; minutes: number; items: TimesheetItem[] }> }>
    clients: Array<{ client: string; work_items: number; minutes: number; rounding: RoundingRule }>
    total_minutes: number
  }
  requests: Array<{
    task_id: string
    title: string
    request: string | null
    client: string | null
    project: string | null
    status: TaskStatus
    completed_at: string | null
    tasks_completed: number
    tasks_total: number
    active_minutes: number
    billable_minutes: number | null
    files: string[]
    outcome: string | null
  }>
  estimates: Array<{
    task_type: TaskType | null
    estimated_complexity: Complexity
    tasks: number
    average_minutes: number
    min_minutes: number
    max_minutes: number
  }>
  sessions: Array<{
    session_id: string
    start: string
    end: string
    lanes: Array<{ task_id: string; title: string; agent: string | null; active_minutes: number; spans: Array<{ start: string; end: string }> }>
  }>
}

const inRange = (date: string, filter: ReportFilter) =>
  (filter.since === null || date >= filter.since) && (filter.until === null || date <= filter.until)

function treeOf(task: StoredTask, index: Map<string | null, StoredTask[]>): StoredTask[] {
  return [task, ...(index.get(task.id) ?? []).flatMap((child) => treeOf(child, index))]
}

function agentOf(task: StoredTask): string | null {
  const runs = Array.isArray(task.task_context.assigned_agents) ? task.task_context.assigned_agents : []
  const names = [...new Set([task.assigned_agent, ...runs.map((r) => r?.agent)].filter((n): n is string => typeof n === 'string' && n !== ''))]
  return names.length ? names.join(', ') : null
}

const isoSpan = (i: Interval) => ({ start: new Date(i.start).toISOString(), end: new Date(i.end).toISOString() })

export function buildReport(store: Store, filter: ReportFilter): Report {
  const tasks = store
    .listTasks({ ...(filter.client ? { client: filter.client } : {}), ...(filter.project ? { project: filter.project } : {}) })
    .filter((t) => filter.host === null || taskHost(t) === filter.host)
  const ids = new Set(tasks.map((t) => t.id))
  const index = new Map<string | null, StoredTask[]>()
  for (const task of tasks) {
    const parent = task.parent_task_id !== null && ids.has(task.parent_task_id) ? task.parent_task_id : null
    index.set(parent, [...(index.get(parent) ?? []), task])
  }
  const times = taskTimes(store, tasks)
  const ms = (list: StoredTask[]) => list.reduce((sum, t) => sum + (times.get(t.id)?.ms ?? 0), 0)

  // Timesheet: the work items, by day and client.
  const items = store.workItems({ ...(filter.client ? { client: filter.client } : {}), ...(filter.since ? { since: filter.since } : {}), ...(filter.until ? { until: filter.until } : {}) })
    .filter((w) => (filter.project === null && filter.host === null) || (w.task_id !== null && ids.has(w.task_id)))
  const days: Report['timesheet']['days'] = []
  for (const w of items) {
    let day = days[days.length - 1]
    if (day?.date !== w.date) days.push((day = { date: w.date, minutes: 0, clients: [] }))
    const client = w.client ?? ''
    let group = day.clients.find((c) => c.client === client)
    if (!group) day.clients.push((group = { client, minutes: 0, items: [] }))
    group.items.push({ work_item_id: w.id, task_id: w.task_id, category: w.category, problem: w.problem, solution: w.solution, minutes: w.billable_minutes })
    group.minutes += w.billable_minutes
    day.minutes += w.billable_minutes
  }
  const clientNames = [...new Set(items.map((w) => w.client ?? ''))].sort()
  const clients = clientNames.map((client) => {
    const own = items.filter((w) => (w.client ?? '') === client)
    return { client, work_items: own.length, minutes: own.reduce((sum, w) => sum + w.billable_minutes, 0), rounding: store.roundingRule(client) }
  })

  // Work summary: each request (top-level task) completed in the period, in the order
  // completed, then those still being worked on.
  const requests = (index.get(null) ?? [])
    .filter((t) => t.status === 'completed' ? t.completed_at !== null && inRange(localDate(t.completed_at), filter) : t.status === 'in_progress' || t.status === 'blocked')
    .sort((a, b) => (a.completed_at ?? '~').localeCompare(b.completed_at ?? '~') || a.created_at.localeCompare(b.created_at))
  const summaries: Report['requests'] = requests.map((request) => {
    const tree = treeOf(request, index)
    const counted = tree.filter((t) => t.status !== 'cancelled')
    return {
      task_id: request.id,
      title: request.title,
      request: request.task_context.user_request ?? null,
      client: request.client,
      project: request.project,
      status: request.status,
      completed_at: request.completed_at,
      tasks_completed: counted.filter((t) => t.status === 'completed').length,
      tasks_total: counted.length,
      active_minutes: msToMinutes(ms(tree)),
      billable_minutes: store.workItem(request.id)?.billable_minutes ?? null,
      files: [...new Set(tree.flatMap((t) => (Array.isArray(t.task_context.files_modified) ? t.task_context.files_modified : [])))].sort(),
      outcome: request.task_context.outcome ?? null
    }
  })

  // Estimate versus actual: completed tasks that had an estimate, by type and estimate.
  const estimated = tasks.filter((t) => t.status === 'completed' && t.estimated_complexity !== null && t.completed_at !== null && inRange(localDate(t.completed_at), filter))
  const groups = new Map<string, { task_type: TaskType | null; estimated_complexity: Complexity; minutes: number[] }>()
  for (const task of estimated) {
    const key = `${task.task_type}\u0000${task.estimated_complexity}`
    const group = groups.get(key) ?? { task_type: task.task_type, estimated_complexity: task.estimated_complexity!, minutes: [] }
    group.minutes.push(msToMinutes(ms(treeOf(task, index))))
    groups.set(key, group)
  }
  const ORDER: Complexity[] = ['low', 'medium', 'high']
  const estimates = [...groups.values()]
    .sort((a, b) => (a.task_type ?? '').localeCompare(b.task_type ?? '') || ORDER.indexOf(a.estimated_complexity) - ORDER.indexOf(b.estimated_complexity))
    .map(({ task_type, estimated_complexity, minutes }) => ({
      task_type,
      estimated_complexity,
      tasks: minutes.length,
      average_minutes: Math.round(minutes.reduce((a, b) => a + b, 0) / minutes.length),
      min_minutes: Math.min(...minutes),
      max_minutes: Math.max(...minutes)
    }))

  return {
    version: REPORT_VERSION,
    generated_at: store.now(),
    filter,
    timesheet: { days, clients, total_minutes: items.reduce((sum, w) => sum + w.billable_minutes, 0) },
    requests: summaries,
    estimates,
    sessions: sessionTimelines(requests.flatMap((r) => treeOf(r, index)), times)
  }
}

/** Per session of the reported work: one lane per task that counted, with where it counted. */
function sessionTimelines(tasks: StoredTask[], times: Map<string, TaskTime>): Report['sessions'] {
  const bySession = new Map<string, StoredTask[]>()
  for (const task of tasks) if (task.session_id) bySession.set(task.session_id, [...(bySession.get(task.session_id) ?? []), task])
  const sessions: Report['sessions'] = []
  for (const [session_id, members] of bySession) {
    const lanes = members
      .map((t) => ({ task: t, time: times.get(t.id) }))
      .filter((l): l is { task: StoredTask; time: TaskTime } => (l.time?.spans.length ?? 0) > 0)
    if (!lanes.length) continue
    const spans = lanes.flatMap((l) => l.time.spans)
    sessions.push({
      session_id,
      start: new Date(Math.min(...spans.map((s) => s.start))).toISOString(),
      end: new Date(Math.max(...spans.map((s) => s.end))).toISOString(),
      lanes: lanes.map(({ task, time }) => ({
        task_id: task.id, title: task.title, agent: agentOf(task), active_minutes: msToMinutes(time.ms), spans: time.spans.map(isoSpan)
      }))
    })
  }
  return sessions.sort((a, b) => a.start.localeCompare(b.start))
}
