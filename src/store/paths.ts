// Where the user's store lives: --db, else TASKTRAIL_DB, else $TASKTRAIL_HOME/tasks.db.
import { join, resolve } from 'node:path'
import { tasktrailHome } from '../install/home.js'

export function storePath(env: NodeJS.ProcessEnv = process.env, flag?: string): string {
  if (flag) return resolve(flag)
  if (env.TASKTRAIL_DB) return resolve(env.TASKTRAIL_DB)
  return join(tasktrailHome(env), 'tasks.db')
}

