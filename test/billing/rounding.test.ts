import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { billableMinutes, describeRule, type RoundingRule } from '../../src/billing/rounding.js'

const min = (m: number) => m * 60_000
const rule = (increment_minutes: number, minimum_minutes: number, rounding: RoundingRule['rounding']): RoundingRule => ({ increment_minutes, minimum_minutes, rounding })

describe('billableMinutes', () => {
  it('rounds up to the increment: any part of an increment bills a whole one', () => {
    expect(billableMinutes(min(7), rule(6, 0, 'up'))).toBe(12)
    expect(billableMinutes(min(6), rule(6, 0, 'up'))).toBe(6)
    expect(billableMinutes(min(6) + 1, rule(6, 0, 'up'))).toBe(12)
    expect(billableMinutes(min(16), rule(15, 0, 'up'))).toBe(30)
  })

  it('rounds to the nearest increment, half an increment going up', () => {
    expect(billableMinutes(min(8.9), rule(6, 0, 'nearest'))).toBe(6)
    expect(billableMinutes(min(9), rule(6, 0, 'nearest'))).toBe(12)
    expect(billableMinutes(min(22), rule(15, 0, 'nearest'))).toBe(15)
    expect(billableMinutes(min(22.5), rule(15, 0, 'nearest'))).toBe(30)
  })

  it('applies the minimum charge to any work with time, also when nearest rounds it to 0', () => {
    expect(billableMinutes(min(2), rule(6, 15, 'up'))).toBe(15)
    expect(billableMinutes(min(2), rule(15, 15, 'nearest'))).toBe(15)
    expect(billableMinutes(min(2), rule(15, 0, 'nearest'))).toBe(0)
    expect(billableMinutes(min(40), rule(6, 15, 'up'))).toBe(42)
  })

  it('bills nothing, not the minimum, for no measured time', () => {
    expect(billableMinutes(0, rule(6, 15, 'up'))).toBe(0)
  })

  it('with the default rule bills whole minutes, rounding up', () => {
    expect(billableMinutes(min(1) + 1, rule(1, 0, 'up'))).toBe(2)
  })

  it('gives a multiple of the increment or the minimum; up never bills less than the time, nearest never more than up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 * 3_600_000 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), (ms, increment, minimum) => {
        const up = billableMinutes(ms, rule(increment, minimum, 'up'))
        expect(up >= ms / 60_000).toBe(true)
        expect(up % increment === 0 || up === minimum).toBe(true)
        const nearest = billableMinutes(ms, rule(increment, minimum, 'nearest'))
        expect(nearest >= minimum).toBe(true)
        expect(nearest <= up).toBe(true)
      })
    )
  })

  it('describes a rule in words', () => {
    expect(describeRule(rule(6, 15, 'up'))).toBe('round up to 6 min, minimum 15 min')
    expect(describeRule(rule(15, 0, 'nearest'))).toBe('round to nearest to 15 min')
  })
})
