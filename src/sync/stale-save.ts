// A save made from a copy of TASKS.md read before tasktrail's last writes. An editor saves by
// writing back the whole buffer it loaded: when a hook's write lands between the person's load
// and save, the save carries the file from before the hook, and read naively it says "the hook's
// new line was removed, its tick undone". Each base keeps what tasktrail's recent writes changed
// (pure data, below). A file that lacks the lines the latest writes added (or the ids they gave)
// and shows none of their other changes was saved from an older copy: those changes are made
// again on top of the person's edits. Writes that only changed fields never count: unticking what
// the agent just ticked is a person's decision, and so is a file equal byte for byte to the one
// before the writes (undo, git checkout). Pure functions; src/sync/engine.ts applies the result.
import { linesOfTasks } from './lines.js'
import { lackingIds, type FileEdit, type FileTask, type LineField, type StoreChange, type TaskLine } from './merge.js'

/** One change a write of TASKS.md made, with what the line said before it. */
export type WrittenChange =
  | { kind: 'insert'; id: string }
  | { kind: 'remove'; id: string }
  | { kind: 'assignId'; id: string; title: string }
  | { kind: 'field'; id: string; field: LineField; before: string | null }

/** One write of TASKS.md by tasktrail: the hash of the file it replaced, and what it changed. */
export interface Write {
  from: string | null
  changes: WrittenChange[]
}

/** How many writes a base remembers: a copy older than that is read as it is. */
export const REMEMBERED_WRITES = 32

const META_FIELDS = ['type', 'agent', 'reason'] as const

/** What `edits` changed in a file whose lines were `before` (by id) and `file` (by index). */
export function changesOfWrite(edits: readonly FileEdit[], before: ReadonlyMap<string, TaskLine>, file: readonly FileTask[]): WrittenChange[] {
  const changes: WrittenChange[] = []
  const field = (id: string, name: LineField) => {
    const line = before.get(id)
    if (line) changes.push({ kind: 'field', id, field: name, before: line[name] })
  }
  for (const edit of edits) {
    if (edit.kind === 'insert') changes.push({ kind: 'insert', id: edit.task.id })
    else if (edit.kind === 'remove') changes.push({ kind: 'remove', id: edit.id })
    else if (edit.kind === 'assignId') changes.push({ kind: 'assignId', id: edit.id, title: file[edit.task]!.title })
    else if (edit.kind === 'status') field(edit.id, 'status')
    else if (edit.kind === 'title') field(edit.id, 'title')
    else if (edit.kind === 'move') field(edit.id, 'parent')
    else for (const name of META_FIELDS) field(edit.id, name)
  }
  return changes
}

/** The file as the planner reads it, with the ids the lines carry. */
interface FileView {
  tasks: readonly FileTask[]
  byId: ReadonlyMap<string, FileTask>
}

function viewOf(tasks: readonly FileTask[]): FileView {
  const byId = new Map<string, FileTask>()
  for (const task of tasks) if (task.id !== null && !byId.has(task.id)) byId.set(task.id, task)
  return { tasks, byId }
}

/** The file's value of a field, in the form TaskLine holds it. */
function valueIn(view: FileView, task: FileTask, field: LineField): string | null {
  if (field === 'parent') return task.parent === null ? null : view.tasks[task.parent]!.id
  if (field === 'reason') return task.status === 'blocked' ? task.reason : null
  return task[field]
}

/** Whether the file shows none of the changes of `writes` (oldest first), lines they added among them. */
function showsNone(writes: readonly Write[], view: FileView): boolean {
  const changes = writes.flatMap((w) => w.changes)
  // Only a missing line tasktrail wrote tells a stale copy from a person's edit.
  if (!changes.some((c) => c.kind === 'insert' || c.kind === 'assignId')) return false
  const inserted = new Set(changes.flatMap((c) => (c.kind === 'insert' ? [c.id] : [])))
  // Each id tasktrail gave a line needs a line of that title still without one (or with a copied one).
  const idless = new Map<string, number>()
  const lacking = lackingIds(view.tasks)
  view.tasks.forEach((t, k) => lacking[k] && idless.set(t.title, (idless.get(t.title) ?? 0) + 1))
  const earliest = new Map<string, string | null>()
  for (const c of changes) if (c.kind === 'field' && !earliest.has(`${c.id} ${c.field}`)) earliest.set(`${c.id} ${c.field}`, c.before)
  return changes.every((c) => {
    const line = view.byId.get(c.id)
    switch (c.kind) {
      case 'insert':
        return !line
      case 'remove':
        return line !== undefined
      case 'assignId': {
        const left = idless.get(c.title) ?? 0
        idless.set(c.title, left - 1)
        return !line && left > 0
      }
      case 'field':
        if (!line) return inserted.has(c.id)
        return valueIn(view, line, c.field) === earliest.get(`${c.id} ${c.field}`)
    }
  })
}

/**
 * The changes of the latest writes the file (its hash and tasks) shows none of: the longest
 * such run of writes ending at the last one. None when the file is the one before that run.
 */
export function unseenChanges(writes: readonly Write[], fileHash: string, file: readonly FileTask[]): WrittenChange[] {
  const view = viewOf(file)
  for (let from = 0; from < writes.length; from++) {
    const suffix = writes.slice(from)
    if (showsNone(suffix, view)) return suffix[0]!.from === fileHash ? [] : suffix.flatMap((w) => w.changes)
  }
  return []
}

export interface Replay {
  /** The file's tasks, with the ids tasktrail had given to lines the copy shows without one. */
  file: FileTask[]
  /** Edits that write those ids back. */
  assignIds: FileEdit[]
}

/**
 * Makes unseen writes count as store changes again: the base goes back to what the person's
 * copy showed, and each change is marked as the store's, so the merge writes it on top of the
 * person's edits (and a conflict with one of them is settled by the usual rules).
 */
export function replayUnseen(unseen: readonly WrittenChange[], file: readonly FileTask[], base: Map<string, TaskLine>, changes: Map<string, StoreChange>): Replay {
  const tasks = file.map((t) => ({ ...t }))
  const assignIds: FileEdit[] = []
  const changeOf = (id: string) => {
    let change = changes.get(id)
    if (!change) changes.set(id, (change = { fields: new Set(), created: false, deleted: false }))
    return change
  }
  const earliest = new Set<string>()
  const lacking = lackingIds(tasks)
  for (const c of unseen) {
    if (c.kind === 'insert') {
      base.delete(c.id)
      changeOf(c.id).created = true
    } else if (c.kind === 'remove') {
      base.set(c.id, linesOfTasks(tasks).get(c.id)!)
      changeOf(c.id).deleted = true
    } else if (c.kind === 'assignId') {
      const index = tasks.findIndex((t, k) => lacking[k] && t.title === c.title)
      lacking[index] = false
      tasks[index]!.id = c.id
      assignIds.push({ kind: 'assignId', task: index, id: c.id })
    } else {
      changeOf(c.id).fields.add(c.field)
      const line = base.get(c.id)
      const key = `${c.id} ${c.field}`
      if (line && !earliest.has(key)) {
        earliest.add(key)
        base.set(c.id, { ...line, [c.field]: c.before })
      }
    }
  }
  return { file: tasks, assignIds }
}
