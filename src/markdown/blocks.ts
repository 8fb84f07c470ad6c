// Splitting a file into runs of lines that parse the same alone as in the whole file, so a
// hand edit re-parses one run. A line can start a run when nothing open can continue into
// it: at column 0 after a blank line, an ATX heading at column 0, or a bullet item at column
// 0 (each top-level task with its subtasks is a run of its own, so a splice rehashes one task
// and a hand edit re-reads one, however long the list), and never inside a top-level fenced
// code block or HTML block. The scan approximates CommonMark's block
// structure; parse() checks each remark-parsed run ends closed and merges it with the next
// otherwise, so the approximation can cost speed, not correctness.
export interface Span {
  start: number
  end: number
  line: number
}

/**
 * A block's fingerprint: its length and two independent 32-bit hashes (FNV-1a and a
 * MurmurHash-style mix). In JavaScript, not node:crypto: loading node:crypto costs a hook
 * about 10 ms, and the writer hashes the block of every line it changes.
 */
export function hashText(text: string): string {
  let fnv = 0x811c9dc5
  let murmur = 0x9747b28c
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    fnv = Math.imul(fnv ^ code, 0x01000193)
    murmur = Math.imul(murmur ^ code, 0x5bd1e995)
    murmur ^= murmur >>> 15
  }
  return `${text.length.toString(36)}.${(fnv >>> 0).toString(36)}.${(murmur >>> 0).toString(36)}`
}

const BLANK = /^[ \t]*\r?$/
const ATX = /^#{1,6}(?:[ \t]|\r?$)/
// `[^\n]`, not `.`: U+2028 in an info string is an ordinary character to CommonMark.
const FENCE_OPEN = /^(`{3,}(?![^\n]*`)|~{3,})/
const THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})\r?$/
const LIST_ITEM = /^(?:[-*+]|(\d{1,9})[.)])(?:([ \t]+)(?=[^ \t\r\n])|[ \t]*\r?$)/
const HTML_ENDS: ReadonlyArray<[RegExp, RegExp]> = [
  [/^<(?:script|pre|style|textarea)(?:[ \t>]|\r?$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/]
]
const HTML_UNTIL_BLANK =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|\r?$)/i
// Type 7: a lone complete tag; it cannot interrupt a paragraph.
const HTML_TAG_LINE =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*\r?$/

/** Leading blank columns (tabs to the next multiple of 4) and where the text after them starts. */
function indentOf(text: string): { columns: number; at: number } {
  let columns = 0
  let at = 0
  for (; at < text.length; at++) {
    const char = text[at]
    if (char === ' ') columns++
    else if (char === '\t') columns += 4 - (columns % 4)
    else break
  }
  return { columns, at }
}

type HtmlEnd = RegExp | 'blank'

function htmlStart(rest: string, paragraph: boolean): HtmlEnd | null {
  for (const [open, close] of HTML_ENDS) if (open.test(rest)) return close
  if (HTML_UNTIL_BLANK.test(rest)) return 'blank'
  if (!paragraph && HTML_TAG_LINE.test(rest)) return 'blank'
  return null
}

