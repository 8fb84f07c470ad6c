import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Runs the real Claude Code CLI (the versions pinned as devDependencies) headless against a
// fake Anthropic API, the way the recordings in test/fixtures/claude-code/ were made.

export type ClaudeVersion = '2.1.197' | '2.1.332'

/**
 * The four host generations tasktrail must handle: which CLI, and the env switch that picks
 * the task tools the model is offered.
 */
export const HOSTS = {
  /** TaskCreate/TaskUpdate/TaskList/TaskGet, the default of 2.1.197. */
  '2.1.197-task-tools': { version: '2.1.197', env: {} },
  /** TodoWrite: the whole list rewritten on each call. */
  '2.1.197-todowrite': { version: '2.1.197', env: { CLAUDE_CODE_ENABLE_TASKS: '0' } },
  /** Task tools as deferred tools, loaded with ToolSearch first; Agent runs in the background. */
  '2.1.332-enable-todo-tools': { version: '2.1.332', env: { CLAUDE_CODE_ENABLE_TODO_TOOLS: '1' } },
  /** No task tools at all; Agent runs in the background. */
  '2.1.332-default': { version: '2.1.332', env: {} },
} as const satisfies Record<string, { version: ClaudeVersion; env: Record<string, string> }>

export type HostGeneration = keyof typeof HOSTS

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export function claudeBinary(version: ClaudeVersion): string {
  return join(REPO_ROOT, 'node_modules', `claude-code-${version}`, 'bin', 'claude.exe')
}

export interface RunClaudeOptions {
  version: ClaudeVersion
  /** ANTHROPIC_BASE_URL: the fake API's url. */
  baseUrl: string
  /** The project directory the session runs in. */
  cwd: string
  prompt: string
  /** Passed as --plugin-dir; omit to run without a plugin (e.g. one installed in configDir). */
  pluginDir?: string
  /** Extra env on top of the harness's own, e.g. a host generation's switch. */
  env?: Record<string, string>
  /** Extra CLI arguments, e.g. ['--continue']. */
  args?: string[]
  /**
   * CLAUDE_CONFIG_DIR (and TMPDIR, as its tmp/); a fresh temp dir unless given, which the caller
   * removes (it is returned as `configDir`). Reuse it to continue a session.
   */
  configDir?: string
  timeoutMs?: number
}

/** The `--output-format json` result object; only the fields tests rely on are typed. */
export interface ClaudeResult {
  type: 'result'
  subtype: string
  is_error: boolean
  result?: string
  session_id: string
  num_turns: number
  [field: string]: unknown
}

export interface ClaudeRun extends ClaudeCommandRun {
  /** Parsed stdout, if it was the JSON result. */
  result: ClaudeResult | undefined
  configDir: string
}

const DEFAULT_TIMEOUT_MS = 90_000

export async function runClaude(options: RunClaudeOptions): Promise<ClaudeRun> {
  const configDir = options.configDir ?? mkdtempSync(join(tmpdir(), 'tasktrail-claude-config-'))
  const args = ['-p', options.prompt, '--output-format', 'json', '--permission-mode', 'bypassPermissions']
  if (options.pluginDir) args.push('--plugin-dir', options.pluginDir)
  args.push(...(options.args ?? []))
  // The CLI keeps per-session files (background agents' output, sockets) under TMPDIR/claude-<uid>/;
  // inside the config dir they go away with it.
  const tmpDir = join(configDir, 'tmp')
  mkdirSync(tmpDir, { recursive: true })
  const run = await spawnClaude(options.version, args, {
    cwd: options.cwd,
    configDir,
    env: { ANTHROPIC_BASE_URL: options.baseUrl, ANTHROPIC_API_KEY: 'fake-key', TMPDIR: tmpDir, ...options.env },
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  })
  return { ...run, result: parseResult(run.stdout), configDir }
}

export interface ClaudeCommandRun {
  exitCode: number | null
  stdout: string
  stderr: string
  durationMs: number
}

