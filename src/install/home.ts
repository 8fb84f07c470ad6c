// Where tasktrail keeps its files on this machine (the store, the installed SQLite addon, the
// spool, logs): $TASKTRAIL_HOME, defaulting to ${XDG_DATA_HOME:-~/.local/share}/tasktrail; and
// the code caches of its CLI.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export function tasktrailHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TASKTRAIL_HOME) return resolve(env.TASKTRAIL_HOME)
  const data = env.XDG_DATA_HOME || join(homedir(), '.local', 'share')
  return join(data, 'tasktrail')
}

/**
 * Where tasktrail keeps the V8 code caches of its CLI (src/cli/code-cache.ts): under
 * TASKTRAIL_HOME when it is set (a test's or a user's own), else the user's cache directory.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TASKTRAIL_HOME) return join(resolve(env.TASKTRAIL_HOME), 'cache')
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tasktrail')
}
