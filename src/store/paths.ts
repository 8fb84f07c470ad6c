// Where the user's store lives: --db, else TASKTRAIL_DB, else $TASKTRAIL_HOME/tasks.db.
import { join, resolve } from 'node:path'
import { tasktrailHome } from '../install/home.js'

export function storePath(env: NodeJS.ProcessEnv = process.env, flag?: string): string {
  if (flag) return resolve(flag)
  if (env.TASKTRAIL_DB) return resolve(env.TASKTRAIL_DB)
  return join(tasktrailHome(env), 'tasks.db')
}

/**
 * Where tasktrail keeps the V8 code caches of its CLI (src/cli/code-cache.ts): under
 * TASKTRAIL_HOME when it is set (a test's or a user's own), else the user's cache directory.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TASKTRAIL_HOME) return join(resolve(env.TASKTRAIL_HOME), 'cache')
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tasktrail')
}
