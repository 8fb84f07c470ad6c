// Guarantee 7: random interleavings of hand edits to TASKS.md, hook changes (a store change
// with its sync, as src/hooks/project-sync.ts runs them) and plain syncs converge to a model
// of the task list: after every sync the file, the store and the model agree. The model is
// docs/SYNC.md's merge rule per field against the last synced value: one side changed → that
// side; both → the further status, and the file's title. Real store, real file, real git
// project, in one process so that thousands of cases fit in the soak.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TaskStatus } from '../../src/model/task.js'
import { locateProject } from '../../src/project/locate.js'
import { openDatabase } from '../../src/store/open.js'
import { Store } from '../../src/store/store.js'
import { furtherStatus } from '../../src/sync/merge.js'
import { syncProject, withProjectSync } from '../../src/sync/index.js'
import { parse } from '../../src/markdown/index.js'
import { sandbox } from '../helpers/cli.js'
import { report, scale, SOAK, TIMEOUT } from './scale.js'

const STATUSES: TaskStatus[] = ['pending', 'in_progress', 'completed', 'cancelled']
const MARKER: Record<string, string> = { pending: ' ', in_progress: '/', completed: 'x', cancelled: '-' }

type Op =
  | { kind: 'handStatus' | 'hookStatus'; pick: number; status: TaskStatus }
  | { kind: 'handTitle' | 'hookTitle'; pick: number; word: number }
  | { kind: 'handAdd' | 'hookAdd' }
  | { kind: 'sync' }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('handStatus' as const, 'hookStatus' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constantFrom('handTitle' as const, 'hookTitle' as const), pick: fc.nat(), word: fc.nat(999) }),
  fc.record({ kind: fc.constantFrom('handAdd' as const, 'hookAdd' as const) }),
  fc.constant({ kind: 'sync' as const })
)

interface Fields {
  title: string
  status: TaskStatus
}

/** One task as the model sees it: the value at the last sync and each side's value now. */
interface ModelTask {
  id: string | null
  base: Fields | null
  file: Fields | null
  store: Fields | null
}

function merged(task: ModelTask): Fields {
  const { base, file, store } = task
  if (!file) return store!
  if (!store) return file
  const pick = <K extends keyof Fields>(key: K, both: (f: Fields[K], s: Fields[K]) => Fields[K]): Fields[K] => {
    if (file[key] === store[key] || store[key] === base![key]) return file[key]
    if (file[key] === base![key]) return store[key]
    return both(file[key], store[key])
  }
  return { title: pick('title', (f) => f), status: pick('status', furtherStatus) }
}

/** Runs the ops against the real sync and the model; returns the disagreements found. */
async function runCase(ops: Op[]): Promise<string[]> {
  const box = sandbox()
  const path = join(box.project, 'TASKS.md')
  const store = new Store(openDatabase(join(box.dir, 'tasks.db')))
  const project = locateProject(box.project, box.dir)
  const repo = store.repo(project.key, project.root)
  const model: ModelTask[] = []
  let names = 0
  const problems: string[] = []
  const known = () => model.filter((t) => t.id !== null)
  const readFile = () => readFileSync(path, 'utf8')

  /** The model after a sync: every task merged, ids of new lines found, all three compared. */
  const synced = (label: string) => {
    const lines = parse(readFile()).tasks
    const tasks = new Map(store.listTasks({ repoId: repo.id }).map((t) => [t.id, t]))
    for (const task of model) {
      const value = merged(task)
      if (task.id === null) task.id = lines.find((l) => l.title === value.title)?.id ?? null
      task.base = task.file = task.store = value
      const line = lines.find((l) => l.id === task.id)
      const stored = task.id === null ? undefined : tasks.get(task.id)
      if (line?.title !== value.title || line.status !== value.status) problems.push(`${label}: file has ${line?.status} ${line?.title}, model ${value.status} ${value.title}`)
      if (stored?.title !== value.title || stored.status !== value.status) problems.push(`${label}: store has ${stored?.status} ${stored?.title}, model ${value.status} ${value.title}`)
    }
    if (lines.length !== model.length || tasks.size !== model.length) problems.push(`${label}: ${lines.length} lines, ${tasks.size} stored, ${model.length} modelled`)
  }
  const editLine = (id: string, edit: (line: string) => string) =>
    writeFileSync(path, readFile().replace(new RegExp(`^.*<!-- ${id} -->.*$`, 'm'), edit))
  const hook = async (change: () => void) => {
    await withProjectSync(store, project, repo, change, { source: 'hook' })
  }

  try {
    for (const [step, op] of ops.entries()) {
      const targets = known()
      const target = 'pick' in op && targets.length ? targets[op.pick % targets.length]! : undefined
      const label = `step ${step} ${JSON.stringify(op)}`
      if (op.kind === 'handStatus' && target) {
        editLine(target.id!, (line) => line.replace(/\[.\]/, `[${MARKER[op.status]}]`))
        target.file = { ...target.file!, status: op.status }
      } else if (op.kind === 'handTitle' && target) {
        const title = `Hand title ${op.word}`
        editLine(target.id!, (line) => line.replace(/(\[.\] ).*?( <!--)/, `$1${title}$2`))
        target.file = { ...target.file!, title }
      } else if (op.kind === 'handAdd') {
        const title = `Hand task ${names++}`
        writeFileSync(path, `${readFile()}- [ ] ${title}\n`)
        model.push({ id: null, base: null, file: { title, status: 'pending' }, store: null })
      } else if (op.kind === 'hookStatus' && target) {
        await hook(() => store.setStatus(target.id!, op.status, 'hook'))
        target.store = { ...target.store!, status: op.status }
        synced(label)
      } else if (op.kind === 'hookTitle' && target) {
        const title = `Hook title ${op.word}`
        await hook(() => store.updateTask(target.id!, { title }, 'hook'))
        target.store = { ...target.store!, title }
        synced(label)
      } else if (op.kind === 'hookAdd') {
        const title = `Hook task ${names++}`
        let id = ''
        await hook(() => (id = store.createTask(repo.id, { title, status: 'pending' }, 'hook').id))
        model.push({ id, base: null, file: null, store: { title, status: 'pending' } })
        synced(label)
      } else if (op.kind === 'sync') {
        const refused = (await syncProject(store, project, repo, { source: 'cli' })).refused
        if (refused) problems.push(`${label}: refused: ${refused}`)
        synced(label)
      }
      if (problems.length) break
    }
    if (!problems.length) {
      await syncProject(store, project, repo, { source: 'cli' })
      synced('final sync')
    }
  } finally {
    store.close()
  }
  return problems
}

describe('merge fuzzing (guarantee 7)', () => {
  it('random interleavings of hand edits, hook changes and syncs converge to the model', async () => {
    let cases = 0
    let steps = 0
    // Starts with a hook task so that a TASKS.md exists for the first hand edit.
    const opsArb = fc.array(opArb, { minLength: 1, maxLength: scale(12, 30) }).map((ops): Op[] => [{ kind: 'hookAdd' }, ...ops])
    await fc.assert(
      fc.asyncProperty(opsArb, async (ops) => {
        cases++
        steps += ops.length
        expect(await runCase(ops)).toEqual([])
      }),
      { numRuns: scale(25, 2000), seed: SOAK ? undefined : 7 }
    )
    report({ guarantee: 7, attack: `interleavings of hand edits, hook changes and syncs (${steps} steps)`, count: cases, unit: 'cases', failures: 0 })
  }, TIMEOUT)
})
