// Task trees as the tests see them, and how to get one out of a ParsedFile.
import fc from 'fast-check'
import { STATUSES, TASK_TYPES } from '../../src/model/task.js'
import type { ParsedFile, RenderTask, TaskMeta } from '../../src/markdown/index.js'

export interface Tree {
  id: string | null
  title: string
  status: RenderTask['status']
  meta: TaskMeta
  children: Tree[]
}

export function treeOf(parsed: ParsedFile): Tree[] {
  const nodes = parsed.tasks.map((task) => ({ id: task.id, title: task.title, status: task.status, meta: task.meta, children: [] as Tree[] }))
  const roots: Tree[] = []
  parsed.tasks.forEach((task, index) => (task.parent === null ? roots : (nodes[task.parent] as Tree).children).push(nodes[index] as Tree))
  return roots
}

export function normalize(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim()
  return text === '' ? undefined : text
}

export function expectedMeta(meta: TaskMeta): TaskMeta {
  const out: TaskMeta = {}
  if (meta.type) out.type = meta.type
  const agent = normalize(meta.agent)
  const reason = normalize(meta.reason)
  if (agent) out.agent = agent
  if (reason) out.reason = reason
  return out
}

const tricky = fc.constantFrom(
  '`code`', '[x]', '[ ]', '<!--', '-->', '<!-- t-abc1234 -->', '<!-- -->', '[type:: research]', '[agent:: x]',
  '[status:: blocked]', '#', '@bob', '**bold**', '[link](http://x)', '\\', ']', '|', '✓', '🙂', 'é', '\t', '  ', '&amp;', '<b>', '::'
)

export const titleArb = fc
  .array(fc.oneof(fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }), tricky), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(' ').replace(/[\r\n\0]/g, ' ').trim())
  .filter((title) => title !== '')

export const metaArb: fc.Arbitrary<TaskMeta> = fc.record(
  {
    type: fc.constantFrom(...TASK_TYPES),
    agent: fc.oneof(fc.constantFrom('code-reviewer', 'general-purpose'), fc.string({ maxLength: 12 })),
    reason: fc.oneof(fc.string({ maxLength: 30 }), tricky)
  },
  { requiredKeys: [] }
)

export const statusArb = fc.constantFrom(...STATUSES)

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

export function idFor(n: number): string {
  let id = ''
  for (let rest = n, k = 0; k < 5; k++, rest = Math.floor(rest / 32)) id = (ALPHABET[rest % 32] as string) + id
  return `t-${id}`
}

type Unnamed = Omit<RenderTask, 'id' | 'children'> & { children: Unnamed[] }

function named(forest: Unnamed[], next: { n: number }): RenderTask[] {
  return forest.map((task) => ({ ...task, id: idFor(next.n++), children: named(task.children, next) }))
}

export const treeArb: fc.Arbitrary<RenderTask[]> = fc
  .letrec<{ forest: Unnamed[]; task: Unnamed }>((tie) => ({
    forest: fc.array(tie('task'), { maxLength: 4 }),
    task: fc.record({
      title: titleArb,
      status: statusArb,
      meta: metaArb,
      children: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant<Unnamed[]>([]), tie('forest'))
    })
  }))
  .forest.map((forest) => named(forest, { n: 1 }))

export function expectedTree(tasks: RenderTask[]): Tree[] {
  return tasks.map((task) => ({
    id: task.id,
    title: task.title,
    status: task.status,
    meta: expectedMeta(task.meta),
    children: expectedTree(task.children ?? [])
  }))
}
