// The three-way merge of TASKS.md and the store, as a pure function: what each side changed
// since the base (the last synced state), per task and per field, and what to do about it.
// No I/O here; src/sync/engine.ts reads the inputs and applies the plan.
import type { TaskStatus, TaskType } from '../model/task.js'
import { isTerminal } from '../model/task.js'
import type { Edit, TaskMeta } from '../markdown/splice-entry.js'

/** What TASKS.md says about a task: the fields sync compares and merges. */
export interface TaskLine {
  id: string
  title: string
  status: TaskStatus
  type: TaskType | null
  agent: string | null
  reason: string | null
  parent: string | null
}

export type LineField = Exclude<keyof TaskLine, 'id'>
export const LINE_FIELDS: readonly LineField[] = ['title', 'status', 'type', 'agent', 'reason', 'parent']

/** A field both sides changed to different values, and how it was settled. */
export interface Conflict {
  taskId: string
  field: string
  rule: string
  kept: unknown
  lost: unknown
}

export const RULES = {
  status: 'both changed the status: the further one wins (completed > cancelled > blocked > in progress > pending)',
  text: 'both changed it: the file wins (text a person typed)',
  removed: 'line removed from TASKS.md while the store changed the task: the removal wins, the store keeps the task',
  deletedInStore: 'deleted in the store while TASKS.md changed it: the file keeps it',
  staleCopy: "TASKS.md was saved from a copy read before tasktrail's last write: that write's change is made again"
} as const

const STATUS_RANK: Record<TaskStatus, number> = { pending: 0, in_progress: 1, blocked: 2, cancelled: 3, completed: 4 }

/** The status that wins when two sides moved a task to different ones. */
export function furtherStatus(a: TaskStatus, b: TaskStatus): TaskStatus {
  return STATUS_RANK[a] >= STATUS_RANK[b] ? a : b
}

/** Settles one field both sides changed; returns the value kept and the rule applied. */
function settle(field: LineField, file: TaskLine, store: TaskLine): { value: unknown; rule: string } {
  if (field === 'status') return { value: furtherStatus(file.status, store.status), rule: RULES.status }
  return { value: file[field], rule: RULES.text }
}

/** One task of the file as the planner sees it: its id (null on a new line) and its parent's index. */
export interface FileTask {
  id: string | null
  title: string
  status: TaskStatus
  type: TaskType | null
  agent: string | null
  reason: string | null
  parent: number | null
}

/** Store-side changes since the base, from task_events. */
export interface StoreChange {
  fields: Set<LineField>
  created: boolean
  deleted: boolean
}

export interface PlanInput {
  /** The tasks of TASKS.md at the last sync, by id. */
  base: Map<string, TaskLine>
  /** The tasks of TASKS.md now, in document order. */
  file: FileTask[]
  /** Tasks with store events since the base. */
  storeChanges: Map<string, StoreChange>
  /** The store's current view of a task, or undefined when the store has no such task. */
  storeTask: (id: string) => TaskLine | undefined
  /** Whether a task not in this file was first synced here (or never synced anywhere). */
  belongsHere: (id: string) => boolean
  newId: () => string
  /**
   * The file is the base (its hash is the base's): nothing to compare but the store's
   * changes, so a hook's one-task change plans in time proportional to its changes.
   */
  fileIsBase?: boolean
}

/** An edit for the markdown engine's splicing writer. */
export type FileEdit = Edit

export type StoreOp =
  | { kind: 'create'; line: TaskLine; position: number }
  | { kind: 'update'; id: string; changes: Partial<Omit<TaskLine, 'id'>> }
  | { kind: 'lineRemoved'; id: string }
  | { kind: 'order'; parent: string | null; ids: string[] }

export interface SyncPlan {
  toStore: StoreOp[]
  toFile: FileEdit[]
  conflicts: Conflict[]
  /** Tasks the file shows after the plan is applied: this base's tasks. */
  fileIds: string[]
}

