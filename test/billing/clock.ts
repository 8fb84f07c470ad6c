// A store in a temp dir whose clock the test moves, so logged events land at chosen times.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../src/store/open.js'
import { Store } from '../../src/store/store.js'

export interface ClockedStore {
  store: Store
  path: string
  /** Sets the clock to a time of day on 2025-03-10 (UTC), e.g. '09:30'. */
  at(time: string): void
  /** Moves the clock forward. */
  wait(minutes: number): void
}

export function clockedStore(): ClockedStore {
  const path = join(mkdtempSync(join(tmpdir(), 'tasktrail-billing-')), 'tasks.db')
  let now = Date.parse('2025-03-10T09:00:00.000Z')
  const store = new Store(openDatabase(path), () => new Date(now).toISOString())
  return {
    store,
    path,
    at: (time) => { now = Date.parse(`2025-03-10T${time}:00.000Z`) },
    wait: (minutes) => { now += minutes * 60_000 }
  }
}
