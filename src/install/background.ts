// Starting the addon install from a hook: a detached `tasktrail install-runtime`, whose output
// goes to install.log, so the hook returns at once and the session goes on while npm works.
// Events that arrive meanwhile are spooled (src/hooks/run.ts); the installer applies the
// project's spool when it is done.
import { spawn } from 'node:child_process'
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { installLogPath, lockHolder, lockPath } from './install.js'
import { runtimeDir } from './runtime.js'

/** Starts the install unless one is running; `projectRoot` is whose spool it applies after. */
export function startAddonInstall(env: NodeJS.ProcessEnv, cli: string, projectRoot: string): void {
  mkdirSync(runtimeDir(env), { recursive: true })
  const lock = lockPath(env)
  if (lockHolder(lock) !== null) return
  // Empty until the installer's pid is known: other hooks see an install starting.
  let lockFd: number
  try {
    lockFd = openSync(lock, 'w')
  } catch {
    return
  }
  const log = openSync(installLogPath(env), 'w')
  try {
    const child = spawn(process.execPath, [cli, 'install-runtime'], { cwd: projectRoot, env, detached: true, stdio: ['ignore', log, log] })
    child.unref()
    writeSync(lockFd, String(child.pid ?? ''))
  } finally {
    closeSync(lockFd)
    closeSync(log)
  }
}
