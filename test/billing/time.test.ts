import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  activeSpans, agentRunTime, inProgressIntervals, sessionTime, totalMs, union,
  type SessionTimeline, type TimelineTask
} from '../../src/billing/time.js'

// Times in minutes from 09:00, for readability.
const T0 = Date.parse('2025-03-10T09:00:00.000Z')
const m = (minutes: number) => T0 + minutes * 60_000
const iso = (minutes: number) => new Date(m(minutes)).toISOString()
const IDLE = 10 * 60_000
const everyMinute = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => m(from + i))

function task(id: string, moves: Array<[number, TimelineTask['moves'][number]['to']]>, extra: Partial<TimelineTask> = {}): TimelineTask {
  return { id, parent_id: null, moves: moves.map(([at, to]) => ({ at: m(at), to })), agent_runs: [], ...extra }
}

const minutesOf = (session: SessionTimeline, now = m(600)) =>
  Object.fromEntries([...sessionTime(session, IDLE, now)].map(([id, t]) => [id, t.ms / 60_000]))

describe('in-progress intervals', () => {
  it('run from each start to the next move away from in progress, a reopened task having several', () => {
    const moves = task('a', [[0, 'in_progress'], [10, 'completed'], [20, 'pending'], [30, 'in_progress'], [45, 'completed']]).moves
    expect(inProgressIntervals(moves, m(100))).toEqual([{ start: m(0), end: m(10) }, { start: m(30), end: m(45) }])
  })

  it('run to now for a task still in progress, and ignore a repeated start', () => {
    const moves = task('a', [[0, 'in_progress'], [5, 'in_progress'], [8, 'blocked'], [12, 'in_progress']]).moves
    expect(inProgressIntervals(moves, m(20))).toEqual([{ start: m(0), end: m(8) }, { start: m(12), end: m(20) }])
  })
})

describe('active spans', () => {
  it('join activity points at most the idle limit apart, and cut at a longer gap', () => {
    expect(activeSpans([m(0), m(4), m(14), m(30), m(31)], IDLE)).toEqual([{ start: m(0), end: m(14) }, { start: m(30), end: m(31) }])
  })

  it('count nothing for a lone point', () => {
    expect(activeSpans([m(0), m(50)], IDLE)).toEqual([])
  })
})

describe('agent run time', () => {
  it('places a run by its start and end, or by one of them and its duration', () => {
    expect(agentRunTime({ agent: 'x', started: iso(0), completed: iso(5) })).toEqual({ span: { start: m(0), end: m(5) } })
    expect(agentRunTime({ agent: 'x', started: iso(0), duration_ms: 120_000 })).toEqual({ span: { start: m(0), end: m(2) } })
    expect(agentRunTime({ agent: 'x', completed: iso(5), duration_ms: 120_000 })).toEqual({ span: { start: m(3), end: m(5) } })
  })

  it('gives only the duration when the run has no time, and nothing when it has neither', () => {
    expect(agentRunTime({ agent: 'x', duration_ms: 85 })).toEqual({ ms: 85 })
    expect(agentRunTime({ agent: 'x' })).toBeNull()
  })
})

