// The usual hand edit of a long TASKS.md: a box checked, a marker, a word or a metadata value
// changed where it stands. When every block the edit touched kept its place, its length and
// its line count, and its tasks their ids and parents, only those blocks are read again: the
// rest of the file is the base's. Their tasks go through the same planner as a full merge,
// the differences to the store, and the base is patched in place, so the sync costs what the
// edit touched, not the length of the file. Store changes to other tasks are left to the
// usual sync that follows. Anything else returns undefined and the full merge runs
// (src/sync/engine.ts).
import { hashText } from '../markdown/blocks.js'
import { countNewlines, eolOf, profileOf } from '../markdown/lines.js'
import { assertReadable } from '../markdown/refusal.js'
import { rereadBlock, runReader } from '../markdown/runs.js'
import type { Block, ParsedTask } from '../markdown/types.js'
import { newTaskId } from '../model/ids.js'
import { applyToStore, rolledUpSince } from './apply.js'
import { baseBlocks, baseTasksIn, eventMark, patchBase, storedParsed, type BaseHeader, type BaseRow } from './bases.js'
import type { SyncContext, SyncReport } from './context.js'
import type { Head } from './head.js'
import { fileTasks, linesOfTasks, storeLine } from './lines.js'
import { isMarkdownRefusal, ParserNeeded, type Parser } from './markdown.js'
import { planSync, type StoreChange } from './merge.js'
import { writeProgressFiles } from './progress.js'

export interface InPlaceImport {
  report: SyncReport
  /**
   * Store changes the file does not show yet: the store's own since the base (on other tasks
   * than the edited ones), or parents it rolled up after the import. The base's event mark is
   * left before them, for the usual sync to write them.
   */
  storeChanged: boolean
}

/**
 * Imports a hand edit made in place; `text` is the file now, whose hash differs from the
 * base's. Store changes since the base (`changes`) must not touch the edited tasks.
 */
export function importInPlace(
  context: SyncContext,
  base: BaseRow,
  head: Head,
  text: string,
  hash: string,
  changes: ReadonlyMap<string, StoreChange>,
  parser: Parser | null
): InPlaceImport | undefined {
  const { store, project } = context
  const stored = storedParsed(store, base)
  if (!stored || !sameFrame(stored.header, text) || !readable(text)) return undefined
  // remark only for a block that is more than a plain checklist; ParserNeeded loads it and retries.
  const readRun = runReader(parser ? parser.readRunWithRemark : () => { throw new ParserNeeded() })

  const blocks = baseBlocks(store, stored)
  const patchedTasks: Array<[number, ParsedTask]> = []
  const patchedBlocks: Array<[number, Block]> = []
  // The edited blocks' tasks before and after, as one list each, parents as indexes into it.
  const before: ParsedTask[] = []
  const after: ParsedTask[] = []
  for (const [index, block] of blocks.entries()) {
    const blockText = text.slice(block.start, block.end)
    const blockHash = hashText(blockText)
    if (blockHash === block.hash) continue
    const next = blocks[index + 1]
    if (next && block.line + countNewlines(blockText) !== next.line) return undefined
    const now = rereadBlock(text, block, readRun)
    const old = baseTasksIn(store, stored, block)
    if (!now || now.length !== old.length) return undefined
    const first = old[0]?.index ?? 0
    const offset = before.length
    for (const [k, { index: at, task }] of old.entries()) {
      const read = now[k] as ParsedTask
      const parent = task.parent === null ? null : task.parent - first
      if (read.id === null || read.id !== task.id || read.parent !== parent || changes.has(task.id)) return undefined
      before.push({ ...task, parent: parent === null ? null : parent + offset })
      after.push({ ...read, parent: parent === null ? null : parent + offset })
      patchedTasks.push([at, { ...read, parent: task.parent, order: task.order }])
    }
    patchedBlocks.push([index, { ...block, hash: blockHash }])
  }
  if (patchedBlocks.length === 0) return undefined

  const plan = planSync({
    base: linesOfTasks(fileTasks({ tasks: before })),
    file: fileTasks({ tasks: after }),
    storeChanges: new Map(),
    storeTask: (id) => storeLine(store, id),
    belongsHere: () => true,
    newId: newTaskId
  })
  // Same ids in the same places and no store changes: only updates, unless the store lacks a task.
  if (plan.toFile.length > 0 || plan.toStore.some((op) => op.kind !== 'update')) return undefined

  const mark = eventMark(store)
  const imported = applyToStore(context, plan.toStore)
  const rolledUp = rolledUpSince(store, mark).length > 0
  writeProgressFiles(store, project.root, plan.toStore.flatMap((op) => (op.kind === 'update' ? [op.id] : [])))
  const unmerged = changes.size > 0 ? base.event_mark : rolledUp ? mark : eventMark(store)
  // A person's edit: the writes remembered so far are part of it (as in the full merge).
  patchBase(store, base, stored, { head: head.commit, fileHash: hash, eventMark: unmerged, recentWrites: [], tasks: patchedTasks, blocks: patchedBlocks })
  return { report: { imported, written: 0, conflicts: [] }, storeChanged: changes.size > 0 || rolledUp }
}

/** Whether `text` has the base's length and what parse() reads from the file as a whole. */
function sameFrame(header: BaseHeader, text: string): boolean {
  return (
    header.length === text.length &&
    header.bom === (text.charCodeAt(0) === 0xfeff) &&
    header.eol === eolOf(text) &&
    header.finalNewline === text.endsWith('\n') &&
    header.profile === profileOf(text)
  )
}

/** Whether the parser would read the file at all; a refusal is the full merge's to report. */
function readable(text: string): boolean {
  try {
    assertReadable(text)
    return true
  } catch (error) {
    if (isMarkdownRefusal(error)) return false
    throw error
  }
}
