// Where a hook's store change meets TASKS.md. The change runs in one IMMEDIATE transaction
// (so concurrent hooks of one project serialize); the sync engine's withProjectSync will
// wrap it to import hand edits first and write TASKS.md before the hook returns.
import type { ProjectLocation } from '../project/locate.js'
import type { Repo, Store } from '../store/store.js'

export async function changeProject<T>(store: Store, _project: ProjectLocation, _repo: Repo, change: () => T): Promise<T> {
  return store.transaction(change)
}
