// Opening the store: refuse a newer schema before touching the file, then WAL, a busy
// timeout, foreign keys and full fsync, and migrate forward under an IMMEDIATE lock.
import { existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { AddonMissingError, installedAddon } from '../install/runtime.js'
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations.js'

export type Db = Database.Database

/** How long a statement waits for another process's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000

export class NewerStoreError extends Error {
  constructor(
    readonly path: string,
    readonly found: number
  ) {
    super(
      `the store ${path} has schema version ${found}, written by a newer tasktrail (this one knows up to ${SCHEMA_VERSION}); it was left untouched — upgrade tasktrail`
    )
    this.name = 'NewerStoreError'
  }
}

/** The store's directory cannot be made: a path the user gave that cannot hold a store. */
export class StorePathError extends Error {
  override name = 'StorePathError'
}

/**
 * Makes the store's directory, one level at a time from the nearest that exists. Node 20's
 * recursive mkdirSync spins for ever on a path it cannot create under /proc; this fails at
 * once with the reason.
 */
function makeDirectory(dir: string, path: string): void {
  const missing: string[] = []
  for (let d = dir; !existsSync(d) && d !== dirname(d); d = dirname(d)) missing.unshift(d)
  try {
    for (const d of missing) mkdirSync(d)
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).message
    throw new StorePathError(`the store ${path} cannot be created: making ${dir} failed (${code}); nothing was changed. Give --db or TASKTRAIL_DB a file in a directory you can write`)
  }
}

export interface OpenOptions {
  /** Migrate only up to this version (tests of migrations use it). */
  targetVersion?: number
}

/**
 * The native addon, named explicitly: the bundle carries better-sqlite3's JavaScript, and
 * the `bindings` search it would otherwise run costs several milliseconds per process.
 * It is better-sqlite3's own build when there is one; an installed plugin's copy has
 * better-sqlite3 without it (Claude Code installs its dependencies with --ignore-scripts),
 * or no node_modules at all, so its addon is the one installed on first use.
 */
function nativeBinding(): string {
  let built = nearestBuild()
  if (built === undefined) {
    try {
      built = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node')
    } catch {
      // No better-sqlite3 next to the code: an installed addon or none.
    }
  }
  if (built && existsSync(built)) return built
  const installed = installedAddon(process.env)
  if (installed) return installed
  throw new AddonMissingError(process.env)
}

/**
 * better-sqlite3's build in the package require() would find first (the nearest
 * node_modules up from the code that has one), found by two or three stats: require's own
 * resolution took ~1 ms of every process. Anywhere else (NODE_PATH), require() looks.
 */
function nearestBuild(): string | undefined {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const bundled = join(dir, 'node_modules', 'better-sqlite3')
    if (existsSync(join(bundled, 'package.json'))) return join(bundled, 'build', 'Release', 'better_sqlite3.node')
    if (dirname(dir) === dir) return undefined
  }
}

/** Loading an addon that was there a moment ago can still fail to find it (a rebuild midway). */
function isMissingAddon(error: unknown): boolean {
  return (error as { code?: string }).code === 'MODULE_NOT_FOUND' && /better_sqlite3[^/\\]*\.node/.test((error as Error).message)
}

function loadDatabase(path: string): Db {
  try {
    return new Database(path, { nativeBinding: nativeBinding() })
  } catch (error) {
    if (isMissingAddon(error)) throw new AddonMissingError(process.env)
    throw error
  }
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') makeDirectory(dirname(path), path)
  const db = loadDatabase(path)
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    const found = db.pragma('user_version', { simple: true }) as number
    if (found > SCHEMA_VERSION) throw new NewerStoreError(path, found)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    migrate(db, MIGRATIONS, options.targetVersion ?? SCHEMA_VERSION)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Applies, in one IMMEDIATE transaction each, every migration above the stored version. */
export function migrate(db: Db, migrations: readonly Migration[], target: number): void {
  const pending = () =>
    migrations
      .filter((m) => m.version > (db.pragma('user_version', { simple: true }) as number) && m.version <= target)
      .sort((a, b) => a.version - b.version)
  if (pending().length === 0) return
  db.transaction(() => {
    // Another process may have migrated while this one waited for the lock.
    for (const m of pending()) {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    }
  }).immediate()
}
