// A new user's first session, for real: the plugin installed from a clean clone of this
// repository (a `git clone`, as a user adds it; dist/ committed in the clone, as it will be in
// the repository), then a scripted session in a new git repository. The clone has no
// node_modules, so the session's SessionStart starts the install of better-sqlite3's addon in
// the background (a build from source here: one to two minutes); every event meanwhile is
// spooled and recorded when the install is done. Then the plugin's /tasks shows the checklist.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, test } from 'vitest'
import { installPlugin, runClaude } from '../e2e/claude.js'
import { startFakeAnthropic, text, type Scenario } from '../e2e/fake-anthropic.js'
import { NAS_PROMPT, nasMonitoringScenario } from '../e2e/scenarios.js'

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
// A build from source took 124 s to 267 s here, depending on what else the machine ran.
const INSTALL_TIMEOUT_MS = 480_000

const root = realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-plugin-install-')))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function git(cwd: string, ...args: string[]): void {
  const run = spawnSync('git', ['-c', 'user.name=tasktrail test', '-c', 'user.email=test@example.invalid', ...args], { cwd, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`)
}

/** This repository at HEAD as a user gets it: dist/ is committed (test/build checks it is current). */
function cleanClone(): string {
  const clone = join(root, 'tasktrail')
  git(root, 'clone', '-q', REPO_ROOT, clone)
  return clone
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 2_000))
  }
}

test('installed from a clean clone, the first session installs SQLite in the background and its tasks reach the store and TASKS.md', async () => {
  const configDir = join(root, 'config')
  const home = join(root, 'home')
  const project = join(root, 'project')
  git(root, 'init', '-q', project)
  const clone = cleanClone()
  await installPlugin('2.1.197', configDir, clone, 'tasktrail')
  // A per-test npm cache: the install downloads from the registry as a new user's would.
  const env = { TASKTRAIL_HOME: home, npm_config_cache: join(root, 'npm-cache') }

  const scenario = nasMonitoringScenario('2.1.197-task-tools', project)
  const fake = await startFakeAnthropic(scenario)
  const started = Date.now()
  try {
    const run = await runClaude({ version: '2.1.197', baseUrl: fake.url, cwd: project, prompt: scenario.prompt, configDir, env, timeoutMs: 150_000 })
    expect(run.exitCode, run.stderr).toBe(0)
    expect(run.result?.is_error, run.stdout).toBe(false)
  } finally {
    await fake.close()
  }

  // The addon lands in the plugin's data dir, alone: npm's scratch dir is gone.
  const dataDirs = join(configDir, 'plugins', 'data')
  const installLog = await waitFor('the install to finish', () => {
    const dir = existsSync(dataDirs) ? readdirSync(dataDirs).map((name) => join(dataDirs, name)).find((d) => existsSync(join(d, 'install.log'))) : undefined
    const log = dir && readFileSync(join(dir, 'install.log'), 'utf8')
    return log && /recorded \d+ spooled events|failed|not installed/.test(log) ? { dir, log } : undefined
  }, INSTALL_TIMEOUT_MS)
  expect(installLog.log).toMatch(/installed .*better_sqlite3-[\d.]+-.+\.node in [\d.]+ s/)
  expect(readdirSync(installLog.dir).sort()).toEqual([expect.stringMatching(/^better_sqlite3-.*\.node$/), 'install.log'])
  console.log(`first session and install: ${((Date.now() - started) / 1000).toFixed(0)} s; ${installLog.log.trim().split('\n').at(-2)}`)

  // The installed CLI, as the slash commands run it.
  const exported = spawnSync(process.execPath, [join(clone, 'bin', 'tasktrail.js'), 'export', '--json'], {
    cwd: project,
    env: { ...process.env, TASKTRAIL_HOME: home, TASKTRAIL_DB: '', CLAUDE_PLUGIN_DATA: installLog.dir },
    encoding: 'utf8'
  })
  expect(exported.status, exported.stderr).toBe(0)
  const titles = (JSON.parse(exported.stdout) as { tasks: { title: string }[] }).tasks.map((t) => t.title)
  expect(titles).toEqual(expect.arrayContaining([NAS_PROMPT, 'Research current sync system', 'Implement monitoring script', 'Deploy to production']))

  const checklist = readFileSync(join(project, 'TASKS.md'), 'utf8')
  for (const title of [NAS_PROMPT, 'Implement monitoring script', 'Deploy to production']) expect(checklist).toContain(title)

  // The plugin's /tasks (spelled /tasktrail:tasks: Claude Code's built-in /tasks comes first)
  // runs the installed CLI, which finds the addon through CLAUDE_PLUGIN_DATA.
  const tasksCommand: Scenario = { prompt: '/tasktrail:tasks', main: [[text('Here is the checklist.')]] }
  const fakeForCommand = await startFakeAnthropic(tasksCommand)
  try {
    const run = await runClaude({ version: '2.1.197', baseUrl: fakeForCommand.url, cwd: project, prompt: tasksCommand.prompt, configDir, env })
    expect(run.exitCode, run.stderr).toBe(0)
    expect(fakeForCommand.modelSaw('Deploy to production')).toBe(true)
  } finally {
    await fakeForCommand.close()
  }
}, INSTALL_TIMEOUT_MS + 300_000)
