// Most runs of a TASKS.md are headings, a few lines of prose and a plain checklist. Reading
// those lines directly gives exactly what remark gives (a property test holds the two
// together) at a fraction of the cost — remark costs about 1 ms per call even for one line;
// anything else in a run sends the whole run to remark.
import { fenceCloses, fenceOpening, isThematicBreak, startsBlock, type Span } from './blocks.js'
import { readTaskLine } from './task-line.js'
import type { ParsedTask } from './types.js'

/** A task whose parent is an index among the tasks of its own run; parse() sets `order`. */
export type RunTask = ParsedTask

// A list item: indentation (spaces or tabs), bullet, one to four spaces, then content.
const ITEM = /^([ \t]{0,12})([-*+]|(\d{1,9})[.)])( {1,4})(?=[^ \t\r\n])/
const HEADING = /^#{1,6}(?:[ \t]|\r?$)/
const BLANK = /^[ \t]*\r?$/
// Four columns of indentation: indented code where no list or paragraph is open.
const INDENTED_CODE = /^(?: {4}| {0,3}\t)/
// Prose that can hold no task and start nothing: `|` could make a table and `<` HTML, whose
// edges remark decides; such lines go to remark.
const PROSE = /^[ \t]*[^ \t\r\n<|][^|\n]*$/
// Under a paragraph, `=` or `-` alone make it a setext heading: no longer a task's paragraph.
const SETEXT_UNDERLINE = /^[ \t]*(?:=+|-+)[ \t]*\r?$/

function isProse(text: string): boolean {
  return PROSE.test(text) && !startsBlock(text.trimStart())
}

/** Columns of leading blanks, a tab reaching the next multiple of 4. */
function columnsOf(indent: string): number {
  let column = 0
  for (const char of indent) column = char === '\t' ? column + 4 - (column % 4) : column + 1
  return column
}

interface Open {
  /** The column the item's content starts at. */
  content: number
  /** The task's index, or -1 for a plain item (no checkbox), which only nests. */
  task: number
}

export function readSimpleRun(source: string, span: Span): RunTask[] | null {
  const tasks: RunTask[] = []
  const open: Open[] = []
  let contentEnd = span.start // just past the last non-blank line
  let itemParagraph = false // the previous line is in an open paragraph of an item
  let previousBlank = true
  let paragraph = false // an open prose paragraph outside lists
  const close = (keep: number) => {
    while (open.length > keep) {
      const item = open.pop() as Open
      if (item.task >= 0) (tasks[item.task] as RunTask).end = contentEnd
    }
  }
  /** How many open items a line indented `columns` stays inside. */
  const inside = (columns: number) => {
    let keep = open.length
    while (keep > 0 && (open[keep - 1] as Open).content > columns) keep--
    return keep
  }
  let line = span.line
  for (let at = span.start; at < span.end; line++) {
    const newline = source.indexOf('\n', at)
    const next = newline === -1 || newline >= span.end ? span.end : newline + 1
    const text = source.slice(at, newline === -1 ? span.end : Math.min(newline, span.end))
    const blank = BLANK.test(text)
    if (blank) {
      itemParagraph = false
      paragraph = false
    } else if (HEADING.test(text)) {
      close(0)
      itemParagraph = false
      paragraph = false
      contentEnd = next
    } else if (open.length === 0 && !paragraph && INDENTED_CODE.test(text)) {
      // Indented code: what may follow it (an ordered item, for one) is remark's to read.
      return null
    } else if (fenceOpening(text) !== null || isThematicBreak(text)) {
      // Fenced code or a break outside lists (inside an item, its indentation rules are remark's):
      // it ends the lists and a paragraph, and a fence holds no tasks up to its closing line.
      if (inside(columnsOf(/^[ \t]*/.exec(text)?.[0] as string)) > 0) return null
      const fence = fenceOpening(text)
      let end = next
      if (fence !== null) {
        for (;;) {
          if (end >= span.end) return null // not closed in this run: remark decides how far it goes
          const lineEnd = source.indexOf('\n', end)
          const after = lineEnd === -1 || lineEnd >= span.end ? span.end : lineEnd + 1
          const closes = fenceCloses(source.slice(end, lineEnd === -1 ? span.end : Math.min(lineEnd, span.end)), fence)
          end = after
          line++
          if (closes) break
        }
      }
      close(0)
      itemParagraph = false
      paragraph = false
      contentEnd = end
      previousBlank = false
      at = end
      continue
    } else if (itemParagraph && isProse(text)) {
      // A line that starts no block continues the item's paragraph, however indented (a lazy line).
      if (SETEXT_UNDERLINE.test(text)) return null
      contentEnd = next
    } else if (isProse(text)) {
      if (open.length > 0 && !previousBlank) return null
      const indent = /^[ \t]*/.exec(text)?.[0] as string
      const columns = columnsOf(indent)
      const keep = inside(columns)
      if (keep > 0) {
        // After a blank line, a paragraph of the item it is indented for (four columns more is code).
        if (columns - (open[keep - 1] as Open).content >= 4) return null
        close(keep)
        itemParagraph = true
        contentEnd = next
      } else {
        // Prose not indented for any item ends the lists; four columns would be code.
        if (columns >= 4) return null
        close(0)
        paragraph = true
      }
    } else {
      const item = ITEM.exec(text)
      if (!item) return null
      // Only a bullet or `1.` can interrupt a paragraph.
      if (paragraph && item[3] !== undefined && item[3] !== '1') return null
      const indentText = item[1] as string
      const indent = columnsOf(indentText)
      const keep = inside(indent)
      const base = keep === 0 ? 0 : (open[keep - 1] as Open).content
      if (indent - base >= 4) return null
      // An ordered list directly under an item's paragraph would have to interrupt it.
      if (itemParagraph && keep === open.length && item[3] !== undefined) return null
      const bullet = at + indentText.length
      const read = readTaskLine(source, bullet)
      // A plain item nests what follows it; its text must be prose (nothing that opens a block).
      if (!read && !isProse(text.slice(item[0].length))) return null
      paragraph = false
      close(keep)
      const content = indent + (item[2] as string).length + (item[4] as string).length
      let parent: number | null = null
      let depth = 0
      for (const enclosing of open) {
        if (enclosing.task < 0) continue
        parent = enclosing.task
        depth++
      }
      if (!read) open.push({ content, task: -1 })
      else {
        open.push({ content, task: tasks.length })
        tasks.push({
          id: read.id,
          title: read.title,
          status: read.status,
          meta: read.meta,
          parent,
          order: 0,
          depth,
          line,
          start: at,
          bullet,
          marker: read.marker,
          titleStart: read.titleStart,
          titleEnd: read.titleEnd,
          tailEnd: read.tailEnd,
          end: next
        })
      }
      itemParagraph = true
      contentEnd = next
    }
    previousBlank = blank
    at = next
  }
  close(0)
  return tasks
}
