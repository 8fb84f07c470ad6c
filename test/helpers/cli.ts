// Running the real, built CLI as a child process against a store and a project in a temp dir.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const CLI = resolve(import.meta.dirname, '../../bin/tasktrail.js')

export interface Sandbox {
  dir: string
  /** A git work tree: the current project of commands run in it. */
  project: string
  env: NodeJS.ProcessEnv
}

/** A temp dir with its own TASKTRAIL_HOME and a git repository, and no colour. */
export function sandbox(): Sandbox {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-')))
  const project = join(dir, 'project')
  spawnSync('git', ['init', '-q', project])
  const env: NodeJS.ProcessEnv = { ...process.env, TASKTRAIL_HOME: join(dir, 'home'), NO_COLOR: '1' }
  delete env.TASKTRAIL_DB
  delete env.CLAUDE_PROJECT_DIR
  return { dir, project, env }
}

export interface Run {
  code: number
  stdout: string
  stderr: string
}

export function tasktrail(box: Sandbox, args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? box.project,
    env: { ...box.env, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8'
  })
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

/** Runs a command that must succeed and parses its JSON output. */
export function json<T = any>(box: Sandbox, args: string[], options: { cwd?: string } = {}): T {
  const run = tasktrail(box, [...args, '--json'], options)
  if (run.code !== 0) throw new Error(`tasktrail ${args.join(' ')} failed (${run.code}): ${run.stderr}`)
  return JSON.parse(run.stdout) as T
}

/** Adds a task and returns its id. */
export function add(box: Sandbox, title: string, ...args: string[]): string {
  return json<{ id: string }>(box, ['add', title, ...args]).id
}
