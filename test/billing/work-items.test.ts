import { describe, expect, it } from 'vitest'
import { billingOf, settleWorkItem } from '../../src/store/work-items.js'
import { setIdleMinutes } from '../../src/store/active-time.js'
import { clockedStore } from './clock.js'

process.env.TZ = 'UTC'

/** A client-linked repository and a helper that works a task for some minutes, with activity each minute. */
function msp(rule = { increment_minutes: 6, minimum_minutes: 15, rounding: 'up' as const }) {
  const c = clockedStore()
  const repo = c.store.repo('/repo/.git', '/repo')
  c.store.setRepoLink(repo.id, { client: 'Dataforth', project: null })
  c.store.setRoundingRule('Dataforth', rule)
  const work = (id: string, minutes: number) => {
    c.store.setStatus(id, 'in_progress', 'hook')
    for (let i = 0; i < minutes; i++) {
      c.wait(1)
      c.store.updateContext(id, { files_modified: [`f${i}`] }, 'hook')
    }
  }
  return { ...c, repo, work }
}

describe('work items', () => {
  it('are created when a client task completes, with category, problem, solution, rounded minutes and date', () => {
    const { store, repo, work } = msp()
    const task = store.createTask(repo.id, { title: 'Fix NAS alert', client: 'Dataforth', task_type: 'bugfix', session_id: 's1', task_context: { user_request: 'Alert when the NAS sync fails' } }, 'hook')
    work(task.id, 20)
    store.updateContext(task.id, { outcome: 'Alert script installed' }, 'hook')
    store.setStatus(task.id, 'completed', 'hook')
    expect(store.workItem(task.id)).toMatchObject({
      task_id: task.id, client: 'Dataforth', category: 'Bug fix', problem: 'Alert when the NAS sync fails',
      solution: 'Alert script installed', billable_minutes: 24, date: '2025-03-10'
    })
  })

  it('are made the same way whatever completes the task: CLI, hook, a checked box, an import', () => {
    for (const source of ['cli', 'hook', 'file', 'merge'] as const) {
      const { store, repo, work } = msp()
      const task = store.createTask(repo.id, { title: 'T', client: 'Dataforth' }, source)
      work(task.id, 3)
      store.setStatus(task.id, 'completed', source)
      expect(store.workItem(task.id)?.billable_minutes).toBe(15)
    }
    const { store, repo } = msp()
    const born = store.createTask(repo.id, { title: 'Already done', client: 'Dataforth', status: 'completed' }, 'merge')
    expect(store.workItem(born.id)).toMatchObject({ billable_minutes: 0, problem: 'Already done' })
  })

  it('bill a request with the time of its subtasks, once, with one minimum charge', () => {
    const { store, repo, work, wait } = msp()
    const request = store.createTask(repo.id, { title: 'NAS monitoring', client: 'Dataforth', session_id: 's1' }, 'hook')
    store.setStatus(request.id, 'in_progress', 'hook')
    const steps = ['Research', 'Write script', 'Test'].map((title) =>
      store.createTask(repo.id, { title, parent_task_id: request.id, client: 'Dataforth', session_id: 's1' }, 'hook')
    )
    for (const step of steps) {
      work(step.id, 4)
      store.setStatus(step.id, 'completed', 'hook')
      expect(store.workItem(step.id)).toBeUndefined()
      wait(1)
    }
    // The last step completed the request by roll-up.
    // 12 minutes of steps and 2 of the request itself between them: 14, rounded up to 18 —
    // not three minimum charges of 15.
    expect(billingOf(store, store.getTask(request.id)!).measured_ms).toBe(14 * 60_000)
    expect(store.workItem(request.id)).toMatchObject({ billable_minutes: 18, solution: 'Research; Write script; Test' })
    expect(store.workItems()).toHaveLength(1)
  })

  it('leave out subtasks marked not billable', () => {
    const { store, repo, work } = msp({ increment_minutes: 1, minimum_minutes: 0, rounding: 'up' })
    const request = store.createTask(repo.id, { title: 'R', client: 'Dataforth', session_id: 's1' }, 'hook')
    const paid = store.createTask(repo.id, { title: 'paid', parent_task_id: request.id, client: 'Dataforth', session_id: 's1' }, 'hook')
    const free = store.createTask(repo.id, { title: 'free', parent_task_id: request.id, client: 'Dataforth', session_id: 's1', task_context: { billable: false } }, 'hook')
    work(paid.id, 10)
    store.setStatus(paid.id, 'completed', 'hook')
    work(free.id, 10)
    store.setStatus(free.id, 'completed', 'hook')
    expect(store.workItem(request.id)?.billable_minutes).toBe(10)
  })

  it('are removed when the task is reopened and made again, with every interval, when it completes again', () => {
    const { store, repo, work, wait } = msp({ increment_minutes: 1, minimum_minutes: 0, rounding: 'up' })
    const task = store.createTask(repo.id, { title: 'T', client: 'Dataforth', session_id: 's1' }, 'cli')
    work(task.id, 5)
    store.setStatus(task.id, 'completed', 'cli')
    expect(store.workItem(task.id)?.billable_minutes).toBe(5)
    wait(60)
    store.setStatus(task.id, 'pending', 'cli')
    expect(store.workItem(task.id)).toBeUndefined()
    wait(1)
    work(task.id, 7)
    store.setStatus(task.id, 'completed', 'cli')
    expect(store.workItem(task.id)?.billable_minutes).toBe(12)
    expect(store.workItems()).toHaveLength(1)
  })

  it('take overridden minutes as they are, and none for a task marked not billable', () => {
    const { store, repo, work } = msp()
    const task = store.createTask(repo.id, { title: 'T', client: 'Dataforth' }, 'cli')
    work(task.id, 5)
    store.setStatus(task.id, 'completed', 'cli')
    store.updateContext(task.id, { billable_minutes: 7 }, 'cli')
    settleWorkItem(store, task.id)
    expect(store.workItem(task.id)?.billable_minutes).toBe(7)
    store.updateContext(task.id, { billable: false }, 'cli')
    settleWorkItem(store, task.id)
    expect(store.workItem(task.id)).toBeUndefined()
  })

  it('are not made for project or Normal-mode tasks', () => {
    const { store, repo } = msp()
    const project = store.createTask(repo.id, { title: 'P', project: 'Website' }, 'cli')
    const normal = store.createTask(repo.id, { title: 'N' }, 'cli')
    store.setStatus(project.id, 'completed', 'cli')
    store.setStatus(normal.id, 'completed', 'cli')
    expect(store.workItems()).toEqual([])
  })

  it('use the store-wide idle limit', () => {
    const { store, repo, wait } = msp({ increment_minutes: 1, minimum_minutes: 0, rounding: 'up' })
    const task = store.createTask(repo.id, { title: 'T', client: 'Dataforth' }, 'cli')
    store.setStatus(task.id, 'in_progress', 'cli')
    wait(12)
    store.setStatus(task.id, 'completed', 'cli')
    expect(store.workItem(task.id)?.billable_minutes).toBe(0)
    setIdleMinutes(store, 15)
    settleWorkItem(store, task.id)
    expect(store.workItem(task.id)?.billable_minutes).toBe(12)
  })
})
