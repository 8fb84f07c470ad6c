// The design's human views of tasks: the compact checklist, the detailed view and the
// progress summary. Pure functions from tasks to text.
import type { Task, TaskStatus } from '../model/task.js'
import { paint, type Output } from './output.js'

type Painter = Pick<Output, 'color'>

const MARK: Record<TaskStatus, string> = {
  pending: '[ ]',
  in_progress: '[→]',
  blocked: '[!]',
  completed: '[✓]',
  cancelled: '[-]'
}

export const STATUS_LABEL: Record<TaskStatus, string> = {
  pending: 'pending',
  in_progress: 'in progress',
  blocked: 'blocked',
  completed: 'completed',
  cancelled: 'cancelled'
}

/** Children of each parent id (null: top level), in sibling order. */
export function childrenIndex<T extends Pick<Task, 'id' | 'parent_task_id'>>(tasks: T[]): Map<string | null, T[]> {
  const ids = new Set(tasks.map((t) => t.id))
  const index = new Map<string | null, T[]>()
  for (const task of tasks) {
    const parent = task.parent_task_id !== null && ids.has(task.parent_task_id) ? task.parent_task_id : null
    const siblings = index.get(parent)
    if (siblings) siblings.push(task)
    else index.set(parent, [task])
  }
  return index
}

/** What a checklist line shows of a task. */
export type ChecklistTask = Pick<Task, 'id' | 'parent_task_id' | 'title' | 'status' | 'assigned_agent'> & {
  task_context: Pick<Task['task_context'], 'blocked_reason'>
}

/** Only what a checklist shows: listing 100,000 tasks must not hold their whole records. */
export function checklistTask(task: Task): ChecklistTask {
  const { id, parent_task_id, title, status, assigned_agent } = task
  const reason = task.task_context.blocked_reason
  return { id, parent_task_id, title, status, assigned_agent, task_context: reason === undefined ? {} : { blocked_reason: reason } }
}

function note(task: ChecklistTask): string {
  switch (task.status) {
    case 'pending':
      return ''
    case 'in_progress':
      return task.assigned_agent ? ` (in progress - ${task.assigned_agent})` : ' (in progress)'
    case 'blocked':
      return task.task_context.blocked_reason ? ` (blocked: ${task.task_context.blocked_reason})` : ' (blocked)'
    default:
      return ` (${STATUS_LABEL[task.status]})`
  }
}

/** `- [✓] Analyze requirements (completed)`, nested two spaces per level, id last. */
export function checklist(tasks: ChecklistTask[], painter: Painter): string[] {
  const index = childrenIndex(tasks)
  const lines: string[] = []
  const walk = (parent: string | null, depth: number) => {
    for (const task of index.get(parent) ?? []) {
      const mark = task.status === 'completed' ? paint(painter, 'green', MARK.completed)
        : task.status === 'in_progress' ? paint(painter, 'yellow', MARK.in_progress)
        : task.status === 'blocked' ? paint(painter, 'red', MARK.blocked)
        : MARK[task.status]
      lines.push(`${'  '.repeat(depth)}- ${mark} ${task.title}${note(task)}  ${paint(painter, 'dim', task.id)}`)
      walk(task.id, depth + 1)
    }
  }
  walk(null, 0)
  return lines
}

function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))}s`
  if (minutes < 60) return `${minutes}m`
  const hours = Math.floor(minutes / 60)
  return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`
}

function duration(task: Pick<Task, 'started_at' | 'completed_at'>, now: Date): string | null {
  if (!task.started_at) return null
  const end = task.completed_at ? Date.parse(task.completed_at) : now.getTime()
  return formatDuration(end - Date.parse(task.started_at))
}

/** `In Progress (2 of 4 complete)` — counting what is not cancelled. */
function overall(task: Task, children: Task[]): string {
  const counted = children.filter((c) => c.status !== 'cancelled')
  const done = counted.filter((c) => c.status === 'completed').length
  const label = STATUS_LABEL[task.status].replace(/\b\w/g, (c) => c.toUpperCase())
  return children.length ? `${label} (${done} of ${counted.length} complete)` : label
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A stored ISO time as a person reads it: local date and time to the minute, `2026-12-06 21:04`. */
function localTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

function details(task: Task, now: Date, indent: string): string[] {
  const lines: string[] = []
  const context = task.task_context
  const facts = [
    task.task_type,
    task.assigned_agent,
    duration(task, now)
  ].filter(Boolean)
  if (facts.length) lines.push(`${indent}${facts.join(' · ')}`)
  if (context.files_modified?.length) lines.push(`${indent}Files: ${context.files_modified.join(', ')}`)
  if (context.outcome) lines.push(`${indent}Outcome: ${context.outcome}`)
  if (context.blocked_reason) lines.push(`${indent}Blocked: ${context.blocked_reason}`)
  // What failed along the way (a command's exit code) blocks nothing unless the task is blocked.
  if (context.blockers_encountered?.length) lines.push(`${indent}${task.status === 'blocked' ? 'Blockers' : 'Failures'}: ${context.blockers_encountered.join('; ')}`)
  return lines
}

const SECTIONS: Array<[TaskStatus, string]> = [
  ['completed', 'Completed ✓'],
  ['in_progress', 'In Progress →'],
  ['blocked', 'Blocked !'],
  ['pending', 'Pending'],
  ['cancelled', 'Cancelled']
]

/** The design's detailed view of one task and its direct subtasks. */
export function detailedView(task: Task, children: Task[], dependencies: string[], now: Date, painter: Painter): string[] {
  const lines = [paint(painter, 'bold', `${task.title}`) + `  ${paint(painter, 'dim', task.id)}`]
  lines.push(`Overall Status: ${overall(task, children)}`)
  const where = [task.client && `client ${task.client}`, task.project && `project ${task.project}`].filter(Boolean)
  if (where.length) lines.push(`For: ${where.join(', ')}`)
  if (task.description) lines.push(`Description: ${task.description}`)
  if (task.task_context.user_request) lines.push(`Request: ${task.task_context.user_request}`)
  lines.push(`Created: ${localTime(task.created_at)}${task.started_at ? `  Started: ${localTime(task.started_at)}` : ''}${task.completed_at ? `  Completed: ${localTime(task.completed_at)}` : ''}`)
  lines.push(...details(task, now, ''))
  if (dependencies.length) lines.push(`Waits on: ${dependencies.join(', ')}`)
  for (const [status, heading] of SECTIONS) {
    const group = children.filter((c) => c.status === status)
    if (!group.length) continue
    lines.push('', paint(painter, 'bold', heading))
    for (const child of group) {
      lines.push(`  - ${child.title}${note(child)}  ${paint(painter, 'dim', child.id)}`)
      lines.push(...details(child, now, '    '))
    }
  }
  return lines
}

export interface Progress {
  total: number
  counts: Record<TaskStatus, number>
  percent_complete: number
}

export function progress(tasks: Pick<Task, 'status'>[]): Progress {
  const counts: Record<TaskStatus, number> = { pending: 0, in_progress: 0, blocked: 0, completed: 0, cancelled: 0 }
  for (const task of tasks) counts[task.status]++
  const counted = tasks.length - counts.cancelled
  return { total: tasks.length, counts, percent_complete: counted ? Math.round((counts.completed / counted) * 100) : 0 }
}
