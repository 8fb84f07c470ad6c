// TASKS.md ⇄ store sync: the API the hooks and the CLI call. Light at load time: the parser
// (remark) is imported only when TASKS.md differs from the base, chokidar only by `watch`.
//
//   syncProject(store, project, repo, { source?, force? }) → SyncReport
//     Brings the store and the project's TASKS.md to the same state. Fast path: when the
//     file's content hash equals the base's and the store has no events since, nothing is parsed.
//   withProjectSync(store, project, repo, change, { source? }) → { result, report }
//     Runs `change` (synchronous store writes) and writes the result to TASKS.md, all in one
//     IMMEDIATE transaction (the cross-process mutex), importing hand edits first if any.
//
// A refused sync (conflict markers, a mass removal, a file that does not parse, a missing
// file) writes nothing to TASKS.md, keeps the change's store writes, and says why in
// report.refused. The rules are in docs/SYNC.md.
import type { ProjectLocation } from '../project/locate.js'
import type { Repo, Source, Store } from '../store/store.js'
import type { SyncOptions, SyncReport } from './context.js'
import { syncInLock } from './engine.js'
import { loadParser, type Parser } from './markdown.js'

export type { SyncReport } from './context.js'

/** How often a sync starts over because TASKS.md changed under it, before it gives up. */
const ATTEMPTS = 8

export async function syncProject(store: Store, project: ProjectLocation, repo: Repo, options: { source?: Source; force?: boolean } = {}): Promise<SyncReport> {
  return (await withProjectSync(store, project, repo, () => undefined, options)).report
}

export async function withProjectSync<T>(
  store: Store,
  project: ProjectLocation,
  repo: Repo,
  change: () => T,
  options: SyncOptions = {}
): Promise<{ result: T; report: SyncReport }> {
  // Loaded only when a sync finds TASKS.md changed (ParserNeeded rolls that attempt back):
  // reading the file beforehand too would cost every unchanged sync a second read.
  let parser: Parser | null = null
  for (let attempt = 1; ; attempt++) {
    try {
      return store.transaction(() => {
        const result = change()
        return { result, report: syncOrRefuse(() => syncInLock({ store, project, repo }, parser, options)) }
      })
    } catch (error) {
      // Both roll the transaction back; the next attempt merges again from the start.
      const name = (error as Error)?.name
      if (name === 'ParserNeeded') parser = await loadParser()
      else if (name !== 'FileChangedDuringSync' || attempt >= ATTEMPTS) throw error
    }
  }
}

/**
 * A TASKS.md that cannot be read or replaced safely (a link, a directory, not UTF-8,
 * read-only, a full disk) refuses the sync like any guard: the change's store writes are
 * committed, the file is left as it was, and the report says why.
 */
function syncOrRefuse(sync: () => SyncReport): SyncReport {
  try {
    return sync()
  } catch (error) {
    if ((error as Error)?.name !== 'UnsafeFile') throw error
    return { imported: 0, written: 0, conflicts: [], refused: (error as Error).message }
  }
}
