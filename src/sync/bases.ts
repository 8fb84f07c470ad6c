// The sync state kept in the store (migration 2): one base per work tree and branch — the
// last synced TASKS.md (hash and parsed form) and the task_events mark up to which store
// changes are in it — and each task's home, the base it was first synced in.
import type { Block, ParsedFile, ParsedTask } from '../markdown/types.js'
import type { Source, Store } from '../store/store.js'
import type { LineField, StoreChange } from './merge.js'
import type { Write } from './stale-save.js'

export interface BaseRow {
  id: number
  root: string
  branch: string
  head: string | null
  file_hash: string | null
  event_mark: number
  /** JSON of Write[]: what tasktrail's latest writes of the file changed (src/sync/stale-save.ts). */
  recent_writes: string
}

export function findBase(store: Store, root: string, branch: string): BaseRow | undefined {
  return store
    .prepare('SELECT id, root, branch, head, file_hash, event_mark, recent_writes FROM sync_bases WHERE root = ? AND branch = ?')
    .get(root, branch) as BaseRow | undefined
}

export function recentWrites(base: BaseRow | undefined): Write[] {
  return base ? (JSON.parse(base.recent_writes) as Write[]) : []
}

/**
 * The parsed file of the text last read or written, by its hash: `tasktrail watch` syncs the
 * same base save after save, and parsing its JSON again is a large part of each sync. The
 * parsed form depends on the text alone, so the hash is the whole key.
 */
let lastParsed: { fileHash: string; parsed: unknown } | undefined

/** The parsed file of a base: loaded only when a sync has something to merge. */
export function baseParsed<T>(store: Store, base: BaseRow): T {
  if (base.file_hash !== null && lastParsed?.fileHash === base.file_hash) return lastParsed.parsed as T
  const parsed = decodeParsed((store.prepare('SELECT json(parsed) AS parsed FROM sync_base_files WHERE base_id = ?').get(base.id) as { parsed: string }).parsed) as T
  if (base.file_hash !== null) lastParsed = { fileHash: base.file_hash, parsed }
  return parsed
}

export function saveBase(
  store: Store,
  fields: {
    repoId: number; root: string; branch: string; head: string | null; fileHash: string | null; parsed: unknown; eventMark: number; recentWrites: Write[]
  }
): number {
  store
    .prepare(
      `INSERT INTO sync_bases (repo_id, root, branch, head, file_hash, event_mark, synced_at, recent_writes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (root, branch) DO UPDATE SET repo_id = excluded.repo_id, head = excluded.head, file_hash = excluded.file_hash,
         event_mark = excluded.event_mark, synced_at = excluded.synced_at, recent_writes = excluded.recent_writes`
    )
    .run(fields.repoId, fields.root, fields.branch, fields.head, fields.fileHash, fields.eventMark, store.now(), JSON.stringify(fields.recentWrites))
  const id = findBase(store, fields.root, fields.branch)!.id
  store
    .prepare('INSERT INTO sync_base_files (base_id, parsed) VALUES (?, jsonb(?)) ON CONFLICT (base_id) DO UPDATE SET parsed = excluded.parsed')
    .run(id, encodeParsed(fields.parsed as ParsedFile))
  if (fields.fileHash !== null) lastParsed = { fileHash: fields.fileHash, parsed: fields.parsed }
  return id
}

/**
 * The stored form of a parsed file (migration 6), kept as SQLite's binary JSON (JSONB), which
 * its JSON functions read and patch without parsing text: each task an array, its offsets from its
 * line's start. Less than half the JSON of the objects, so every sync that merges reads and
 * writes less and makes less garbage. Bases stored before (objects) still read.
 */
type PackedTask = [
  id: string | null, title: string, status: ParsedTask['status'], type: string | null, agent: string | null, reason: string | null,
  parent: number | null, order: number, depth: number, line: number, start: number,
  bullet: number, marker: number, titleStart: number, titleEnd: number, tailEnd: number, end: number
]

function packTask(t: ParsedTask): PackedTask {
  const s = t.start
  return [t.id, t.title, t.status, t.meta.type ?? null, t.meta.agent ?? null, t.meta.reason ?? null, t.parent, t.order, t.depth, t.line, s,
    t.bullet - s, t.marker - s, t.titleStart - s, t.titleEnd - s, t.tailEnd - s, t.end - s]
}

// Indexed, not destructured: destructuring goes through the array iterator, slow before the JIT warms up.
function unpackTask(p: PackedTask): ParsedTask {
  const meta: ParsedTask['meta'] = {}
  if (p[3] !== null) meta.type = p[3] as NonNullable<ParsedTask['meta']['type']>
  if (p[4] !== null) meta.agent = p[4]
  if (p[5] !== null) meta.reason = p[5]
  const s = p[10]
  return {
    id: p[0], title: p[1], status: p[2], meta, parent: p[6], order: p[7], depth: p[8], line: p[9], start: s,
    bullet: s + p[11], marker: s + p[12], titleStart: s + p[13], titleEnd: s + p[14], tailEnd: s + p[15], end: s + p[16]
  }
}

