// The end state every attack checks: TASKS.md and the store describe the same tasks, read
// with the real parser and the real export.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from '../../src/markdown/index.js'
import { json, type Sandbox } from '../helpers/cli.js'

export interface Exported {
  id: string
  parent_task_id: string | null
  title: string
  status: string
  task_context: Record<string, unknown>
}

export const exported = (box: Sandbox): Exported[] => json<{ tasks: Exported[] }>(box, ['export']).tasks

export const readTasksFile = (box: Sandbox): string => readFileSync(join(box.project, 'TASKS.md'), 'utf8')

/** Where TASKS.md and the store disagree on a task's presence, title, status or parent; [] when they agree. */
export function disagreements(box: Sandbox, tasks: Exported[] = exported(box)): string[] {
  const file = parse(readTasksFile(box)).tasks
  const store = new Map(tasks.map((task) => [task.id, task]))
  const found: string[] = []
  const seen = new Set<string>()
  for (const line of file) {
    const id = line.id ?? `(no id, line ${line.line})`
    seen.add(id)
    const task = store.get(id)
    if (!task) {
      found.push(`${id} is in TASKS.md only`)
      continue
    }
    const parent = line.parent === null ? null : file[line.parent]!.id
    if (line.title !== task.title) found.push(`${id} title: file ${JSON.stringify(line.title)}, store ${JSON.stringify(task.title)}`)
    if (line.status !== task.status) found.push(`${id} status: file ${line.status}, store ${task.status}`)
    if (parent !== task.parent_task_id) found.push(`${id} parent: file ${parent}, store ${task.parent_task_id}`)
  }
  for (const id of store.keys()) if (!seen.has(id)) found.push(`${id} is in the store only`)
  return found
}
