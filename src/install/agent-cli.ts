// Setting tasktrail's hooks up for the other agent CLIs (`tasktrail init --codex / --gemini`)
// and checking them (`tasktrail doctor`). Each step reads the file first and adds only what
// is missing, so a second run changes nothing and nobody's settings are lost:
// - Codex CLI: hooks in .codex/hooks.json (Claude Code's JSON shape; the project's, loaded
//   once the project is trusted, or the user's in $CODEX_HOME), and two switches in
//   $CODEX_HOME/config.toml without which Codex fires no hook or offers no plan tool.
// - Gemini CLI: hooks in .gemini/settings.json, the project's or the user's.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { hasTasktrailHooks, mergeHooks, readSettings, SettingsError, writeSettings, type Settings } from './settings.js'

export type AgentCli = 'codex' | 'gemini'
export type Scope = 'project' | 'user'

interface HookGroup {
  matcher?: string
  hooks: Array<{ type: 'command'; command: string; name?: string }>
}

/** Which events each CLI must send, and for which tools: nothing else spawns a process. */
const EVENTS: Record<AgentCli, Record<string, string | undefined>> = {
  codex: { SessionStart: undefined, UserPromptSubmit: undefined, PostToolUse: 'update_plan|apply_patch', Stop: undefined, SessionEnd: undefined },
  gemini: {
    SessionStart: undefined,
    BeforeAgent: undefined,
    AfterTool: 'write_todos|write_file|replace|run_shell_command',
    AfterAgent: undefined,
    SessionEnd: undefined
  }
}

/** A config.toml switch Codex needs: [table] key = true. */
interface Switch {
  table: string
  key: string
  why: string
}

const CODEX_SWITCHES: Switch[] = [
  { table: 'features', key: 'hooks', why: 'without it Codex runs no hook' },
  { table: 'tools.update_plan', key: 'enabled', why: 'without it Codex offers no plan tool, so only requests and files are recorded' }
]

export function codexHome(env: NodeJS.ProcessEnv): string {
  return env.CODEX_HOME || join(homedir(), '.codex')
}

function userHome(env: NodeJS.ProcessEnv): string {
  return env.HOME || homedir()
}

/** The file the hooks of `cli` go in, for a project at `root` or for the user. */
export function hooksFile(cli: AgentCli, scope: Scope, root: string, env: NodeJS.ProcessEnv): string {
  if (cli === 'codex') return join(scope === 'user' ? codexHome(env) : join(root, '.codex'), 'hooks.json')
  return join(scope === 'user' ? userHome(env) : root, '.gemini', 'settings.json')
}

export function hookCommand(cli: AgentCli, tasktrail: string): string {
  return `node ${JSON.stringify(tasktrail)} hook --host ${cli}`
}

function hookTable(cli: AgentCli, tasktrail: string): Record<string, HookGroup[]> {
  const command = hookCommand(cli, tasktrail)
  return Object.fromEntries(
    Object.entries(EVENTS[cli]).map(([event, matcher]) => [
      event,
      [{ ...(matcher ? { matcher } : {}), hooks: [{ type: 'command', command, ...(cli === 'gemini' ? { name: 'tasktrail' } : {}) }] }]
    ])
  )
}

function read(file: string): Settings {
  try {
    return readSettings(file)
  } catch (error) {
    if (error instanceof SettingsError) throw new AgentSetupError(error.message)
    throw error
  }
}

export class AgentSetupError extends Error {
  override name = 'AgentSetupError'
}

/** Adds tasktrail's hooks to the file, keeping every other hook and setting; a line for the report. */
export function installHooks(cli: AgentCli, file: string, tasktrail: string): string {
  const settings = read(file)
  if (!mergeHooks(settings, hookTable(cli, tasktrail))) return `${file}: tasktrail's hooks already there`
  writeSettings(file, settings)
  return `${file}: tasktrail's hooks added (${Object.keys(EVENTS[cli]).join(', ')}), running ${hookCommand(cli, tasktrail)}`
}

export function hasHooks(file: string): boolean {
  try {
    return hasTasktrailHooks(readSettings(file))
  } catch {
    return false
  }
}

function tomlValue(text: string, file: string, path: string[]): unknown {
  let value: unknown
  try {
    value = parseToml(text)
  } catch (error) {
    throw new AgentSetupError(`${file} is not valid TOML (${(error as Error).message.split('\n')[0]}); it was left unchanged: fix it, then run this again`)
  }
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
  return value
}

/**
 * The text with `key = true` in [table]: a `key = …` line of that table is replaced, else the
 * line goes right under the table's header, else the table is added at the end.
 */
