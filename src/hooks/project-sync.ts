// Where a hook's store change meets TASKS.md: the sync engine runs the change and writes
// the result to the project's TASKS.md in one IMMEDIATE transaction (so concurrent hooks
// of one project serialize). A refused sync (conflict markers, a file that does not
// parse…) keeps the store change and is returned for the log.
import type { ProjectLocation } from '../project/locate.js'
import type { Repo, Store } from '../store/store.js'
import { syncProject, withProjectSync } from '../sync/index.js'

export interface Synced<T> {
  result: T
  /** Why TASKS.md was left as it was, if it was. */
  refused: string | undefined
}

export async function changeProject<T>(store: Store, project: ProjectLocation, repo: Repo, change: () => T): Promise<Synced<T>> {
  const { result, report } = await withProjectSync(store, project, repo, change, { source: 'hook' })
  return { result, refused: report.refused }
}

/** Imports hand edits of TASKS.md, for a change that must read them (SessionStart's checklist). */
export async function syncFirst(store: Store, project: ProjectLocation, repo: Repo): Promise<string | undefined> {
  return (await syncProject(store, project, repo, { source: 'hook' })).refused
}
