// Plan mode gives the plan's steps but no word on their progress. What moves a step is the
// main thread's work that follows (docs/HOOKS.md, "Plan mode"): steps are worked in their
// order, so work starts the first open step, and work that matches a later step better than
// the current one completes the current step and starts that one. Every such move is a
// guess, and says so in the step's task_context.guess. A step a person set by hand (or
// cancelled) is never moved back.
import type { Store, StoredTask } from '../store/store.js'
import type { HookState } from './state.js'

/** What moving a plan uses of a hook's context (src/hooks/context.ts, which asks it). */
interface PlanContext {
  store: Store
  state: HookState
}

/** Words too common to tell two steps apart. */
const STOP_WORDS = new Set(
  'the and for with that this from into then when what how its are was will can all any not but our you your use using'.split(' ')
)

function stepWords(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length >= 3 && !STOP_WORDS.has(w))
}

/** Two words match when equal, or when one (4 letters at least) begins the other: monitor, monitoring. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  return short.length >= 4 && long.startsWith(short)
}

/** How many of the step's words the work mentions. */
export function matchScore(step: string, work: readonly string[]): number {
  return stepWords(step).filter((word) => work.some((w) => sameWord(word, w))).length
}

function guessed(ctx: PlanContext, task: StoredTask, to: 'in_progress' | 'completed', why: string): void {
  ctx.store.setStatus(task.id, to, 'hook', { note: `guess: ${why}` })
  ctx.store.updateContext(task.id, { guess: `${to === 'completed' ? 'completed' : 'started'}: ${why}` }, 'hook')
}

/** The steps of the request's approved plan, in order, as they are now; [] without a plan. */
function planStepsOf(ctx: PlanContext, sessionId: string, requestId: string): StoredTask[] {
  return ctx.state
    .plan(sessionId, requestId)
    .map((item) => ctx.store.getTask(item.task_id))
    .filter((task): task is StoredTask => task !== undefined)
}

/**
 * Moves the plan forward for a piece of the main thread's work, described by `evidence` (the
 * tool, the file, the agent's description: never stored). Returns the step now in progress.
 */
export function advancePlan(ctx: PlanContext, sessionId: string, requestId: string, evidence: string): StoredTask | undefined {
  const steps = planStepsOf(ctx, sessionId, requestId)
  if (steps.length === 0) return undefined
  const work = stepWords(evidence)
  const currentIndex = steps.findIndex((step) => step.status === 'in_progress')
  const candidates = steps
    .map((step, index) => ({ step, index, score: matchScore(step.title, work) }))
    .filter(({ step, index }) => step.status === 'pending' && index > currentIndex)
  const best = candidates.reduce<(typeof candidates)[number] | undefined>((a, b) => (a && a.score >= b.score ? a : b), undefined)
  if (currentIndex < 0) {
    const next = best && best.score > 0 ? best : candidates[0]
    if (!next) return undefined
    guessed(ctx, next.step, 'in_progress', next.score > 0 ? 'the work that followed the plan matches this step' : 'the next step of the plan in order')
    return ctx.store.getTask(next.step.id)
  }
  const current = steps[currentIndex]!
  if (best && best.score > matchScore(current.title, work)) {
    guessed(ctx, current, 'completed', 'the work moved on to a later step')
    guessed(ctx, best.step, 'in_progress', 'the work that followed matches this step')
    return ctx.store.getTask(best.step.id)
  }
  return current
}

/**
 * At the end of a turn with nothing left running: the step in progress is taken as done (the
 * turn ended after work on it). Steps no work reached stay open, and keep the request open.
 */
export function finishPlanTurn(ctx: PlanContext, sessionId: string, requestId: string): void {
  const current = planStepsOf(ctx, sessionId, requestId).find((step) => step.status === 'in_progress')
  if (current) guessed(ctx, current, 'completed', 'the turn ended after work on it, with nothing left running')
}
