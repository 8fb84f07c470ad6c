// tasktrail init: sets a repository up for tasktrail. Each step checks before it writes, so
// a second run changes nothing, and nothing a person wrote is overwritten.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { linkRepo, type RepoLink } from '../../store/link.js'
import type { AgentCli } from '../../install/agent-cli.js'
import { packageFile } from '../../install/package-files.js'
import { hooksRunning, mergeHooks, readSettings, registrations, settingsFiles, SettingsError, writeSettings, type Settings } from '../../install/settings.js'
import { locateProject } from '../../project/locate.js'
import { tasktrailHome } from '../../install/home.js'
import { storePath } from '../../store/paths.js'
import { cliCommand, driverOf, installMergeDriver } from '../../sync/git-merge.js'
import { text, type Command, type Invocation } from '../command.js'
import { openContext } from '../context.js'
import { CliError, usageError } from '../errors.js'

const TODO_TOOLS_VARIABLE = 'CLAUDE_CODE_ENABLE_TODO_TOOLS'
const SECTION = /<!-- tasktrail:begin[^>]*-->[\s\S]*?<!-- tasktrail:end -->\n?/

/** What each step did, one line each. */
type Report = string[]

function createTasksFile(root: string, report: Report): void {
  const file = join(root, 'TASKS.md')
  if (existsSync(file)) return void report.push('TASKS.md: exists, left as it is')
  writeFileSync(file, packageFile(join('templates', 'TASKS.md')), { flag: 'wx' })
  report.push('TASKS.md: created; the hooks add tasks to it as Claude works')
}

/** The store, its journal files and tasktrail's home, when they live inside the work tree. */
function ignoreStoreFiles(root: string, env: NodeJS.ProcessEnv, dbFlag: string | undefined, report: Report): void {
  const db = storePath(env, dbFlag)
  const inside = [db, `${db}-wal`, `${db}-shm`, tasktrailHome(env)]
    .map((path) => relative(root, path))
    .filter((path) => path !== '' && !path.startsWith('..') && !isAbsolute(path))
  // The home holds the store by default: ignoring it covers the files in it.
  const covering = inside.filter((path, _, all) => !all.some((other) => path.startsWith(other + sep)))
  const unignored = covering.filter((path) => spawnSync('git', ['check-ignore', '-q', '--no-index', path], { cwd: root }).status !== 0)
  if (unignored.length === 0) return
  const file = join(root, '.gitignore')
  const current = existsSync(file) ? readFileSync(file, 'utf8') : ''
  const lines = unignored.map((path) => '/' + path.split('\\').join('/'))
  writeFileSync(file, current + (current === '' || current.endsWith('\n') ? '' : '\n') + '# tasktrail store (per user, not committed)\n' + lines.join('\n') + '\n')
  report.push(`.gitignore: added ${lines.join(', ')} (the store lives in this work tree)`)
}

function mergeDriver(root: string, cli: string, report: Report): void {
  const before = existsSync(join(root, '.gitattributes')) ? readFileSync(join(root, '.gitattributes'), 'utf8') : null
  const configured = spawnSync('git', ['config', 'merge.tasktrail.driver'], { cwd: root, encoding: 'utf8' }).stdout.trim()
  installMergeDriver(root, cliCommand(cli))
  const after = readFileSync(join(root, '.gitattributes'), 'utf8')
  const changed = before !== after || configured !== driverOf(cliCommand(cli))
  report.push(`git merge driver: ${changed ? 'installed (git config merge.tasktrail, TASKS.md in .gitattributes)' : 'already installed'}`)
}

/** CLAUDE.md, or .claude/CLAUDE.md when the project keeps its instructions there only (Claude Code reads both). */
function claudeFile(root: string): string {
  const nested = join('.claude', 'CLAUDE.md')
  return !existsSync(join(root, 'CLAUDE.md')) && existsSync(join(root, nested)) ? nested : 'CLAUDE.md'
}

function claudeSection(root: string, report: Report): void {
  const name = claudeFile(root)
  const file = join(root, name)
  const section = packageFile(join('templates', 'CLAUDE.md'))
  const current = existsSync(file) ? readFileSync(file, 'utf8') : ''
  const next = SECTION.test(current) ? current.replace(SECTION, section) : current + (current === '' ? '' : current.endsWith('\n') ? '\n' : '\n\n') + section
  if (next === current) return void report.push(`${name}: tasktrail section up to date`)
  writeFileSync(file, next)
  report.push(`${name}: tasktrail section ${current.includes('<!-- tasktrail:begin') ? 'updated' : 'added'} (it tells Claude that people edit TASKS.md too)`)
}

