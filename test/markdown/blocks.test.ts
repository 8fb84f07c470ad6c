// The shortcuts parse() takes — reading run by run, reading simple runs without remark, and
// reusing unchanged runs of an earlier parse — give exactly what one remark parse of the
// whole file gives.
import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { splitBlocks } from '../../src/markdown/blocks.js'
import { readSimpleRun } from '../../src/markdown/fast-block.js'
import { parse, render } from '../../src/markdown/index.js'
import { readRunWithRemark } from '../../src/markdown/parse.js'
import type { ParsedTask } from '../../src/markdown/types.js'
import { titleArb, treeArb } from './helpers.js'
import { restyle, styleArb } from './style.js'

const DIR = 'test/fixtures/markdown'
const CORPUS = readdirSync(DIR).filter((name) => name.endsWith('.md')).sort().map((name) => readFileSync(join(DIR, name), 'utf8'))

const withoutOrder = (tasks: ParsedTask[]) => tasks.map(({ order: _order, ...task }) => task)

function wholeFile(source: string) {
  const from = source.charCodeAt(0) === 0xfeff ? 1 : 0
  return withoutOrder(readRunWithRemark(source, { start: from, end: source.length, line: 1 }).tasks)
}

function expectFastPathAgrees(source: string): void {
  for (const span of splitBlocks(source, source.charCodeAt(0) === 0xfeff ? 1 : 0)) {
    const fast = readSimpleRun(source, span)
    if (fast !== null) expect(fast).toEqual(readRunWithRemark(source, span).tasks)
  }
}

// Lines the fast path reads, and a few it must hand to remark, in any order: real checklists
// have notes under their tasks (indented or lazy), plain items among them, tab indentation,
// hard breaks, callouts with nested quotes and setext underlines.
const lineArb = fc.oneof(
  fc.constantFrom('', '', '# Heading', '## Section', 'Some prose.', 'More prose, with `code`.', '  indented prose', '| a | b |', '<div>', '> quoted', '```', '---', '===', '    code?'),
  fc.constantFrom('  a note under a task', '   a [link](https://example.com) 📅 2025-01-01', 'a lazy line', '\ta tabbed note', '- a plain item', '  - a plain item', '\t- plain, tabbed', '1. plain', '--', '=', '  ==', 'a hard break\\', '    four-space note'),
  fc.constantFrom('> [!note] A callout', '> > nested quote', '> - [ ] quoted task', '> > - [x] deeper', '>', '> > - plain'),
  fc.constantFrom('```js', '~~~', '````', '   ```', '  ~~~~', '```a`b', '***', '- - -', '  ---', '___', ' * * *'),
  fc.record({
    indent: fc.constantFrom('', ' ', '  ', '   ', '    ', '     ', '      ', '        ', '\t', '\t\t', ' \t', '\t  '),
    bullet: fc.constantFrom('-', '*', '+', '1.', '1)', '2.', '10.'),
    gap: fc.constantFrom(' ', '  ', '    ', '     '),
    marker: fc.constantFrom(' ', 'x', 'X', '/', '!', '-', '~', '?'),
    title: titleArb,
    end: fc.constantFrom('', '', '', '\\', '  ', ' \\')
  }).map(({ indent, bullet, gap, marker, title, end }) => `${indent}${bullet}${gap}[${marker}] ${title}${end}`)
)
const blockArb = fc.array(lineArb, { minLength: 1, maxLength: 14 }).map((lines) => lines.join('\n'))

describe('reading run by run', () => {
  it('gives the positions and tasks of a whole-file remark parse, on the corpus', () => {
    for (const source of CORPUS) expect(withoutOrder(parse(source).tasks)).toEqual(wholeFile(source))
  })

  it('does so on generated checklists in every style', () => {
    fc.assert(
      fc.property(treeArb, styleArb, (tasks, style) => {
        const source = restyle(render(tasks), style)
        expect(withoutOrder(parse(source).tasks)).toEqual(wholeFile(source))
      }),
      { numRuns: 60 }
    )
  })

  it('does so on task lines mixed with prose, quotes, fences, HTML, tables and breaks', () => {
    // Each line may end a run or continue one: a bullet at column 0 after a paragraph, a fence,
    // an HTML block, a quote or an ordered item must split only where remark agrees.
    fc.assert(
      fc.property(fc.array(blockArb, { minLength: 1, maxLength: 4 }), (parts) => {
        const source = parts.join('\n')
        expect(withoutOrder(parse(source).tasks)).toEqual(wholeFile(source))
      }),
      { numRuns: 1_000, seed: 3 }
    )
  })
})

describe('the remark-free fast path', () => {
  it('reads every run it accepts exactly as remark does, on the corpus', () => {
    for (const source of CORPUS) expectFastPathAgrees(source)
  })

  // Found by the property below in CI: the fast path read indented code as prose, so an ordered
  // item after it became a task, where remark reads a paragraph.
  it('leaves indented code, and what follows it, to remark', () => {
    expectFastPathAgrees('    code?\n\n 2. [ ] `code`')
    expect(readSimpleRun('    code?\n\n- [ ] a\n', { start: 0, end: 20, line: 1 })).toBeNull()
  })

  it('does so on generated runs of headings, prose and task lines', () => {
    fc.assert(fc.property(blockArb, (source) => expectFastPathAgrees(source)), { numRuns: 2_000 })
  })
})

describe('re-parsing with the previous ParsedFile', () => {
  const editArb = fc.record({ at: fc.nat(), cut: fc.nat({ max: 80 }), text: fc.oneof(fc.constantFrom('\n', '\n\n', '- [ ] new\n', '```\n', '## H\n', 'x', '  ', '>'), blockArb) })

  it('gives what a fresh parse gives after any edit', () => {
    const sources = fc.oneof(fc.constantFrom(...CORPUS), fc.tuple(treeArb, styleArb).map(([tasks, style]) => restyle(render(tasks), style)))
    fc.assert(
      fc.property(sources, fc.array(editArb, { minLength: 1, maxLength: 3 }), (original, edits) => {
        let previous = parse(original)
        let source = original
        for (const { at, cut, text } of edits) {
          const from = at % (source.length + 1)
          const edited = source.slice(0, from) + text + source.slice(Math.min(source.length, from + cut))
          let fresh
          try {
            fresh = parse(edited)
          } catch {
            continue // a refused file (say, a duplicated id) is refused either way
          }
          const incremental = parse(edited, previous)
          expect(incremental).toEqual(fresh)
          previous = incremental
          source = edited
        }
      }),
      { numRuns: 60 }
    )
  })
})
