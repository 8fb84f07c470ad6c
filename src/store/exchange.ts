// The export format ({"version": 1, "tasks": [...]}) and importing it back. Importing is
// an upsert by id that only writes what differs, so the same file twice changes nothing.
import { isTaskId } from '../model/ids.js'
import { isStatus, isTaskType, STATUSES, TASK_TYPES, type Task, type TaskContext } from '../model/task.js'
import type { Source, Store } from './store.js'

export const EXPORT_VERSION = 1

export type ExportedTask = Pick<
  Task,
  | 'id' | 'parent_task_id' | 'title' | 'description' | 'status' | 'task_type' | 'assigned_agent'
  | 'task_context' | 'session_id' | 'client' | 'project' | 'created_at' | 'started_at' | 'completed_at'
>

export interface ExportDocument {
  version: typeof EXPORT_VERSION
  tasks: ExportedTask[]
}

export function exportTask(task: Task): ExportedTask {
  return {
    id: task.id,
    parent_task_id: task.parent_task_id,
    title: task.title,
    description: task.description,
    status: task.status,
    task_type: task.task_type,
    assigned_agent: task.assigned_agent,
    task_context: task.task_context,
    session_id: task.session_id,
    client: task.client,
    project: task.project,
    created_at: task.created_at,
    started_at: task.started_at,
    completed_at: task.completed_at
  }
}

/** Checks an import document; the error names the task and the field. */
export function readExportDocument(value: unknown): ExportDocument {
  const fail = (where: string, what: string): never => {
    throw new Error(`${where}: ${what}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('the file', 'is not a JSON object')
  const document = value as { version?: unknown; tasks?: unknown }
  if (document.version !== EXPORT_VERSION) fail('the file', `has version ${JSON.stringify(document.version)}; this tasktrail reads version ${EXPORT_VERSION}`)
  if (!Array.isArray(document.tasks)) fail('the file', 'has no "tasks" array')
  const tasks = document.tasks as unknown[]
  const ids = new Set<string>()
  tasks.forEach((raw, i) => {
    const where = `task ${i + 1}`
    if (typeof raw !== 'object' || raw === null) fail(where, 'is not an object')
    const t = raw as Record<string, unknown>
    if (typeof t.id !== 'string' || !isTaskId(t.id)) fail(where, `has an invalid id ${JSON.stringify(t.id)}`)
    if (ids.has(t.id as string)) fail(where, `repeats the id ${t.id}`)
    ids.add(t.id as string)
    if (typeof t.title !== 'string' || t.title === '') fail(`${where} (${t.id})`, 'has no title')
    if (!isStatus(t.status)) fail(`${where} (${t.id})`, `has status ${JSON.stringify(t.status)}; valid: ${STATUSES.join(', ')}`)
    if (t.task_type !== null && t.task_type !== undefined && !isTaskType(t.task_type)) {
      fail(`${where} (${t.id})`, `has type ${JSON.stringify(t.task_type)}; valid: ${TASK_TYPES.join(', ')}`)
    }
    if (t.task_context !== undefined && (typeof t.task_context !== 'object' || t.task_context === null || Array.isArray(t.task_context))) {
      fail(`${where} (${t.id})`, 'has a task_context that is not an object')
    }
    for (const field of ['created_at', 'started_at', 'completed_at'] as const) {
      const stamp = t[field]
      if (stamp === null || (stamp === undefined && field !== 'created_at')) continue
      if (typeof stamp !== 'string' || Number.isNaN(Date.parse(stamp))) fail(`${where} (${t.id})`, `has an invalid ${field}`)
    }
  })
  for (const raw of tasks) {
    const parent = (raw as { parent_task_id?: unknown }).parent_task_id
    if (parent !== null && parent !== undefined && (typeof parent !== 'string' || !ids.has(parent))) {
      fail(`task ${(raw as { id: string }).id}`, `has parent ${JSON.stringify(parent)}, which is not in the file`)
    }
  }
  return document as ExportDocument
}

export interface ImportResult {
  created: number
  updated: number
  unchanged: number
}

/** Upserts the document's tasks into a repository, in one transaction. */
export function importDocument(store: Store, repoId: number, document: ExportDocument, source: Source): ImportResult {
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0 }
  store.transaction(() => {
    const positions = new Map<string | null, number>()
    for (const task of document.tasks) {
      const parent = task.parent_task_id ?? null
      const position = positions.get(parent) ?? 0
      positions.set(parent, position + 1)
      const existing = store.getTask(task.id)
      if (!existing) {
        store.createTask(repoId, {
          id: task.id,
          title: task.title,
          description: task.description ?? null,
          status: task.status,
          task_type: task.task_type ?? null,
          assigned_agent: task.assigned_agent ?? null,
          task_context: (task.task_context ?? {}) as TaskContext,
          session_id: task.session_id ?? null,
          client: task.client ?? null,
          project: task.project ?? null,
          position,
          created_at: task.created_at,
          started_at: task.started_at ?? null,
          completed_at: task.completed_at ?? null
        }, source, 'import')
        result.created++
        continue
      }
      const before = JSON.stringify(exportTask(existing))
      store.updateTask(task.id, {
        title: task.title,
        description: task.description ?? null,
        task_type: task.task_type ?? null,
        assigned_agent: task.assigned_agent ?? null,
        session_id: task.session_id ?? null,
        client: task.client ?? null,
        project: task.project ?? null
      }, source, 'import')
      if (existing.status !== task.status) store.setStatus(task.id, task.status, source, { note: 'import' })
      store.updateTask(task.id, { started_at: task.started_at ?? null, completed_at: task.completed_at ?? null }, source, 'import')
      const context = { ...(task.task_context ?? {}) } as Record<string, unknown>
      for (const key of Object.keys(existing.task_context)) if (!(key in context)) context[key] = null
      store.updateContext(task.id, context, source, 'import')
      if (JSON.stringify(exportTask(store.getTask(task.id)!)) === before) result.unchanged++
      else result.updated++
    }
    // Parents last, so a parent listed after its child is already there.
    for (const task of document.tasks) {
      const parent = task.parent_task_id ?? null
      if (store.getTask(task.id)!.parent_task_id !== parent) store.updateTask(task.id, { parent_task_id: parent }, source, 'import')
    }
  })
  return result
}