function metaOf(line: Pick<TaskLine, 'type' | 'agent' | 'reason' | 'status'>): TaskMeta {
  const meta: TaskMeta = {}
  if (line.type) meta.type = line.type
  if (line.agent) meta.agent = line.agent
  if (line.reason && line.status === 'blocked') meta.reason = line.reason
  return meta
}

const META_FIELDS: readonly LineField[] = ['type', 'agent', 'reason']

/**
 * The edits that write changed fields into a task's line: the metadata too when a blocked
 * reason goes with the status (it shows on blocked lines only).
 */
export function editsOfChanges(line: TaskLine, changes: Partial<Omit<TaskLine, 'id'>>): FileEdit[] {
  const { id } = line
  const after = { ...line, ...changes }
  const edits: FileEdit[] = []
  if (changes.status !== undefined) edits.push({ kind: 'status', id, status: changes.status })
  if (changes.title !== undefined) edits.push({ kind: 'title', id, title: changes.title })
  if (META_FIELDS.some((f) => f in changes) || (changes.status !== undefined && (after.reason || changes.status === 'blocked'))) {
    edits.push({ kind: 'meta', id, meta: metaOf(after) })
  }
  if ('parent' in changes) edits.push({ kind: 'move', id, parentId: changes.parent ?? null })
  return edits
}

/**
 * Which lines need an id of their own: those without one, and copies of a line with its id (a
 * line duplicated in an editor is a new task; the first line with the id keeps it).
 */
export function lackingIds(file: ReadonlyArray<{ id: string | null }>): boolean[] {
  const seen = new Set<string>()
  return file.map(({ id }) => {
    if (id === null || seen.has(id)) return true
    seen.add(id)
    return false
  })
}

