import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { planSync, RULES, type FileTask, type PlanInput, type StoreChange, type TaskLine } from '../../src/sync/merge.js'

const line = (id: string, title: string, more: Partial<TaskLine> = {}): TaskLine => ({
  id, title, status: 'pending', type: null, agent: null, reason: null, parent: null, ...more
})
const fileTask = (l: TaskLine, parent: number | null = null): FileTask => ({ ...l, parent })

function input(base: TaskLine[], file: FileTask[], store: TaskLine[], changes: Record<string, { fields?: Set<string>; created?: boolean; deleted?: boolean }> = {}): PlanInput {
  let n = 0
  return {
    base: new Map(base.map((l) => [l.id, l])),
    file,
    storeChanges: new Map(Object.entries(changes).map(([id, c]) => [id, { fields: (c.fields ?? new Set()) as StoreChange['fields'], created: c.created ?? false, deleted: c.deleted ?? false }])),
    storeTask: (id) => store.find((l) => l.id === id),
    belongsHere: () => true,
    newId: () => `t-new${n++}`
  }
}

const a = line('t-aaaa', 'Write parser')
const b = line('t-bbbb', 'Write tests')

describe('planSync', () => {
  it('imports a change made only in the file', () => {
    const plan = planSync(input([a, b], [fileTask({ ...a, status: 'completed' }), fileTask(b)], [a, b]))
    expect(plan.toStore).toEqual([{ kind: 'update', id: a.id, changes: { status: 'completed' } }])
    expect(plan.toFile).toEqual([])
    expect(plan.conflicts).toEqual([])
  })

  it('writes a change made only in the store', () => {
    const plan = planSync(input([a, b], [fileTask(a), fileTask(b)], [a, { ...b, title: 'Write more tests' }], { [b.id]: { fields: new Set(['title']) } }))
    expect(plan.toFile).toEqual([{ kind: 'title', id: b.id, title: 'Write more tests' }])
    expect(plan.toStore).toEqual([])
  })

  it('keeps changes of both sides to different tasks and to different fields of one task', () => {
    const plan = planSync(
      input([a, b], [fileTask({ ...a, title: 'Write the parser' }), fileTask(b)], [{ ...a, status: 'in_progress' }, { ...b, status: 'completed' }], {
        [a.id]: { fields: new Set(['status']) },
        [b.id]: { fields: new Set(['status']) }
      })
    )
    expect(plan.toStore).toEqual([{ kind: 'update', id: a.id, changes: { title: 'Write the parser' } }])
    expect(plan.toFile).toEqual([
      { kind: 'status', id: a.id, status: 'in_progress' },
      { kind: 'status', id: b.id, status: 'completed' }
    ])
    expect(plan.conflicts).toEqual([])
  })

  it('settles a status both sides changed by the further status, and a title by the file', () => {
    const plan = planSync(
      input([a], [fileTask({ ...a, status: 'in_progress', title: 'Parser (file)' })], [{ ...a, status: 'completed', title: 'Parser (store)' }], {
        [a.id]: { fields: new Set(['status', 'title']) }
      })
    )
    expect(plan.conflicts).toEqual([
      { taskId: a.id, field: 'title', rule: RULES.text, kept: 'Parser (file)', lost: 'Parser (store)' },
      { taskId: a.id, field: 'status', rule: RULES.status, kept: 'completed', lost: 'in_progress' }
    ])
    expect(plan.toStore).toEqual([{ kind: 'update', id: a.id, changes: { title: 'Parser (file)' } }])
    expect(plan.toFile).toEqual([{ kind: 'status', id: a.id, status: 'completed' }])
  })

  it('a terminal status is not undone by the other side', () => {
    const plan = planSync(input([a], [fileTask({ ...a, status: 'cancelled' })], [{ ...a, status: 'in_progress' }], { [a.id]: { fields: new Set(['status']) } }))
    expect(plan.toStore).toEqual([{ kind: 'update', id: a.id, changes: { status: 'cancelled' } }])
  })

  it('gives a new line an id and creates it under the parent its indentation names', () => {
    const plan = planSync(input([a], [fileTask(a), { ...line('', 'Sub step'), id: null, parent: 0 }], [a]))
    expect(plan.toFile).toEqual([{ kind: 'assignId', task: 1, id: 't-new0' }])
    expect(plan.toStore).toContainEqual({ kind: 'create', line: line('t-new0', 'Sub step', { parent: a.id }), position: 0 })
  })

  it('gives a copied line (a repeated id) a new id instead of merging two tasks', () => {
    const plan = planSync(input([a], [fileTask(a), fileTask(a)], [a]))
    expect(plan.toFile).toEqual([{ kind: 'assignId', task: 1, id: 't-new0' }])
  })

  it('reparents on indent and renumbers the groups whose order changed', () => {
    const plan = planSync(input([a, b], [fileTask(a), fileTask({ ...b, parent: a.id }, 0)], [a, b]))
    expect(plan.toStore).toEqual([
      { kind: 'update', id: b.id, changes: { parent: a.id } },
      { kind: 'order', parent: null, ids: [a.id] },
      { kind: 'order', parent: a.id, ids: [b.id] }
    ])
  })

  it('records a moved line as a new order of its siblings', () => {
    const plan = planSync(input([a, b], [fileTask(b), fileTask(a)], [a, b]))
    expect(plan.toStore).toEqual([{ kind: 'order', parent: null, ids: [b.id, a.id] }])
  })

  it('turns a removed line into a lineRemoved op, and says so when the store had changed the task', () => {
    const plan = planSync(input([a, b], [fileTask(a)], [a, { ...b, status: 'in_progress' }], { [b.id]: { fields: new Set(['status']) } }))
    expect(plan.toStore).toContainEqual({ kind: 'lineRemoved', id: b.id })
    expect(plan.conflicts).toEqual([{ taskId: b.id, field: 'removed', rule: RULES.removed, kept: null, lost: b.title }])
  })

  it('inserts tasks created in the store, parents first, and a task reopened after its line was removed', () => {
    const child = line('t-cccc', 'Child', { parent: 't-dddd' })
    const parent = line('t-dddd', 'Parent')
    const reopened = line('t-eeee', 'Back again')
    const plan = planSync(
      input([a], [fileTask(a)], [a, child, parent, reopened], {
        [child.id]: { created: true },
        [parent.id]: { created: true },
        [reopened.id]: { fields: new Set(['status']) }
      })
    )
    expect(plan.toFile.map((e) => e.kind === 'insert' && [e.task.id, e.parentId])).toEqual([
      [parent.id, null],
      [child.id, parent.id],
      [reopened.id, null]
    ])
  })

  it('does not insert tasks that belong to another branch', () => {
    const other = line('t-ffff', 'Feature work')
    const plan = planSync({ ...input([a], [fileTask(a)], [a, other], { [other.id]: { created: true } }), belongsHere: () => false })
    expect(plan.toFile).toEqual([])
  })

  it('removes the line of a task deleted in the store, unless the file changed it', () => {
    expect(planSync(input([a], [fileTask(a)], [], { [a.id]: { deleted: true } })).toFile).toEqual([{ kind: 'remove', id: a.id }])
    const kept = planSync(input([a], [fileTask({ ...a, title: 'Edited' })], [], { [a.id]: { deleted: true } }))
    expect(kept.toStore[0]).toMatchObject({ kind: 'create', line: { id: a.id, title: 'Edited' } })
    expect(kept.conflicts[0]).toMatchObject({ taskId: a.id, rule: RULES.deletedInStore })
  })

  it('merges a task new to this base (from another branch) field by field', () => {
    const plan = planSync(input([], [fileTask({ ...a, title: 'Renamed on main' })], [{ ...a, status: 'completed' }]))
    expect(plan.toStore).toContainEqual({ kind: 'update', id: a.id, changes: { title: 'Renamed on main' } })
    expect(plan.toFile).toEqual([{ kind: 'status', id: a.id, status: 'completed' }])
  })
})