function encodeParsed(parsed: ParsedFile): string {
  return JSON.stringify({ ...parsed, tasks: parsed.tasks.map(packTask), packed: 1 })
}

function decodeParsed(json: string): ParsedFile {
  const stored = JSON.parse(json) as Omit<ParsedFile, 'tasks'> & { tasks: PackedTask[] | ParsedTask[]; packed?: 1 }
  if (stored.packed !== 1) return stored as ParsedFile
  const { packed: _packed, tasks, ...rest } = stored
  return { ...rest, tasks: (tasks as PackedTask[]).map(unpackTask) }
}

/** A base's parsed file without its tasks and blocks. */
export type BaseHeader = Omit<ParsedFile, 'tasks' | 'blocks'>

/**
 * A base's parsed file as stored (JSONB), loaded once and handed to SQLite's JSON functions as
 * a parameter: each lookup on the column would load its pages again, a megabyte at 10,000
 * tasks, where a lookup in the parameter costs a few microseconds.
 */
export interface StoredParsed {
  jsonb: Buffer
  header: BaseHeader
}

/** Undefined for a base stored before migration 6 (not packed), which callers read whole. */
export function storedParsed(store: Store, base: BaseRow): StoredParsed | undefined {
  const row = store.prepare('SELECT parsed AS jsonb FROM sync_base_files WHERE base_id = ?').get(base.id) as { jsonb: Buffer } | undefined
  if (!row) return undefined
  const [packed, eol, bom, finalNewline, profile, length] = JSON.parse(
    (store.prepare(`SELECT json_extract(?, '$.packed', '$.eol', '$.bom', '$.finalNewline', '$.profile', '$.length') AS header`).get(row.jsonb) as { header: string }).header
  ) as [number | null, ParsedFile['eol'], boolean, boolean, ParsedFile['profile'], number]
  if (packed !== 1) return undefined
  return { jsonb: row.jsonb, header: { eol, bom, finalNewline, profile, length } }
}

/** Some of a base's tasks and blocks, with their places in it, read by SQLite without decoding the rest. */
export interface BaseExcerpt {
  file: BaseHeader
  /** The tasks asked for that the file shows, by id. */
  tasks: Map<string, { index: number; task: ParsedTask }>
  /** The blocks that hold them, by index. */
  blocks: Map<number, Block>
}

/**
 * The tasks of a base with the given ids and the blocks holding them, found by SQLite's JSON
 * functions: at 10,000 tasks, decoding the whole base is most of a one-task sync.
 */
export function baseExcerpt(store: Store, stored: StoredParsed, ids: readonly string[]): BaseExcerpt {
  const rows = store
    .prepare(`SELECT t.key AS idx, t.value AS entry FROM json_each(?, '$.tasks') t WHERE t.value ->> '$[0]' IN (SELECT value FROM json_each(?))`)
    .all(stored.jsonb, JSON.stringify(ids)) as Array<{ idx: number; entry: string }>
  const tasks = new Map<string, { index: number; task: ParsedTask }>()
  for (const row of rows) {
    const task = unpackTask(JSON.parse(row.entry) as PackedTask)
    if (!tasks.has(task.id!)) tasks.set(task.id!, { index: row.idx, task })
  }
  const holding = store.prepare(`SELECT b.key AS idx, b.value AS block FROM json_each(?, '$.blocks') b WHERE b.value ->> '$.start' <= ? AND b.value ->> '$.end' > ?`)
  const blocks = new Map<number, Block>()
  for (const { task } of tasks.values()) {
    for (const row of holding.all(stored.jsonb, task.start, task.start) as Array<{ idx: number; block: string }>) blocks.set(row.idx, JSON.parse(row.block) as Block)
  }
  return { file: stored.header, tasks, blocks }
}

/** Every block of a base (a few small fields each), without its tasks. */
export function baseBlocks(store: Store, stored: StoredParsed): Block[] {
  return JSON.parse((store.prepare(`SELECT json_extract(?, '$.blocks') AS blocks`).get(stored.jsonb) as { blocks: string }).blocks) as Block[]
}

/**
 * The tasks of a base inside one of its blocks, with their indexes: tasks are stored in
 * document order, so a binary search on their starts finds the first.
 */
export function baseTasksIn(store: Store, stored: StoredParsed, block: Block): Array<{ index: number; task: ParsedTask }> {
  const count = (store.prepare(`SELECT json_array_length(?, '$.tasks') AS n`).get(stored.jsonb) as { n: number }).n
  const at = store.prepare('SELECT json(json_extract(?, ?)) AS entry')
  const taskAt = (index: number) => unpackTask(JSON.parse((at.get(stored.jsonb, `$.tasks[${index}]`) as { entry: string }).entry) as PackedTask)
  let first = 0
  let high = count
  while (first < high) {
    const middle = (first + high) >> 1
    if (taskAt(middle).start < block.start) first = middle + 1
    else high = middle
  }
  const tasks: Array<{ index: number; task: ParsedTask }> = []
  for (let index = first; index < count; index++) {
    const task = taskAt(index)
    if (task.start >= block.end) break
    tasks.push({ index, task })
  }
  return tasks
}

