// Where a command gets its store connection. A process of its own opens one per command; the
// plugin's MCP server (src/mcp/) keeps one per store file across requests, and opens it
// again when the file was replaced (a user who deleted tasks.db must not have the next
// change written to the unlinked file) or migrated by a newer tasktrail.
import { statSync } from 'node:fs'
import { openDatabase } from './open.js'
import { Store } from './store.js'

export interface StoreSource {
  open(path: string): Store
  /** The caller is done with the store. */
  release(store: Store): void
}

export const ownStores: StoreSource = {
  open: (path) => new Store(openDatabase(path)),
  release: (store) => store.close()
}

interface Kept {
  store: Store
  file: string
  version: number
}

/** Which file is at `path` (device and inode), '' for none: a file replaced there is another. */
export const fileId = (path: string): string => {
  const stat = statSync(path, { throwIfNoEntry: false })
  return stat ? `${stat.dev}:${stat.ino}` : ''
}

const schemaVersion = (store: Store): number => store.db.pragma('user_version', { simple: true }) as number

export class KeptStores implements StoreSource {
  private readonly kept = new Map<string, Kept>()

  open(path: string): Store {
    const kept = this.kept.get(path)
    if (kept && kept.file === fileId(path) && kept.version === schemaVersion(kept.store)) return kept.store
    if (kept) {
      this.kept.delete(path)
      kept.store.close()
    }
    const store = new Store(openDatabase(path))
    this.kept.set(path, { store, file: fileId(path), version: schemaVersion(store) })
    return store
  }

  release(): void {}

  closeAll(): void {
    for (const { store } of this.kept.values()) store.close()
    this.kept.clear()
  }
}
