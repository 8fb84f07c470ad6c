// A client's rounding rule and what it makes of measured time. Minutes are billed in
// whole increments; the minimum charge applies only to work that took any time at all,
// so a task finished without measured activity is not charged the minimum.

export const ROUNDING_MODES = ['up', 'nearest'] as const
export type RoundingMode = (typeof ROUNDING_MODES)[number]

export interface RoundingRule {
  /** Bill in multiples of this many minutes (1 = whole minutes). */
  increment_minutes: number
  /** The least a work item with any time is billed. */
  minimum_minutes: number
  /** up: any part of an increment counts as a whole one; nearest: half an increment or more does. */
  rounding: RoundingMode
}

export const DEFAULT_RULE: RoundingRule = { increment_minutes: 1, minimum_minutes: 0, rounding: 'up' }

export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === 'string' && (ROUNDING_MODES as readonly string[]).includes(value)
}

/** The billable minutes for `ms` of measured time under a rule. */
export function billableMinutes(ms: number, rule: RoundingRule): number {
  if (ms <= 0) return 0
  const incrementMs = rule.increment_minutes * 60_000
  const increments = rule.rounding === 'up' ? Math.ceil(ms / incrementMs) : Math.floor(ms / incrementMs + 0.5)
  return Math.max(increments * rule.increment_minutes, rule.minimum_minutes)
}

export function describeRule(rule: RoundingRule): string {
  const minimum = rule.minimum_minutes > 0 ? `, minimum ${rule.minimum_minutes} min` : ''
  return `${rule.rounding === 'up' ? 'round up' : 'round to nearest'} to ${rule.increment_minutes} min${minimum}`
}
