// One task line: `[marker] title [key:: value]… <!-- t-id -->`, read and written.
// Everything here works on source text only, so the writer never needs remark.
import { isTaskType, type TaskStatus } from '../model/task.js'
import { startsBlock } from './blocks.js'
import type { Profile, TaskMeta } from './types.js'

const MARKER_STATUS: Readonly<Record<string, TaskStatus>> = {
  ' ': 'pending',
  x: 'completed',
  X: 'completed',
  '✓': 'completed',
  '✔': 'completed',
  '/': 'in_progress',
  '→': 'in_progress',
  '!': 'blocked',
  '-': 'cancelled',
  '~': 'cancelled'
}

const CANONICAL_MARKER: Readonly<Record<TaskStatus, string>> = {
  pending: ' ',
  in_progress: '/',
  blocked: '!',
  completed: 'x',
  cancelled: '-'
}

// The pure-GFM profile only has two boxes; the token says which state an open or ticked box is in.
const GFM_MARKER: Readonly<Record<TaskStatus, string>> = {
  pending: ' ',
  in_progress: ' ',
  blocked: ' ',
  completed: 'x',
  cancelled: 'x'
}

const STATUS_WORD: Readonly<Record<TaskStatus, string>> = {
  pending: 'pending',
  in_progress: 'in progress',
  blocked: 'blocked',
  completed: 'completed',
  cancelled: 'cancelled'
}

const WORD_STATUS = new Map(Object.entries(STATUS_WORD).map(([status, word]) => [word, status as TaskStatus]))

/** Markers remark-gfm itself turns into checkboxes; the others are ours. */
export const GFM_CHECKBOX_MARKERS = ' xX'

export function markerFor(status: TaskStatus, profile: Profile): string {
  return (profile === 'gfm' ? GFM_MARKER : CANONICAL_MARKER)[status]
}

/** A box says open or done; a token may only narrow that down, so ticking a box on GitHub always wins. */
function refine(marked: TaskStatus, token: TaskStatus | undefined): TaskStatus {
  if (marked === 'pending' && (token === 'in_progress' || token === 'blocked')) return token
  if (marked === 'completed' && token === 'cancelled') return token
  return marked
}