/** Plans one sync: what goes into the store, what is spliced into the file, what conflicted. */
export function planSync(input: PlanInput): SyncPlan {
  const toStore: StoreOp[] = []
  const toFile: FileEdit[] = []
  const conflicts: Conflict[] = []

  // Ids for the file's lines: a new line, or a line copied with its id, gets a new id.
  const lacking = lackingIds(input.file)
  const ids = input.file.map((task, index) => {
    if (!lacking[index]) return task.id!
    const id = input.newId()
    toFile.push({ kind: 'assignId', task: index, id })
    return id
  })
  const fileLines = input.file.map((task, index): TaskLine => ({
    id: ids[index]!,
    title: task.title,
    status: task.status,
    type: task.type,
    agent: task.agent,
    reason: task.status === 'blocked' ? task.reason : null,
    parent: task.parent === null ? null : ids[task.parent]!
  }))
  const inFile = new Map(fileLines.map((line) => [line.id, line]))

  const fileChanges = new Map<string, Partial<Omit<TaskLine, 'id'>>>()

  const compared = input.fileIsBase ? fileLines.filter((line) => input.storeChanges.has(line.id)) : fileLines
  for (const line of compared) {
    const base = input.base.get(line.id)
    const change = input.storeChanges.get(line.id)
    // Unchanged on both sides since the base: nothing to compare, and no store read (a
    // one-task change in a long file reads one task).
    if (!change && base !== undefined && LINE_FIELDS.every((f) => base[f] === line[f])) continue
    const store = input.storeTask(line.id)
    if (!store) {
      const unchangedInFile = base !== undefined && LINE_FIELDS.every((f) => base[f] === line[f])
      if (change?.deleted && unchangedInFile) {
        toFile.push({ kind: 'remove', id: line.id })
        continue
      }
      if (change?.deleted) conflicts.push({ taskId: line.id, field: 'deleted', rule: RULES.deletedInStore, kept: line.title, lost: null })
      toStore.push({ kind: 'create', line, position: 0 })
      continue
    }
    const toStoreChanges: Partial<Omit<TaskLine, 'id'>> = {}
    const toFileChanges: Partial<Omit<TaskLine, 'id'>> = {}
    for (const field of LINE_FIELDS) {
      if (line[field] === store[field]) continue
      // Without a base (a task merged in from another branch) both sides count as changed.
      const fileChanged = base === undefined || line[field] !== base[field]
      const storeChanged = base === undefined || (change?.fields.has(field) === true && store[field] !== base[field])
      if (fileChanged && !storeChanged) (toStoreChanges as Record<string, unknown>)[field] = line[field]
      else if (storeChanged && !fileChanged) (toFileChanges as Record<string, unknown>)[field] = store[field]
      else if (fileChanged && storeChanged) {
        const { value, rule } = settle(field, line, store)
        const lost = value === line[field] ? store[field] : line[field]
        conflicts.push({ taskId: line.id, field, rule, kept: value, lost })
        if (value !== store[field]) (toStoreChanges as Record<string, unknown>)[field] = value
        if (value !== line[field]) (toFileChanges as Record<string, unknown>)[field] = value
      }
    }
    if (Object.keys(toStoreChanges).length) toStore.push({ kind: 'update', id: line.id, changes: toStoreChanges })
    if (Object.keys(toFileChanges).length) {
      fileChanges.set(line.id, toFileChanges)
      toFile.push(...editsOfChanges(line, toFileChanges))
    }
  }

  // Lines removed from the file: the task stays in the store, cancelled if it was open.
  for (const [id, base] of input.fileIsBase ? [] : input.base) {
    if (inFile.has(id)) continue
    const store = input.storeTask(id)
    if (!store) continue
    const change = input.storeChanges.get(id)
    if (change && LINE_FIELDS.some((f) => change.fields.has(f) && store[f] !== base[f])) {
      conflicts.push({ taskId: id, field: 'removed', rule: RULES.removed, kept: null, lost: store.title })
    }
    toStore.push({ kind: 'lineRemoved', id })
  }

  // Store tasks that are new to this file: created since the base, or reopened after their
  // line was removed; never tasks that belong to another branch or work tree.
  const inserts: TaskLine[] = []
  for (const [id, change] of input.storeChanges) {
    if (inFile.has(id) || input.base.has(id)) continue
    const store = input.storeTask(id)
    if (!store || !input.belongsHere(id)) continue
    const reopened = change.fields.has('status') && !isTerminal(store.status)
    if (change.created || reopened) inserts.push(store)
  }
  // Parents first, so a subtask goes under its parent; a parent not in the file means top level.
  const placed = new Set(inFile.keys())
  const insertsById = new Map(inserts.map((line) => [line.id, line]))
  const place = (line: TaskLine): void => {
    if (placed.has(line.id)) return
    placed.add(line.id)
    const parent = line.parent === null ? undefined : insertsById.get(line.parent)
    if (parent) place(parent)
    const parentId = line.parent !== null && placed.has(line.parent) ? line.parent : null
    toFile.push({ kind: 'insert', task: { id: line.id, title: line.title, status: line.status, meta: metaOf(line) }, parentId })
  }
  inserts.forEach(place)

  // Sibling order: the file's wins; renumber the groups whose order or members changed. A file
  // that is the base has its order, unless a store change moved a line.
  if (input.fileIsBase && ![...fileChanges.values()].some((c) => 'parent' in c) && !toStore.some((op) => op.kind === 'create')) {
    return { toStore, toFile, conflicts, fileIds: [...placed] }
  }
  const groups = new Map<string | null, string[]>()
  for (const line of fileLines) {
    const parent = fileChanges.get(line.id)?.parent !== undefined ? fileChanges.get(line.id)!.parent! : line.parent
    appendTo(groups, parent, line.id)
  }
  const baseGroups = new Map<string | null, string[]>()
  for (const line of input.base.values()) appendTo(baseGroups, line.parent, line.id)
  for (const [parent, members] of groups) {
    const before = baseGroups.get(parent)
    if (before && before.length === members.length && before.every((id, i) => members[i] === id)) continue
    toStore.push({ kind: 'order', parent, ids: members })
  }
  for (const op of toStore) {
    if (op.kind === 'create') op.position = groups.get(op.line.parent)?.indexOf(op.line.id) ?? 0
  }

  return { toStore, toFile, conflicts, fileIds: [...placed] }
}

function appendTo(groups: Map<string | null, string[]>, parent: string | null, id: string): void {
  const members = groups.get(parent)
  if (members) members.push(id)
  else groups.set(parent, [id])
}
