// One code path, two sizes: `npm test` runs each attack at its fast size; `npm run soak`
// (bench/soak.js) runs the same tests with TASKTRAIL_SOAK=1 at soak size, and each test
// reports what it ran to TASKTRAIL_SOAK_RESULTS for docs/RELIABILITY.md.
import { appendFileSync } from 'node:fs'

export const SOAK = process.env.TASKTRAIL_SOAK === '1'

/** The fast size under npm test, the soak size under npm run soak. */
export function scale(fast: number, soak: number): number {
  return SOAK ? soak : fast
}

/**
 * Time limit of an attack. Generous under npm test: the fast sizes take seconds on two idle
 * cores, but CI runs other suites (and real Claude Code sessions) alongside.
 */
export const TIMEOUT = scale(180_000, 3_600_000)

export interface Tally {
  /** Which guarantee of docs/RELIABILITY.md (1–7) and which attack. */
  guarantee: number
  attack: string
  /** Cases, trials or events run, with their unit. */
  count: number
  unit: string
  failures: number
}

/** Reports what an attack ran (a no-op outside the soak); call it before asserting that nothing failed. */
export function report(tally: Tally): void {
  const file = process.env.TASKTRAIL_SOAK_RESULTS
  if (file) appendFileSync(file, JSON.stringify(tally) + '\n')
}
