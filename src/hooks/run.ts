// `tasktrail hook`: one Claude Code event from stdin, applied to the store (and TASKS.md)
// before returning. It never breaks Claude Code: whatever happens the process exits 0 and
// prints nothing but one JSON object for the event; problems go to hook.log, and the user
// sees at most one systemMessage per session.
import { startAddonInstall } from '../install/background.js'
import { shellCommand } from '../install/cli-command.js'
import { tasktrailHome } from '../install/home.js'
import { installLogPath } from '../install/install.js'
import { resolve } from 'node:path'
import { locateProject, type ProjectLocation } from '../project/locate.js'
import { BUSY_TIMEOUT_MS } from '../store/open.js'
import { storePath } from '../store/paths.js'
import { repointMergeDriver } from '../sync/git-merge.js'
import type { Store } from '../store/store.js'
import type { StoreSource } from '../store/stores.js'
import type { HookContext } from './context.js'
import { changeFor, onlyTime, type Change } from './dispatch.js'
import { parseEvent, type HookEvent } from './event.js'
import { firstWarning, logLine, logPath, type LogOrigin } from './log.js'
import type { HookOutput } from './output.js'
import { changeProject, syncFirst } from './project-sync.js'
import { isFields } from './shape.js'
import { anySpooled, spool, spoolPath, takeSpool, type SpooledEvent } from './spool.js'
import { pluginServesTools } from './agent-tools.js'
import { HookState } from './state.js'
import type { AgentHost } from '../model/task-host.js'
import { HOST_KEY, hostOf, readHostEvent } from './hosts/host.js'
import { parseTaskNotification } from './task-notification.js'
import { isTerminal } from '../model/task.js'
import { turnEvents, type Turn } from './transcript.js'

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
  const host = hostOf(value)
  if (host !== 'claude-code') return readHostEvent(host, value)
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
  const ctx: HookContext = { store, state: new HookState(store), repo, root: project.root, cli: shellCommand(env), tools: pluginServesTools(env) }
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
 * Applies events in order. One that fails for a reason other than a busy store is logged and
 * dropped (it would fail again); on a busy store the rest goes to the spool and the error
 * propagates.
 */
async function applyInOrder(store: Store, project: ProjectLocation, env: NodeJS.ProcessEnv, home: string, file: string, events: readonly SpooledEvent[], what: string): Promise<void> {
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
      logLine(home, originOf(value), `${what} dropped: ${(error as Error).message}`)
    }
  }
}

/** Applies what waited in the spool, in order; returns how many were taken from it. */
async function drainSpool(store: Store, project: ProjectLocation, env: NodeJS.ProcessEnv, home: string, file: string): Promise<number> {
  const events = takeSpool(file)
  await applyInOrder(store, project, env, home, file, events, 'spooled event')
  return events.length
}

/** Whether the run a <task-notification> reports has ended already (its prompt hook came). */
function notifiedRunEnded(store: Store, state: HookState, sessionId: string, prompt: string): boolean {
  const notification = parseTaskNotification(prompt)
  const run =
    (notification.toolUseId && state.agentRunByToolUse(sessionId, notification.toolUseId)) ||
    (notification.agentId && state.agentRunByAgentId(sessionId, notification.agentId)) ||
    undefined
  const task = run ? store.getTask(run.task_id) : undefined
  return task !== undefined && isTerminal(task.status)
}

/**
 * Whether a call the transcript shows is worth applying late. A call that would bring only its
 * time (a Read, a Bash) is not: applied at Stop it would count for the task in progress then,
 * not the one it worked on, and hooks from settings (`init --settings`) leave such calls
 * unhooked on purpose.
 */
function recoverable(value: Record<string, unknown>): boolean {
  const parsed = read(value)
  return typeof parsed !== 'string' && !onlyTime(parsed.event)
}

/**
 * The turn's tool calls that no hook brought (skipped, failed, timed out), read from the
 * transcript and applied as their hooks would have been; with `until`, only those before the
 * call of that tool_use_id. At the end of a turn (Stop), and in the MCP server before the
 * first event it takes of a turn: an mcp_tool hook skipped before the server had connected
 * (2.1.197) is then applied before the later events that build on it (a TaskUpdate on a
 * TaskCreate), not after them.
 */
