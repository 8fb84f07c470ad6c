// Most runs of a TASKS.md are headings, a few lines of prose and a plain checklist. Reading
// those lines directly gives exactly what remark gives (a property test holds the two
// together) at a fraction of the cost — remark costs about 1 ms per call even for one line;
// anything else in a run sends the whole run to remark.
import { startsBlock, type Span } from './blocks.js'
import { readTaskLine } from './task-line.js'
import type { ParsedTask } from './types.js'

/** A task whose parent is an index among the tasks of its own run; parse() sets `order`. */
export type RunTask = ParsedTask

const SIMPLE_ITEM = /^( {0,12})([-*+]|(\d{1,9})[.)])( {1,4})\[/
const HEADING = /^#{1,6}(?:[ \t]|\r?$)/
const BLANK = /^[ \t]*\r?$/
// Four columns of indentation: indented code where no list or paragraph is open.
const INDENTED_CODE = /^(?: {4}| {0,3}\t)/
// Prose that can hold no task and start nothing: `|` could make a table and `<` HTML, whose
// edges remark decides; such lines go to remark.
const PROSE = /^[ \t]*[^ \t\r\n<|][^|\n]*$/

function isProse(text: string): boolean {
  return PROSE.test(text) && !startsBlock(text.trimStart())
}

interface Open {
  content: number
  task: number
}

export function readSimpleRun(source: string, span: Span): RunTask[] | null {
  const tasks: RunTask[] = []
  const open: Open[] = []
  let contentEnd = span.start // just past the last non-blank line
  let previousItem = false
  let previousBlank = true
  let paragraph = false // an open prose paragraph
  const close = (keep: number) => {
    while (open.length > keep) (tasks[(open.pop() as Open).task] as RunTask).end = contentEnd
  }
  let line = span.line
  for (let at = span.start; at < span.end; line++) {
    const newline = source.indexOf('\n', at)
    const next = newline === -1 || newline >= span.end ? span.end : newline + 1
    const text = source.slice(at, newline === -1 ? span.end : Math.min(newline, span.end))
    const blank = BLANK.test(text)
    if (blank) {
      previousItem = false
      paragraph = false
    } else if (HEADING.test(text)) {
      close(0)
      previousItem = false
      paragraph = false
      contentEnd = next
    } else if (open.length === 0 && !paragraph && INDENTED_CODE.test(text)) {
      // Indented code: what may follow it (an ordered item, for one) is remark's to read.
      return null
    } else if (isProse(text)) {
      // Prose ends the open lists only at column 0 after a blank line; anywhere else it
      // would continue an item.
      if (open.length > 0 && (!previousBlank || text !== text.trimStart())) return null
      close(0)
      paragraph = true
    } else {
      const item = SIMPLE_ITEM.exec(text)
      if (!item) return null
      // Only a bullet or `1.` can interrupt a paragraph.
      if (paragraph && item[3] !== undefined && item[3] !== '1') return null
      paragraph = false
      const indent = (item[1] as string).length
      let keep = open.length
      while (keep > 0 && (open[keep - 1] as Open).content > indent) keep--
      const base = keep === 0 ? 0 : (open[keep - 1] as Open).content
      if (indent - base >= 4) return null
      // An ordered list directly under a task line would have to interrupt its paragraph.
      if (previousItem && keep === open.length && item[3] !== undefined) return null
      const read = readTaskLine(source, at + indent)
      if (!read) return null
      close(keep)
      const parent = open.length === 0 ? null : (open[open.length - 1] as Open).task
      open.push({ content: indent + (item[2] as string).length + (item[4] as string).length, task: tasks.length })
      tasks.push({
        id: read.id,
        title: read.title,
        status: read.status,
        meta: read.meta,
        parent,
        order: 0,
        depth: open.length - 1,
        line,
        start: at,
        bullet: at + indent,
        marker: read.marker,
        titleStart: read.titleStart,
        titleEnd: read.titleEnd,
        tailEnd: read.tailEnd,
        end: next
      })
      previousItem = true
      contentEnd = next
    }
    previousBlank = blank
    at = next
  }
  close(0)
  return tasks
}