// The first characters of an ATX heading, a fence, a thematic break, a list item, a quote or HTML.
const BLOCK_START = /^[#`~*_+\-0-9><]/

/** Whether a line's text after its indentation can start a block (and so interrupt a paragraph). */
export function startsBlock(rest: string): boolean {
  // Most lines are prose: their first character already says they start nothing.
  if (!BLOCK_START.test(rest)) return false
  return (
    ATX.test(rest) ||
    FENCE_OPEN.test(rest) ||
    THEMATIC.test(rest) ||
    LIST_ITEM.test(rest) ||
    rest.startsWith('>') ||
    htmlStart(rest, true) !== null
  )
}

/**
 * A non-empty bullet item at column 0 starts a run wherever it stands: it interrupts a
 * paragraph, is never a lazy continuation line, and is not indented enough to belong to an
 * open item. (An ordered item other than 1 can continue a paragraph; an empty one cannot
 * interrupt one; `- - -` is a thematic break.)
 */
function startsBulletItem(rest: string): boolean {
  const item = LIST_ITEM.exec(rest)
  return item !== null && item[1] === undefined && item[2] !== undefined && !THEMATIC.test(rest)
}

/** The fence a line opens (indented at most 3 columns), or null. */
export function fenceOpening(text: string): string | null {
  const { columns, at } = indentOf(text)
  return columns > 3 ? null : FENCE_OPEN.exec(text.slice(at))?.[1] ?? null
}

/** Whether a line (indented at most 3 columns) is a thematic break, or under a paragraph a setext underline. */
export function isThematicBreak(text: string): boolean {
  const { columns, at } = indentOf(text)
  return columns <= 3 && THEMATIC.test(text.slice(at))
}

export function fenceCloses(text: string, fence: string): boolean {
  const { columns, at } = indentOf(text)
  if (columns > 3) return false
  const rest = text.slice(at).replace(/[ \t\r]+$/, '')
  return rest.length >= fence.length && rest === (fence[0] as string).repeat(rest.length)
}

const NOWHERE: ReadonlySet<number> = new Set()

/**
 * The runs of source[from…] (`from` a run start on line `line`), up to the first run that
 * would start at an offset in `stopAt`: from a run start on, the split depends only on the
 * text, so the caller can take the rest from an earlier split of the same text.
 */
export function splitBlocks(source: string, from: number, line = 1, stopAt = NOWHERE): Span[] {
  const spans: Span[] = []
  let spanStart = from
  let spanLine = line
  let fence: string | null = null
  let html: HtmlEnd | null = null
  let item: number | null = null // content column of the open top-level list item
  let paragraph = false // an open top-level paragraph: an ordered item not numbered 1 cannot interrupt it
  let previousBlank = true
  for (let at = from; at < source.length; line++) {
    const newline = source.indexOf('\n', at)
    const next = newline === -1 ? source.length : newline + 1
    const text = source.slice(at, newline === -1 ? source.length : newline)
    const blank = BLANK.test(text)
    if (fence !== null) {
      if (fenceCloses(text, fence)) fence = null
    } else if (html !== null) {
      if (html === 'blank' ? blank : html.test(text)) html = null
    } else if (blank) {
      paragraph = false
    } else {
      const { columns, at: restAt } = indentOf(text)
      const rest = text.slice(restAt)
      if (columns === 0 && at > spanStart && (previousBlank || ATX.test(rest) || startsBulletItem(rest))) {
        spans.push({ start: spanStart, end: at, line: spanLine })
        if (stopAt.has(at)) return spans
        spanStart = at
        spanLine = line
      }
      const inItem = item !== null && (columns >= item || (!previousBlank && !startsBlock(rest)))
      if (!inItem) {
        item = null
        if (columns >= 4) {
          // paragraph continuation or indented code: neither opens anything
        } else if (FENCE_OPEN.test(rest)) {
          fence = (FENCE_OPEN.exec(rest) as RegExpExecArray)[1] as string
          paragraph = false
        } else if (htmlStart(rest, paragraph) !== null) {
          const end = htmlStart(rest, paragraph) as HtmlEnd
          html = end === 'blank' || !end.test(rest.slice(2)) ? end : null
          paragraph = false
        } else if (ATX.test(rest) || THEMATIC.test(rest)) {
          paragraph = false
        } else {
          const listItem = LIST_ITEM.exec(rest)
          const interrupts = listItem !== null && paragraph && (listItem[2] === undefined || (listItem[1] !== undefined && listItem[1] !== '1'))
          if (listItem && !interrupts) {
            const markerWidth = listItem[1] === undefined ? 1 : listItem[1].length + 1
            const gap = listItem[2] === undefined ? 1 : indentOf(listItem[2]).columns
            item = columns + markerWidth + (gap > 4 ? 1 : gap)
            paragraph = false
          } else {
            paragraph = true
          }
        }
      }
    }
    previousBlank = blank
    at = next
  }
  if (spanStart < source.length) spans.push({ start: spanStart, end: source.length, line: spanLine })
  return spans
}