async function reconcile(store: Store, project: ProjectLocation, env: NodeJS.ProcessEnv, home: string, turn: Turn, origin: LogOrigin, until?: string): Promise<void> {
  const timed = turnEvents(turn)
  const cut = until === undefined ? -1 : timed.findIndex(({ event }) => event.tool_use_id === until)
  const before = cut < 0 ? timed : timed.slice(0, cut)
  const events = before.map(({ event }) => event)
  const state = new HookState(store)
  const ids = (name: string) => events.filter((e) => e.hook_event_name === name).map((e) => e.tool_use_id as string)
  const done = new Map(['PreToolUse', 'PostToolUse', 'PostToolUseFailure'].map((name) => [name, state.processed(turn.session_id, name, ids(name))]))
  const missed = before.filter(({ event: e }) => {
    if (e.hook_event_name === 'SubagentStart') return !state.agentRunByAgentId(turn.session_id, e.agent_id as string)
    if (e.hook_event_name === 'UserPromptSubmit') return !notifiedRunEnded(store, state, turn.session_id, e.prompt as string)
    return !done.get(e.hook_event_name as string)!.has(e.tool_use_id as string) && recoverable(e)
  })
  if (!missed.length) return
  // Each is recorded at the time its transcript entry was written, as a spooled event at its own.
  const kept = missed.map(({ at, event }) => ({ receivedAt: at || undefined, event }))
  await applyInOrder(store, project, env, home, spoolPath(home, project.key), kept, 'an event from the transcript')
  logLine(home, origin, `${missed.length} event${missed.length === 1 ? '' : 's'} of this turn had reached no hook; applied from the transcript`)
}

/** The turn an event belongs to, when its input names the transcript. */
function turnOf(event: HookEvent, value: unknown): Turn | undefined {
  const path = isFields(value) && typeof value.transcript_path === 'string' && value.transcript_path ? value.transcript_path : undefined
  return path ? { session_id: event.session_id, cwd: event.cwd, prompt_id: event.prompt_id, transcript_path: path } : undefined
}

export interface HookOptions {
  /** The agent CLI whose event this is (`tasktrail hook --host`); Claude Code's by default. */
  host?: AgentHost
  /** Whether the event is the first of its turn to reach this process (the MCP server's question). */
  firstOfTurn?: (event: HookEvent) => boolean
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
export async function runHook(stdin: string, env: NodeJS.ProcessEnv, stores: StoreSource, options: HookOptions = {}): Promise<string> {
  try {
    return await handleEvent(stdin, env, stores, options)
  } catch (error) {
    logLine(tasktrailHome(env), {}, `failed: ${(error as Error)?.stack ?? String(error)}`)
    return ''
  }
}

async function handleEvent(stdin: string, env: NodeJS.ProcessEnv, stores: StoreSource, options: HookOptions): Promise<string> {
  // Hook events carry no time of their own: an event kept in the spool keeps this one.
  const receivedAt = new Date().toISOString()
  const home = tasktrailHome(env)
  const host = options.host ?? 'claude-code'
  let value: unknown
  try {
    value = JSON.parse(stdin)
  } catch {
    logLine(home, {}, `ignored: stdin is not JSON (${stdin.length} characters)`)
    return ''
  }
  // Another CLI's event keeps its host, in the spool too.
  if (host !== 'claude-code' && isFields(value)) value = { ...value, [HOST_KEY]: host }
  const origin = originOf(value)
  const parsed = read(value)
  if (typeof parsed === 'string') {
    logLine(home, origin, parsed)
    return ''
  }
  const { event, change } = parsed
  // CLAUDE_PROJECT_DIR is Claude Code's; another CLI started from a Claude Code session inherits it.
  const dir = (host === 'claude-code' && env.CLAUDE_PROJECT_DIR) || event.cwd
  const project = locateProject(dir, home)
  if (project.kind === 'home') {
    logLine(home, origin, `ignored: ${dir} is in no git repository and has no TASKS.md`)
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
    // The transcript read is Claude Code's; Codex's rollout is read by its own adapter at Stop.
    const turn = host === 'claude-code' ? turnOf(event, value) : undefined
    if (turn && event.hook_event_name === 'Stop') await reconcile(store, project, env, home, turn, origin)
    else if (turn && options.firstOfTurn?.(event)) await reconcile(store, project, env, home, turn, origin, 'tool_use_id' in event ? event.tool_use_id : undefined)
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
    // A kept store (the MCP server's) serves the next event with the usual wait.
    if (event.hook_event_name === 'SessionEnd') store.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    stores.release(store)
  }
}
