// Where the installed plugin's SQLite addon is looked for, and the install lock that keeps
// concurrent sessions from running npm twice.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { lockHolder, takeLock } from '../../src/install/install.js'
import { ADDON_FILE, BETTER_SQLITE3_VERSION, installedAddon, runtimeDir } from '../../src/install/runtime.js'

const REPO_ROOT = join(import.meta.dirname, '..', '..')

test('the addon installed is the version package-lock.json pins, whose JavaScript is bundled', () => {
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8'))
  expect(BETTER_SQLITE3_VERSION).toBe(lock.packages['node_modules/better-sqlite3'].version)
  expect(ADDON_FILE).toBe(`better_sqlite3-${BETTER_SQLITE3_VERSION}-${process.platform}-${process.arch}-abi${process.versions.modules}.node`)
})

test('installed into CLAUDE_PLUGIN_DATA, else $TASKTRAIL_HOME/runtime; found in either', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tasktrail-runtime-'))
  const data = join(dir, 'data')
  const home = join(dir, 'home')
  expect(runtimeDir({ CLAUDE_PLUGIN_DATA: data, TASKTRAIL_HOME: home })).toBe(data)
  expect(runtimeDir({ TASKTRAIL_HOME: home })).toBe(join(home, 'runtime'))
  expect(installedAddon({ CLAUDE_PLUGIN_DATA: data, TASKTRAIL_HOME: home })).toBeNull()
  // An addon installed by a CLI run outside a hook (no CLAUDE_PLUGIN_DATA) serves hooks too.
  mkdirSync(join(home, 'runtime'), { recursive: true })
  writeFileSync(join(home, 'runtime', ADDON_FILE), '')
  expect(installedAddon({ CLAUDE_PLUGIN_DATA: data, TASKTRAIL_HOME: home })).toBe(join(home, 'runtime', ADDON_FILE))
})

test('the install lock: free, held by a live process, or left by a dead one', () => {
  const lock = join(mkdtempSync(join(tmpdir(), 'tasktrail-lock-')), 'x.installing')
  expect(lockHolder(lock)).toBeNull()
  expect(takeLock(lock)).toBe(true)
  // Held by this process: it may go on.
  expect(lockHolder(lock)).toBeNull()
  writeFileSync(lock, String(process.ppid))
  expect(lockHolder(lock)).toBe(process.ppid)
  expect(takeLock(lock)).toBe(false)
  writeFileSync(lock, '')
  expect(lockHolder(lock)).toBe('starting')
  // A pid far above any pid_max is not running.
  writeFileSync(lock, '99999999')
  expect(takeLock(lock)).toBe(true)
})
