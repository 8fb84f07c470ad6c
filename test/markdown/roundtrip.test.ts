import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse, render } from '../../src/markdown/index.js'
import { expectedTree, treeArb, treeOf } from './helpers.js'

describe('render then parse', () => {
  it('gives back the tree, in both profiles', () => {
    fc.assert(
      fc.property(treeArb, fc.constantFrom('canonical' as const, 'gfm' as const), (tasks, profile) => {
        const parsed = parse(render(tasks, { profile }))
        expect(parsed.profile).toBe(profile)
        expect(treeOf(parsed)).toEqual(expectedTree(tasks))
      }),
      { numRuns: 300 }
    )
  })

  it('is deterministic', () => {
    fc.assert(fc.property(treeArb, (tasks) => {
      expect(render(tasks)).toBe(render(structuredClone(tasks)))
    }), { numRuns: 50 })
  })

  it('writes the pure-GFM profile with only [ ] and [x] boxes', () => {
    const source = render(
      [
        { id: 't-aaaa1', title: 'a', status: 'in_progress', meta: {} },
        { id: 't-aaaa2', title: 'b', status: 'blocked', meta: { reason: 'keys' } },
        { id: 't-aaaa3', title: 'c', status: 'cancelled', meta: {} }
      ],
      { profile: 'gfm', header: '' }
    )
    expect(source).toBe(
      '<!-- tasktrail: gfm -->\n\n' +
        '- [ ] a [status:: in progress] <!-- t-aaaa1 -->\n' +
        '- [ ] b [status:: blocked] [reason:: keys] <!-- t-aaaa2 -->\n' +
        '- [x] c [status:: cancelled] <!-- t-aaaa3 -->\n'
    )
  })
})
