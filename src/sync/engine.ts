// One sync of a project, inside the store's IMMEDIATE transaction (the cross-process mutex for
// TASKS.md as well): read the file, merge it with the store against the base, write both, and
// record the new base. Synchronous throughout; the parser is handed in already loaded.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { newTaskId } from '../model/ids.js'
import type { Repo, Store } from '../store/store.js'
import { applyToStore, rolledUp } from './apply.js'
import { decodeText, readBytes, replaceIfUnchanged } from './atomic.js'
import {
  baseParsed, eventMark, findBase, homeOf, homelessTasks, recentWrites, recordResolution, saveBase, setHomes, storeChangesSince, type BaseRow
} from './bases.js'
import { contentHash } from './content-hash.js'
import { TASKS_FILE, type SyncContext, type SyncOptions, type SyncReport } from './context.js'
import { readHead } from './head.js'
import { importInPlace } from './in-place.js'
import { applyEdits, hasConflictMarkers, isMarkdownRefusal, ParserNeeded, render, type ParsedTasks, type Parser, type RenderTask } from './markdown.js'
import { fileTasks, linesOf, linesOfTasks, storeLine } from './lines.js'
import { planSync, RULES, type Conflict, type FileEdit, type FileTask, type StoreChange, type StoreOp, type TaskLine } from './merge.js'
import { restoreFromProgress, writeProgressFiles, type ShownTask } from './progress.js'
import { changesOfWrite, REMEMBERED_WRITES, replayUnseen, unseenChanges, type WrittenChange } from './stale-save.js'
import { recordBesideFile, spliceStatuses } from './status-splice.js'


const HALF_GONE_MINIMUM = 4

let template: string | undefined
/** templates/TASKS.md of the package: two levels up from src/sync, one from dist. */
function templateText(): string {
  if (template !== undefined) return template
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'templates', TASKS_FILE)
    if (existsSync(file)) return (template = readFileSync(file, 'utf8'))
    if (dirname(dir) === dir) throw new Error('templates/TASKS.md is missing from the tasktrail package; reinstall tasktrail')
  }
}

const refusal = (refused: string): SyncReport => ({ imported: 0, written: 0, conflicts: [], refused })

/**
 * Syncs inside the caller's transaction. Returns a refusal (nothing written, the store's own
 * changes kept) when a guard holds; throws ParserNeeded or FileChangedDuringSync to be retried.
 */
