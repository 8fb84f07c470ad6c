import { describe, expect, it } from 'vitest'
import { statusPatch, verbRefusal } from '../../src/model/status.js'
import { newTaskId, isTaskId } from '../../src/model/ids.js'

const T0 = '2026-01-01T10:00:00.000Z'
const T1 = '2026-01-01T11:00:00.000Z'

describe('statusPatch', () => {
  it('sets started_at on the first start and keeps it afterwards', () => {
    const started = statusPatch({ status: 'pending', started_at: null, completed_at: null }, 'in_progress', T0)
    expect(started).toEqual({ status: 'in_progress', started_at: T0, completed_at: null })
    const resumed = statusPatch({ status: 'blocked', started_at: T0, completed_at: null }, 'in_progress', T1)
    expect(resumed.started_at).toBe(T0)
  })

  it('sets completed_at on completion and clears it on reopen', () => {
    const done = statusPatch({ status: 'in_progress', started_at: T0, completed_at: null }, 'completed', T1)
    expect(done).toEqual({ status: 'completed', started_at: T0, completed_at: T1 })
    const reopened = statusPatch({ status: 'completed', started_at: T0, completed_at: T1 }, 'pending', T1)
    expect(reopened).toEqual({ status: 'pending', started_at: T0, completed_at: null })
  })

  it('gives a task completed straight from pending a start time too', () => {
    expect(statusPatch({ status: 'pending', started_at: null, completed_at: null }, 'completed', T1).started_at).toBe(T1)
  })

  it('leaves a cancelled task without a completion time', () => {
    expect(statusPatch({ status: 'in_progress', started_at: T0, completed_at: null }, 'cancelled', T1).completed_at).toBeNull()
  })
})

describe('verbRefusal', () => {
  it('allows the design flow and refuses the rest with a next step', () => {
    expect(verbRefusal('start', { id: 't-a', status: 'pending' })).toBeNull()
    expect(verbRefusal('start', { id: 't-a', status: 'blocked' })).toBeNull()
    expect(verbRefusal('start', { id: 't-a', status: 'completed' })).toBe('t-a is completed; reopen it first: tasktrail reopen t-a')
    expect(verbRefusal('done', { id: 't-a', status: 'completed' })).toBe('t-a is already completed')
    expect(verbRefusal('reopen', { id: 't-a', status: 'cancelled' })).toBeNull()
    expect(verbRefusal('reopen', { id: 't-a', status: 'in_progress' })).toMatch(/nothing to reopen/)
  })
})

describe('task ids', () => {
  it('are short, well-formed and do not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, newTaskId))
    expect(ids.size).toBe(10_000)
    for (const id of ids) expect(isTaskId(id) && id.length === 9).toBe(true)
  })
})
