import { createRequire } from 'node:module'

// 32 symbols without look-alikes (no i, l, o, u): 7 of them give 35 random bits, so two
// machines or branches creating 10,000 tasks each collide with odds of about 1 in 700,000
// per pair of tasks set — and the store re-draws on the rare local clash.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
const LENGTH = 7

const TASK_ID_PATTERN = /^t-[0-9a-hjkmnp-tv-z]{4,12}$/

// Random bytes for the next ids: one call to the system's generator per 64 ids, not one per id
// (a first sync gives hundreds of lines their ids at once).
let pool: Buffer | undefined
let used = 0

export function newTaskId(): string {
  if (!pool || used + LENGTH > pool.length) {
    // Loaded on first use: node:crypto costs ~10 ms to load, more than a status change.
    const { randomBytes } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')
    pool = randomBytes(LENGTH * 64)
    used = 0
  }
  let id = 't-'
  for (let k = 0; k < LENGTH; k++) id += ALPHABET[pool[used++]! & 31]
  return id
}

export function isTaskId(value: string): boolean {
  return TASK_ID_PATTERN.test(value)
}