describe('planSync on a file that is the base', () => {
  // The shortcut must plan exactly what comparing every line would.
  const STATUSES = ['pending', 'in_progress', 'blocked', 'completed', 'cancelled'] as const
  it('plans what the full comparison plans, for any store changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.record({ pick: fc.nat(), kind: fc.constantFrom('status', 'title', 'parent', 'deleted', 'created'), value: fc.nat(4) }), { maxLength: 6 }),
        (count, edits) => {
          const lines = Array.from({ length: count }, (_, i) => line(`t-${i}`, `Task ${i}`, { parent: i > 0 && i % 3 === 0 ? `t-${i - 1}` : null }))
          const file = lines.map((l) => fileTask(l, l.parent === null ? null : lines.findIndex((p) => p.id === l.parent)))
          const store = new Map(lines.map((l) => [l.id, { ...l }]))
          const changes: Record<string, { fields?: Set<string>; created?: boolean; deleted?: boolean }> = {}
          for (const edit of edits) {
            if (edit.kind === 'created') {
              const id = `t-new-${edit.pick}`
              store.set(id, line(id, `New ${edit.pick}`, { parent: edit.value % 2 ? `t-${edit.pick % count}` : null }))
              changes[id] = { created: true }
              continue
            }
            const id = `t-${edit.pick % count}`
            const change = (changes[id] ??= { fields: new Set() })
            if (edit.kind === 'deleted') {
              store.delete(id)
              change.deleted = true
            } else if (store.has(id)) {
              const task = store.get(id)!
              if (edit.kind === 'status') task.status = STATUSES[edit.value]!
              if (edit.kind === 'title') task.title = `Renamed ${edit.value}`
              if (edit.kind === 'parent') task.parent = edit.value % 2 ? null : `t-${(edit.pick + 1) % count}`
              change.fields!.add(edit.kind)
            }
          }
          const plan = (fileIsBase: boolean) => {
            const { storeTask: _storeTask, ...rest } = input(lines, file, [...store.values()], changes)
            return planSync({ ...rest, storeTask: (id) => store.get(id), fileIsBase, newId: () => 't-unused' })
          }
          expect(plan(true)).toEqual(plan(false))
        }
      ),
      { numRuns: 500, seed: 11 }
    )
  })
})
