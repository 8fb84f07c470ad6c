// tasktrail doctor: checks what tasktrail needs, each check with what to do when it fails.
// Exit 0 when every check passes, 1 otherwise.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { commandName, shellQuote } from '../../install/cli-command.js'
import { installLogPath } from '../../install/install.js'
import { registrations, readSettings, settingsFiles } from '../../install/settings.js'
import { spoolPath } from '../../hooks/spool.js'
import { cliOfDriver } from '../../sync/git-merge.js'
import { runningServers } from '../../mcp/status.js'
import { HOOK_TOOL } from './mcp.js'
import { locateProject, type ProjectLocation } from '../../project/locate.js'
import { SCHEMA_VERSION } from '../../store/migrations.js'
import { openDatabase } from '../../store/open.js'
import { tasktrailHome } from '../../install/home.js'
import { storePath } from '../../store/paths.js'
import type { Command, Invocation } from '../command.js'
import { paint, printJson } from '../output.js'

interface Check {
  name: string
  ok: boolean
  detail: string
  fix?: string
}

function nodeVersion(): Check {
  const major = Number(process.versions.node.split('.')[0])
  return major >= 20
    ? { name: 'node', ok: true, detail: `Node.js ${process.versions.node}` }
    : { name: 'node', ok: false, detail: `Node.js ${process.versions.node} is too old`, fix: 'install Node.js 20 or later' }
}

/** The last line of the addon install's log, if an install left one. */
function lastInstallLine(env: NodeJS.ProcessEnv): string | undefined {
  try {
    return readFileSync(installLogPath(env), 'utf8').trim().split('\n').at(-1) || undefined
  } catch {
    return undefined
  }
}

function sqlite(cli: string, env: NodeJS.ProcessEnv): Check {
  try {
    openDatabase(':memory:').close()
    return { name: 'sqlite', ok: true, detail: 'better-sqlite3 loads' }
  } catch (error) {
    const log = lastInstallLine(env)
    return {
      name: 'sqlite',
      ok: false,
      detail: `better-sqlite3 does not load: ${(error as Error).message}${log ? `; the last install (${installLogPath(env)}) said: ${log}` : ''}`,
      fix: `run ${cli} install-runtime (an installed plugin does this at the start of its first session)`
    }
  }
}

/** Events kept while the store could not be opened, still waiting to be recorded. */
function spooled(cli: string, project: ProjectLocation, env: NodeJS.ProcessEnv): Check {
  const file = spoolPath(tasktrailHome(env), project.key)
  const waiting = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0
  if (waiting === 0) return { name: 'spool', ok: true, detail: 'no events wait to be recorded' }
  return {
    name: 'spool',
    ok: false,
    detail: `${waiting} event${waiting === 1 ? '' : 's'} kept while the store could not be opened wait in ${file}; the next hook that opens the store records them`,
    fix: `run ${cli} -C ${shellQuote(project.root)} install-runtime (installs SQLite if it is missing, then records them)`
  }
}

function store(path: string): Check {
  try {
    const db = openDatabase(path)
    try {
      // Opening migrates; an IMMEDIATE transaction proves the file takes writes.
      db.prepare('BEGIN IMMEDIATE').run()
      db.prepare('ROLLBACK').run()
      const version = db.pragma('user_version', { simple: true }) as number
      return { name: 'store', ok: version === SCHEMA_VERSION, detail: `${path} is writable, schema version ${version}` }
    } finally {
      db.close()
    }
  } catch (error) {
    return { name: 'store', ok: false, detail: `the store ${path} cannot be used: ${(error as Error).message}`, fix: 'make its directory writable, or point TASKTRAIL_HOME elsewhere' }
  }
}

async function tasksFile(cli: string, project: ProjectLocation): Promise<Check> {
  const file = join(project.root, 'TASKS.md')
  if (!existsSync(file)) return { name: 'tasks-file', ok: false, detail: `${file} does not exist`, fix: `run ${cli} init` }
  try {
    const { parse } = await import('../../markdown/parse.js')
    const tasks = parse(readFileSync(file, 'utf8')).tasks.length
    return { name: 'tasks-file', ok: true, detail: `${file} parses: ${tasks} task${tasks === 1 ? '' : 's'}` }
  } catch (error) {
    return { name: 'tasks-file', ok: false, detail: `${file} cannot be read as tasks: ${(error as Error).message}`, fix: 'fix that line by hand; tasktrail leaves the file alone until then' }
  }
}

