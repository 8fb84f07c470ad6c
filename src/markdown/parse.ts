// Reading TASKS.md into task records. The only module that loads remark (with plan-steps.ts,
// which it re-exports for the hooks).
import type { Html, ListItem, Nodes, Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { hashText, splitBlocks, type Span } from './blocks.js'
import type { RunTask } from './fast-block.js'
import { countNewlines, endOfContentBefore, eolOf, profileOf } from './lines.js'
import { shiftedTask } from './offsets.js'
import { assertReadable } from './refusal.js'
import { readJoined, runReader } from './runs.js'
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
    order: 0,
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

const readRun = runReader(readRunWithRemark)

/** The tasks of `previous` inside its block `old`, moved to `span`, with parents counted within the run. */
function reuse(previous: ParsedFile, old: Block, span: Span): RunTask[] {
  let first = 0
  let high = previous.tasks.length
  while (first < high) {
    const middle = (first + high) >> 1
    if ((previous.tasks[middle] as ParsedTask).start < old.start) first = middle + 1
    else high = middle
  }
  const tasks: RunTask[] = []
  for (let index = first; index < previous.tasks.length; index++) {
    const task = previous.tasks[index] as ParsedTask
    if (task.start >= old.end) break
    tasks.push(shiftedTask(task, span.start - old.start, span.line - old.line, task.parent === null ? null : task.parent - first))
  }
  return tasks
}

/** The runs' tasks as one list; every record is the run's own, so parents and orders are set in place. */
function assemble(runs: RunTask[][]): ParsedTask[] {
  const tasks: ParsedTask[] = []
  // Typed, not a sparse array: a holey array of 10,000 entries made this the slowest step.
  const children = new Uint32Array(runs.reduce((sum, run) => sum + run.length, 0))
  let topLevel = 0
  for (const run of runs) {
    const offset = tasks.length
    for (const task of run) {
      if (task.parent !== null) task.parent += offset
      task.order = task.parent === null ? topLevel++ : (children[task.parent] as number)++
      tasks.push(task)
    }
  }
  return tasks
}

/** A run to read, with its hash and, when its text is unchanged from `previous`, its old block. */
interface Piece {
  span: Span
  hash: string
  old: Block | undefined
}

/**
 * The file's runs, splitting only where it changed: old blocks that still hash the same at
 * the same place (from the start) or at the same distance from the end are kept, and the
 * text between is split from the last kept block's start, which is still a run start
 * because neither its first line nor anything before it changed.
 */
function piecesAround(source: string, from: number, previous: ParsedFile): Piece[] {
  const old = previous.blocks
  const delta = source.length - previous.length
  const sameAt = (block: Block, shift: number) =>
    block.start + shift >= from && block.end + shift <= source.length && hashText(source.slice(block.start + shift, block.end + shift)) === block.hash
  // The last block only stays as the last: text after it could continue it.
  let prefix = 0
  while (prefix < old.length - 1 && sameAt(old[prefix] as Block, 0)) prefix++
  let suffix = old.length
  while (suffix > prefix && (old[suffix - 1] as Block).start + delta >= ((old[prefix - 1] as Block | undefined)?.end ?? from) && sameAt(old[suffix - 1] as Block, delta)) suffix--
  const resplitFrom = prefix > 0 ? (old[prefix - 1] as Block) : undefined
  const pieces: Piece[] = old.slice(0, Math.max(0, prefix - 1)).map((block) => ({ span: block, hash: block.hash, old: block }))
  const suffixStarts = new Map(old.slice(suffix).map((block) => [block.start + delta, block]))
  const middle = splitBlocks(source, resplitFrom?.start ?? from, resplitFrom?.line ?? 1, new Set(suffixStarts.keys()))
  for (const span of middle) pieces.push({ span, hash: hashText(source.slice(span.start, span.end)), old: undefined })
  const stoppedAt = middle.length === 0 ? (resplitFrom?.start ?? from) : (middle[middle.length - 1] as Span).end
  const lines = (middle.length === 0 ? (resplitFrom?.line ?? 1) : (middle[middle.length - 1] as Span).line + countNewlines(source.slice((middle[middle.length - 1] as Span).start, stoppedAt))) - (suffixStarts.get(stoppedAt)?.line ?? 0)
  for (const block of old.slice(suffix)) {
    if (block.start + delta < stoppedAt) continue
    pieces.push({ span: { start: block.start + delta, end: block.end + delta, line: block.line + lines }, hash: block.hash, old: block })
  }
  return pieces
}

function piecesOf(source: string, from: number): Piece[] {
  return splitBlocks(source, from).map((span) => ({ span, hash: hashText(source.slice(span.start, span.end)), old: undefined }))
}

/**
 * Reads every task of a TASKS.md. With `previous` (the ParsedFile of an earlier version),
 * blocks whose text is unchanged are taken from it instead of being parsed again.
 * Throws MarkdownRefusal for a file that cannot be read safely.
 */
export function parse(source: string, previous?: ParsedFile): ParsedFile {
  assertReadable(source)
  const bom = source.charCodeAt(0) === 0xfeff
  const from = bom ? 1 : 0
  // A BOM removed leaves the first line longer by what stood after it: nothing is kept then.
  const pieces = previous && previous.blocks.length > 0 && previous.bom === bom ? piecesAround(source, from, previous) : piecesOf(source, from)
  const known = new Map<string, Block>()
  const previousLast = previous?.blocks[previous.blocks.length - 1]
  for (const block of previous?.blocks ?? []) if (block !== previousLast) known.set(block.hash, block)
  const runs: RunTask[][] = []
  const blocks: Block[] = []
  const spans = pieces.map((piece) => piece.span)
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index] as Piece
    let { span, hash } = piece
    const old = piece.old ?? known.get(hash) ?? (index === pieces.length - 1 && previousLast?.hash === hash ? previousLast : undefined)
    if (old && previous) {
      runs.push(reuse(previous, old, span))
    } else {
      const run = readJoined(source, spans, index, readRun)
      index = run.last
      span = run.span
      if (span !== piece.span) hash = hashText(source.slice(span.start, span.end))
      runs.push(run.tasks)
    }
    blocks.push({ start: span.start, end: span.end, line: span.line, hash })
  }
  return {
    tasks: assemble(runs),
    eol: eolOf(source),
    bom,
    finalNewline: source.endsWith('\n'),
    profile: profileOf(source),
    length: source.length,
    blocks
  }
}

export { planSteps, type PlanStep } from './plan-steps.js'
