// What a sync works on and what it reports: shared by the engine and the helpers it calls
// (in-place import, status splices, applying a plan), which must not import the engine back.
import type { ProjectLocation } from '../project/locate.js'
import type { Repo, Source, Store } from '../store/store.js'

export interface SyncReport {
  imported: number
  written: number
  conflicts: Array<{ taskId: string; field: string; rule: string }>
  refused?: string
}

export const TASKS_FILE = 'TASKS.md'

export interface SyncContext {
  store: Store
  project: ProjectLocation
  repo: Repo
}

export interface SyncOptions {
  source?: Source
  force?: boolean
}
