// One scripted session of the real Claude Code CLI with tasktrail as its plugin, in a box of
// its own (project, TASKTRAIL_HOME, config dir, debug log), and what it left in the store.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect } from 'vitest'
import { HOSTS, runClaude, type HostGeneration } from './claude.js'
import { startFakeAnthropic, type FakeAnthropic, type Scenario } from './fake-anthropic.js'

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const CLI = join(REPO_ROOT, 'bin', 'tasktrail.js')
export const RUN_TIMEOUT_MS = 150_000

const roots: string[] = []
afterAll(() => {
  // A hook the CLI started may still be writing its last lines as the session ends.
  for (const root of roots) rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
})

export interface Exported {
  id: string
  parent_task_id: string | null
  title: string
  description: string | null
  status: string
  assigned_agent: string | null
  task_context: Record<string, unknown>
}

export interface Box {
  root: string
  project: string
  home: string
  configDir: string
  /** Claude Code's --debug-file. */
  debugLog: string
}

export function newBox(): Box {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-e2e-hooks-')))
  roots.push(root)
  const project = join(root, 'project')
  spawnSync('git', ['init', '-q', project])
  return { root, project, home: join(root, 'home'), configDir: join(root, 'config'), debugLog: join(root, 'debug.log') }
}

/** Plays `scenario` with the plugin at `pluginDir` (this repository unless given; null for none). */
export async function play(box: Box, host: HostGeneration, scenario: Scenario, args: string[] = [], pluginDir: string | null = REPO_ROOT): Promise<FakeAnthropic> {
  const { version, env } = HOSTS[host]
  const fake = await startFakeAnthropic(scenario)
  try {
    const run = await runClaude({
      version, baseUrl: fake.url, cwd: box.project, prompt: scenario.prompt, pluginDir: pluginDir ?? undefined,
      configDir: box.configDir, args: [...args, '--debug-file', box.debugLog], env: { ...env, TASKTRAIL_HOME: box.home }
    })
    expect(run.exitCode, run.stderr).toBe(0)
    expect(run.result?.is_error, run.stdout).toBe(false)
    return fake
  } finally {
    await fake.close()
  }
}

/** Runs the CLI in the box's project, with its TASKTRAIL_HOME; fails the test unless it exits 0. */
export function cli(box: Box, args: string[]): string {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: box.project, env: { ...process.env, TASKTRAIL_HOME: box.home, TASKTRAIL_DB: '' }, encoding: 'utf8' })
  expect(run.status, run.stderr).toBe(0)
  return run.stdout
}

export const exported = (box: Box): Exported[] => (JSON.parse(cli(box, ['export', '--json'])) as { tasks: Exported[] }).tasks

/** This plugin, with the hooks of `dropped` events left out of its hooks.json. */
export function pluginWithout(box: Box, dropped: readonly string[]): string {
  const dir = mkdtempSync(join(box.root, 'plugin-'))
  for (const entry of ['bin', 'dist', 'commands', 'node_modules', '.claude-plugin', '.mcp.json', 'package.json']) symlinkSync(join(REPO_ROOT, entry), join(dir, entry))
  const hooks = JSON.parse(readFileSync(join(REPO_ROOT, 'hooks', 'hooks.json'), 'utf8')) as { hooks: Record<string, unknown> }
  for (const event of dropped) delete hooks.hooks[event]
  mkdirSync(join(dir, 'hooks'))
  writeFileSync(join(dir, 'hooks', 'hooks.json'), JSON.stringify(hooks))
  return dir
}

