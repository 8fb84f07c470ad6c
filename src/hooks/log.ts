// The hooks' own diagnostics: one line per problem in $TASKTRAIL_HOME/hook.log (stdout and
// stderr belong to Claude Code), and at most one systemMessage per session for the user.
import { appendFileSync, closeSync, mkdirSync, openSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { oneLine } from './text.js'

/** Past this size the log is moved to hook.log.1 (replacing the older one). */
const LOG_ROTATE_BYTES = 1_000_000

export function logPath(home: string): string {
  return join(home, 'hook.log')
}

export interface LogOrigin {
  event?: string | undefined
  session?: string | undefined
}

/** Appends one line; never throws (a hook that cannot log still must not fail). */
export function logLine(home: string, origin: LogOrigin, message: string): void {
  try {
    mkdirSync(home, { recursive: true })
    const file = logPath(home)
    try {
      if (statSync(file).size > LOG_ROTATE_BYTES) renameSync(file, `${file}.1`)
    } catch {
      // No log yet.
    }
    const line = [new Date().toISOString(), origin.event ?? '-', origin.session ?? '-', oneLine(message).slice(0, 2_000)].join(' ')
    appendFileSync(file, line + '\n')
  } catch {
    // Nowhere left to report to.
  }
}

/**
 * True the first time it is asked for a session (a marker file made with O_EXCL, so
 * concurrent hooks of one session agree), false afterwards.
 */
export function firstWarning(home: string, sessionId: string): boolean {
  try {
    const dir = join(home, 'hook-warned')
    mkdirSync(dir, { recursive: true })
    closeSync(openSync(join(dir, sessionId.replace(/[^\w.-]/g, '_')), 'wx'))
    return true
  } catch {
    return false
  }
}
