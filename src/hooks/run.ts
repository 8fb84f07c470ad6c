// `tasktrail hook`: one Claude Code event from stdin, applied to the store (and TASKS.md)
// before returning. It never breaks Claude Code: whatever happens the process exits 0 and
// prints nothing but one JSON object for the event; problems go to hook.log, and the user
// sees at most one systemMessage per session.
import { startAddonInstall } from '../install/background.js'
import { shellCommand } from '../install/cli-command.js'
import { installLogPath } from '../install/install.js'
import { resolve } from 'node:path'
import { locateProject, type ProjectLocation } from '../project/locate.js'
import { BUSY_TIMEOUT_MS } from '../store/open.js'
import { storePath, tasktrailHome } from '../store/paths.js'
import { repointMergeDriver } from '../sync/git-merge.js'
import type { Store } from '../store/store.js'
import type { StoreSource } from '../store/stores.js'
import type { HookContext } from './context.js'
import { changeFor, type Change } from './dispatch.js'
import { parseEvent, type HookEvent } from './event.js'
import { firstWarning, logLine, logPath, type LogOrigin } from './log.js'
import type { HookOutput } from './output.js'
import { changeProject, syncFirst } from './project-sync.js'
import { isFields } from './shape.js'
import { anySpooled, spool, spoolPath, takeSpool } from './spool.js'
import { HookState } from './state.js'

/** SessionEnd must finish within about 1.5 s: it waits less for a lock held elsewhere. */
const SESSION_END_BUSY_MS = 800

interface Parsed {
  event: HookEvent
  change: Change
}

function originOf(value: unknown): LogOrigin {
  if (!isFields(value)) return {}
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : undefined)
  return { event: text('tool_name') ? `${text('hook_event_name')}:${text('tool_name')}` : text('hook_event_name'), session: text('session_id') }
}

/** The event and its change, or why it is left alone. */
function read(value: unknown): Parsed | string {
  let event: HookEvent
  try {
    event = parseEvent(value)
  } catch (error) {
    return `ignored: ${(error as Error).message}`
  }
  const change = changeFor(event)
  if (!change) return `ignored: tasktrail does not handle ${'tool_name' in event ? `the tool ${event.tool_name}` : event.hook_event_name}`
  return { event, change }
}

function isBusy(error: unknown): boolean {
  return String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY')
}

/**
 * Applies a change and writes TASKS.md. SessionStart reads the checklist it gives Claude
 * from the store, so hand edits of TASKS.md are imported before its change runs.
 */
async function apply(
  store: Store,
  project: ProjectLocation,
  env: NodeJS.ProcessEnv,
  event: HookEvent,
  change: Change,
  log: (message: string) => void,
  receivedAt?: string
): Promise<HookOutput | void> {
  const repo = store.repo(project.key, project.root)
  const ctx: HookContext = { store, state: new HookState(store), repo, root: project.root, cli: shellCommand(env) }
  if (event.hook_event_name === 'SessionStart' && project.kind === 'git') repointDriver(project, log)
  const refusedBefore = event.hook_event_name === 'SessionStart' ? await syncFirst(store, project, repo) : undefined
  const { result, refused } = await changeProject(store, project, repo, () => (receivedAt ? store.asOf(receivedAt, () => change(ctx)) : change(ctx)))
  const why = refused ?? refusedBefore
  if (why) log(`recorded in the store, but TASKS.md was not written: ${why}`)
  return result
}

/** At a session's start: a merge driver left naming a CLI that is gone now names this one. */
function repointDriver(project: ProjectLocation, log: (message: string) => void): void {
  const cli = resolve(process.argv[1]!)
  try {
    const gone = repointMergeDriver(project.key, project.root, cli)
    if (gone) log(`the git merge driver named ${gone}, which is gone; it now runs ${cli}`)
  } catch (error) {
    log(`the git merge driver names a CLI that is gone, and could not be pointed at ${cli}: ${(error as Error).message}`)
  }
}

/**
 * Applies what waited in the spool, in order. A spooled event that fails for a reason other
 * than a busy store is logged and dropped (it would fail again); on a busy store the rest
 * goes back to the spool and the error propagates.
 */
async function drainSpool(store: Store, project: ProjectLocation, env: NodeJS.ProcessEnv, home: string, file: string): Promise<number> {
  const events = takeSpool(file)
  for (const [i, { receivedAt, event: value }] of events.entries()) {
    const parsed = read(value)
    if (typeof parsed === 'string') continue
    try {
      await apply(store, project, env, parsed.event, parsed.change, (message) => logLine(home, originOf(value), message), receivedAt)
    } catch (error) {
      if (isBusy(error)) {
        spool(file, events.slice(i))
        throw error
      }
      logLine(home, originOf(value), `spooled event dropped: ${(error as Error).message}`)
    }
  }
  return events.length
}

