// Every single-task edit on real-looking files changes exactly the bytes it should. The
// expected output is computed here from the task's offsets, not by the writer's rules.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyEdits, parse, type ParsedFile, type ParsedTask } from '../../src/markdown/index.js'
import { STATUSES } from '../../src/model/task.js'
import { idFor, treeOf } from './helpers.js'

const DIR = 'test/fixtures/markdown'
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.md')).sort()
const CANONICAL_MARKER = { pending: ' ', in_progress: '/', blocked: '!', completed: 'x', cancelled: '-' } as const

function lineOf(source: string, task: ParsedTask): [number, number] {
  const end = source.indexOf('\n', task.start)
  return [task.start, end === -1 ? source.length : end]
}

/** Source and result agree outside the task's first line. */
function expectOnlyLineChanged(source: string, result: string, task: ParsedTask): void {
  const [start, end] = lineOf(source, task)
  expect(result.slice(0, start)).toBe(source.slice(0, start))
  expect(result.slice(result.length - (source.length - end))).toBe(source.slice(end))
}

function withoutSubtree(parsed: ParsedFile, index: number) {
  const gone = new Set([index])
  parsed.tasks.forEach((task, k) => task.parent !== null && gone.has(task.parent) && gone.add(k))
  return parsed.tasks.filter((_, k) => !gone.has(k)).map(({ id, title, status }) => ({ id, title, status }))
}

/** Lines without their ending, and with a list number reduced to `#` (the writer may renumber one item). */
function lines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.replace(/^([ \t>]*)\d+([.)])/, '$1#$2'))
}

function isSubsequence(small: string[], big: string[]): boolean {
  let at = 0
  for (const line of big) if (at < small.length && small[at] === line) at++
  return at === small.length
}

describe.each(FILES)('%s', (name) => {
  const source = readFileSync(join(DIR, name), 'utf8')
  const parsed = parse(source)
  const tasks = parsed.tasks
  const ided = tasks.filter((task) => task.id !== null)

  it('has tasks, and splicing nothing returns it unchanged', () => {
    expect(tasks.length).toBeGreaterThan(0)
    const result = applyEdits(source, parsed, [])
    expect(result.source).toBe(source)
    expect(result.parsed).toEqual(parsed)
  })

  it('changes only the marker (or, in the gfm profile, that line) for every status', () => {
    for (const task of ided) {
      for (const status of STATUSES) {
        const result = applyEdits(source, parsed, [{ kind: 'status', id: task.id as string, status }])
        const reread = parse(result.source)
        expect(result.parsed).toEqual(reread)
        expect(reread.tasks.find((other) => other.id === task.id)?.status).toBe(status)
        const statusToken = /\[status::/.test(source.slice(task.titleEnd, task.tailEnd))
        if (parsed.profile === 'canonical' && !statusToken) {
          const expected = status === task.status ? source : source.slice(0, task.marker + 1) + CANONICAL_MARKER[status] + source.slice(task.marker + 2)
          expect(result.source).toBe(expected)
        } else {
          expectOnlyLineChanged(source, result.source, task)
        }
      }
    }
  })

  it('replaces only the title range on a rename', () => {
    for (const task of ided) {
      const title = `Renamed ${task.line} ✓ \`x\``
      const result = applyEdits(source, parsed, [{ kind: 'title', id: task.id as string, title }])
      expect(result.source).toBe(source.slice(0, task.titleStart) + title + source.slice(task.titleEnd))
      expect(result.parsed).toEqual(parse(result.source))
    }
  })

  it('changes only the task line on a meta change', () => {
    for (const task of ided) {
      const meta = { type: 'review' as const, agent: 'code-reviewer', reason: 'waiting [on] <legal>' }
      const result = applyEdits(source, parsed, [{ kind: 'meta', id: task.id as string, meta }])
      expectOnlyLineChanged(source, result.source, task)
      const reread = parse(result.source)
      expect(result.parsed).toEqual(reread)
      const after = reread.tasks.find((other) => other.id === task.id) as ParsedTask
      expect(after).toMatchObject({ meta, title: task.title, status: task.status })
    }
  })

  it('removes only the task with its subtasks and notes', () => {
    for (const task of ided) {
      const index = tasks.indexOf(task)
      const result = applyEdits(source, parsed, [{ kind: 'remove', id: task.id as string }])
      const reread = parse(result.source)
      expect(result.parsed).toEqual(reread)
      expect(reread.tasks.map(({ id, title, status }) => ({ id, title, status }))).toEqual(withoutSubtree(parsed, index))
      expect(isSubsequence(lines(result.source), lines(source))).toBe(true)
      expect(lines(source).length - lines(result.source).length).toBeGreaterThanOrEqual(lines(source.slice(task.start, task.end).replace(/\r?\n$/, '')).length)
    }
  })

  it('inserts a child as exactly one new line', () => {
    for (const task of ided) {
      const child = { id: idFor(30_000), title: 'New child', status: 'pending' as const, meta: {} }
      const result = applyEdits(source, parsed, [{ kind: 'insert', task: child, parentId: task.id, index: 0 }])
      const reread = parse(result.source)
      expect(result.parsed).toEqual(reread)
      const added = reread.tasks.find((other) => other.id === child.id) as ParsedTask
      expect(reread.tasks[added.parent as number]?.id).toBe(task.id)
      expect(added.order).toBe(0)
      const [start, end] = lineOf(result.source, added)
      const line = result.source.slice(start, end).replace(/\r$/, '')
      if (end === result.source.length && !source.endsWith('\n')) {
        // Last line of a file without a final newline: the line ending goes before it.
        expect(result.source).toBe(source + parsed.eol + line)
      } else {
        expect(result.source).toBe(source.slice(0, start) + line + parsed.eol + source.slice(start))
      }
    }
  })

  it('appends only the id comment to a task without one', () => {
    tasks.forEach((task, index) => {
      if (task.id !== null) return
      const id = idFor(40_000 + index)
      const result = applyEdits(source, parsed, [{ kind: 'assignId', task: index, id }])
      expect(result.source).toBe(`${source.slice(0, task.tailEnd)} <!-- ${id} -->${source.slice(task.tailEnd)}`)
      expect(result.parsed).toEqual(parse(result.source))
      expect(treeOf(result.parsed).length).toBe(treeOf(parsed).length)
    })
  })
})
