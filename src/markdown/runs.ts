// Reading runs of lines (src/markdown/blocks.ts) into tasks, remark-free: remark is handed in
// by the caller, so a hand edit in a plain checklist is read again without loading it.
import { splitBlocks, type Span } from './blocks.js'
import { readSimpleRun, type RunTask } from './fast-block.js'
import type { Block } from './types.js'

/** The tasks of one run (parents as indexes within the run) and whether it ends closed. */
export type RunReader = (source: string, span: Span) => { tasks: RunTask[]; closed: boolean }

/** Reads a plain checklist run directly and anything else with `remark`. */
export function runReader(remark: RunReader): RunReader {
  return (source, span) => {
    const simple = readSimpleRun(source, span)
    return simple ? { tasks: simple, closed: true } : remark(source, span)
  }
}

/**
 * Reads the run of spans[index] as remark reads it inside the whole file: joined with the
 * spans after it while it ends open (a fence or HTML block the next lines continue).
 */
export function readJoined(source: string, spans: readonly Span[], index: number, readRun: RunReader): { span: Span; tasks: RunTask[]; closed: boolean; last: number } {
  let span = spans[index] as Span
  let run = readRun(source, span)
  while (!run.closed && index + 1 < spans.length) {
    span = { ...span, end: (spans[++index] as Span).end }
    run = readRun(source, span)
  }
  return { span, tasks: run.tasks, closed: run.closed, last: index }
}

/**
 * The tasks of `block`, a block of an earlier version of `source` whose place and length the
 * edit kept, when its text still reads as one block of its own: split and joined as parse()
 * would. Null when the edit moved a block's edges (a fence opened, a line became a new
 * top-level item): then only a parse of the whole file can say what it reads as.
 */
export function rereadBlock(source: string, block: Block, readRun: RunReader): RunTask[] | null {
  const spans = splitBlocks(source, block.start, block.line, new Set([block.end]))
  if (spans.length === 0) return null
  const run = readJoined(source, spans, 0, readRun)
  const alone = run.last === spans.length - 1 && run.span.end === block.end && (run.closed || block.end === source.length)
  return alone ? run.tasks : null
}