export function syncInLock(context: SyncContext, parser: Parser | null, options: SyncOptions): SyncReport {
  const { store, project, repo } = context
  // Tasks outside any repository have no checklist: nothing to look at, on every hook run.
  if (project.kind === 'home') return { imported: 0, written: 0, conflicts: [] }
  const path = join(project.root, TASKS_FILE)
  const bytes = readBytes(path)
  const hash = bytes === null ? null : contentHash(bytes)
  const head = readHead(project.gitDir)
  const base = findBase(store, project.root, head.branch)
  const changes: Map<string, StoreChange> = base
    ? storeChangesSince(store, repo.id, base.event_mark)
    : new Map(homelessTasks(store, repo.id).map((id) => [id, { fields: new Set(), created: true, deleted: false }]))

  if (base && hash === base.file_hash) {
    if (changes.size === 0) return { imported: 0, written: 0, conflicts: [] }
    // A hook's usual change (files modified, agent runs): nothing TASKS.md shows, so neither
    // the file nor the base's parsed form is read, only the changed tasks' progress files.
    if (![...changes.values()].some(touchesFile)) return recordBesideFile(context, base, head, bytes!, changes, eventMark(store))
    // Statuses only (a hook's TaskUpdate, `tasktrail done`): spliced without reading the whole base.
    const spliced = spliceStatuses(context, base, head, path, bytes!, changes, eventMark(store))
    if (spliced) return spliced
  }

  // What the file says now, and the base to compare it with.
  const text = bytes === null ? null : decodeText(path, bytes)
  // A person's edit in place (a box checked, a word changed): read again only where it changed.
  if (base?.file_hash && hash !== base.file_hash && text !== null && !options.force) {
    const inPlace = importInPlace(context, base, head, text, hash!, changes, parser)
    if (inPlace?.storeChanged) {
      const rest = syncInLock(context, parser, options)
      return { ...rest, imported: inPlace.report.imported + rest.imported }
    }
    if (inPlace) return inPlace.report
  }
  let source: string
  let parsed: ParsedTasks
  let baseLines: Map<string, TaskLine>
  let fromTemplate = false
  // The file's tasks as the planner reads them; set apart when a save from an older copy is replayed.
  let file: FileTask[] | undefined
  const replayedIds: FileEdit[] = []
  let unseen: WrittenChange[] = []
  // Whether the file holds a person's edits, which the writes remembered so far are then part of.
  let handEdited = false
  let fileIsBase = false
  const rebuild = (): void => {
    if (!parser) throw new ParserNeeded()
    fromTemplate = true
    source = templateText()
    parsed = parser.parse(source) as ParsedTasks
    baseLines = new Map()
    for (const id of [...baseMembers(store, base), ...homelessTasks(store, repo.id)]) changes.set(id, { fields: new Set(), created: true, deleted: false })
  }
  const force = options.force === true
  if (text === null) {
    if (base?.file_hash && !force) {
      return refusal(`${path} is missing; the store keeps its tasks and nothing was written. Restore it (git checkout -- ${TASKS_FILE}) or write it again from the store: tasktrail sync --force`)
    }
    if (changes.size === 0 && !base?.file_hash) return { imported: 0, written: 0, conflicts: [] }
    rebuild()
  } else if (hasConflictMarkers(text) !== null) {
    if (!force) {
      return refusal(`${path} has git conflict markers (line ${hasConflictMarkers(text)}); nothing was synced. Resolve the conflict and run tasktrail sync, or replace the file with the store's tasks: tasktrail sync --force (the file is kept as ${TASKS_FILE}.orig)`)
    }
    keepCopy(path, text)
    rebuild()
  } else if (base && hash === base.file_hash) {
    source = text
    parsed = baseParsed<ParsedTasks>(store, base)
    baseLines = linesOf(parsed)
    fileIsBase = true
  } else {
    if (!parser) throw new ParserNeeded()
    const previous = base ? baseParsed<ParsedTasks>(store, base) : undefined
    let read: ParsedTasks | undefined
    try {
      read = parser.parse(text, previous)
    } catch (error) {
      if (!isMarkdownRefusal(error)) throw error
      if (!force) {
        return refusal(`${path} cannot be read as a task list: ${error.message} To replace it with the store's tasks instead: tasktrail sync --force (the file is kept as ${TASKS_FILE}.orig)`)
      }
    }
    if (read) {
      source = text
      parsed = read
      // A branch, a worktree or a store seen for the first time: adopt the file as the base.
      baseLines = linesOf(previous ?? read)
      handEdited = base !== undefined
      file = fileTasks(read)
      if (base && !force) {
        const writes = recentWrites(base)
        unseen = writes.length ? unseenChanges(writes, hash!, file) : []
        if (unseen.length) {
          const replay = replayUnseen(unseen, file, baseLines, changes)
          file = replay.file
          replayedIds.push(...replay.assignIds)
        }
        const refused = massRemoval(baseLines, file, path)
        if (refused) return refusal(refused)
      }
    } else {
      keepCopy(path, text)
      rebuild()
    }
  }

  file ??= fileTasks(parsed!)
  const plan = planSync({
    base: baseLines!,
    file,
    storeChanges: changes,
    storeTask: (id) => storeLine(store, id),
    belongsHere: (id) => {
      const home = homeOf(store, id)
      return home === undefined || home === base?.id
    },
    newId: newTaskId,
    fileIsBase
  })

  const markBeforeApply = eventMark(store)
  // A first sync takes in the file's tasks before its new lines: a new line may sit under one of them.
  // In the file's order, not the order the progress files are listed in.
  const shown = base ? undefined : shownTasks(parsed!)
  // Restored tasks' progress files are written again where TASKS.md overrode them.
  const restored = shown ? restoreFromProgress(store, repo, project.root, shown) : { restored: 0, overridden: [] }
  const adopted = shown ? restored.restored + adoptLines(store, repo, parsed!) : 0
  const imported = adopted + applyToStore(context, plan.toStore, !base)
  const conflicts: Conflict[] = [
    ...unseen.map((c): Conflict => ({ taskId: c.id, field: c.kind === 'field' ? c.field : c.kind, rule: RULES.staleCopy, kept: null, lost: null })),
    ...plan.conflicts
  ]
  for (const c of conflicts) recordResolution(store, c.taskId, c.field, c.lost, c.kept, c.rule)
  const fileLines = linesOfTasks(file)
  const edits = [...replayedIds, ...plan.toFile, ...rolledUp(store, markBeforeApply, fileLines, plan.fileIds, plan.toFile)]

  let written = source!
  let writtenParsed = parsed!
  if (edits.length) {
    ;({ source: written, parsed: writtenParsed } = fromTemplate ? renderNewFile(parser!, source!, edits) : applyEdits(source!, parsed!, edits))
  }
  if (written !== text) replaceIfUnchanged(path, written, text)
  writeProgressFiles(store, project.root, [...progressTouched(plan.toStore, changes, new Set(plan.fileIds)), ...restored.overridden])

  const newHash = written === text ? hash : contentHash(Buffer.from(written))
  const remembered = handEdited || fromTemplate ? [] : recentWrites(base)
  // Changes made again are not remembered again: deleting such a line a second time is taken as meant.
  const replayed = new Set(unseen.map((c) => c.id))
  const write = { from: hash, changes: changesOfWrite(edits, fileLines, file).filter((c) => !replayed.has(c.id)) }
  const recent = written === text || fromTemplate || write.changes.length === 0 ? remembered : [...remembered, write].slice(-REMEMBERED_WRITES)
  const baseId = saveBase(store, {
    repoId: repo.id, root: project.root, branch: head.branch, head: head.commit, fileHash: newHash, parsed: writtenParsed, eventMark: eventMark(store), recentWrites: recent
  })
  const homed = base ? [...plan.toStore.flatMap((op) => (op.kind === 'create' ? [op.line.id] : [])), ...edits.flatMap((e) => (e.kind === 'insert' ? [e.task.id] : []))] : plan.fileIds
  setHomes(store, baseId, homed)
  return {
    imported,
    written: edits.filter((e) => e.kind !== 'assignId').length,
    conflicts: conflicts.map(({ taskId, field, rule }) => ({ taskId, field, rule }))
  }
}

