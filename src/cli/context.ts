// Opening what a command acts on: the user's store and the current project.
import { locateProject, type ProjectLocation } from '../project/locate.js'
import { tasktrailHome } from '../install/home.js'
import { storePath } from '../store/paths.js'
import type { Repo, Store } from '../store/store.js'
import { commandName } from '../install/cli-command.js'
import type { Invocation } from './command.js'
import { resolve } from 'node:path'

export interface Context {
  store: Store
  project: ProjectLocation
  repo: Repo
  /** How the person runs this tasktrail, for a message that names a command: a plugin's CLI is on no PATH. */
  readonly cli: string
}

export function openContext(invocation: Invocation): Context {
  const store = invocation.stores.open(storePath(invocation.env, invocation.globals.db))
  const start = invocation.globals.dir ? resolve(invocation.cwd, invocation.globals.dir) : invocation.cwd
  const project = locateProject(start, tasktrailHome(invocation.env))
  const repo = store.repo(project.key, project.root)
  const { env } = invocation
  return { store, project, repo, get cli() { return commandName(env) } }
}
