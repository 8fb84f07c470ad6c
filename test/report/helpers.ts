// A sandbox whose store holds the seeded MSP example, dated 2025-03-10 and 2025-03-11 (UTC).
import { join } from 'node:path'
import { openDatabase } from '../../src/store/open.js'
import { Store } from '../../src/store/store.js'
import { sandbox, type Sandbox } from '../helpers/cli.js'
import { seedMspExample } from './seed.js'

export const TODAY = '2025-03-12T12:00:00.000Z'

export function seededSandbox(): Sandbox & { db: string; requests: string[] } {
  const box = sandbox()
  const db = join(box.dir, 'store', 'tasks.db')
  const store = new Store(openDatabase(db), () => TODAY)
  const requests = seedMspExample(store)
  store.close()
  return { ...box, env: { ...box.env, TASKTRAIL_DB: db, TZ: 'UTC' }, db, requests }
}
