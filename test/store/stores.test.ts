// The MCP server's store connections: kept across requests, opened again when the
// file was replaced or migrated by another tasktrail.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../src/store/migrations.js'
import { KeptStores } from '../../src/store/stores.js'

const temp = () => join(mkdtempSync(join(tmpdir(), 'tasktrail-stores-')), 'tasks.db')

describe('kept stores', () => {
  it('are one connection per file while the file stays', () => {
    const stores = new KeptStores()
    const path = temp()
    const first = stores.open(path)
    expect(stores.open(path)).toBe(first)
    expect(stores.open(temp())).not.toBe(first)
    stores.closeAll()
    expect(first.db.open).toBe(false)
  })

  it('open a store deleted meanwhile anew, so a change is not written to the unlinked file', () => {
    const stores = new KeptStores()
    const path = temp()
    const first = stores.open(path)
    first.clientId('Before')
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
    const second = stores.open(path)
    expect(second).not.toBe(first)
    expect(first.db.open).toBe(false)
    second.clientId('After')
    const raw = new Database(path)
    expect(raw.prepare('SELECT name FROM clients').all()).toEqual([{ name: 'After' }])
    raw.close()
    stores.closeAll()
  })

  it('open a store migrated by a newer tasktrail anew, which refuses it', () => {
    const stores = new KeptStores()
    const path = temp()
    stores.open(path)
    const raw = new Database(path)
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    raw.close()
    expect(() => stores.open(path)).toThrow(/written by a newer tasktrail/)
    stores.closeAll()
  })
})
