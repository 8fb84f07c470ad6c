// The status shortcut of sync: a store's status changes spliced into a TASKS.md nobody has
// edited, the base patched in place. Whatever it does must be what a fresh parse of the
// result reads, and it must touch nothing but the markers.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse, render } from '../../src/markdown/index.js'
import type { TaskStatus } from '../../src/model/task.js'
import { readBytes } from '../../src/sync/atomic.js'
import { baseParsed, eventMark, findBase, storeChangesSince } from '../../src/sync/bases.js'
import { readHead } from '../../src/sync/head.js'
import { syncProject } from '../../src/sync/index.js'
import { spliceStatuses } from '../../src/sync/status-splice.js'
import { treeArb } from '../markdown/helpers.js'
import { restyle, styleArb } from '../markdown/style.js'
import { syncedProject, type SyncedProject } from './helpers.js'

const OPEN_OR_DONE: TaskStatus[] = ['pending', 'in_progress', 'completed', 'cancelled']


/** Sets statuses in the store and runs the shortcut on them, in one transaction as a hook does. */
function setAndSplice({ store, project, repo, path }: SyncedProject, statuses: Array<[string, TaskStatus]>) {
  return store.transaction(() => {
    for (const [id, status] of statuses) store.setStatus(id, status, 'hook')
    const head = readHead(project.gitDir)
    const base = findBase(store, project.root, head.branch)!
    return spliceStatuses({ store, project, repo }, base, head, path, readBytes(path)!, storeChangesSince(store, repo.id, base.event_mark), eventMark(store))
  })
}

function expectBaseIsFile({ store, project, repo, path }: SyncedProject): void {
  const text = readFileSync(path, 'utf8')
  const fresh = parse(text)
  const base = findBase(store, project.root, readHead(project.gitDir).branch)!
  expect(baseParsed(store, base)).toEqual(fresh)
  for (const line of fresh.tasks) expect(line.status).toBe(store.getTask(line.id!)!.status)
  expect(store.listTasks({ repoId: repo.id })).toHaveLength(fresh.tasks.length)
}

describe('spliceStatuses', () => {
  it('changes only the markers of the tasks whose status changed, and the base reads as the file', async () => {
    const p = await syncedProject('# Tasks\n\nSome notes.\n\n- [ ] One\n  - [ ] One a\n- [/] Two\n\n## Later\n\n* [ ] Three\n')
    const ids = Object.fromEntries(p.store.listTasks({ repoId: p.repo.id }).map((t) => [t.title, t.id]))
    const before = readFileSync(p.path, 'utf8')
    expect(setAndSplice(p, [[ids['One a']!, 'completed'], [ids['Three']!, 'in_progress']])).toEqual({ imported: 0, written: 3, conflicts: [] })
    // The roll-up completed One too: three markers, nothing else.
    const after = readFileSync(p.path, 'utf8')
    expect(after).toBe(before.replace('- [ ] One <', '- [x] One <').replace('- [ ] One a', '- [x] One a').replace('* [ ] Three', '* [/] Three'))
    expectBaseIsFile(p)
    p.store.close()
  })

  it('leaves a blocked task, whose line carries its reason, to the full sync', async () => {
    const p = await syncedProject('- [ ] One\n')
    const [one] = p.store.listTasks({ repoId: p.repo.id })
    expect(setAndSplice(p, [[one!.id, 'blocked']])).toBeUndefined()
    p.store.close()
  })

  it('agrees with a fresh parse on any checklist, in any style, after any status changes', async () => {
    let spliced = 0
    await fc.assert(
      fc.asyncProperty(treeArb, styleArb, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...OPEN_OR_DONE)), { minLength: 1, maxLength: 4 }), async (tasks, style, picks) => {
        const p = await syncedProject(restyle(render(tasks), style))
        try {
          const stored = p.store.listTasks({ repoId: p.repo.id })
          if (stored.length === 0) return
          const changes = picks.map(([n, status]): [string, TaskStatus] => [stored[n % stored.length]!.id, status])
          const before = readFileSync(p.path, 'utf8')
          const report = setAndSplice(p, changes)
          if (report === undefined) {
            // Not for the shortcut: the full sync writes the changes.
            await syncProject(p.store, p.project, p.repo)
          } else {
            spliced++
            const after = readFileSync(p.path, 'utf8')
            expect(after.length).toBe(before.length)
            const markers = new Set(parse(before).tasks.flatMap((t) => [t.marker + 1]))
            for (let i = 0; i < after.length; i++) if (after[i] !== before[i]) expect(markers.has(i)).toBe(true)
          }
          expectBaseIsFile(p)
        } finally {
          p.store.close()
        }
      }),
      { numRuns: 60, seed: 5 }
    )
    // Blocked tasks and the GFM profile's status tokens go the long way; most cases do not.
    expect(spliced).toBeGreaterThan(20)
  })
})
