// Applying a sync plan's store side: the file's changes written to the store, and the status
// changes the store then makes on its own (a parent rolled up when its last subtask is done),
// which the file must show in turn.
import { isTerminal, type TaskStatus } from '../model/task.js'
import type { Store } from '../store/store.js'
import type { SyncContext } from './context.js'
import { editsOfChanges, type FileEdit, type StoreOp, type TaskLine } from './merge.js'
import { readProgress } from './progress.js'

/**
 * Applies the plan's store operations; returns how many changed a task. `adopting`: a first
 * sync, which takes the file's new lines as they stand (no roll-up to their parents).
 */
export function applyToStore(context: SyncContext, ops: StoreOp[], adopting = false): number {
  const { store, repo, project } = context
  let imported = 0
  // Tasks this plan creates or moves to another parent: their edit is counted already.
  const placed = new Set(ops.flatMap((op) => (op.kind === 'create' ? [op.line.id] : op.kind === 'update' && 'parent' in op.changes ? [op.id] : [])))
  for (const op of ops) {
    if (op.kind === 'create') {
      const { line } = op
      const details = readProgress(project.root, line.id)
      store.createTask(repo.id, {
        ...details,
        id: line.id,
        title: line.title,
        status: line.status,
        task_type: line.type,
        assigned_agent: line.agent,
        parent_task_id: line.parent,
        position: op.position,
        task_context: { ...details?.task_context, ...(line.reason ? { blocked_reason: line.reason } : {}) },
        client: details?.client ?? repo.client,
        project: details?.project ?? repo.project
      }, 'file', 'added in TASKS.md', { adopted: adopting })
      imported++
    } else if (op.kind === 'update') {
      const { status, reason, title, type, agent, parent } = op.changes
      store.updateTask(op.id, { title, task_type: type, assigned_agent: agent, parent_task_id: parent }, 'file', 'edited in TASKS.md')
      if (status !== undefined) store.setStatus(op.id, status, 'file', { reason: reason ?? undefined, note: 'edited in TASKS.md' })
      else if (reason !== undefined) store.updateContext(op.id, { blocked_reason: reason }, 'file', 'edited in TASKS.md')
      imported++
    } else if (op.kind === 'lineRemoved') {
      const task = store.getTask(op.id)
      if (task && !isTerminal(task.status)) {
        store.setStatus(op.id, 'cancelled', 'file', { note: 'line removed from TASKS.md; tasktrail reopen brings it back' })
        imported++
      }
    } else {
      imported += movedLines(op.ids.filter((id) => !placed.has(id)).map((id) => store.getTask(id)?.position ?? 0))
      setOrder(store, op.ids)
    }
  }
  return imported
}

/** Gives sibling tasks the positions of their order in the file. */
function setOrder(store: Store, ids: readonly string[]): void {
  ids.forEach((id, position) => store.updateTask(id, { position }, 'file'))
}

/**
 * How many lines a person moved to turn the old order into the new: the siblings not in the
 * longest run that kept its order (`positions`: the old positions, in the new order).
 */
function movedLines(positions: readonly number[]): number {
  // Patience sorting: tails[k] is the smallest last position of a kept run of length k + 1.
  const tails: number[] = []
  for (const position of positions) {
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (tails[middle]! < position) low = middle + 1
      else high = middle
    }
    tails[low] = position
  }
  return positions.length - tails.length
}

/** Tasks whose status the store rolled up after the event `mark`. */
export function rolledUpSince(store: Store, mark: number): string[] {
  return (
    store.prepare(`SELECT DISTINCT task_id FROM task_events WHERE id > ? AND field = 'status' AND note LIKE 'roll-up%'`).all(mark) as Array<{ task_id: string }>
  ).map((row) => row.task_id)
}

/**
 * Status changes the store made on its own while applying the file's (parent roll-up), as
 * edits of the file, written as any status change to a line (`lines`: the file's, by id).
 */
export function rolledUp(store: Store, mark: number, lines: ReadonlyMap<string, TaskLine>, shown: string[], planned: FileEdit[]): FileEdit[] {
  const inFile = new Set(shown)
  const edits: FileEdit[] = []
  for (const id of rolledUpSince(store, mark)) {
    const task = store.getTask(id)
    if (!task || !inFile.has(id) || planned.some((e) => e.kind === 'insert' && e.task.id === id)) continue
    const status = task.status as TaskStatus
    const line = lines.get(id)
    edits.push(...(line ? editsOfChanges(line, { status }) : [{ kind: 'status' as const, id, status }]))
  }
  return edits
}
