// Line arithmetic on source text, shared by the reader and the writer.
import type { Profile } from './types.js'

// Inside a block quote a line of only `>` is blank too.
export const BLANK_LINE = /^[ \t>]*\r?$/

export function countNewlines(text: string): number {
  let count = 0
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++
  return count
}

/** The end (past its line ending) of the last non-blank line that ends at or before `position`, or `from`. */
export function endOfContentBefore(source: string, position: number, from: number): number {
  let end = position
  while (end > from) {
    const contentEnd = source[end - 1] === '\n' ? end - 1 : end
    const lineStart = Math.max(from, source.lastIndexOf('\n', contentEnd - 1) + 1)
    if (!BLANK_LINE.test(source.slice(lineStart, contentEnd))) return end
    end = lineStart
  }
  return from
}

export function skipBlankLines(source: string, at: number): number {
  for (;;) {
    const newline = source.indexOf('\n', at)
    if (newline === -1 || !BLANK_LINE.test(source.slice(at, newline))) return at
    at = newline + 1
  }
}

/** The file's line ending, as its first line ends; LF for a file of one line. */
export function eolOf(source: string): '\n' | '\r\n' {
  const newline = source.indexOf('\n')
  return newline > 0 && source[newline - 1] === '\r' ? '\r\n' : '\n'
}

const GFM_PROFILE = /^<!-- tasktrail: gfm -->[ \t]*\r?$/m

/** The file's profile: pure GFM when it has the profile line (docs/FORMAT.md), else canonical. */
export function profileOf(source: string): Profile {
  return GFM_PROFILE.test(source) ? 'gfm' : 'canonical'
}

/** The columns `text` spans when it starts at column `from` (a tab reaches the next multiple of 4). */
export function columnsOf(text: string, from = 0): number {
  let column = from
  for (const char of text) column = char === '\t' ? column + 4 - (column % 4) : column + 1
  return column - from
}

/**
 * The line with its leading blanks as spaces, read as starting at column `from`. A tab's
 * width depends on where it starts, so a line that moves to a column that is not a
 * multiple of 4 further on must not keep its leading tabs.
 */
export function expandIndent(line: string, from: number): string {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? ''
  return ' '.repeat(columnsOf(indent, from)) + line.slice(indent.length)
}
