// Installing better-sqlite3's native addon for an installed plugin, once per version and
// Node ABI. npm installs the pinned version in a scratch directory (a prebuilt binary when it
// can download one, else a build from source: about 70 s), the addon is checked to load, and
// it is moved into place with one rename, so a reader finds no addon or a whole one. The rest
// of the install is deleted: the bundle already carries better-sqlite3's JavaScript.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { alive } from './alive.js'
import { ADDON_FILE, BETTER_SQLITE3_VERSION, runtimeDir } from './runtime.js'

/** How long an empty lock counts as an installer being started. */
const STARTING_MS = 60_000

export function lockPath(env: NodeJS.ProcessEnv): string {
  return join(runtimeDir(env), `${ADDON_FILE}.installing`)
}

export function installLogPath(env: NodeJS.ProcessEnv): string {
  return join(runtimeDir(env), 'install.log')
}

/**
 * The process holding the install lock, if another live one does. The lock holds the
 * installer's pid; an empty lock is being written by the hook that starts an installer.
 */
export function lockHolder(lock: string): number | 'starting' | null {
  let text: string
  try {
    text = readFileSync(lock, 'utf8').trim()
  } catch {
    return null
  }
  // A hook that died between creating and writing the lock must not block installs for good.
  if (text === '') return Date.now() - statSync(lock).mtimeMs < STARTING_MS ? 'starting' : null
  const pid = Number(text)
  return pid !== process.pid && alive(pid) ? pid : null
}

/** Takes the lock for this process; false when another live process holds it. */
export function takeLock(lock: string): boolean {
  if (lockHolder(lock) !== null) return false
  // A fresh home has no runtime directory yet.
  mkdirSync(dirname(lock), { recursive: true })
  writeFileSync(lock, String(process.pid))
  return true
}

/** Installs the addon (npm's output goes to this process's stdout and stderr); returns its path. */
export function installAddon(env: NodeJS.ProcessEnv): string {
  const dir = runtimeDir(env)
  mkdirSync(dir, { recursive: true })
  const scratch = mkdtempSync(join(dir, 'npm-'))
  try {
    const manifest = {
      private: true,
      description: 'better-sqlite3 for tasktrail, deleted once its addon is copied out',
      dependencies: { 'better-sqlite3': BETTER_SQLITE3_VERSION },
      // Newer npm asks for install scripts to be allowed; better-sqlite3's fetches or builds the addon.
      allowScripts: { 'better-sqlite3': true }
    }
    writeFileSync(join(scratch, 'package.json'), JSON.stringify(manifest, null, 2) + '\n')
    const npm = spawnSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--no-package-lock'], {
      cwd: scratch,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
      // npm is npm.cmd on Windows, which only a shell runs.
      shell: process.platform === 'win32'
    })
    if (npm.error) throw new Error(`could not run npm (${npm.error.message}); tasktrail needs Node.js with npm on the PATH`)
    if (npm.status !== 0) throw new Error(`npm install better-sqlite3@${BETTER_SQLITE3_VERSION} failed with exit code ${npm.status}; npm's output is above`)
    const built = join(scratch, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
    if (!existsSync(built)) {
      throw new Error(`npm installed better-sqlite3 without its native module; it is built by its install script, which npm's ignore-scripts setting may have skipped`)
    }
    new Database(':memory:', { nativeBinding: built }).close()
    const target = join(dir, ADDON_FILE)
    const partial = `${target}.${process.pid}.partial`
    copyFileSync(built, partial)
    renameSync(partial, target)
    return target
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
