// Reading TASKS.md into task records. The only module that loads remark.
import type { Html, ListItem, Nodes, Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { hashText, splitBlocks, type Span } from './blocks.js'
import { readSimpleRun, type RunTask } from './fast-block.js'
import { endOfContentBefore, eolOf } from './lines.js'
import { assertReadable, MarkdownRefusal } from './refusal.js'
import { GFM_CHECKBOX_MARKERS, readTaskLine } from './task-line.js'
import type { Block, ParsedFile, ParsedTask } from './types.js'

let processor: ReturnType<typeof createProcessor> | undefined

function createProcessor() {
  return unified().use(remarkParse).use(remarkGfm).freeze()
}

function lineEndAfter(source: string, offset: number, limit: number): number {
  const newline = source.indexOf('\n', offset)
  return newline === -1 || newline >= limit ? limit : newline + 1
}

function taskOf(source: string, span: Span, item: ListItem): Omit<RunTask, 'parent' | 'depth'> | null {
  const first = item.children[0]
  if (first?.type !== 'paragraph' || first.position?.start.line !== item.position?.start.line) return null
  const bullet = span.start + (item.position?.start.offset as number)
  const read = readTaskLine(source, bullet)
  // remark-gfm decides for the boxes it knows; the same rule reads the others.
  if (!read || GFM_CHECKBOX_MARKERS.includes(read.markerChar) !== (item.checked !== null && item.checked !== undefined)) return null
  // A run starts on a line start, or just after a BOM, which is no part of the first line.
  const start = Math.max(span.start, source.lastIndexOf('\n', bullet - 1) + 1)
  return {
    id: read.id,
    title: read.title,
    status: read.status,
    meta: read.meta,
    line: span.line + (item.position?.start.line as number) - 1,
    start,
    bullet,
    marker: read.marker,
    titleStart: read.titleStart,
    titleEnd: read.titleEnd,
    tailEnd: read.tailEnd,
    // In a block quote remark stretches an item whose last child is a list over the `>`
    // lines after it; an item ends at its last line with content, as outside quotes.
    end: endOfContentBefore(source, lineEndAfter(source, span.start + (item.position?.end.offset as number) - 1, span.end), lineEndAfter(source, bullet, span.end))
  }
}

function collect(source: string, span: Span, node: Nodes, parent: number | null, depth: number, tasks: RunTask[]): void {
  if (!('children' in node)) return
  for (const child of node.children) {
    if (child.type === 'listItem') {
      const task = taskOf(source, span, child)
      if (task) {
        tasks.push({ ...task, parent, depth })
        collect(source, span, child, tasks.length - 1, depth + 1, tasks)
        continue
      }
    }
    collect(source, span, child, parent, depth, tasks)
  }
}

const FENCE = /^[ \t]*(`{3,}|~{3,})/
const HTML_CLOSE: ReadonlyArray<[RegExp, RegExp]> = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [/^<![A-Za-z]/, />/]
]

/** Whether the run ends with nothing open that the next run's first line could continue. */
function endsClosed(text: string, tree: Root): boolean {
  const last = tree.children[tree.children.length - 1]
  if (last?.type === 'code') {
    const source = text.slice(last.position?.start.offset, last.position?.end.offset)
    const fence = FENCE.exec(source)?.[1]
    if (fence === undefined) return true
    const lines = source.split('\n')
    const closing = (lines[lines.length - 1] as string).trim()
    return lines.length > 1 && closing.length >= fence.length && closing === (fence[0] as string).repeat(closing.length)
  }
  if (last?.type === 'html') {
    const value = (last as Html).value
    for (const [open, close] of HTML_CLOSE) if (open.test(value)) return close.test(value.slice(2))
    return /\n[ \t]*\r?\n/.test(text.slice(last.position?.end.offset))
  }
  return true
}

/** The tasks of one run as remark sees them, and whether the run ends closed. */
export function readRunWithRemark(source: string, span: Span): { tasks: RunTask[]; closed: boolean } {
  processor ??= createProcessor()
  const text = source.slice(span.start, span.end)
  const tree = processor.parse(text)
  const tasks: RunTask[] = []
  collect(source, span, tree, null, 0, tasks)
  return { tasks, closed: endsClosed(text, tree) }
}

function readRun(source: string, span: Span): { tasks: RunTask[]; closed: boolean } {
  const simple = readSimpleRun(source, span)
  return simple ? { tasks: simple, closed: true } : readRunWithRemark(source, span)
}

/** The tasks of `previous` inside its block `old`, moved to `span`. */
function reuse(previous: ParsedFile, old: Block, span: Span): RunTask[] {
  let first = 0
  let high = previous.tasks.length
  while (first < high) {
    const middle = (first + high) >> 1
    if ((previous.tasks[middle] as ParsedTask).start < old.start) first = middle + 1
    else high = middle
  }
  const shift = span.start - old.start
  const lines = span.line - old.line
  const tasks: RunTask[] = []
  for (let index = first; index < previous.tasks.length; index++) {
    const task = previous.tasks[index] as ParsedTask
    if (task.start >= old.end) break
    const { order: _order, ...rest } = task
    tasks.push({
      ...rest,
      parent: task.parent === null ? null : task.parent - first,
      line: task.line + lines,
      start: task.start + shift,
      bullet: task.bullet + shift,
      marker: task.marker + shift,
      titleStart: task.titleStart + shift,
      titleEnd: task.titleEnd + shift,
      tailEnd: task.tailEnd + shift,
      end: task.end + shift
    })
  }
  return tasks
}

function assemble(runs: RunTask[][]): ParsedTask[] {
  const tasks: ParsedTask[] = []
  const children: number[] = []
  let topLevel = 0
  const seen = new Map<string, number>()
  for (const run of runs) {
    const offset = tasks.length
    for (const task of run) {
      const parent = task.parent === null ? null : task.parent + offset
      const order = parent === null ? topLevel++ : (children[parent] = (children[parent] ?? 0) + 1) - 1
      if (task.id !== null) {
        const other = seen.get(task.id)
        if (other !== undefined) {
          throw new MarkdownRefusal(
            task.line,
            `the id ${task.id} is also on line ${other}, and two tasks cannot share an id. The file was not read and nothing was written; delete one of the two id comments (that task will get a new id).`
          )
        }
        seen.set(task.id, task.line)
      }
      tasks.push({ ...task, parent, order })
    }
  }
  return tasks
}

const GFM_PROFILE = /^<!-- tasktrail: gfm -->[ \t]*\r?$/m

/**
 * Reads every task of a TASKS.md. With `previous` (the ParsedFile of an earlier version),
 * blocks whose text is unchanged are taken from it instead of being parsed again.
 * Throws MarkdownRefusal for a file that cannot be read safely.
 */
export function parse(source: string, previous?: ParsedFile): ParsedFile {
  assertReadable(source)
  const bom = source.charCodeAt(0) === 0xfeff
  const spans = splitBlocks(source, bom ? 1 : 0)
  const known = new Map<string, Block>()
  const previousLast = previous?.blocks[previous.blocks.length - 1]
  for (const block of previous?.blocks ?? []) if (block !== previousLast) known.set(block.hash, block)
  const runs: RunTask[][] = []
  const blocks: Block[] = []
  for (let index = 0; index < spans.length; index++) {
    let span = spans[index] as Span
    let hash = hashText(source.slice(span.start, span.end))
    const old = known.get(hash) ?? (index === spans.length - 1 && previousLast?.hash === hash ? previousLast : undefined)
    if (old && previous) {
      runs.push(reuse(previous, old, span))
    } else {
      let run = readRun(source, span)
      while (!run.closed && index + 1 < spans.length) {
        span = { ...span, end: (spans[++index] as Span).end }
        run = readRun(source, span)
      }
      if (span !== spans[index]) hash = hashText(source.slice(span.start, span.end))
      runs.push(run.tasks)
    }
    blocks.push({ ...span, hash })
  }
  return {
    tasks: assemble(runs),
    eol: eolOf(source),
    bom,
    finalNewline: source.endsWith('\n'),
    profile: GFM_PROFILE.test(source) ? 'gfm' : 'canonical',
    length: source.length,
    blocks
  }
}