/**
 * Applies the events spooled for the project at `dir`, for `tasktrail install-runtime` once
 * the store can be opened; returns how many were taken from the spool.
 */
export async function applySpool(env: NodeJS.ProcessEnv, dir: string, stores: StoreSource): Promise<number> {
  const home = tasktrailHome(env)
  const project = locateProject(dir, home)
  if (project.kind === 'home') return 0
  const store = stores.open(storePath(env))
  try {
    return await drainSpool(store, project, env, home, spoolPath(home, project.key))
  } finally {
    stores.release(store)
  }
}

function warning(home: string, sessionId: string, message: string): string {
  if (!firstWarning(home, sessionId)) return ''
  const output: HookOutput = { systemMessage: `tasktrail: ${message} (details: ${logPath(home)})` }
  return JSON.stringify(output)
}

/**
 * Runs the hook for one event's stdin; returns what to print on stdout ('' for nothing).
 * Never throws: an error outside the store's handling (a TASKTRAIL_HOME that cannot be
 * written, so not even the spool can keep the event) is logged if possible and swallowed,
 * since an exception here would be a non-zero exit and a stack trace in Claude Code.
 */
export async function runHook(stdin: string, env: NodeJS.ProcessEnv, stores: StoreSource): Promise<string> {
  try {
    return await handleEvent(stdin, env, stores)
  } catch (error) {
    logLine(tasktrailHome(env), {}, `failed: ${(error as Error)?.stack ?? String(error)}`)
    return ''
  }
}

async function handleEvent(stdin: string, env: NodeJS.ProcessEnv, stores: StoreSource): Promise<string> {
  // Hook events carry no time of their own: an event kept in the spool keeps this one.
  const receivedAt = new Date().toISOString()
  const home = tasktrailHome(env)
  let value: unknown
  try {
    value = JSON.parse(stdin)
  } catch {
    logLine(home, {}, `ignored: stdin is not JSON (${stdin.length} characters)`)
    return ''
  }
  const origin = originOf(value)
  const parsed = read(value)
  if (typeof parsed === 'string') {
    logLine(home, origin, parsed)
    return ''
  }
  const { event, change } = parsed
  const project = locateProject(env.CLAUDE_PROJECT_DIR || event.cwd, home)
  if (project.kind === 'home') {
    logLine(home, origin, `ignored: ${env.CLAUDE_PROJECT_DIR || event.cwd} is in no git repository and has no TASKS.md`)
    return ''
  }
  let store: Store
  try {
    store = stores.open(storePath(env))
  } catch (error) {
    const file = spoolPath(home, project.key)
    spool(file, [{ receivedAt, event: value }])
    logLine(home, origin, `store unavailable, event spooled to ${file}: ${(error as Error).message}`)
    if ((error as Error).name === 'AddonMissingError') {
      if (event.hook_event_name === 'SessionStart') startAddonInstall(env, process.argv[1]!, project.root)
      return warning(
        home,
        event.session_id,
        `installing its SQLite module in the background (once; a minute or two, see ${installLogPath(env)}); events are kept in ${file} and recorded when it is done`
      )
    }
    return warning(home, event.session_id, `the task store could not be opened; events are kept in ${file} and applied later`)
  }
  try {
    if (event.hook_event_name === 'SessionEnd') store.db.pragma(`busy_timeout = ${SESSION_END_BUSY_MS}`)
    if (anySpooled(home)) await drainSpool(store, project, env, home, spoolPath(home, project.key))
    const output = await apply(store, project, env, event, change, (message) => logLine(home, origin, message))
    return output ? JSON.stringify(output) : ''
  } catch (error) {
    if (isBusy(error)) {
      const file = spoolPath(home, project.key)
      spool(file, [{ receivedAt, event: value }])
      logLine(home, origin, `store busy, event spooled to ${file}`)
      return warning(home, event.session_id, `the task store was busy; events are kept in ${file} and applied later`)
    }
    logLine(home, origin, `failed: ${(error as Error).stack ?? String(error)}`)
    return warning(home, event.session_id, 'a hook failed and this event was not recorded')
  } finally {
    // A kept store (the resident process's) serves the next event with the usual wait.
    if (event.hook_event_name === 'SessionEnd') store.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    stores.release(store)
  }
}