/** `others`: the other agent CLIs whose hooks are installed; with them, no Claude Code hooks is a choice. */
function hooks(cli: string, root: string, env: NodeJS.ProcessEnv, others: string[]): Check {
  const found = registrations(root, env)
  if (found.plugin.length > 0 && found.hooks.length > 0) {
    return {
      name: 'hooks',
      ok: false,
      detail: `the plugin is enabled (${found.plugin.join(', ')}) and hooks are also in ${found.hooks.join(', ')}: every event is recorded twice`,
      fix: `remove tasktrail's hooks from ${found.hooks.join(', ')}`
    }
  }
  if (found.plugin.length > 0) return { name: 'hooks', ok: true, detail: `the tasktrail plugin is enabled in ${found.plugin.join(', ')}` }
  if (found.hooks.length > 0) return { name: 'hooks', ok: true, detail: `tasktrail's hooks are in ${found.hooks.join(', ')}` }
  if (others.length > 0) return { name: 'hooks', ok: true, detail: `no Claude Code hooks for this project; ${others.join(' and ')} record into it` }
  return {
    name: 'hooks',
    ok: false,
    detail: 'no tasktrail hooks are registered for this project',
    fix: `install the plugin (claude plugin marketplace add <tasktrail's git URL or a clone of it>, then claude plugin install tasktrail@tasktrail), or run ${cli} init --settings`
  }
}

/** The env a session in this project gets: the process's, overridden by the settings files' env. */
function sessionEnv(root: string, env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = { ...env }
  for (const file of Object.values(settingsFiles(root, env))) {
    try {
      const values = readSettings(file).env
      if (values && typeof values === 'object') for (const [key, value] of Object.entries(values)) merged[key] = String(value)
    } catch {
      // An unreadable settings file is the hooks check's concern.
    }
  }
  return merged
}

const compare = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!

/** Which task tools Claude Code offers, as verified on 2.1.197 and 2.1.332. */
function claudeCode(cli: string, root: string, env: NodeJS.ProcessEnv): Check {
  const run = spawnSync('claude', ['--version'], { encoding: 'utf8', env, timeout: 10_000 })
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(run.stdout ?? '')
  if (run.error || !match) return { name: 'claude-code', ok: true, detail: 'claude is not on the PATH; the task tools depend on its version (see README, "Claude Code versions")' }
  const version = match.slice(1).map(Number)
  const named = `Claude Code ${match[0]}`
  const session = sessionEnv(root, env)
  if (compare(version, [2, 1, 197]) <= 0) {
    return session.CLAUDE_CODE_ENABLE_TASKS === '0'
      ? { name: 'claude-code', ok: true, detail: `${named} offers TodoWrite (CLAUDE_CODE_ENABLE_TASKS=0)` }
      : { name: 'claude-code', ok: true, detail: `${named} offers TaskCreate, TaskUpdate, TaskList and TaskGet` }
  }
  if (compare(version, [2, 1, 332]) >= 0) {
    return session.CLAUDE_CODE_ENABLE_TODO_TOOLS === '1'
      ? { name: 'claude-code', ok: true, detail: `${named} offers TaskCreate, TaskUpdate, TaskList and TaskGet (CLAUDE_CODE_ENABLE_TODO_TOOLS=1)` }
      : {
          name: 'claude-code',
          ok: false,
          detail: `${named} offers no task tools, so tasktrail records only requests, agents and files`,
          fix: `run ${cli} init --enable-todo-tools (sets CLAUDE_CODE_ENABLE_TODO_TOOLS=1 in .claude/settings.json)`
        }
  }
  return { name: 'claude-code', ok: true, detail: `${named}: its task tools were not verified (2.1.197 and 2.1.332 were); run ${cli} status after a session to see what was recorded` }
}

function mergeDriver(cli: string, root: string): Check {
  const driver = spawnSync('git', ['config', 'merge.tasktrail.driver'], { cwd: root, encoding: 'utf8' }).stdout.trim()
  const attributes = spawnSync('git', ['check-attr', 'merge', '--', 'TASKS.md'], { cwd: root, encoding: 'utf8' }).stdout.trim()
  const driverCli = cliOfDriver(driver)
  if (driverCli !== undefined && !existsSync(driverCli)) {
    return { name: 'merge-driver', ok: false, detail: `the merge driver runs ${driverCli}, which is gone`, fix: `run ${cli} init (the next Claude Code session also repoints it)` }
  }
  if (driver && attributes.endsWith(': tasktrail')) return { name: 'merge-driver', ok: true, detail: `git merges TASKS.md with: ${driver}` }
  return {
    name: 'merge-driver',
    ok: false,
    detail: driver ? 'TASKS.md has no merge=tasktrail attribute' : 'git config has no merge.tasktrail driver',
    fix: `run ${cli} init`
  }
}

