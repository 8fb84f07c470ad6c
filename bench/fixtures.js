// Building benchmark projects: a git work tree and a store holding N tasks, created
// through `tasktrail import` so the store is exactly what the CLI would have written.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const CLI = resolve(import.meta.dirname, '../bin/tasktrail.js')

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
export function benchId(i) {
  let id = ''
  for (let n = i, k = 0; k < 7; k++, n = Math.floor(n / 32)) id = ALPHABET[n % 32] + id
  return `t-${id}`
}

/** Tasks in trees of one parent and three children, under sections of 100. */
export function exportDocument(count) {
  const tasks = []
  for (let i = 0; i < count; i++) {
    const parent = i % 4 === 0 ? null : benchId(i - (i % 4))
    tasks.push({
      id: benchId(i), parent_task_id: parent, title: `Task number ${i} with a realistic title`,
      description: null, status: i % 3 === 0 ? 'completed' : 'pending', task_type: null, assigned_agent: null,
      task_context: {}, session_id: null, client: null, project: null,
      created_at: '2026-01-01T00:00:00.000Z', started_at: null, completed_at: i % 3 === 0 ? '2026-01-01T01:00:00.000Z' : null
    })
  }
  return { version: 1, tasks }
}

export function makeProject(count) {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-bench-')))
  const project = join(dir, 'project')
  spawnSync('git', ['init', '-q', project])
  const env = { ...process.env, TASKTRAIL_HOME: join(dir, 'home'), NO_COLOR: '1' }
  delete env.TASKTRAIL_DB
  const file = join(dir, 'tasks.json')
  writeFileSync(file, JSON.stringify(exportDocument(count)))
  const run = spawnSync(process.execPath, [CLI, 'import', file], { cwd: project, env, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`import failed: ${run.stderr}`)
  return { dir, project, env }
}