describe('session time', () => {
  it('counts a task in progress while the session is active', () => {
    const session = { tasks: [task('a', [[0, 'in_progress'], [30, 'completed']])], activity: everyMinute(0, 30) }
    expect(minutesOf(session)).toEqual({ a: 30 })
  })

  it('cuts an idle gap out of an in-progress interval', () => {
    // Active 0–10, nothing for 25 minutes, active again 35–40.
    const session = { tasks: [task('a', [[0, 'in_progress'], [40, 'completed']])], activity: [...everyMinute(0, 10), ...everyMinute(35, 40)] }
    expect(minutesOf(session)).toEqual({ a: 15 })
  })

  it('uses the idle limit it is given', () => {
    const session = { tasks: [task('a', [[0, 'in_progress'], [30, 'completed']])], activity: [m(0), m(15), m(30)] }
    expect(sessionTime(session, IDLE, m(60)).get('a')!.ms).toBe(0)
    expect(sessionTime(session, 15 * 60_000, m(60)).get('a')!.ms).toBe(30 * 60_000)
  })

  it("credits a task at least its tool calls' measured duration, never more on top of its span", () => {
    // A lone event: no active span, but the command it recorded ran for 3 minutes.
    const lone = { tasks: [task('a', [[0, 'in_progress'], [30, 'completed']], { tool_ms: 3 * 60_000 })], activity: [m(0)] }
    expect(minutesOf(lone)).toEqual({ a: 3 })
    const active = { tasks: [task('a', [[0, 'in_progress'], [30, 'completed']], { tool_ms: 3 * 60_000 })], activity: everyMinute(0, 30) }
    expect(minutesOf(active)).toEqual({ a: 30 })
  })

  it('counts activity outside in-progress intervals for no task', () => {
    const session = { tasks: [task('a', [[10, 'in_progress'], [20, 'completed']])], activity: everyMinute(0, 40) }
    expect(minutesOf(session)).toEqual({ a: 10 })
  })

  it('adds every interval of a reopened task', () => {
    const session = {
      tasks: [task('a', [[0, 'in_progress'], [10, 'completed'], [30, 'pending'], [40, 'in_progress'], [55, 'completed']])],
      activity: everyMinute(0, 60)
    }
    expect(minutesOf(session)).toEqual({ a: 25 })
  })

  it('splits time evenly between tasks in progress at once, so the session is not counted twice', () => {
    const session = {
      tasks: [task('a', [[0, 'in_progress'], [20, 'completed']]), task('b', [[10, 'in_progress'], [40, 'completed']])],
      activity: everyMinute(0, 40)
    }
    // 0–10 a alone, 10–20 shared, 20–40 b alone.
    expect(minutesOf(session)).toEqual({ a: 15, b: 25 })
  })

  it('gives the time to the subtask when a task and its subtask are in progress together', () => {
    const session = {
      tasks: [
        task('parent', [[0, 'in_progress'], [30, 'completed']]),
        task('child', [[5, 'in_progress'], [25, 'completed']], { parent_id: 'parent' })
      ],
      activity: everyMinute(0, 30)
    }
    expect(minutesOf(session)).toEqual({ parent: 10, child: 20 })
  })

  it('counts an agent run over its span even without activity, without doubling the in-progress time it overlaps', () => {
    const session = {
      tasks: [task('a', [[0, 'in_progress'], [30, 'completed']], { agent_runs: [{ agent: 'research', started: iso(5), completed: iso(25) }] })],
      // Only the start and the end are logged: the agent worked in between.
      activity: [m(0), m(30)]
    }
    expect(minutesOf(session)).toEqual({ a: 20 })
    const busy = { ...session, activity: everyMinute(0, 30) }
    expect(minutesOf(busy)).toEqual({ a: 30 })
  })

  it('adds an agent run known only by its duration on top', () => {
    const session = {
      tasks: [task('a', [[0, 'in_progress'], [10, 'completed']], { agent_runs: [{ agent: 'research', duration_ms: 3 * 60_000 }] })],
      activity: everyMinute(0, 10)
    }
    expect(minutesOf(session)).toEqual({ a: 13 })
  })

  it('splits with the task an agent works on for a task that is not in progress', () => {
    const session = {
      tasks: [
        task('main', [[0, 'in_progress'], [20, 'completed']]),
        task('run', [], { agent_runs: [{ agent: 'research', started: iso(0), completed: iso(10) }] })
      ],
      activity: everyMinute(0, 20)
    }
    expect(minutesOf(session)).toEqual({ main: 15, run: 5 })
  })

  it('counts a task still in progress up to now', () => {
    const session = { tasks: [task('a', [[0, 'in_progress']])], activity: everyMinute(0, 30) }
    expect(minutesOf(session, m(30))).toEqual({ a: 30 })
  })

  it('never credits more than the time some task counted, whatever the tasks and activity', () => {
    const moveArb = fc.tuple(fc.integer({ min: 0, max: 120 }), fc.constantFrom('in_progress', 'completed', 'pending', 'blocked' as const))
    const taskArb = fc.tuple(fc.array(moveArb, { maxLength: 6 }), fc.integer({ min: -1, max: 4 }))
    fc.assert(
      fc.property(fc.array(taskArb, { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 60 }), (specs, points) => {
        const tasks = specs.map(([moves, parent], i) =>
          task(`t${i}`, [...moves].sort((a, b) => a[0] - b[0]), { parent_id: parent >= 0 && parent < i ? `t${parent}` : null })
        )
        const times = sessionTime({ tasks, activity: points.map(m) }, IDLE, m(130))
        const credited = [...times.values()].reduce((sum, t) => sum + t.ms, 0)
        const covered = totalMs(union([...times.values()].flatMap((t) => t.spans)))
        expect(Math.abs(credited - covered)).toBeLessThanOrEqual(tasks.length)
      })
    )
  })
})
