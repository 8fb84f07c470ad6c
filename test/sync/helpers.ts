// Real projects for sync tests: a git work tree in a temp dir, the built CLI, a store of its own.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { locateProject } from '../../src/project/locate.js'
import { openDatabase } from '../../src/store/open.js'
import { Store } from '../../src/store/store.js'
import { syncProject } from '../../src/sync/index.js'
import { json, sandbox, tasktrail, type Sandbox } from '../helpers/cli.js'

export function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`)
  return run.stdout.trim()
}

export function project(): Sandbox {
  const box = sandbox()
  git(box.project, 'checkout', '-q', '-b', 'main')
  return box
}

/** An in-process project whose TASKS.md is `text`, synced once (its lines adopted as tasks), with its store open. */
export async function syncedProject(text: string) {
  const box = sandbox()
  const path = join(box.project, 'TASKS.md')
  writeFileSync(path, text)
  const store = new Store(openDatabase(join(box.dir, 'tasks.db')))
  const project = locateProject(box.project, box.dir)
  const repo = store.repo(project.key, project.root)
  await syncProject(store, project, repo)
  return { store, project, repo, path }
}

export type SyncedProject = Awaited<ReturnType<typeof syncedProject>>

export const tasksFile = (box: Sandbox, dir = box.project) => join(dir, 'TASKS.md')
export const readTasks = (box: Sandbox, dir = box.project) => readFileSync(tasksFile(box, dir), 'utf8')
export const writeTasks = (box: Sandbox, text: string, dir = box.project) => writeFileSync(tasksFile(box, dir), text)

/** The index of the checkbox line of task `id` (the id may sit on a line of its own below it). */
export function lineOf(lines: string[], id: string): number {
  let index = lines.findIndex((l) => l.includes(id))
  while (index > 0 && !/^\s*[-*+] \[/.test(lines[index]!)) index--
  if (index < 0 || !lines[index]!.includes('[')) throw new Error(`no task line for ${id} in TASKS.md`)
  return index
}

/** `text` with the checkbox line of task `id` edited. */
export function withLine(text: string, id: string, edit: (line: string) => string): string {
  const lines = text.split('\n')
  const index = lineOf(lines, id)
  lines[index] = edit(lines[index]!)
  return lines.join('\n')
}

/** Edits the checkbox line of task `id`. */
export function editLine(box: Sandbox, id: string, edit: (line: string) => string, dir = box.project): void {
  writeTasks(box, withLine(readTasks(box, dir), id, edit), dir)
}

export function sync(box: Sandbox, args: string[] = [], cwd?: string) {
  const run = tasktrail(box, ['sync', '--json', ...args], cwd ? { cwd } : {})
  return { ...run, report: run.stdout ? JSON.parse(run.stdout) : undefined }
}

export const show = (box: Sandbox, id: string, cwd?: string) => json(box, ['show', id], cwd ? { cwd } : {})
export const exported = (box: Sandbox, cwd?: string) => json<{ tasks: any[] }>(box, ['export'], cwd ? { cwd } : {}).tasks

export { json, tasktrail, type Sandbox }
