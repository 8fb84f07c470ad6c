// Active time per task, from the status log and the activity of a session. Pure: the
// caller gathers one session's tasks, their status moves and its activity timestamps.
//
// The rules:
// - A task counts while it is in progress (every in-progress interval, so a reopened
//   task adds its later intervals).
// - Only while the session is active: activity points (any logged change in the session)
//   closer together than the idle limit form active spans; a longer gap counts nothing.
// - An agent run with a known span counts for its task over that span, in progress or not.
// - Time is never counted twice: at each moment the session's active time is split evenly
//   among the tasks it counts for, and a task with a subtask counting at that moment
//   yields to the subtask (the subtask is the more precise record of the work).
// - An agent run known only by its duration adds that duration to its task.
// - A task is credited at least the time its own tool calls took (tool_ms, the sum of
//   Claude Code's duration_ms): a lone hook event makes no active span, but the call ran.
import type { AgentRun, TaskStatus } from '../model/task.js'

export interface Interval {
  start: number
  end: number
}

export interface TimelineTask {
  id: string
  parent_id: string | null
  /** Every status the task moved to, in order; it starts pending. */
  moves: Array<{ at: number; to: TaskStatus }>
  agent_runs: MeasuredRun[]
  /** The summed duration of the task's own tool calls, in ms. */
  tool_ms?: number
}

/** An agent run as the hooks record it: its duration, when measured, as duration_ms. */
export type MeasuredRun = AgentRun & { duration_ms?: number }

export interface SessionTimeline {
  tasks: TimelineTask[]
  /** When anything happened in the session (ms since the epoch). */
  activity: number[]
}

export interface TaskTime {
  /** Active time credited to the task, in ms. */
  ms: number
  /** Where the task counted on the timeline, before splitting with other tasks. */
  spans: Interval[]
}

export function inProgressIntervals(moves: TimelineTask['moves'], now: number): Interval[] {
  const intervals: Interval[] = []
  let open: number | null = null
  for (const move of moves) {
    if (move.to === 'in_progress' && open === null) open = move.at
    else if (move.to !== 'in_progress' && open !== null) {
      intervals.push({ start: open, end: move.at })
      open = null
    }
  }
  if (open !== null && now > open) intervals.push({ start: open, end: now })
  return intervals.filter((i) => i.end > i.start)
}

/** Maximal runs of activity points whose gaps are at most idleMs, as spans. */
export function activeSpans(points: number[], idleMs: number): Interval[] {
  const sorted = [...points].sort((a, b) => a - b)
  const spans: Interval[] = []
  for (const point of sorted) {
    const last = spans[spans.length - 1]
    if (last && point - last.end <= idleMs) last.end = point
    else spans.push({ start: point, end: point })
  }
  return spans.filter((s) => s.end > s.start)
}

/** Sorted, non-overlapping intervals covering the same time. */
export function union(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start)
  const merged: Interval[] = []
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1]
    if (last && start <= last.end) last.end = Math.max(last.end, end)
    else merged.push({ start, end })
  }
  return merged
}

function intersect(a: Interval[], b: Interval[]): Interval[] {
  const result: Interval[] = []
  for (const x of union(a)) {
    for (const y of union(b)) {
      const start = Math.max(x.start, y.start)
      const end = Math.min(x.end, y.end)
      if (end > start) result.push({ start, end })
    }
  }
  return union(result)
}

export function totalMs(intervals: Interval[]): number {
  return union(intervals).reduce((sum, i) => sum + i.end - i.start, 0)
}

/** Where an agent run sits on the timeline, or only how long it took when that is all that is known. */
export function agentRunTime(run: MeasuredRun): { span: Interval } | { ms: number } | null {
  const started = run.started ? Date.parse(run.started) : NaN
  const completed = run.completed ? Date.parse(run.completed) : NaN
  const duration = typeof run.duration_ms === 'number' && run.duration_ms > 0 ? run.duration_ms : NaN
  if (!Number.isNaN(started) && !Number.isNaN(completed) && completed > started) return { span: { start: started, end: completed } }
  if (!Number.isNaN(duration)) {
    if (!Number.isNaN(started)) return { span: { start: started, end: started + duration } }
    if (!Number.isNaN(completed)) return { span: { start: completed - duration, end: completed } }
    return { ms: duration }
  }
  return null
}

export function sessionTime(session: SessionTimeline, idleMs: number, now: number): Map<string, TaskTime> {
  const active = activeSpans(session.activity, idleMs)
  const spans = new Map<string, Interval[]>()
  const extra = new Map<string, number>()
  for (const task of session.tasks) {
    const placed: Interval[] = []
    let unplaced = 0
    for (const run of task.agent_runs) {
      const time = agentRunTime(run)
      if (time && 'span' in time) placed.push(time.span)
      else if (time) unplaced += time.ms
    }
    spans.set(task.id, union([...intersect(inProgressIntervals(task.moves, now), active), ...placed]))
    extra.set(task.id, unplaced)
  }

  const parents = new Map(session.tasks.map((t) => [t.id, t.parent_id]))
  const isAncestor = (ancestor: string, of: string): boolean => {
    const seen = new Set<string>()
    for (let p = parents.get(of) ?? null; p !== null && !seen.has(p); p = parents.get(p) ?? null) {
      if (p === ancestor) return true
      seen.add(p)
    }
    return false
  }

  const credited = new Map<string, number>(session.tasks.map((t) => [t.id, extra.get(t.id)!]))
  const bounds = [...new Set([...spans.values()].flat().flatMap((i) => [i.start, i.end]))].sort((a, b) => a - b)
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k]!
    const end = bounds[k + 1]!
    const counting = [...spans].filter(([, list]) => list.some((i) => i.start <= start && i.end >= end)).map(([id]) => id)
    const leaves = counting.filter((id) => !counting.some((other) => isAncestor(id, other)))
    for (const id of leaves) credited.set(id, credited.get(id)! + (end - start) / leaves.length)
  }
  return new Map(session.tasks.map((t) => [t.id, { ms: Math.round(Math.max(credited.get(t.id)!, t.tool_ms ?? 0)), spans: spans.get(t.id)! }]))
}
