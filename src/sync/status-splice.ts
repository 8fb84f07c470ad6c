// The usual change a hook or `tasktrail done` makes: tasks' statuses, in a TASKS.md nobody has
// edited since the last sync. Nothing to merge: each status is a splice of its line's marker,
// the same length as before, so no other task moves; only the changed tasks and their blocks
// are read from the base, and patched in place, by SQLite's JSON functions. Anything else
// (a blocked reason to write, a marker of another length, a task this file does not show)
// returns undefined, and the full sync runs.
import type { ParsedFile } from '../markdown/types.js'
import { replaceIfUnchanged } from './atomic.js'
import { advanceBase, baseExcerpt, patchBase, recentWrites, storedParsed, type BaseRow } from './bases.js'
import { contentHash } from './content-hash.js'
import type { SyncContext, SyncReport } from './context.js'
import type { Head } from './head.js'
import { fileTasks, linesOfTasks } from './lines.js'
import { applyEdits } from './markdown.js'
import type { FileEdit, StoreChange } from './merge.js'
import { writeProgressFiles } from './progress.js'
import { changesOfWrite, REMEMBERED_WRITES } from './stale-save.js'

export function spliceStatuses(
  context: SyncContext,
  base: BaseRow,
  head: Head,
  path: string,
  bytes: Buffer,
  changes: Map<string, StoreChange>,
  eventMark: number
): SyncReport | undefined {
  const { store, project } = context
  // A blocked reason shows only on a blocked task's line, which goes the long way below.
  if ([...changes.values()].some((c) => c.created || c.deleted || [...c.fields].some((f) => f !== 'status' && f !== 'reason'))) return undefined
  const ids = [...changes].filter(([, c]) => c.fields.size > 0).map(([id]) => id)
  const stored = storedParsed(store, base)
  if (!stored) return undefined
  const excerpt = baseExcerpt(store, stored, ids)
  if (excerpt.tasks.size !== ids.length) return undefined

  const edits: FileEdit[] = []
  for (const id of ids) {
    const before = excerpt.tasks.get(id)!.task.status
    const now = store.getTask(id)?.status
    if (now === undefined) return undefined
    // A blocked task's line carries its reason: a change of length.
    if (before === 'blocked' || now === 'blocked') return undefined
    if (now !== before) edits.push({ kind: 'status', id, status: now })
  }

  if (edits.length === 0) return recordBesideFile(context, base, head, bytes, changes, eventMark)

  // The changed tasks alone, as a file of their own: no parents (nothing encloses a change
  // that keeps every offset), their blocks only.
  const entries = [...excerpt.tasks.values()].sort((a, b) => a.index - b.index)
  const blockEntries = [...excerpt.blocks].sort(([a], [b]) => a - b)
  const excerptFile: ParsedFile = {
    ...excerpt.file,
    tasks: entries.map(({ task }) => ({ ...task, parent: null })),
    blocks: blockEntries.map(([, block]) => block)
  }
  const text = bytes.toString('utf8')
  const { source: written, parsed: after } = applyEdits(text, excerptFile, edits)
  const moved = after.tasks.some((t, i) => t.start !== excerptFile.tasks[i]!.start || t.end !== excerptFile.tasks[i]!.end || t.tailEnd !== excerptFile.tasks[i]!.tailEnd)
  if (written.length !== text.length || moved) return undefined

  replaceIfUnchanged(path, written, text)
  writeProgressFiles(store, project.root, [...changes.keys()].filter((id) => bytes.includes(id)))
  const lines = fileTasks(excerptFile)
  const write = { from: base.file_hash, changes: changesOfWrite(edits, linesOfTasks(lines), lines) }
  patchBase(store, base, stored, {
    head: head.commit,
    fileHash: contentHash(Buffer.from(written)),
    eventMark,
    recentWrites: [...recentWrites(base), write].slice(-REMEMBERED_WRITES),
    tasks: entries.map(({ index, task }, i) => [index, { ...after.tasks[i]!, parent: task.parent }]),
    blocks: blockEntries.map(([index], i) => [index, after.blocks[i]!])
  })
  return { imported: 0, written: edits.length, conflicts: [] }
}

/**
 * Store changes that leave TASKS.md as it is (files modified, agent runs, a status set back):
 * only the changed tasks' progress files are written, those of tasks this file shows, and the
 * base moves past the changes.
 */
export function recordBesideFile(context: SyncContext, base: BaseRow, head: Head, bytes: Buffer, changes: Map<string, StoreChange>, eventMark: number): SyncReport {
  writeProgressFiles(context.store, context.project.root, [...changes.keys()].filter((id) => bytes.includes(id)))
  advanceBase(context.store, base.id, head.commit, eventMark)
  return { imported: 0, written: 0, conflicts: [] }
}