/** The tasks with an id that the file shows, as a first sync takes them. */
function shownTasks(parsed: ParsedTasks): Map<string, ShownTask> {
  return new Map(
    parsed.tasks.flatMap((t) => {
      if (t.id === null) return []
      const parent = t.parent === null ? null : parsed.tasks[t.parent]!.id
      return [[t.id, { title: t.title, status: t.status, parent, order: t.order, reason: t.meta.reason }] as const]
    })
  )
}

/**
 * On a first sync, lines whose id neither the store nor a progress file knows (a TASKS.md
 * written elsewhere, or whose progress files were not committed) become tasks as they read.
 */
function adoptLines(store: Store, repo: Repo, parsed: ParsedTasks): number {
  let adopted = 0
  for (const line of parsed.tasks) {
    if (line.id === null || store.getTask(line.id)) continue
    const parent = line.parent === null ? null : parsed.tasks[line.parent]!.id
    store.createTask(repo.id, {
      id: line.id,
      title: line.title,
      status: line.status,
      parent_task_id: parent && store.getTask(parent) ? parent : null,
      position: line.order,
      task_type: line.meta.type ?? null,
      assigned_agent: line.meta.agent ?? null,
      task_context: line.meta.reason === undefined ? {} : { blocked_reason: line.meta.reason },
      client: repo.client,
      project: repo.project
    }, 'file', 'first sync: read from TASKS.md', { adopted: true })
    adopted++
  }
  return adopted
}

function touchesFile(change: StoreChange): boolean {
  return change.created || change.deleted || change.fields.size > 0
}

/** Tasks this base shows: those in its file and those first synced here. */
function baseMembers(store: Store, base: BaseRow | undefined): string[] {
  if (!base) return []
  const homed = (store.prepare('SELECT task_id FROM sync_homes WHERE base_id = ?').all(base.id) as Array<{ task_id: string }>).map((r) => r.task_id)
  const shown = linesOf(baseParsed<ParsedTasks>(store, base)).keys()
  return [...new Set([...shown, ...homed])].filter((id) => store.getTask(id) !== undefined)
}

/**
 * A new TASKS.md, the template and the store's tasks, in one render: the splicing writer
 * inserts one task at a time, in time proportional to the file, so thousands of inserts
 * (the first sync of a large store) would take minutes.
 */
function renderNewFile(parser: Parser, header: string, edits: FileEdit[]): { source: string; parsed: ParsedTasks } {
  const nodes = new Map<string, RenderTask>()
  const roots: RenderTask[] = []
  for (const edit of edits) {
    if (edit.kind !== 'insert') throw new Error(`tasktrail bug: a new TASKS.md was given a ${edit.kind} edit`)
    const node: RenderTask = { ...edit.task, children: [] }
    nodes.set(node.id, node)
    ;(edit.parentId === null ? roots : nodes.get(edit.parentId)!.children!).push(node)
  }
  const source = render(roots, { header })
  return { source, parsed: parser.parse(source) }
}

/** Keeps the file a forced sync replaces, next to it. */
function keepCopy(path: string, text: string): void {
  writeFileSync(`${path}.orig`, text)
}

function massRemoval(base: Map<string, TaskLine>, file: readonly FileTask[], path: string): string | null {
  if (base.size === 0) return null
  const present = new Set(file.map((t) => t.id))
  const gone = [...base.keys()].filter((id) => !present.has(id)).length
  const advice = `nothing was synced and the store keeps every task. If the file is still being written or a checkout is under way, run tasktrail sync again; if you meant it, tasktrail sync --force cancels the removed tasks (they stay in the store and tasktrail reopen ID brings one back)`
  if (file.length === 0) return `${path} has no tasks any more (it had ${base.size}); ${advice}`
  if (base.size >= HALF_GONE_MINIMUM && gone * 2 > base.size) return `${gone} of the ${base.size} tasks in ${path} disappeared at once; ${advice}`
  return null
}

/** This file's tasks whose progress file may be out of date: changed on either side. */
function progressTouched(ops: StoreOp[], changes: Map<string, StoreChange>, shown: Set<string>): string[] {
  const touched = new Set<string>()
  for (const [id, change] of changes) if (shown.has(id) || change.deleted) touched.add(id)
  for (const op of ops) if (op.kind !== 'order') touched.add(op.kind === 'create' ? op.line.id : op.id)
  return [...touched]
}