/** Path and value pairs per jsonb_replace call: two arguments each, under SQLite's limit of 1,000. */
const PATCH_SLICE = 400

/** Replaces tasks and blocks of a base in place (their offsets unchanged) and records the new file's hash. */
export function patchBase(
  store: Store,
  base: BaseRow,
  stored: StoredParsed,
  fields: { head: string | null; fileHash: string; eventMark: number; recentWrites: Write[]; tasks: Array<[number, ParsedTask]>; blocks: Array<[number, Block]> }
): void {
  const replacements: Array<[path: string, json: string]> = [
    ...fields.tasks.map(([index, task]): [string, string] => [`$.tasks[${index}]`, JSON.stringify(packTask(task))]),
    ...fields.blocks.map(([index, block]): [string, string] => [`$.blocks[${index}]`, JSON.stringify(block)])
  ]
  // SQLite takes at most 1,000 arguments per function call: a save that ticks hundreds of
  // boxes is patched in slices, the first on the stored value already loaded, the rest on the column.
  for (let at = 0; at < replacements.length; at += PATCH_SLICE) {
    const slice = replacements.slice(at, at + PATCH_SLICE)
    const pairs = slice.map(() => '?, json(?)').join(', ')
    store
      .prepare(`UPDATE sync_base_files SET parsed = jsonb_replace(${at === 0 ? '?' : 'parsed'}, ${pairs}) WHERE base_id = ?`)
      .run(...(at === 0 ? [stored.jsonb] : []), ...slice.flat(), base.id)
  }
  store
    .prepare('UPDATE sync_bases SET head = ?, file_hash = ?, event_mark = ?, recent_writes = ?, synced_at = ? WHERE id = ?')
    .run(fields.head, fields.fileHash, fields.eventMark, JSON.stringify(fields.recentWrites), store.now(), base.id)
}

/** Moves a base past store changes that did not touch its file. */
export function advanceBase(store: Store, baseId: number, head: string | null, eventMark: number): void {
  store.prepare('UPDATE sync_bases SET head = ?, event_mark = ?, synced_at = ? WHERE id = ?').run(head, eventMark, store.now(), baseId)
}

export function eventMark(store: Store): number {
  return (store.prepare('SELECT COALESCE(MAX(id), 0) AS mark FROM task_events').get() as { mark: number }).mark
}

const FIELD_OF_EVENT: Record<string, LineField> = {
  title: 'title',
  status: 'status',
  task_type: 'type',
  assigned_agent: 'agent',
  'context.blocked_reason': 'reason',
  parent_task_id: 'parent'
}

/** Store changes to the repository's tasks after `mark`, per task, from task_events. */
export function storeChangesSince(store: Store, repoId: number, mark: number): Map<string, StoreChange> {
  const rows = store
    .prepare(
      `SELECT e.task_id, e.field FROM task_events e
       WHERE e.id > ? AND (EXISTS (SELECT 1 FROM tasks t WHERE t.id = e.task_id AND t.repo_id = ?) OR e.field = 'deleted')
       ORDER BY e.id`
    )
    .all(mark, repoId) as Array<{ task_id: string; field: string }>
  const changes = new Map<string, StoreChange>()
  for (const row of rows) {
    let change = changes.get(row.task_id)
    if (!change) changes.set(row.task_id, (change = { fields: new Set(), created: false, deleted: false }))
    if (row.field === 'created') change.created = true
    else if (row.field === 'deleted') change.deleted = true
    const field = FIELD_OF_EVENT[row.field]
    if (field) change.fields.add(field)
  }
  return changes
}

/** Repository tasks never synced into any base: what the first sync of a work tree shows. */
export function homelessTasks(store: Store, repoId: number): string[] {
  return (
    store
      .prepare('SELECT id FROM tasks t WHERE repo_id = ? AND NOT EXISTS (SELECT 1 FROM sync_homes h WHERE h.task_id = t.id) ORDER BY position, created_at, id')
      .all(repoId) as Array<{ id: string }>
  ).map((r) => r.id)
}

/** The base a task was first synced in, if any. */
export function homeOf(store: Store, taskId: string): number | undefined {
  return (store.prepare('SELECT base_id FROM sync_homes WHERE task_id = ?').get(taskId) as { base_id: number } | undefined)?.base_id
}

export function setHomes(store: Store, baseId: number, taskIds: Iterable<string>): void {
  const insert = store.prepare('INSERT OR IGNORE INTO sync_homes (task_id, base_id) VALUES (?, ?)')
  for (const id of taskIds) insert.run(id, baseId)
}

/** Records how sync settled a conflict, in the task's log with source 'merge'. */
export function recordResolution(store: Store, taskId: string, field: string, lost: unknown, kept: unknown, rule: string, source: Source = 'merge'): void {
  const encode = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v))
  store
    .prepare('INSERT INTO task_events (task_id, field, old_value, new_value, source, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(taskId, field, encode(lost), encode(kept), source, store.now(), rule)
}
