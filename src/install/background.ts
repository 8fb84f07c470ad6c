// Starting the addon install from a hook: a detached `tasktrail install-runtime`, whose output
// goes to install.log, so the hook returns at once and the session goes on while npm works.
// Events that arrive meanwhile are spooled (src/hooks/run.ts); the installer applies the
// project's spool when it is done.
import { spawn } from 'node:child_process'
import { appendFileSync, closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs'
import { installLogPath, lockHolder, lockPath } from './install.js'
import { runtimeDir } from './runtime.js'

/**
 * Starts the install unless one is running; `projectRoot` is whose spool it applies after.
 * Never throws (a hook must not fail): a start that fails says why in install.log.
 */
export function startAddonInstall(env: NodeJS.ProcessEnv, cli: string, projectRoot: string): void {
  const lock = lockPath(env)
  try {
    mkdirSync(runtimeDir(env), { recursive: true })
    if (lockHolder(lock) !== null) return
    // Empty until the installer's pid is known: other hooks see an install starting.
    const lockFd = openSync(lock, 'w')
    const log = openSync(installLogPath(env), 'w')
    try {
      const child = spawn(process.execPath, [cli, 'install-runtime'], { cwd: projectRoot, env, detached: true, stdio: ['ignore', log, log] })
      // A failure to start is reported asynchronously; unheard, it would end the hook with an error.
      child.on('error', (error) => appendFileSync(installLogPath(env), `could not start the install: ${error.message}; the next session tries again\n`))
      child.unref()
      writeSync(lockFd, String(child.pid ?? ''))
    } finally {
      closeSync(lockFd)
      closeSync(log)
    }
  } catch (error) {
    try {
      rmSync(lock, { force: true })
      appendFileSync(installLogPath(env), `could not start the install: ${(error as Error).message}; the next session tries again\n`)
    } catch {
      // Nowhere to report to; the next session tries again.
    }
  }
}