function settingsHooks(root: string, env: NodeJS.ProcessEnv, cli: string, settings: Settings, report: Report): boolean {
  const found = registrations(root, env)
  if (found.plugin.length > 0) {
    throw new CliError(
      `the tasktrail plugin is enabled (${found.plugin.join(', ')}), so its hooks already run; hooks in .claude/settings.json as well would record every event twice. Nothing was written: drop --settings, or disable the plugin first`
    )
  }
  const added = mergeHooks(settings, hooksRunning(cli))
  report.push(`.claude/settings.json: ${added ? `tasktrail's hooks added, running ${cli}` : "tasktrail's hooks already there"}`)
  return added
}

function todoTools(settings: Settings, enable: boolean, report: Report): boolean {
  const env = settings.env && typeof settings.env === 'object' && !Array.isArray(settings.env) ? (settings.env as Record<string, unknown>) : {}
  if (env[TODO_TOOLS_VARIABLE] === '1') {
    report.push(`.claude/settings.json: ${TODO_TOOLS_VARIABLE}=1 already set`)
    return false
  }
  if (!enable) {
    report.push(
      `Note: newer Claude Code versions (2.1.332 was checked) hide their task tools unless ${TODO_TOOLS_VARIABLE}=1; tasktrail then records only requests, agents and files, not Claude's plan. Run tasktrail init --enable-todo-tools to set it in .claude/settings.json.`
    )
    return false
  }
  settings.env = { ...env, [TODO_TOOLS_VARIABLE]: '1' }
  report.push(`.claude/settings.json: ${TODO_TOOLS_VARIABLE}=1 set, so Claude plans with task tools that tasktrail records`)
  return true
}

function link(invocation: Invocation, wanted: RepoLink, report: Report): void {
  const context = openContext(invocation)
  try {
    const repo = context.store.transaction(() => linkRepo(context.store, context.repo, wanted))
    report.push(`link: ${repo.client ? `client ${repo.client}` : `project ${repo.project}`} (kept in your store)`)
  } catch (error) {
    throw usageError(`${(error as Error).message}; the link was left as it was`)
  } finally {
    context.store.close()
  }
}

/** Loaded only for --codex and --gemini: its TOML parser need not load for anything else. */
const agentSetup = () => import('../../install/agent-cli.js')

/** --codex and --gemini with --user: the hooks for every project of the user; no repository needed. */
async function agentClisOnly(clis: AgentCli[], env: NodeJS.ProcessEnv, cli: string, output: Invocation['output']): Promise<void> {
  const { setUpAgentClis } = await agentSetup()
  output.out([`tasktrail init for the user`, ...(await guarded(() => setUpAgentClis(clis, 'user', '', env, cli))).map(indent)].join('\n'))
}

/** A file of another CLI that cannot be read is the user's to fix: a plain error, not a crash. */
async function guarded<T>(step: () => T): Promise<T> {
  const { AgentSetupError } = await agentSetup()
  try {
    return step()
  } catch (error) {
    if (error instanceof AgentSetupError) throw new CliError(error.message)
    throw error
  }
}

const indent = (line: string) => (line.startsWith('Note:') ? line : `  ${line}`)

const init: Command = {
  usage: 'init [--client NAME | --project NAME] [--settings] [--enable-todo-tools] [--codex] [--gemini] [--user]',
  summary: 'set the current repository up: TASKS.md, merge driver, CLAUDE.md section (--settings: hooks without the plugin; --codex, --gemini: those CLIs\' hooks, --user for all projects)',
  positionals: [0, 0],
  options: {
    client: { type: 'string' },
    project: { type: 'string' },
    settings: { type: 'boolean' },
    'enable-todo-tools': { type: 'boolean' },
    codex: { type: 'boolean' },
    gemini: { type: 'boolean' },
    user: { type: 'boolean' }
  },
  async run(invocation) {
    const { values, env, output } = invocation
    const client = text(values, 'client')
    const project = text(values, 'project')
    if (client !== undefined && project !== undefined) throw usageError('give --client or --project, not both')
    const agentClis = (['codex', 'gemini'] as const).filter((name) => values[name] === true)
    const scope = values.user === true ? 'user' : 'project'
    if (scope === 'user' && agentClis.length === 0) throw usageError('--user goes with --codex or --gemini (Claude Code takes the plugin for every project)')
    const start = invocation.globals.dir ? resolve(invocation.cwd, invocation.globals.dir) : invocation.cwd
    const location = locateProject(start, tasktrailHome(env))
    const cli = resolve(process.argv[1]!)
    if (location.kind !== 'git' && scope === 'user') return agentClisOnly(agentClis, env, cli, output)
    if (location.kind !== 'git') throw new CliError(`${start} is not in a git repository; nothing was changed: run git init there first, or run tasktrail init in a repository`)
    const root = location.root
    const report: Report = []
    const settingsFile = settingsFiles(root, env).project
    let settings: Settings
    try {
      settings = readSettings(settingsFile)
    } catch (error) {
      if (error instanceof SettingsError) throw new CliError(error.message)
      throw error
    }
    // Checked before anything is written, so a refusal leaves the repository as it was.
    const hooksAdded = values.settings === true && settingsHooks(root, env, cli, settings, report)
    const setup = agentClis.length > 0 ? await agentSetup() : undefined
    if (setup) await guarded(() => setup.checkAgentFiles(agentClis, scope, root, env))
    createTasksFile(root, report)
    ignoreStoreFiles(root, env, invocation.globals.db, report)
    mergeDriver(root, cli, report)
    claudeSection(root, report)
    if (client !== undefined) link(invocation, { client, project: null }, report)
    if (project !== undefined) link(invocation, { client: null, project }, report)
    const todoSet = todoTools(settings, values['enable-todo-tools'] === true, report)
    if (hooksAdded || todoSet) writeSettings(settingsFile, settings)
    if (setup) report.push(...(await guarded(() => setup.setUpAgentClis(agentClis, scope, root, env, cli))))
    output.out([`tasktrail init in ${root}`, ...report.map(indent)].join('\n'))
  }
}

export default init
