import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyEdits, parse, render, type Edit, type ParsedFile, type TaskMeta } from '../../src/markdown/index.js'
import { expectedMeta, expectedTree, idFor, metaArb, statusArb, titleArb, treeArb, treeOf, type Tree } from './helpers.js'
import { restyle, styleArb } from './style.js'

type Intent =
  | { kind: 'status'; pick: number; status: Tree['status'] }
  | { kind: 'title'; pick: number; title: string }
  | { kind: 'meta'; pick: number; meta: TaskMeta }
  | { kind: 'insert'; parent: number; index: number; title: string; status: Tree['status']; meta: TaskMeta }
  | { kind: 'remove'; pick: number }
  | { kind: 'move'; pick: number; parent: number; index: number }

const pick = fc.nat()
const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  fc.record({ kind: fc.constant('status' as const), pick, status: statusArb }),
  fc.record({ kind: fc.constant('title' as const), pick, title: titleArb }),
  fc.record({ kind: fc.constant('meta' as const), pick, meta: metaArb }),
  fc.record({ kind: fc.constant('insert' as const), parent: pick, index: pick, title: titleArb, status: statusArb, meta: metaArb }),
  fc.record({ kind: fc.constant('remove' as const), pick }),
  fc.record({ kind: fc.constant('move' as const), pick, parent: pick, index: pick })
)

function flatten(forest: Tree[]): Tree[] {
  return forest.flatMap((node) => [node, ...flatten(node.children)])
}

function siblingsOf(forest: Tree[], id: string | null): Tree[] {
  return id === null ? forest : (flatten(forest).find((node) => node.id === id) as Tree).children
}

function detach(forest: Tree[], id: string): Tree {
  for (const list of [forest, ...flatten(forest).map((node) => node.children)]) {
    const at = list.findIndex((node) => node.id === id)
    if (at !== -1) return list.splice(at, 1)[0] as Tree
  }
  throw new Error(`no ${id}`)
}

/** The edit for an intent against the current model, applied to the model too. */
function resolve(model: Tree[], intent: Intent, nextId: () => string): Edit | null {
  const all = flatten(model)
  const at = (n: number) => all[n % all.length] as Tree
  // null (top level) is one of the choices for a parent
  const parentFor = (n: number) => (n % (all.length + 1) === all.length ? null : at(n))
  switch (intent.kind) {
    case 'status':
    case 'title':
    case 'meta': {
      if (all.length === 0) return null
      const node = at(intent.pick)
      if (intent.kind === 'status') node.status = intent.status
      if (intent.kind === 'title') node.title = intent.title
      if (intent.kind === 'meta') node.meta = expectedMeta(intent.meta)
      const { pick: _pick, ...rest } = intent
      return { ...rest, id: node.id as string } as Edit
    }
    case 'insert': {
      const parent = parentFor(intent.parent)
      const id = nextId()
      const list = parent === null ? model : parent.children
      const index = intent.index % (list.length + 1)
      list.splice(index, 0, { id, title: intent.title, status: intent.status, meta: expectedMeta(intent.meta), children: [] })
      return { kind: 'insert', task: { id, title: intent.title, status: intent.status, meta: intent.meta }, parentId: parent?.id ?? null, index }
    }
    case 'remove': {
      if (all.length === 0) return null
      const node = at(intent.pick)
      detach(model, node.id as string)
      return { kind: 'remove', id: node.id as string }
    }
    case 'move': {
      if (all.length === 0) return null
      const node = at(intent.pick)
      const parent = parentFor(intent.parent)
      if (parent !== null && flatten([node]).includes(parent)) return null
      detach(model, node.id as string)
      const list = siblingsOf(model, parent?.id ?? null)
      const index = intent.index % (list.length + 1)
      list.splice(index, 0, node)
      return { kind: 'move', id: node.id as string, parentId: parent?.id ?? null, index }
    }
  }
}

function lineBounds(source: string, parsed: ParsedFile, id: string): [number, number] {
  const task = parsed.tasks.find((candidate) => candidate.id === id)
  if (!task) throw new Error(`no ${id}`)
  const end = source.indexOf('\n', task.start)
  return [task.start, end === -1 ? source.length : end]
}

describe('applyEdits', () => {
  it('gives the tree the edits describe, the ParsedFile parse() gives, and touches only edited lines', () => {
    fc.assert(
      fc.property(
        treeArb,
        styleArb,
        fc.constantFrom('canonical' as const, 'gfm' as const),
        fc.array(intentArb, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (tasks, style, profile, intents, header) => {
          // Without the header the list can be the file's only content.
          let source = restyle(render(tasks, header ? { profile } : { profile, header: '' }), style)
          // A file without a line break shows no line-ending style; one that had none at some
          // point is not expected to have kept the style.
          let styleShown = source.includes('\n')
          let parsed = parse(source)
          const model = expectedTree(tasks)
          expect(treeOf(parsed)).toEqual(model)
          let n = 10_000
          for (const intent of intents) {
            const edit = resolve(model, intent, () => idFor(n++))
            if (edit === null) continue
            const result = applyEdits(source, parsed, [edit])
            expect(result.parsed).toEqual(parse(result.source))
            expect(treeOf(result.parsed)).toEqual(model)
            if (edit.kind === 'status' || edit.kind === 'title' || edit.kind === 'meta') {
              const [start, end] = lineBounds(source, parsed, edit.id)
              const [, newEnd] = lineBounds(result.source, result.parsed, edit.id)
              expect(result.source.slice(0, start)).toBe(source.slice(0, start))
              expect(result.source.slice(newEnd)).toBe(source.slice(end))
            }
            source = result.source
            parsed = result.parsed
            styleShown &&= source.includes('\n')
          }
          expect(source.startsWith('\uFEFF')).toBe(style.bom)
          if (styleShown) {
            expect(source.endsWith('\n')).toBe(style.finalNewline)
            expect(source.includes('\r\n')).toBe(style.crlf)
          }
        }
      ),
      { numRuns: 100 }
    )
  })

  it('changes only the marker when a status changes in the canonical profile', () => {
    fc.assert(
      fc.property(treeArb, statusArb, fc.nat(), (tasks, status, n) => {
        const source = render(tasks)
        const parsed = parse(source)
        const task = parsed.tasks[n % Math.max(1, parsed.tasks.length)]
        if (!task || task.status === status) return
        const result = applyEdits(source, parsed, [{ kind: 'status', id: task.id as string, status }])
        const marker = { pending: ' ', in_progress: '/', blocked: '!', completed: 'x', cancelled: '-' }[status]
        expect(result.source).toBe(source.slice(0, task.marker + 1) + marker + source.slice(task.marker + 2))
      })
    )
  })
})