/** Runs a non-session subcommand such as `plugin validate PATH`; these work offline. */
export function runClaudeCommand(version: ClaudeVersion, args: string[], configDir: string, cwd = tmpdir()): Promise<ClaudeCommandRun> {
  return spawnClaude(version, args, { cwd, configDir, env: {}, timeoutMs: DEFAULT_TIMEOUT_MS })
}

/**
 * Installs a plugin the way a user would: `plugin marketplace add DIR`, then `plugin install
 * NAME@MARKETPLACE`. DIR must hold `.claude-plugin/marketplace.json`, whose plugin sources must
 * start with `./`. The CLI copies the plugin into CONFIG/plugins/cache/ (node_modules included,
 * .git not), yet for such a local marketplace the sessions run the hooks from DIR itself:
 * CLAUDE_PLUGIN_ROOT is the source directory, and removing it unloads the plugin.
 */
export async function installPlugin(version: ClaudeVersion, configDir: string, marketplaceDir: string, pluginName: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(marketplaceDir, '.claude-plugin', 'marketplace.json'), 'utf8')) as { name: string }
  for (const args of [
    ['plugin', 'marketplace', 'add', marketplaceDir],
    ['plugin', 'install', `${pluginName}@${manifest.name}`],
  ]) {
    const run = await runClaudeCommand(version, args, configDir)
    if (run.exitCode !== 0) throw new Error(`claude ${args.join(' ')} failed (${run.exitCode}):\n${run.stdout}\n${run.stderr}`)
  }
}

interface SpawnOptions {
  cwd: string
  configDir: string
  env: Record<string, string>
  timeoutMs: number
}

async function spawnClaude(version: ClaudeVersion, args: string[], options: SpawnOptions): Promise<ClaudeCommandRun> {
  const env = {
    ...inheritedEnv(),
    IS_SANDBOX: '1',
    CLAUDE_CONFIG_DIR: options.configDir,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    ...options.env,
  }
  const started = Date.now()
  // Own process group, so a timeout also ends the shells and hooks the CLI started.
  const child = spawn(claudeBinary(version), args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))

  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    killGroup(child.pid)
  }, options.timeoutMs)
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve(code))
  }).finally(() => clearTimeout(timer))

  if (timedOut) {
    throw new Error(
      `claude ${version} ${args[0]} timed out after ${options.timeoutMs} ms\n--- stdout\n${stdout.slice(-2000)}\n--- stderr\n${stderr.slice(-2000)}`,
    )
  }
  return { exitCode, stdout, stderr, durationMs: Date.now() - started }
}

// The outer environment may itself be a Claude Code session, or carry real credentials: none
// of that may reach the CLI under test.
function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue
    if (key.startsWith('ANTHROPIC_') || key.startsWith('CLAUDE') || key.startsWith('OTEL_')) continue
    env[key] = value
  }
  return env
}

/**
 * Ends the CLI and every process under it. Its own group is not enough: Claude Code starts each
 * shell (a Bash call, a slash command's `!`) in a process group of its own, which would go on
 * after the CLI, e.g. a hung `!` command or the `tasktrail board --owner` it waits on.
 */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  const groups = new Set([pid, ...descendants(pid).map((entry) => entry.group)])
  for (const group of groups) {
    try {
      process.kill(-group, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
}

interface ProcessEntry {
  pid: number
  parent: number
  group: number
}

/** The processes descended from `pid`, by the parent each names in /proc (none where there is no /proc). */
function descendants(pid: number): ProcessEntry[] {
  let entries: ProcessEntry[]
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((name) => {
      try {
        // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
        const [, parent, group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        return [{ pid: Number(name), parent: Number(parent), group: Number(group) }]
      } catch {
        return []
      }
    })
  } catch {
    return []
  }
  const found: ProcessEntry[] = []
  for (let parents = new Set([pid]); parents.size > 0; ) {
    const children = entries.filter((entry) => parents.has(entry.parent))
    found.push(...children)
    parents = new Set(children.map((child) => child.pid))
  }
  return found
}

function parseResult(stdout: string): ClaudeResult | undefined {
  try {
    const value: unknown = JSON.parse(stdout)
    if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'result') return value as ClaudeResult
  } catch {
    // Not JSON: the caller still has stdout and stderr.
  }
  return undefined
}
