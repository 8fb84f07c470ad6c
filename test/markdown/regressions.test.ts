// Counterexamples the property tests found, kept as named cases.
import { describe, expect, it } from 'vitest'
import { applyEdits, parse, render, type RenderTask } from '../../src/markdown/index.js'
import { expectedTree, treeOf } from './helpers.js'
import { restyle } from './style.js'

const task = (id: string, title: string, children: RenderTask[] = []): RenderTask => ({ id, title, status: 'pending', meta: {}, children })

describe('regressions', () => {
  // Reported as "three tasks nested with tabs, the deepest titled `!  !`": the title was
  // `!\u2028!`. The test's restyle() matched lines with `.`, which stops at U+2028, so that
  // line kept render()'s two-space indentation among tab-indented parents and really was a
  // sibling. The engine was right; the expectation was wrong.
  it('restyles and reads back a tab-nested task whose title holds U+2028', () => {
    const tasks = [task('t-00001', '!', [task('t-00002', '!', [task('t-00003', '!', [task('t-00004', '!\u2028!')])])])]
    const style = { bullet: '-', indent: '\t', quote: '', breaks: false, loose: false, crlf: false, bom: false, finalNewline: false } as const
    const source = restyle(render(tasks), style)
    expect(source.endsWith('\t\t\t- [ ] !\u2028! <!-- t-00004 -->')).toBe(true)
    const parsed = parse(source)
    expect(treeOf(parsed)).toEqual(expectedTree(tasks))
    const result = applyEdits(source, parsed, [{ kind: 'title', id: 't-00001', title: '!' }])
    expect(result.source).toBe(source)
  })

  it.each(['\u2028', '\u2029', '\u0085'])('keeps %j inside a title, in the fast path and through remark', (separator) => {
    const title = `a${separator}b`
    for (const source of [`- [ ] ${title} <!-- t-00001 -->\n`, `> - [ ] ${title} <!-- t-00001 -->\n`]) {
      expect(parse(source).tasks.map((parsed) => parsed.title)).toEqual([title])
    }
  })

  it('ends a quoted task with subtasks at its last line with content, not at the `>` line after it', () => {
    const source = '> - [ ] a <!-- t-00001 -->\n>   - [ ] b <!-- t-00002 -->\n>\n> - [ ] c <!-- t-00003 -->\n'
    const parsed = parse(source)
    expect(parsed.tasks[0]?.end).toBe(source.indexOf('\n>\n') + 1)
    const moved = applyEdits(source, parsed, [{ kind: 'move', id: 't-00003', parentId: 't-00001', index: 0 }])
    expect(moved.parsed).toEqual(parse(moved.source))
  })

  it('keeps a nested ordered list a list when its first item is removed', () => {
    const source = '1) [ ] a <!-- t-00001 -->\n   1) [ ] b <!-- t-00002 -->\n   2) [ ] c <!-- t-00003 -->\n'
    const result = applyEdits(source, parse(source), [{ kind: 'remove', id: 't-00002' }])
    expect(result.source).toBe('1) [ ] a <!-- t-00001 -->\n   1) [ ] c <!-- t-00003 -->\n')
    expect(result.parsed).toEqual(parse(result.source))
  })

  it('keeps the BOM when the first task of a quoted list goes', () => {
    const source = '\uFEFF> - [ ] a <!-- t-00001 -->\n> - [ ] b <!-- t-00002 -->'
    const parsed = parse(source)
    expect(parsed.tasks[0]?.start).toBe(1)
    const result = applyEdits(source, parsed, [{ kind: 'remove', id: 't-00001' }])
    expect(result.source).toBe('\uFEFF> - [ ] b <!-- t-00002 -->')
    expect(result.parsed).toEqual(parse(result.source))
  })

  // Found by the in-place sync's property test: the BOM replaced by a space, the re-parse kept
  // the first block where it stood after the BOM (offset 1), though the line now starts at 0.
  it('re-reads the first block when an edit removes the BOM', () => {
    const before = '\uFEFF# Tasks\n\n- [ ] One <!-- t-00001 -->\n'
    const after = ` ${before.slice(1)}`
    expect(parse(after, parse(before))).toEqual(parse(after))
  })

  it('keeps CRLF and the missing final newline when a move passes through a file of one line', () => {
    const source = '- [ ] a <!-- t-00001 -->\r\n- [ ] b <!-- t-00002 -->'
    const result = applyEdits(source, parse(source), [{ kind: 'move', id: 't-00001', parentId: 't-00002' }])
    expect(result.source).toBe('- [ ] b <!-- t-00002 -->\r\n  - [ ] a <!-- t-00001 -->')
    expect(result.parsed).toEqual(parse(result.source))
  })

  it('keeps a file without a final newline so when a move takes its only content out and back', () => {
    const source = '- [ ] b <!-- t-00002 -->\n  - [ ] a <!-- t-00001 -->'
    const result = applyEdits(source, parse(source), [{ kind: 'move', id: 't-00002', parentId: null, index: 0 }])
    expect(result.source).toBe(source)
    expect(result.parsed).toEqual(parse(source))
  })

  it('gives a task inserted into an empty file a final newline', () => {
    const task = { id: 't-00001', title: 'a', status: 'pending' as const, meta: {} }
    expect(applyEdits('', parse(''), [{ kind: 'insert', task, parentId: null }]).source).toBe('- [ ] a <!-- t-00001 -->\n')
  })

  it('keeps a tab-indented subtask a subtask when its parent moves to a column that is not a multiple of 4', () => {
    const source = '1) [ ] a <!-- t-00001 -->\n1) [ ] b <!-- t-00002 -->\n1) [ ] c <!-- t-00003 -->\n\t1) [ ] d <!-- t-00004 -->'
    const result = applyEdits(source, parse(source), [{ kind: 'move', id: 't-00003', parentId: 't-00001', index: 0 }])
    expect(result.source).toBe('1) [ ] a <!-- t-00001 -->\n   1) [ ] c <!-- t-00003 -->\n       1) [ ] d <!-- t-00004 -->\n1) [ ] b <!-- t-00002 -->')
    expect(result.parsed).toEqual(parse(result.source))
  })

  // Issue 19: a line duplicated in an editor, id and all, is a second task (sync gives it an id of its own).
  it('reads a line copied with its id, and gives the copy an id of its own by replacing only that comment', () => {
    const source = '- [ ] a [type:: research] <!--t-abcd-->\n  - [ ] sub <!-- t-5ab1 -->\n- [ ] a [type:: research] <!--t-abcd-->\n  - [ ] sub <!-- t-5ab1 -->\n'
    const parsed = parse(source)
    expect(parsed.tasks.map((t) => [t.id, t.parent])).toEqual([['t-abcd', null], ['t-5ab1', 0], ['t-abcd', null], ['t-5ab1', 2]])
    const result = applyEdits(source, parsed, [{ kind: 'assignId', task: 2, id: 't-c0py' }, { kind: 'assignId', task: 3, id: 't-5ab2' }])
    expect(result.source).toBe('- [ ] a [type:: research] <!--t-abcd-->\n  - [ ] sub <!-- t-5ab1 -->\n- [ ] a [type:: research] <!-- t-c0py -->\n  - [ ] sub <!-- t-5ab2 -->\n')
    expect(result.parsed).toEqual(parse(result.source))
    // The first line with the id keeps it; a line with an id of its own is not a copy.
    expect(() => applyEdits(source, parsed, [{ kind: 'assignId', task: 0, id: 't-c0py' }])).toThrow(/already has the id/)
  })

  // Issue 19: `\` ending a line the paragraph continues after is a hard break; an id written
  // after it would turn the break into a literal backslash on GitHub.
  it('writes an id before a hard break, as before trailing blanks, and keeps a literal backslash in the title', () => {
    const source = '- [ ] one\\\n  more\n- [ ] two \\\r\n  more\n> - [ ] three\\\n> more\n- [ ] literal\\\n- [ ] escaped\\\\\n  more\n'
    const parsed = parse(source)
    expect(parsed.tasks.map((t) => t.title)).toEqual(['one', 'two', 'three', 'literal\\', 'escaped\\\\'])
    const result = applyEdits(source, parsed, parsed.tasks.map((_, task) => ({ kind: 'assignId' as const, task, id: `t-000${task}` })))
    expect(result.source).toBe(
      '- [ ] one <!-- t-0000 -->\\\n  more\n- [ ] two <!-- t-0001 --> \\\r\n  more\n> - [ ] three <!-- t-0002 -->\\\n> more\n' +
        '- [ ] literal\\ <!-- t-0003 -->\n- [ ] escaped\\\\ <!-- t-0004 -->\n  more\n'
    )
    expect(result.parsed).toEqual(parse(result.source))
    const ticked = applyEdits(result.source, result.parsed, [{ kind: 'status', id: 't-0000', status: 'completed' }, { kind: 'title', id: 't-0002', title: 'three!' }])
    expect(ticked.source).toContain('- [x] one <!-- t-0000 -->\\\n  more\n')
    expect(ticked.source).toContain('> - [ ] three! <!-- t-0002 -->\\\n> more\n')
    expect(ticked.parsed).toEqual(parse(ticked.source))
  })
})
