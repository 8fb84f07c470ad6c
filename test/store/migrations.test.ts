import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js'
import { NewerStoreError, openDatabase } from '../../src/store/open.js'
import { Store } from '../../src/store/store.js'

const temp = () => join(mkdtempSync(join(tmpdir(), 'tasktrail-store-')), 'tasks.db')

describe('migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length)
  })

  for (let from = 1; from < SCHEMA_VERSION; from++) {
    it(`upgrade a store from schema ${from} to ${SCHEMA_VERSION}, keeping its tasks`, () => {
      const path = temp()
      const old = openDatabase(path, { targetVersion: from })
      const store = new Store(old)
      const repo = store.repo('/repo', '/repo')
      const task = store.createTask(repo.id, { title: 'kept across upgrades' }, 'cli')
      store.setStatus(task.id, 'in_progress', 'cli')
      old.close()
      const upgraded = openDatabase(path)
      expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
      expect(upgraded.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(upgraded.pragma('foreign_key_check')).toEqual([])
      const again = new Store(upgraded).getTask(task.id)
      expect(again).toMatchObject({ title: 'kept across upgrades', status: 'in_progress' })
      upgraded.close()
    })
  }

  it('create a brand-new store at the current schema, with every table', () => {
    const db = openDatabase(temp())
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name)
    expect(tables).toEqual(expect.arrayContaining(['tasks', 'clients', 'projects', 'sessions', 'work_items', 'task_dependencies', 'task_events', 'repos']))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    db.close()
  })

  it('let processes race to create the same store without an error', async () => {
    const path = temp()
    const open = join(import.meta.dirname, '..', '..', 'bin', 'tasktrail.js')
    const runs = Array.from({ length: 6 }, () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [open, 'list', '--db', path], { stdio: 'ignore', cwd: tmpdir(), env: { ...process.env, TASKTRAIL_HOME: join(path, '..', 'home') } })
        child.on('exit', (code) => resolve(code ?? -1))
      })
    )
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0, 0, 0])
    const db = new Database(path)
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    db.close()
  })

  it('refuse a store written by a newer tasktrail and leave it untouched', () => {
    const path = temp()
    openDatabase(path).close()
    const raw = new Database(path)
    raw.pragma('journal_mode = DELETE')
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    raw.close()
    const before = createHash('sha256').update(readFileSync(path)).digest('hex')
    expect(() => openDatabase(path)).toThrow(NewerStoreError)
    expect(() => openDatabase(path)).toThrow(/newer tasktrail.*left untouched/)
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before)
  })
})

describe('task_events', () => {
  it('is append-only', () => {
    const store = new Store(openDatabase(temp()))
    const repo = store.repo('/r', '/r')
    const task = store.createTask(repo.id, { title: 'a' }, 'cli')
    expect(() => store.db.prepare('DELETE FROM task_events').run()).toThrow(/append-only/)
    expect(() => store.db.prepare("UPDATE task_events SET source = 'hook'").run()).toThrow(/append-only/)
    expect(store.events(task.id).map((e) => e.field)).toEqual(['created'])
  })
})
