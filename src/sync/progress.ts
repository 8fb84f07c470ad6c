// Progress files: .tasktrail/tasks/<id>.md, one per task, committed next to TASKS.md. They
// carry what TASKS.md does not (times, outcome, files modified, blocked reasons, the rest of
// the task's context), so a fresh clone's first sync rebuilds the store. One file per task:
// merges of different tasks never touch the same file. Billing data stays out.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isStatus, isTaskType, type TaskContext, type TaskStatus } from '../model/task.js'
import type { NewTask, Repo, StoredTask, Store } from '../store/store.js'
import { readText } from './atomic.js'

const PROGRESS_DIR = join('.tasktrail', 'tasks')

/** task_context keys that are billing data: never committed. */
const BILLING_KEYS = new Set(['billable', 'billable_minutes'])

/**
 * The task fields committed. Not client and project: they say whom the work is billed to,
 * which stays in the user's store (a clone takes them from its own `tasktrail link`).
 */
const TASK_FIELDS = [
  'title', 'status', 'parent_task_id', 'task_type', 'assigned_agent', 'description', 'estimated_complexity',
  'session_id', 'created_at', 'started_at', 'completed_at'
] as const

const HEADER =
  '<!-- Written by tasktrail sync; commit it with TASKS.md. TASKS.md decides title, status and nesting of the tasks it lists.' +
  ' One "- key: value" line per field; a value that is not plain one-line text is JSON. -->'

// Text that JSON.parse reads without a container or a string: true, false, null, a number.
const JSON_SCALAR = /^[ \t\n\r]*(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)[ \t\n\r]*$/

