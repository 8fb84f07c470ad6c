// Claude Code settings files as tasktrail sees them: where its hooks are registered (the
// plugin, enabled in a settings file, or hooks written into one by `init --settings`), and
// merging into .claude/settings.json without disturbing what else is there.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { packageFile } from './package-files.js'

export type Settings = Record<string, unknown>

interface HookHandler {
  type: string
  command?: string
  [key: string]: unknown
}

interface MatcherGroup {
  matcher?: string
  hooks: HookHandler[]
}

type HookTable = Record<string, MatcherGroup[]>

export class SettingsError extends Error {
  override name = 'SettingsError'
}

/** A settings file's object, {} when it does not exist; throws when it is not a JSON object. */
export function readSettings(file: string): Settings {
  if (!existsSync(file)) return {}
  let value: unknown
  try {
    value = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new SettingsError(`${file} is not valid JSON (${(error as Error).message}); it was left unchanged: fix it, then run this again`)
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new SettingsError(`${file} does not hold a JSON object; it was left unchanged: fix it, then run this again`)
  }
  return value as Settings
}

export function writeSettings(file: string, settings: Settings): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(settings, null, 2) + '\n')
}

/** The settings files Claude Code reads for a project: the user's, then the project's two. */
export function settingsFiles(root: string, env: NodeJS.ProcessEnv): { user: string; project: string; local: string } {
  const config = env.CLAUDE_CONFIG_DIR || join(homedir(), '.claude')
  return { user: join(config, 'settings.json'), project: join(root, '.claude', 'settings.json'), local: join(root, '.claude', 'settings.local.json') }
}

const isTasktrailHook = (handler: HookHandler) => typeof handler.command === 'string' && /tasktrail(\.js)?["']? hook\b/.test(handler.command)

function hookTable(settings: Settings): HookTable {
  const hooks = settings.hooks
  return hooks && typeof hooks === 'object' && !Array.isArray(hooks) ? (hooks as HookTable) : {}
}

export function hasTasktrailHooks(settings: Settings): boolean {
  return Object.values(hookTable(settings)).some((groups) => Array.isArray(groups) && groups.some((group) => group?.hooks?.some(isTasktrailHook)))
}

/** Whether a settings file enables the tasktrail plugin (from any marketplace). */
function enablesPlugin(settings: Settings): boolean {
  const enabled = settings.enabledPlugins
  if (!enabled || typeof enabled !== 'object') return false
  return Object.entries(enabled).some(([id, on]) => id.split('@')[0] === 'tasktrail' && on === true)
}

export interface Registrations {
  /** Settings files that enable the plugin. */
  plugin: string[]
  /** Settings files that hold tasktrail's hooks themselves. */
  hooks: string[]
}

/** Where tasktrail's hooks are registered for the project at `root`; unreadable files are skipped. */
export function registrations(root: string, env: NodeJS.ProcessEnv): Registrations {
  const found: Registrations = { plugin: [], hooks: [] }
  for (const file of Object.values(settingsFiles(root, env))) {
    let settings: Settings
    try {
      settings = readSettings(file)
    } catch {
      continue
    }
    if (enablesPlugin(settings)) found.plugin.push(file)
    if (hasTasktrailHooks(settings)) found.hooks.push(file)
  }
  return found
}

/**
 * The tools whose successful calls a command hook runs for: those an adapter handles
 * (src/hooks/dispatch.ts). The plugin's mcp_tool hook runs for every tool, to add each call's
 * duration to its task, at ~5 ms a call; a command hook is a Node process (~130 ms), too much
 * to pay on every Read and Bash.
 */
export const COMMAND_POST_TOOL_USE = 'TaskCreate|TaskUpdate|TodoWrite|Agent|Task|Write|Edit|MultiEdit|NotebookEdit|ExitPlanMode|Workflow'

/**
 * The plugin's hooks (hooks/hooks.json) with each command running the CLI at `cli` instead.
 * Without the plugin there is no MCP server: its mcp_tool hooks become the same command, and
 * PostToolUse runs for the handled tools only.
 */
export function hooksRunning(cli: string): HookTable {
  const { hooks } = JSON.parse(packageFile(join('hooks', 'hooks.json'))) as { hooks: HookTable }
  const command = `node ${JSON.stringify(cli)} hook`
  for (const group of Object.values(hooks).flat()) {
    group.hooks = group.hooks.map((handler) =>
      handler.type === 'mcp_tool' ? { type: 'command', command, timeout: handler.timeout } : { ...handler, command: handler.command?.replace('node "${CLAUDE_PLUGIN_ROOT}/bin/tasktrail.js" hook', command) }
    )
  }
  if (hooks.PostToolUse) hooks.PostToolUse = hooks.PostToolUse.map((group) => ({ matcher: COMMAND_POST_TOOL_USE, ...group }))
  return hooks
}

/** Adds tasktrail's hooks to settings, keeping every other hook; false when they were there. */
export function mergeHooks(settings: Settings, hooks: HookTable): boolean {
  if (hasTasktrailHooks(settings)) return false
  const table = hookTable(settings)
  for (const [event, groups] of Object.entries(hooks)) table[event] = [...(Array.isArray(table[event]) ? table[event] : []), ...groups]
  settings.hooks = table
  return true
}
