// What the board reads from the store: a real store in a temp dir, with its own clock.
import { mkdtempSync, realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/store/open.js'
import { Store } from '../../src/store/store.js'
import { changesSince, readBilled, readBoard, readTimeline, timesMoved } from '../../src/board/data.js'

process.env.TZ = 'UTC'

const T0 = Date.parse('2026-03-02T10:00:00.000Z')
function clocked() {
  let now = T0
  const store = new Store(openDatabase(join(realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-board-'))), 'tasks.db')), () => new Date(now).toISOString())
  return { store, at: (seconds: number) => (now = T0 + seconds * 1000) }
}

describe('readTimeline', () => {
  it('puts parallel agents side by side, with the files they wrote and their recorded runs', () => {
    const { store, at } = clocked()
    const repo = store.repo('/r/.git', '/r')
    const request = store.createTask(repo.id, { title: 'Set up monitoring', status: 'in_progress' }, 'hook')
    at(1)
    const a = store.createTask(repo.id, { title: 'Research sync', parent_task_id: request.id, assigned_agent: 'explorer', status: 'in_progress' }, 'hook')
    at(2)
    const b = store.createTask(repo.id, { title: 'Research alerts', parent_task_id: request.id, assigned_agent: 'general-purpose', status: 'in_progress' }, 'hook')
    at(3)
    store.addToContextList(b.id, 'files_modified', 'notes/alerts.md', 'hook')
    at(5)
    store.setStatus(a.id, 'completed', 'hook')
    at(6)
    store.setStatus(b.id, 'completed', 'hook')
    store.updateContext(request.id, { assigned_agents: [{ agent: 'reviewer', started: new Date(T0 + 4000).toISOString(), duration_ms: 3000 } as never] }, 'hook')

    const timeline = readTimeline(store, request.id, T0 + 10_000)!
    const lane = (title: string, agent: string | null) => timeline.lanes.find((l) => l.title === title && l.agent === agent)!
    expect(lane('Research sync', 'explorer').spans).toEqual([{ start: T0 + 1000, end: T0 + 5000 }])
    expect(lane('Research alerts', 'general-purpose').spans).toEqual([{ start: T0 + 2000, end: T0 + 6000 }])
    expect(lane('Research alerts', 'general-purpose').marks).toContainEqual({ at: T0 + 3000, kind: 'file', text: 'notes/alerts.md' })
    expect(lane('Set up monitoring', 'reviewer').spans).toEqual([{ start: T0 + 4000, end: T0 + 7000 }])
    // The request completed when its last subtask did (roll-up); a lane still in progress would run to now.
    expect(lane('Set up monitoring', null).spans).toEqual([{ start: T0, end: T0 + 6000 }])
    expect([timeline.start, timeline.end]).toEqual([T0, T0 + 10_000])
    expect(readTimeline(store, 't-nosuch', T0)).toBeUndefined()
    at(8)
    store.createTask(repo.id, { title: 'Write the script', parent_task_id: request.id, status: 'in_progress' }, 'cli')
    expect(readTimeline(store, request.id, T0 + 30_000)!.lanes.find((l) => l.title === 'Write the script')!.spans).toEqual([{ start: T0 + 8000, end: T0 + 30_000 }])
  })
})

describe('changesSince and timesMoved', () => {
  it('gives the tasks of this project an event touched, the removed ones, and then the times that moved', () => {
    const { store, at } = clocked()
    const repo = store.repo('/r/.git', '/r')
    const other = store.repo('/o/.git', '/o')
    const kept = store.createTask(repo.id, { title: 'Kept', session_id: 's1' }, 'cli')
    const gone = store.createTask(repo.id, { title: 'Gone' }, 'cli')
    const board = readBoard(store, repo)
    const known = new Map(board.tasks.map((t) => [t.id, t]))
    at(60)
    store.setStatus(kept.id, 'in_progress', 'cli')
    store.createTask(other.id, { title: 'Elsewhere' }, 'cli')
    store.deleteTask(gone.id, 'cli')
    at(120)
    store.updateTask(kept.id, { title: 'Kept, renamed' }, 'cli')
    const changes = changesSince(store, repo, board.lastEvent, known)
    expect(changes.tasks.map((t) => [t.title, t.status, t.ms])).toEqual([['Kept, renamed', 'in_progress', 0]])
    expect(changes.removed).toEqual([gone.id])
    expect(changesSince(store, repo, changes.lastEvent, known).tasks).toEqual([])
    for (const task of changes.tasks) known.set(task.id, task)
    expect(timesMoved(store, repo, changes.tasks, known).map((t) => [t.id, t.ms])).toEqual([[kept.id, 60_000]])
  })
})

describe('readBilled', () => {
  it('sums this project\'s work items per day and client', () => {
    const { store, at } = clocked()
    const repo = store.repo('/r/.git', '/r')
    const other = store.repo('/o/.git', '/o')
    for (const [r, client, minutes] of [[repo, 'Dataforth', 30], [repo, 'Northwind', 15], [repo, 'Dataforth', 6], [other, 'Dataforth', 60]] as const) {
      const task = store.createTask(r.id, { title: `${client} ${minutes}`, client, status: 'completed' }, 'cli')
      store.updateContext(task.id, { billable_minutes: minutes }, 'cli')
      at(60)
    }
    expect(readBilled(store, repo)).toEqual({ days: [{ date: '2026-03-02', clients: [{ client: 'Dataforth', minutes: 36 }, { client: 'Northwind', minutes: 15 }] }] })
  })
})
