// Where tasktrail keeps its files on this machine (the store, the installed SQLite addon, the
// spool, logs): $TASKTRAIL_HOME, defaulting to ${XDG_DATA_HOME:-~/.local/share}/tasktrail.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export function tasktrailHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TASKTRAIL_HOME) return resolve(env.TASKTRAIL_HOME)
  const data = env.XDG_DATA_HOME || join(homedir(), '.local', 'share')
  return join(data, 'tasktrail')
}