/** The plugin this CLI belongs to: the nearest directory above it with hooks/hooks.json. */
function pluginRoot(): string | undefined {
  for (let dir = import.meta.dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'hooks', 'hooks.json'))) return dir
  return undefined
}

/** Whether the plugin's hooks reach its MCP server, and whether one serves this project now. */
function mcpServer(project: ProjectLocation, env: NodeJS.ProcessEnv, pluginEnabled: boolean): Check {
  const root = pluginRoot()
  const read = (file: string) => (root && existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : '')
  const configured = read('.mcp.json').includes('"tasktrail"') && read('hooks/hooks.json').includes(`"tool": "${HOOK_TOOL}"`)
  if (!configured) return { name: 'mcp-server', ok: true, detail: `this copy of tasktrail${root ? ` (${root})` : ''} has no MCP server configured: every hook runs as a command` }
  const serving = runningServers(tasktrailHome(env)).filter((status) => project.kind !== 'home' && resolve(status.project) === project.root)
  const how = pluginEnabled ? 'the plugin\'s tool events reach its MCP server' : 'configured in the plugin, used only where the plugin is enabled (hooks from settings run as commands)'
  if (!serving.length) return { name: 'mcp-server', ok: true, detail: `${how}; none runs for this project now (Claude Code starts it with a session)` }
  const described = serving.map((status) => {
    const events = Object.entries(status.events).map(([name, n]) => `${name} ${n}`).join(', ') || 'no hook events yet'
    const tools = Object.values(status.tools).reduce((sum, n) => sum + n, 0)
    return `pid ${status.pid} since ${status.started}: ${events}; ${tools} tool call${tools === 1 ? '' : 's'}`
  })
  return { name: 'mcp-server', ok: true, detail: `${how}; connected and serving: ${described.join('; ')}` }
}

async function checks(invocation: Invocation): Promise<Check[]> {
  const { env } = invocation
  const start = invocation.globals.dir ? resolve(invocation.cwd, invocation.globals.dir) : invocation.cwd
  const project = locateProject(start, tasktrailHome(env))
  const cli = commandName(env)
  const loaded = sqlite(cli, env)
  const list = [nodeVersion(), loaded]
  if (loaded.ok) list.push(store(storePath(env, invocation.globals.db)))
  const root = project.kind === 'home' ? undefined : project.root
  // Loaded here only: its TOML parser need not load for other commands.
  const { checkAgentCli } = await import('../../install/agent-cli.js')
  const agents = [checkAgentCli('codex', root, env, cli), checkAgentCli('gemini', root, env, cli)]
  const installed = agents.filter((check) => check.installed).map((check) => check.title)
  if (project.kind !== 'home') list.push(spooled(cli, project, env), await tasksFile(cli, project), hooks(cli, project.root, env, installed))
  list.push(claudeCode(cli, project.root, env))
  list.push(...agents.map(({ name, ok, detail, fix }) => ({ name, ok, detail, ...(fix ? { fix } : {}) })))
  if (project.kind === 'git') list.push(mergeDriver(cli, project.root))
  list.push(mcpServer(project, env, project.kind !== 'home' && registrations(project.root, env).plugin.length > 0))
  return list
}

const doctor: Command = {
  usage: 'doctor [--json]',
  summary: 'check Node, SQLite, the store, TASKS.md, the hooks, Claude Code, Codex and Gemini CLI, the merge driver and the MCP server',
  positionals: [0, 0],
  options: { json: { type: 'boolean' } },
  async run(invocation) {
    const list = await checks(invocation)
    const ok = list.every((check) => check.ok)
    const output = invocation.output
    if (invocation.values.json) printJson(output, { ok, checks: list })
    else {
      for (const check of list) {
        output.out(`${check.ok ? paint(output, 'green', 'ok     ') : paint(output, 'red', 'PROBLEM')} ${check.name}: ${check.detail}`)
        if (check.fix) output.out(`        fix: ${check.fix}`)
      }
    }
    return ok ? 0 : 1
  }
}

export default doctor