const ID_COMMENT = /[ \t]+<!--[ \t]*(t-[0-9a-hjkmnp-tv-z]{4,12})[ \t]*-->$/
const STOP_COMMENT = /[ \t]+<!--[ \t]*-->$/
const TOKEN = /[ \t]+\[(type|agent|reason|status)::((?:\\[^\n]|[^\\\]\n])*)\]$/
const ESCAPED = /\\([!-/:-@[-`{-~])/g

const STOP = '<!-- -->'

interface Tail {
  /** Where the title ends: the first tail element's leading blank, or the end. */
  titleEnd: number
  id: string | null
  meta: TaskMeta
  status: TaskStatus | undefined
  stop: boolean
  /** How many elements were read. */
  elements: number
}

function decodeValue(raw: string): string {
  return raw.trim().replace(ESCAPED, '$1')
}

/**
 * Reads tail elements from the right of text[from, to) (to: last non-blank + 1). Reading
 * stops at anything else, at a repeated key or second id, and after a stop comment — which
 * is how a title that itself ends like a tail is protected. The title always keeps text[from].
 */
function readTail(text: string, from: number, to: number): Tail {
  const tail: Tail = { titleEnd: to, id: null, meta: {}, status: undefined, stop: false, elements: 0 }
  const seen = new Set<string>()
  for (;;) {
    const rest = text.slice(from, tail.titleEnd)
    const id = ID_COMMENT.exec(rest)
    if (id) {
      if (tail.id !== null) return tail
      tail.id = id[1] as string
      tail.titleEnd = from + id.index
      tail.elements++
      continue
    }
    const stop = STOP_COMMENT.exec(rest)
    if (stop) {
      tail.stop = true
      tail.titleEnd = from + stop.index
      tail.elements++
      return tail
    }
    const token = TOKEN.exec(rest)
    if (!token) return tail
    const key = token[1] as string
    const value = decodeValue(token[2] as string)
    if (seen.has(key) || value === '') return tail
    if (key === 'type') {
      if (!isTaskType(value)) return tail
      tail.meta.type = value
    } else if (key === 'status') {
      const status = WORD_STATUS.get(value)
      if (status === undefined) return tail
      tail.status = status
    } else {
      tail.meta[key as 'agent' | 'reason'] = value
    }
    seen.add(key)
    tail.titleEnd = from + token.index
    tail.elements++
  }
}

/** Whether a title would lose its end to the tail reader unless a stop comment follows it. */
export function needsStop(title: string): boolean {
  return readTail(title, 0, title.length).elements > 0
}

const TASK_START = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\[([^\]\n])\][ \t]+(?=[^ \t\r\n])/

export interface TaskLine {
  marker: number
  /** The character between the brackets. */
  markerChar: string
  status: TaskStatus
  titleStart: number
  titleEnd: number
  tailEnd: number
  title: string
  id: string | null
  meta: TaskMeta
  /** Whether the line has a `[status:: …]` token or a stop comment (the writer then rewrites the tail). */
  statusToken: boolean
  stop: boolean
}

function trimmedEnd(text: string, to: number): number {
  while (to > 0 && /[ \t\r]/.test(text[to - 1] as string)) to--
  return to
}

/** Whether text[0, to) ends in a backslash that is not itself escaped. */
function endsInBackslash(text: string, to: number): boolean {
  let count = 0
  while (count < to && text[to - 1 - count] === '\\') count++
  return count % 2 === 1
}

/** Whether the line after the one ending at `lineEnd` continues its paragraph: it has text and starts no block. */
function continuesParagraph(source: string, lineEnd: number): boolean {
  if (lineEnd >= source.length) return false
  const next = source.indexOf('\n', lineEnd + 1)
  const rest = source.slice(lineEnd + 1, next === -1 ? source.length : next).replace(/^[ \t>]*/, '').replace(/\r$/, '')
  return rest !== '' && !startsBlock(rest)
}

/** Reads the list item line starting at `bullet`, or null when it is not a task line. */
export function readTaskLine(source: string, bullet: number): TaskLine | null {
  let lineEnd = source.indexOf('\n', bullet)
  if (lineEnd === -1) lineEnd = source.length
  const text = source.slice(bullet, lineEnd)
  const start = TASK_START.exec(text)
  if (!start) return null
  const markerChar = start[1] as string
  const marked = MARKER_STATUS[markerChar]
  if (marked === undefined) return null
  let to = trimmedEnd(text, text.length)
  // A hard break (`\` ending a line the paragraph continues after) belongs to the line's end,
  // like trailing blanks: the title and tail end before it, so an id goes where it keeps the break.
  if (endsInBackslash(text, to) && continuesParagraph(source, lineEnd)) to = trimmedEnd(text, to - 1)
  const from = start[0].length
  const tail = readTail(text, from, to)
  return {
    marker: bullet + start[0].indexOf('['),
    markerChar,
    status: refine(marked, tail.status),
    titleStart: bullet + from,
    titleEnd: bullet + tail.titleEnd,
    tailEnd: bullet + to,
    title: text.slice(from, tail.titleEnd),
    id: tail.id,
    meta: tail.meta,
    statusToken: tail.status !== undefined,
    stop: tail.stop
  }
}

/** Plain text as a token value: one line, and nothing that could end the token or open markup. */
function encodeValue(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/[\\\[\]<`]/g, '\\$&')
}

/** The value a written token reads back as. */
function normalizeValue(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** Everything after the title: ` <!-- -->`? ` [status:: …]`? ` [type:: …]` ` [agent:: …]` ` [reason:: …]` ` <!-- id -->`. */
export function formatTail(title: string, status: TaskStatus, meta: TaskMeta, id: string, profile: Profile): string {
  let tail = needsStop(title) ? ` ${STOP}` : ''
  if (profile === 'gfm' && status !== 'pending' && status !== 'completed') tail += ` [status:: ${STATUS_WORD[status]}]`
  if (meta.type !== undefined) tail += ` [type:: ${meta.type}]`
  for (const key of ['agent', 'reason'] as const) {
    const value = meta[key] === undefined ? '' : encodeValue(meta[key])
    if (value !== '') tail += ` [${key}:: ${value}]`
  }
  return `${tail} <!-- ${id} -->`
}

/** The text of a task line after its bullet and the blank that follows it. */
export function formatTaskText(
  task: { id: string; title: string; status: TaskStatus; meta: TaskMeta },
  profile: Profile
): string {
  assertTitle(task.title)
  return `[${markerFor(task.status, profile)}] ${task.title}${formatTail(task.title, task.status, task.meta, task.id, profile)}`
}

/** The meta a written tail reads back as: empty values dropped, whitespace collapsed. */
export function writtenMeta(meta: TaskMeta): TaskMeta {
  const written: TaskMeta = {}
  if (meta.type !== undefined) written.type = meta.type
  for (const key of ['agent', 'reason'] as const) {
    const value = meta[key] === undefined ? '' : normalizeValue(meta[key])
    if (value !== '') written[key] = value
  }
  return written
}

export function assertTitle(title: string): void {
  if (title === '' || /^\s|\s$|[\r\n\0]/.test(title)) {
    throw new Error(
      `A task title must be one line of markdown without leading or trailing blanks; got ${JSON.stringify(title.slice(0, 80))}. ` +
        'Nothing was written. Pass text from elsewhere through plainTitle() first.'
    )
  }
}