/** Whether JSON.parse would read `text`; without its thrown error's cost for the titles and times that are not JSON. */
function parsesAsJson(text: string): boolean {
  if (!/^[ \t\n\r]*["[{]/.test(text)) return JSON_SCALAR.test(text)
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

function encodeValue(value: unknown): string {
  if (typeof value === 'string' && value !== '' && value.trim() === value && !/[\r\n]/.test(value) && !parsesAsJson(value)) return value
  return JSON.stringify(value)
}

function decodeValue(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function renderProgress(task: StoredTask): string {
  const lines = [`# ${task.id} · ${task.title}`, '', HEADER, '', '## Task', '']
  for (const field of TASK_FIELDS) if (task[field] !== null) lines.push(`- ${field}: ${encodeValue(task[field])}`)
  const context = Object.entries(task.task_context).filter(([key, value]) => !BILLING_KEYS.has(key) && value !== undefined)
  if (context.length) {
    lines.push('', '## Context', '')
    // Code-unit order, not localeCompare: its first call loads ICU's collator, ~14 ms of a hook.
    for (const [key, value] of context.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) lines.push(`- ${key}: ${encodeValue(value)}`)
  }
  return lines.join('\n') + '\n'
}

export interface ProgressRecord extends Omit<NewTask, 'task_context'> {
  id: string
  task_context: TaskContext
}

export function parseProgress(id: string, text: string): ProgressRecord {
  const record: ProgressRecord = { id, title: id, task_context: {} }
  let section = ''
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('## ')) section = line.slice(3).trim()
    const entry = /^- ([A-Za-z0-9_.-]+): (.*)$/.exec(line)
    if (!entry) continue
    const [, key, raw] = entry as unknown as [string, string, string]
    const value = decodeValue(raw)
    if (section === 'Context') {
      if (!BILLING_KEYS.has(key)) record.task_context[key] = value
    } else if ((TASK_FIELDS as readonly string[]).includes(key)) {
      ;(record as unknown as Record<string, unknown>)[key] = value
    }
  }
  if (!isStatus(record.status)) delete record.status
  if (!isTaskType(record.task_type)) record.task_type = null
  return record
}

/** A task's committed details, or undefined when it has no progress file. */
export function readProgress(root: string, id: string): ProgressRecord | undefined {
  const text = readText(join(root, PROGRESS_DIR, `${id}.md`))
  return text === null ? undefined : parseProgress(id, text)
}

/** Writes the progress file of each task whose details differ from its file; removes those of deleted tasks. */
export function writeProgressFiles(store: Store, root: string, ids: Iterable<string>): void {
  const dir = join(root, PROGRESS_DIR)
  let made = false
  for (const id of ids) {
    const path = join(dir, `${id}.md`)
    const task = store.getTask(id)
    if (!task) {
      rmSync(path, { force: true })
      continue
    }
    const text = renderProgress(task)
    const before = readText(path)
    if (before === text) continue
    if (!made) mkdirSync(dir, { recursive: true })
    made = true
    // A new file is created in place, half the file system work of a temp file and a rename (a
    // first sync writes hundreds): a crash midway leaves the sync uncommitted, and the sync that
    // runs again rewrites the file. A file that exists is replaced whole, never seen half-written.
    if (before === null && createdWith(path, text)) continue
    const temp = `${path}.tmp-${process.pid}`
    writeFileSync(temp, text)
    renameSync(temp, path)
  }
}

/** Writes a file that does not exist yet; false when one appeared meanwhile. */
function createdWith(path: string, text: string): boolean {
  try {
    writeFileSync(path, text, { flag: 'wx' })
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

/** A task as TASKS.md shows it, which decides its title, status and nesting over its progress file. */
export interface ShownTask {
  title: string
  status: TaskStatus
  /** The id of the task it is nested under, or null at the top. */
  parent: string | null
  /** Its place among its siblings. */
  order: number
  reason: string | undefined
}

/** Whether TASKS.md shows a task otherwise than its progress file says. */
function isBehind(record: ProgressRecord, shown: ShownTask): boolean {
  return shown.title !== record.title || shown.status !== record.status || shown.parent !== (record.parent_task_id ?? null) ||
    (shown.reason !== undefined && shown.reason !== record.task_context.blocked_reason)
}

/**
 * A progress record with what TASKS.md shows put over it: a box ticked or a line reworded
 * by hand and committed without a sync leaves the progress file behind the checklist. Times
 * the new status contradicts are left to the status (a task pending again has no start).
 */
function asShown(record: ProgressRecord, shown: ShownTask): ProgressRecord {
  const context = { ...record.task_context }
  if (shown.reason !== undefined) context.blocked_reason = shown.reason
  else if (shown.status !== 'blocked') delete context.blocked_reason
  const same = shown.status === record.status
  return {
    ...record,
    title: shown.title,
    status: shown.status,
    parent_task_id: shown.parent,
    started_at: same || shown.status !== 'pending' ? record.started_at : undefined,
    completed_at: same ? record.completed_at : undefined,
    task_context: context
  }
}

/**
 * Restores the tasks progress files remember: on the first sync of a work tree, so a fresh
 * clone loses nothing (the tasks whose lines were removed from TASKS.md too). `shown`: the
 * tasks TASKS.md shows, whose title, status and nesting are the file's.
 */
export function restoreFromProgress(store: Store, repo: Repo, root: string, shown: ReadonlyMap<string, ShownTask>): { restored: number; overridden: string[] } {
  let names: string[]
  try {
    names = readdirSync(join(root, PROGRESS_DIR)).filter((n) => n.endsWith('.md'))
  } catch {
    return { restored: 0, overridden: [] }
  }
  // The tasks whose progress file TASKS.md overrode: their files are written again.
  const overridden: string[] = []
  const records = names
    .map((name) => name.slice(0, -3))
    .filter((id) => store.getTask(id) === undefined)
    .map((id) => {
      const record = readProgress(root, id)!
      const line = shown.get(id)
      if (!line || !isBehind(record, line)) return record
      overridden.push(id)
      return asShown(record, line)
    })
  let restored = 0
  // Parents before children; a parent that is nowhere makes the task top level.
  const known = (id: string | null | undefined) => !id || store.getTask(id) !== undefined
  // One pass per level of nesting, each linear: a fresh clone of 100,000 tasks restores them all.
  for (let pending = records; pending.length; ) {
    const waiting = new Set(pending.map((r) => r.id))
    const isReady = (r: ProgressRecord) => known(r.parent_task_id) || !waiting.has(r.parent_task_id!)
    const ready = pending.filter(isReady)
    // Parents that wait on each other (progress files edited into a loop): the first is made top level.
    for (const record of ready.length ? ready : pending) {
      const parent = known(record.parent_task_id) ? record.parent_task_id ?? null : null
      store.createTask(repo.id, { ...record, parent_task_id: parent, position: shown.get(record.id)?.order }, 'file', `restored from ${PROGRESS_DIR}`, { adopted: true })
      restored++
    }
    pending = pending.filter((r) => !store.getTask(r.id))
  }
  return { restored, overridden }
}
