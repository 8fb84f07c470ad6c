// The command-line tool installed as the README says, with `npm install -g` into a prefix of the
// test's own: from a git URL (a file:// URL of a clean clone), and from a packed tarball. Neither
// needs the development dependencies: dist/ is in the package. better-sqlite3's addon comes as a
// prebuilt binary, from a local stand-in for its download host (test/helpers/prebuilt-mirror.ts);
// the build from source is test/plugin/install.test.ts's route.
//
// The tarball is installed with --ignore-scripts, so it has no addon: `tasktrail` says so in one
// line, doctor names the fixes, and running them (install-runtime on a fresh home) records the
// events kept meanwhile.
import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { moved, registered, type HooksConfig } from '../../src/hooks/demo/replay.js'
import { cleanClone, git } from '../helpers/clean-clone.js'
import { startPrebuiltMirror, type PrebuiltMirror } from '../helpers/prebuilt-mirror.js'
import { RECORDED_ROOT, recording } from '../hooks/setup.js'

const NAS = 'Set up monitoring for the Dataforth NAS, alert if sync fails'
const MAX_INSTALL_BYTES = 60 * 1024 * 1024

const root = realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-npm-global-')))
const clone = cleanClone(join(root, 'tasktrail'))
let mirror: PrebuiltMirror
beforeAll(async () => {
  mirror = await startPrebuiltMirror(root)
})
afterAll(async () => {
  await mirror.close()
  rmSync(root, { recursive: true, force: true })
})

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/** A command as a user runs it, with the test's own npm cache, home and PATH. */
function run(command: string, args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  // Not this test run's npm settings (npx sets some), store or plugin.
  const inherited = Object.entries(process.env).filter(([key]) => !/^(npm_config_|TASKTRAIL_|CLAUDE_PLUGIN_)/i.test(key))
  const env = { ...Object.fromEntries(inherited), npm_config_cache: join(root, 'npm-cache'), ...mirror.env, ...options.env }
  const result = spawnSync(command, args, { cwd: options.cwd ?? root, env, encoding: 'utf8', input: options.input ?? '', timeout: 300_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function installGlobal(prefix: string, spec: string, ...flags: string[]): string {
  const install = run('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', ...flags, spec])
  expect(install.status, install.stderr).toBe(0)
  const bin = join(prefix, 'bin', 'tasktrail')
  expect(existsSync(bin), `no tasktrail command in ${prefix}/bin`).toBe(true)
  // A copy, not a link to a directory npm has deleted since.
  expect(lstatSync(join(prefix, 'lib', 'node_modules', 'tasktrail')).isSymbolicLink()).toBe(false)
  return bin
}

function treeBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const stat = lstatSync(join(dir, name))
    return sum + (stat.isDirectory() ? treeBytes(join(dir, name)) : stat.size)
  }, 0)
}

function expectUserInstall(prefix: string): void {
  const modules = readdirSync(join(prefix, 'lib', 'node_modules', 'tasktrail', 'node_modules'))
  expect(modules).toContain('better-sqlite3')
  expect(modules.filter((name) => /^(claude-code-|vitest|typescript|esbuild|fast-check|unified|remark-)/.test(name))).toEqual([])
  expect(treeBytes(prefix)).toBeLessThan(MAX_INSTALL_BYTES)
}

function newProject(name: string): string {
  const project = join(root, name)
  git(root, 'init', '-q', project)
  return project
}

test('npm install -g from a git URL gives a working tasktrail, its addon prebuilt', () => {
  const prefix = join(root, 'from-git')
  const tasktrail = installGlobal(prefix, `git+file://${clone}`)
  expectUserInstall(prefix)
  expect(mirror.requests().filter((path) => path.endsWith('.tar.gz'))).toHaveLength(1)
  const project = newProject('project-git')
  const env = { TASKTRAIL_HOME: join(root, 'home-git') }
  expect(run(tasktrail, ['--version'], { env }).stdout).toBe('0.1.0\n')
  expect(run(tasktrail, ['-C', project, 'add', 'First task'], { env })).toMatchObject({ status: 0, stdout: expect.stringMatching(/^added t-\w+ {2}First task\n$/) })
  expect(run(tasktrail, ['list'], { cwd: project, env }).stdout).toMatch(/^- \[ \] First task {2}t-\w+\n$/)
}, 400_000)

test('from a packed tarball without install scripts: one clear line, doctor\'s fixes work, install-runtime on a fresh home records what waited', () => {
  const pack = run('npm', ['pack', '--pack-destination', root], { cwd: clone })
  expect(pack.status, pack.stderr).toBe(0)
  const prefix = join(root, 'from-tarball')
  const tasktrail = installGlobal(prefix, join(root, pack.stdout.trim().split('\n').at(-1)!), '--ignore-scripts')
  expectUserInstall(prefix)
  const project = newProject('project-tarball')
  const home = join(root, 'home-tarball')
  const env = { TASKTRAIL_HOME: home }

  const list = run(tasktrail, ['list'], { cwd: project, env })
  expect(list.status).toBe(1)
  expect(list.stderr).toMatch(/^tasktrail: better-sqlite3 [\d.]+'s native module is not installed yet; run: node '.*\/bin\/tasktrail' install-runtime \(it installs it into .*\)\n$/)

  const doctor = (): Record<string, { name: string; ok: boolean; fix?: string }> => {
    const report = run(tasktrail, ['doctor', '--json'], { cwd: project, env })
    return Object.fromEntries((JSON.parse(report.stdout) as { checks: Array<{ name: string; ok: boolean; fix?: string }> }).checks.map((c) => [c.name, c]))
  }
  /** Runs a fix as doctor prints it: "run COMMAND (why)". */
  const runFix = (fix: string) => {
    const command = fix.replace(/^run /, '').replace(/ \(.*\)$/, '')
    const fixed = run('sh', ['-c', command], { cwd: root, env })
    expect(fixed.status, `${command}\n${fixed.stderr}`).toBe(0)
  }
  const missing = doctor().sqlite!
  expect(missing).toMatchObject({ ok: false, fix: expect.stringMatching(/^run node '.*' install-runtime \(/) })
  runFix(missing.fix!)
  expect(readdirSync(join(home, 'runtime'))).toEqual([expect.stringMatching(/^better_sqlite3-.*\.node$/)])
  expect([doctor().sqlite?.ok, doctor().store?.ok]).toEqual([true, true])

  // A session whose store could not be opened: its events are kept, and doctor says how to record them.
  const hooks = JSON.parse(readFileSync(join(clone, 'hooks', 'hooks.json'), 'utf8')) as HooksConfig
  for (const event of recording('2.1.197-task-tools').filter((e) => registered(hooks, e))) {
    const input = JSON.stringify(moved(event, RECORDED_ROOT, project))
    expect(run(tasktrail, ['hook'], { cwd: project, env: { ...env, CLAUDE_PROJECT_DIR: project, TASKTRAIL_DB: root }, input }).status).toBe(0)
  }
  const waiting = doctor().spool!
  expect(waiting).toMatchObject({ ok: false, fix: expect.stringMatching(/^run node '.*' -C '.*' install-runtime \(/) })
  runFix(waiting.fix!)
  expect(doctor().spool?.ok).toBe(true)
  expect(readFileSync(join(project, 'TASKS.md'), 'utf8')).toContain(NAS)
  expect(run(tasktrail, ['show', '-C', project, 'nonexistent'], { env }).stderr).toMatch(/^tasktrail: no task has an id starting with "t-nonexistent"/)
}, 400_000)
