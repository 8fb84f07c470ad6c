// Shortening Claude Code's text to what the store keeps (see limits.ts).
import { plainTitle } from '../markdown/plain-title.js'
import { TITLE_LIMIT } from './limits.js'

const ELLIPSIS = '…'

/** At most `limit` characters; a cut text ends with an ellipsis. */
export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, limit - 1).trimEnd() + ELLIPSIS
}

/**
 * A one-line title: the first non-empty line, whitespace collapsed, cut at the last word
 * boundary that fits (mid-word only when a single word is longer than the limit).
 */
export function titleFrom(text: string, limit: number): string {
  const line = (text.split('\n').find((l) => l.trim() !== '') ?? '').replace(/\s+/g, ' ').trim()
  if (line.length <= limit) return line
  const room = line.slice(0, limit - 1)
  // The room ends on a word boundary when the next character is no letter or digit.
  const space = /[\p{L}\p{N}]/u.test(line[limit - 1]!) ? room.lastIndexOf(' ') : room.length
  return (space > limit / 2 ? room.slice(0, space) : room).replace(/[\s,;:.-]+$/, '') + ELLIPSIS
}

/** One line, for a log or a blocker: newlines and runs of whitespace become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * A task title from Claude's text: its first line shortened to TITLE_LIMIT, with markdown
 * escaped (plainTitle), so it stays plain text on its line of TASKS.md.
 */
export function taskTitle(text: string): string {
  return plainTitle(titleFrom(text, TITLE_LIMIT))
}