function withSwitch(text: string, { table, key }: Switch): string {
  const lines = text.split('\n')
  const header = lines.findIndex((line) => line.replace(/#.*/, '').trim() === `[${table}]`)
  if (header < 0) return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${text === '' ? '' : '\n'}[${table}]\n${key} = true\n`
  const end = lines.findIndex((line, i) => i > header && /^\s*\[/.test(line))
  const own = lines.slice(header + 1, end < 0 ? undefined : end).findIndex((line) => new RegExp(`^\\s*${key}\\s*=`).test(line))
  if (own >= 0) lines[header + 1 + own] = `${key} = true`
  else lines.splice(header + 1, 0, `${key} = true`)
  return lines.join('\n')
}

function switchedOn(text: string, file: string, path: string[]): boolean {
  try {
    return tomlValue(text, file, path) === true
  } catch {
    return false
  }
}

/** Codex's switches still off in its config.toml, each with why it matters. */
export function codexSwitchesOff(env: NodeJS.ProcessEnv): string[] {
  const file = join(codexHome(env), 'config.toml')
  const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
  return CODEX_SWITCHES.filter((s) => tomlValue(text, file, [...s.table.split('.'), s.key]) !== true).map((s) => `[${s.table}] ${s.key} = true (${s.why})`)
}

/** Turns Codex's switches on in $CODEX_HOME/config.toml; lines for the report. */
export function enableCodexSwitches(env: NodeJS.ProcessEnv): string[] {
  const file = join(codexHome(env), 'config.toml')
  const before = existsSync(file) ? readFileSync(file, 'utf8') : ''
  let text = before
  const report: string[] = []
  for (const s of CODEX_SWITCHES) {
    const path = [...s.table.split('.'), s.key]
    if (tomlValue(text, file, path) === true) {
      report.push(`${file}: [${s.table}] ${s.key} = true already set`)
      continue
    }
    const next = withSwitch(text, s)
    // A table written some other way (dotted keys, inline) is left to the person.
    if (!switchedOn(next, file, path)) {
      throw new AgentSetupError(`${file} sets ${s.table} in a way tasktrail does not edit; it was left unchanged: add \`${s.key} = true\` under [${s.table}] yourself, then run this again`)
    }
    text = next
    report.push(`${file}: [${s.table}] ${s.key} = true set (${s.why})`)
  }
  if (text !== before) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, text)
  }
  return report
}

const NOTES: Record<AgentCli, Record<Scope, string[]>> = {
  codex: {
    project: [
      'Codex reads .codex/hooks.json only in a project it trusts: say yes when codex asks, or run codex exec --trust here once.',
      'Codex runs new hooks only once you trust them: start codex and choose "Trust all and continue" (codex exec skips untrusted hooks silently).'
    ],
    user: ['Codex runs new hooks only once you trust them: start codex and choose "Trust all and continue" (codex exec skips untrusted hooks silently).']
  },
  gemini: {
    project: [
      'Gemini CLI reads .gemini/settings.json only in a folder it trusts.',
      'Gemini CLI offers its plan tool (write_todos) only to gemini-2 models; with others tasktrail records requests, files and failures.'
    ],
    user: ['Gemini CLI offers its plan tool (write_todos) only to gemini-2 models; with others tasktrail records requests, files and failures.']
  }
}

/** Reads every file `setUpAgentClis` would change, so a refusal comes before anything is written. */
export function checkAgentFiles(clis: AgentCli[], scope: Scope, root: string, env: NodeJS.ProcessEnv): void {
  for (const cli of clis) read(hooksFile(cli, scope, root, env))
  if (clis.includes('codex')) codexSwitchesOff(env)
}

/** Installs the hooks of each CLI (and Codex's switches); report lines, notes starting with "Note:". */
export function setUpAgentClis(clis: AgentCli[], scope: Scope, root: string, env: NodeJS.ProcessEnv, tasktrail: string): string[] {
  const report: string[] = []
  for (const cli of clis) {
    report.push(installHooks(cli, hooksFile(cli, scope, root, env), tasktrail))
    if (cli === 'codex') report.push(...enableCodexSwitches(env))
    report.push(...NOTES[cli][scope].map((note) => `Note: ${note}`))
  }
  return report
}

export interface AgentCheck {
  name: AgentCli
  /** Codex CLI, Gemini CLI. */
  title: string
  /** Whether tasktrail's hooks are installed for it. */
  installed: boolean
  ok: boolean
  detail: string
  fix?: string
}

const TITLE: Record<AgentCli, string> = { codex: 'Codex CLI', gemini: 'Gemini CLI' }

/**
 * Whether `cli`'s hooks are installed for the project at `root` (or the user), and what they
 * still need; `tasktrail` is the command that runs this tasktrail, for the fixes.
 */
export function checkAgentCli(cli: AgentCli, root: string | undefined, env: NodeJS.ProcessEnv, tasktrail: string): AgentCheck {
  const files = [...(root ? [hooksFile(cli, 'project', root, env)] : []), hooksFile(cli, 'user', root ?? '', env)].filter(hasHooks)
  const named = { name: cli, title: TITLE[cli] }
  if (files.length === 0) return { ...named, installed: false, ok: true, detail: `${TITLE[cli]}: tasktrail's hooks are not installed (${tasktrail} init --${cli} records its sessions too)` }
  let off: string[] = []
  try {
    off = cli === 'codex' ? codexSwitchesOff(env) : []
  } catch (error) {
    return { ...named, installed: true, ok: false, detail: (error as Error).message, fix: `fix ${join(codexHome(env), 'config.toml')}, then run ${tasktrail} init --codex` }
  }
  if (off.length > 0) {
    return {
      ...named,
      installed: true,
      ok: false,
      detail: `${TITLE[cli]}: tasktrail's hooks are in ${files.join(', ')}, but ${join(codexHome(env), 'config.toml')} lacks ${off.join('; ')}`,
      fix: `run ${tasktrail} init --codex`
    }
  }
  return { ...named, installed: true, ok: true, detail: `${TITLE[cli]}: tasktrail's hooks are in ${files.join(', ')}` }
}
