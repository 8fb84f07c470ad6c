// Writing edits into TASKS.md by splicing the source: every byte outside the edited task
// lines stays as the person left it. The writer also returns the ParsedFile of its result
// by moving offsets, without remark, so a hook can write and store it cheaply.
import { isTaskId } from '../model/ids.js'
import type { TaskStatus } from '../model/task.js'
import { hashText, splitBlocks } from './blocks.js'
import { shiftedTask } from './offsets.js'
import { BLANK_LINE, columnsOf, countNewlines, endOfContentBefore, eolOf, expandIndent, skipBlankLines } from './lines.js'
import { assertTitle, formatTail, formatTaskText, markerFor, needsStop, readTaskLine, writtenMeta } from './task-line.js'
import type { Block, Edit, ParsedFile, ParsedTask, TaskMeta } from './types.js'

interface State {
  source: string
  parsed: ParsedFile
  /** The line ending to write: the file's, even while a move has left it without a line break. */
  eol: '\n' | '\r\n'
  /** Whether the file ends with a line ending, even while a move has left it empty. */
  finalNewline: boolean
}

/** A task subtree ready to be written at a new place: lines without their old indentation. */
interface Fragment {
  /** The first line from the marker on. */
  first: string
  /** Columns from the bullet to the marker that the other lines are indented for. */
  contentWidth: number
  /** The other lines, without the item's own prefix. */
  rest: string[]
  tasks: FragmentTask[]
}

interface FragmentTask {
  line: number
  /** Distance of the bullet from the end of its line (lines after the first keep their ends). */
  fromEnd: number
  /** One past the index of the task's last line. */
  endLine: number
  parent: number | null
  depth: number
}

interface Placement {
  at: number
  prefix: string
  bullet: string
  lead: string
  trail: string
}

const BULLET = /^(?:[-*+]|(\d{1,9})([.)]))/

function fail(message: string): never {
  throw new Error(`${message} Nothing was written.`)
}

function find(state: State, id: string): number {
  const index = state.parsed.tasks.findIndex((task) => task.id === id)
  if (index === -1) fail(`TASKS.md has no task with id ${id}.`)
  return index
}

function parentIndex(state: State, id: string | null): number | null {
  return id === null ? null : find(state, id)
}

function assertNewId(state: State, id: string, inFile = (known: string) => state.parsed.tasks.some((task) => task.id === known)): void {
  if (!isTaskId(id)) fail(`${JSON.stringify(id)} is not a task id (t- and 4 to 12 of 0-9, a-z without i, l, o, u).`)
  if (inFile(id)) fail(`TASKS.md already has a task with id ${id}.`)
}

function lastDescendant(tasks: ParsedTask[], index: number): number {
  const end = (tasks[index] as ParsedTask).end
  let last = index
  while (last + 1 < tasks.length && (tasks[last + 1] as ParsedTask).start < end) last++
  return last
}

/** The task as its written line reads; `text` holds that line from offset `textStart` of the file on. */
function reread(text: string, textStart: number, task: ParsedTask): ParsedTask {
  const read = readTaskLine(text, task.bullet - textStart)
  if (!read) throw new Error(`tasktrail bug: the line written for task ${task.id ?? task.line} is not a task line.`)
  const { title, id, meta, status } = read
  const [marker, titleStart, titleEnd, tailEnd] = [read.marker, read.titleStart, read.titleEnd, read.tailEnd].map((offset) => offset + textStart) as [number, number, number, number]
  return { ...task, marker, titleStart, titleEnd, tailEnd, title, id, meta, status }
}

function sameMeta(a: TaskMeta, b: TaskMeta): boolean {
  return a.type === b.type && a.agent === b.agent && a.reason === b.reason
}

// ---- one line -------------------------------------------------------------

/** Replaces text inside one task's first line; only tasks at or after the change get new records. */
function replaceInLine(state: State, index: number, from: number, to: number, text: string): State {
  const { source, parsed } = state
  const result = source.slice(0, from) + text + source.slice(to)
  const delta = text.length - (to - from)
  const tasks = parsed.tasks.slice()
  const edited = parsed.tasks[index] as ParsedTask
  // Pieces of `source`, not slices of `result`: slicing the concatenation would copy the whole file.
  // The next line too: whether it continues the paragraph decides where a hard break stands.
  const lineEnd = source.indexOf('\n', to)
  const nextEnd = lineEnd === -1 ? -1 : source.indexOf('\n', lineEnd + 1)
  const line = source.slice(edited.start, from) + text + source.slice(to, nextEnd === -1 ? source.length : nextEnd)
  tasks[index] = reread(line, edited.start, { ...edited, end: edited.end + delta })
  if (delta !== 0) {
    for (let k = index + 1; k < tasks.length; k++) tasks[k] = shiftedTask(tasks[k] as ParsedTask, delta, 0)
    // Enclosing tasks end after the change.
    for (let k = edited.parent; k !== null; k = (tasks[k] as ParsedTask).parent) {
      const above = tasks[k] as ParsedTask
      tasks[k] = { ...above, end: above.end + delta }
    }
  }
  // A task line never starts, ends or continues a block, so only the blocks' offsets move.
  const blocks = parsed.blocks.map((block) => {
    // The last block also holds a change at the very end of the file.
    if (block.end < from || (block.end === from && from < source.length)) return block
    if (block.start > from) return delta === 0 ? block : { ...block, start: block.start + delta, end: block.end + delta }
    return { ...block, end: block.end + delta, hash: hashText(source.slice(block.start, from) + text + source.slice(to, block.end)) }
  })
  return { ...state, source: result, parsed: { ...parsed, tasks, blocks, length: result.length } }
}

function rewriteTask(state: State, index: number, change: { status?: TaskStatus; title?: string; meta?: TaskMeta }): State {
  const { source, parsed } = state
  const task = parsed.tasks[index] as ParsedTask
  const status = change.status ?? task.status
  const title = change.title ?? task.title
  const meta = change.meta ?? task.meta
  if (status === task.status && title === task.title && sameMeta(meta, task.meta)) return state
  const read = readTaskLine(source, task.bullet)
  if (!read) throw new Error(`tasktrail bug: task ${task.id} does not start a task line.`)
  const gap = source.slice(task.marker + 3, task.titleStart)
  const statusChanged = status !== task.status
  const tailChanges =
    !sameMeta(meta, task.meta) ||
    (title !== task.title && needsStop(title) && !read.stop) ||
    (statusChanged && (parsed.profile === 'gfm' || read.statusToken))
  if (tailChanges) {
    const line = `[${markerFor(status, parsed.profile)}]${gap}${title}${formatTail(title, status, meta, task.id as string, parsed.profile)}`
    return replaceInLine(state, index, task.marker, task.tailEnd, line)
  }
  const marker = statusChanged ? markerFor(status, parsed.profile) : read.markerChar
  return replaceInLine(state, index, task.marker, task.titleEnd, `[${marker}]${gap}${title}`)
}

// ---- whole lines ----------------------------------------------------------

function withOrders(tasks: ParsedTask[]): ParsedTask[] {
  const children: number[] = []
  let topLevel = 0
  for (const task of tasks) {
    task.order = task.parent === null ? topLevel++ : (children[task.parent] = (children[task.parent] ?? 0) + 1) - 1
  }
  return tasks
}

/** The parsed file after an edit made `source` of it, with its tasks and blocks as they now are. */
function editedFile(parsed: ParsedFile, source: string, tasks: ParsedTask[], blocks: Block[]): ParsedFile {
  return { ...parsed, tasks: withOrders(tasks), length: source.length, eol: eolOf(source), finalNewline: source.endsWith('\n'), blocks }
}

/** Blocks of the new source, keeping the hashes of blocks outside [editStart, newEditEnd). */
function rebuildBlocks(parsed: ParsedFile, source: string, editStart: number, oldEditEnd: number, newEditEnd: number): Block[] {
  const delta = newEditEnd - oldEditEnd
  const byStart = new Map(parsed.blocks.map((block) => [block.start, block]))
  return splitBlocks(source, parsed.bom ? 1 : 0).map((span) => {
    let old: Block | undefined
    if (span.end <= editStart) old = byStart.get(span.start)
    else if (span.start >= newEditEnd) old = byStart.get(span.start - delta)
    const same = old !== undefined && old.end - old.start === span.end - span.start && (span.end <= editStart || old.start >= oldEditEnd)
    return { ...span, hash: same ? (old as Block).hash : hashText(source.slice(span.start, span.end)) }
  })
}

function lineAt(parsed: ParsedFile, source: string, offset: number): number {
  const block = parsed.blocks.find((candidate) => offset >= candidate.start && offset <= candidate.end)
  return block ? block.line + countNewlines(source.slice(block.start, offset)) : 1
}

function extract(source: string, tasks: ParsedTask[], index: number, last: number): Fragment {
  const root = tasks[index] as ParsedTask
  const prefix = source.slice(root.start, root.bullet)
  const lines = source.slice(root.start, root.end).split('\n').map((line) => line.replace(/\r$/, ''))
  if (lines[lines.length - 1] === '') lines.pop()
  const lineStarts: number[] = []
  for (let at = root.start, k = 0; k < lines.length; k++) {
    lineStarts.push(at)
    at = source.indexOf('\n', at) + 1
  }
  // The other lines relative to the item's column, where the fragment's column 0 is.
  const prefixColumns = columnsOf(prefix)
  const rest = lines.slice(1).map((line) => {
    if (line.startsWith(prefix)) {
      const after = line.slice(prefix.length)
      return prefixColumns % 4 === 0 ? after : expandIndent(after, prefixColumns)
    }
    if (BLANK_LINE.test(line) || /[^ \t]/.test(prefix)) return BLANK_LINE.test(line) ? '' : line
    const indent = /^[ \t]*/.exec(line)?.[0] ?? ''
    return ' '.repeat(Math.max(0, columnsOf(indent) - prefixColumns)) + line.slice(indent.length)
  })
  const taskLines = (task: ParsedTask) => {
    let line = 0
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] as number) <= task.start) line++
    let endLine = line + 1
    while (endLine < lineStarts.length && (lineStarts[endLine] as number) < task.end) endLine++
    return { line, endLine }
  }
  const fragmentTasks: FragmentTask[] = []
  for (let k = index; k <= last; k++) {
    const task = tasks[k] as ParsedTask
    const { line, endLine } = taskLines(task)
    fragmentTasks.push({
      line,
      endLine,
      fromEnd: (lines[line] as string).length - (task.bullet - task.start),
      parent: task.parent === null || k === index ? null : task.parent - index,
      depth: task.depth - root.depth
    })
  }
  return { first: (lines[0] as string).slice(root.marker - root.start), contentWidth: root.marker - root.bullet, rest, tasks: fragmentTasks }
}

/** The sibling after `index` when the two are items of the same markdown list. */
function nextInList(state: State, index: number): number | null {
  const { source, parsed } = state
  const task = parsed.tasks[index] as ParsedTask
  const next = lastDescendant(parsed.tasks, index) + 1
  const sibling = parsed.tasks[next]
  if (sibling === undefined || sibling.parent !== task.parent) return null
  return sibling.start === task.end || blankBetween(source, task.end, sibling.start) ? next : null
}

/**
 * Before the first item of an ordered list goes, the next item takes its number: a list
 * starts at its first number, and one that starts at another number than 1 cannot
 * interrupt a paragraph, so a subtask list would turn into text.
 */
function keepListStart(state: State, index: number): State {
  const { source, parsed } = state
  const task = parsed.tasks[index] as ParsedTask
  const next = nextInList(state, index)
  if (next === null) return state
  const previous = parsed.tasks.findIndex((candidate, k) => k < index && candidate.parent === task.parent && nextInList(state, k) === index)
  const number = bulletOf(source, task)[1]
  const sibling = parsed.tasks[next] as ParsedTask
  const nextNumber = bulletOf(source, sibling)[1]
  if (previous !== -1 || number === undefined || nextNumber === undefined || nextNumber === number) return state
  return replaceInLine(state, next, sibling.bullet, sibling.bullet + nextNumber.length, number)
}

function remove(before: State, index: number): { state: State; fragment: Fragment } {
  const state = keepListStart(before, index)
  const { source, parsed } = state
  const from = parsed.bom ? 1 : 0
  const task = parsed.tasks[index] as ParsedTask
  const last = lastDescendant(parsed.tasks, index)
  const fragment = extract(source, parsed.tasks, index, last)
  let start = task.start
  let end = task.end
  if (end === source.length && !source.endsWith('\n')) {
    // Keep the file without a final newline: take the line ending before the task instead.
    start = endOfContentBefore(source, start, from)
    if (start > from) start -= source[start - 2] === '\r' ? 2 : 1
  } else if (start === from || BLANK_LINE.test(source.slice(source.lastIndexOf('\n', start - 2) + 1, start - 1))) {
    end = skipBlankLines(source, end)
  }
  const result = source.slice(0, start) + source.slice(end)
  const delta = end - start
  const lines = countNewlines(source.slice(start, end))
  const removed = last - index + 1
  const tasks: ParsedTask[] = []
  for (const [k, old] of parsed.tasks.entries()) {
    if (k >= index && k <= last) continue
    const moved = old.start >= end
    const newParent = old.parent === null || old.parent < index ? old.parent : old.parent - removed
    const taskEnd = old.end > end ? old.end - delta : old.end > start ? endOfContentBefore(result, start, from) : old.end
    tasks.push(shiftedTask(old, moved ? -delta : 0, moved ? -lines : 0, newParent, taskEnd))
  }
  const next = editedFile(parsed, result, tasks, rebuildBlocks(parsed, result, start, end, start))
  return { state: { ...state, source: result, parsed: next }, fragment }
}

function bulletOf(source: string, task: ParsedTask): RegExpExecArray {
  return BULLET.exec(source.slice(task.bullet, task.bullet + 11)) as RegExpExecArray
}

/** The bullet after `last`: the same character, or the next number if the author counts. */
function bulletAfter(source: string, last: ParsedTask, before: ParsedTask | undefined): string {
  const bullet = bulletOf(source, last)
  if (bullet[1] === undefined) return bullet[0]
  const number = Number(bullet[1])
  const repeats = before !== undefined && bulletOf(source, before)[1] === bullet[1]
  return `${repeats ? number : number + 1}${bullet[2]}`
}

function blankBetween(source: string, start: number, end: number): boolean {
  return start < end && /^(?:[ \t>]*\r?\n)+$/.test(source.slice(start, end))
}

/** How far the file indents a subtask under its parent's bullet, when it does so consistently enough to copy. */
function childIndent(state: State, parent: ParsedTask): string {
  const { source, parsed } = state
  const width = parent.marker - parent.bullet
  const counts = new Map<string, number>()
  for (const task of parsed.tasks) {
    if (task.parent === null) continue
    const above = parsed.tasks[task.parent] as ParsedTask
    const own = source.slice(task.start, task.bullet)
    const theirs = source.slice(above.start, above.bullet)
    if (!own.startsWith(theirs)) continue
    const step = own.slice(theirs.length)
    counts.set(step, (counts.get(step) ?? 0) + 1)
  }
  let best: string | undefined
  for (const [step, count] of counts) if (best === undefined || count > (counts.get(best) as number)) best = step
  const fits = (step: string) =>
    step === '\t' ? width <= 4 : /^ +$/.test(step) && step.length >= width && step.length < width + 4
  return best !== undefined && fits(best) ? best : ' '.repeat(width)
}

function placement(state: State, parent: number | null, index: number | undefined): Placement {
  const { source, parsed } = state
  const { tasks } = parsed
  const { eol } = state
  const siblings = tasks.flatMap((task, k) => (task.parent === parent ? [k] : []))
  const atEnd = (place: Placement): Placement =>
    place.at === source.length && !source.endsWith('\n') && place.at > (parsed.bom ? 1 : 0)
      ? { ...place, lead: eol + place.lead, trail: '' }
      : place
  const position = Math.max(0, Math.min(index ?? siblings.length, siblings.length))
  if (position < siblings.length) {
    const next = tasks[siblings[position] as number] as ParsedTask
    const before = position > 0 ? (tasks[siblings[position - 1] as number] as ParsedTask) : undefined
    const after = position + 1 < siblings.length ? (tasks[siblings[position + 1] as number] as ParsedTask) : undefined
    const loose = (before !== undefined && blankBetween(source, before.end, next.start)) || (after !== undefined && blankBetween(source, next.end, after.start))
    return { at: next.start, prefix: source.slice(next.start, next.bullet), bullet: bulletOf(source, next)[0], lead: '', trail: loose ? eol + eol : eol }
  }
  if (siblings.length > 0) {
    const last = tasks[siblings[siblings.length - 1] as number] as ParsedTask
    const before = siblings.length > 1 ? (tasks[siblings[siblings.length - 2] as number] as ParsedTask) : undefined
    const loose = before !== undefined && blankBetween(source, before.end, last.start)
    return atEnd({ at: last.end, prefix: source.slice(last.start, last.bullet), bullet: bulletAfter(source, last, before), lead: loose ? eol : '', trail: eol })
  }
  if (parent !== null) {
    const above = tasks[parent] as ParsedTask
    const bullet = bulletOf(source, above)
    return atEnd({
      at: above.end,
      prefix: source.slice(above.start, above.bullet) + childIndent(state, above),
      bullet: bullet[1] === undefined ? bullet[0] : `1${bullet[2]}`,
      lead: '',
      trail: eol
    })
  }
  // No task yet: a new list at the end of the file, after a blank line.
  const from = parsed.bom ? 1 : 0
  const lastLine = source.slice(source.lastIndexOf('\n', source.length - 2) + 1, source.length - 1)
  if (source.length === from) return { at: from, prefix: '', bullet: '-', lead: '', trail: state.finalNewline ? eol : '' }
  if (!source.endsWith('\n')) return { at: source.length, prefix: '', bullet: '-', lead: eol + eol, trail: '' }
  return { at: source.length, prefix: '', bullet: '-', lead: BLANK_LINE.test(lastLine) ? '' : eol, trail: eol }
}

function insert(state: State, parent: number | null, index: number | undefined, fragment: Fragment): State {
  const { source, parsed, eol } = state
  const place = placement(state, parent, index)
  const gap = ' '.repeat(Math.max(1, fragment.contentWidth - place.bullet.length))
  const pad = ' '.repeat(Math.max(0, place.bullet.length + gap.length - fragment.contentWidth))
  const lines = [
    place.prefix + place.bullet + gap + fragment.first,
    ...fragment.rest.map((line) => {
      if (line === '') return place.prefix.trimEnd()
      const column = columnsOf(place.prefix + pad)
      return place.prefix + pad + (column % 4 === 0 ? line : expandIndent(line, 0))
    })
  ]
  const lineStarts: number[] = []
  let text = place.lead
  for (const [k, line] of lines.entries()) {
    lineStarts.push(place.at + text.length)
    text += line + (k < lines.length - 1 ? eol : '')
  }
  text += place.trail
  const lineEnd = (k: number) => Math.min(place.at + text.length, (lineStarts[k] as number) + (lines[k] as string).length + eol.length)
  const at = place.at
  const result = source.slice(0, at) + text + source.slice(at)
  const delta = text.length
  const addedLines = countNewlines(text)
  const count = fragment.tasks.length
  const ancestors = new Set<number>()
  for (let k = parent; k !== null; k = (parsed.tasks[k] as ParsedTask).parent) ancestors.add(k)
  const fragmentEnd = lineEnd(lines.length - 1)
  let position = parsed.tasks.findIndex((task) => task.start >= at)
  if (position === -1) position = parsed.tasks.length
  const tasks: ParsedTask[] = parsed.tasks.map((old, k) => {
    const moved = old.start >= at
    let end = old.end > at ? old.end + delta : old.end
    if (ancestors.has(k)) end = Math.max(end, fragmentEnd)
    else if (old.end === at && place.trail === '') end += eol.length
    const newParent = old.parent === null || old.parent < position ? old.parent : old.parent + count
    return shiftedTask(old, moved ? delta : 0, moved ? addedLines : 0, newParent, end)
  })
  const firstLine = lineAt(parsed, source, at) + countNewlines(place.lead)
  const depth = parent === null ? 0 : (parsed.tasks[parent] as ParsedTask).depth + 1
  const inserted = fragment.tasks.map((piece) => {
    const start = lineStarts[piece.line] as number
    const bullet = piece.line === 0 ? start + place.prefix.length : start + (lines[piece.line] as string).length - piece.fromEnd
    const blank: ParsedTask = {
      id: null,
      title: '',
      status: 'pending',
      meta: {},
      parent: piece.parent === null ? parent : position + piece.parent,
      order: 0,
      depth: depth + piece.depth,
      line: firstLine + piece.line,
      start,
      bullet,
      marker: bullet,
      titleStart: bullet,
      titleEnd: bullet,
      tailEnd: bullet,
      end: lineEnd(piece.endLine - 1)
    }
    return reread(result, 0, blank)
  })
  tasks.splice(position, 0, ...inserted)
  const next = editedFile(parsed, result, tasks, rebuildBlocks(parsed, result, at, at, at + delta))
  return { ...state, source: result, parsed: next }
}

function newFragment(state: State, task: Extract<Edit, { kind: 'insert' }>['task']): Fragment {
  assertNewId(state, task.id)
  return {
    first: formatTaskText(task, state.parsed.profile),
    contentWidth: 0,
    rest: [],
    tasks: [{ line: 0, fromEnd: 0, endLine: 1, parent: null, depth: 0 }]
  }
}

function move(state: State, id: string, parentId: string | null, index: number | undefined): State {
  const task = find(state, id)
  const last = lastDescendant(state.parsed.tasks, task)
  const target = parentIndex(state, parentId)
  if (target !== null && target >= task && target <= last) fail(`Task ${id} cannot move under itself or one of its subtasks.`)
  const { state: without, fragment } = remove(state, task)
  return insert(without, parentIndex(without, parentId), index, fragment)
}

type AssignId = Extract<Edit, { kind: 'assignId' }>

/**
 * Gives tasks without an id, and copies of a line with an id an earlier task has, ids of their
 * own, all in one pass over the file: a first sync gives hundreds of lines their ids, and
 * splicing them one at a time copied the file and moved every task record once per id.
 */
function assignIds(state: State, edits: readonly AssignId[]): State {
  const { source, parsed } = state
  const ids = new Set<string>()
  for (const task of parsed.tasks) if (task.id !== null) ids.add(task.id)
  // Copies: lines with an id an earlier line has.
  const firsts = new Map<string, number>()
  parsed.tasks.forEach((task, index) => task.id !== null && !firsts.has(task.id) && firsts.set(task.id, index))
  const copies = parsed.tasks.map((task, index) => task.id !== null && firsts.get(task.id) !== index)
  const splices: Array<{ index: number; from: number; to: number; text: string }> = []
  const given = new Set<number>()
  for (const { task: index, id } of edits) {
    const task = parsed.tasks[index]
    if (task === undefined) fail(`TASKS.md has no task number ${index}.`)
    assertNewId(state, id, (known) => ids.has(known))
    if ((task.id !== null && !copies[index]) || given.has(index)) fail(`The task on line ${task.line} already has the id ${task.id ?? 'given to it'}.`)
    ids.add(id)
    given.add(index)
    if (task.id === null) splices.push({ index, from: task.tailEnd, to: task.tailEnd, text: ` <!-- ${id} -->` })
    else {
      // The tail reader took the last id comment on the line: the one to replace.
      const comment = lastMatch(source.slice(task.titleEnd, task.tailEnd), new RegExp(`<!--[ \\t]*${task.id}[ \\t]*-->`, 'g'))
      splices.push({ index, from: task.titleEnd + comment.index, to: task.titleEnd + comment.index + comment[0].length, text: `<!-- ${id} -->` })
    }
  }
  splices.sort((a, b) => a.from - b.from)
  // shift(x): how far the text at offset x moves. Every splice lies inside a task's first line,
  // never at a line start, so an end (a line start, or the end of the file) takes the splices up to it.
  const starts: number[] = []
  const shifts: number[] = []
  const pieces: string[] = []
  let at = 0
  let delta = 0
  for (const splice of splices) {
    pieces.push(source.slice(at, splice.from), splice.text)
    at = splice.to
    delta += splice.text.length - (splice.to - splice.from)
    starts.push(splice.from)
    shifts.push(delta)
  }
  pieces.push(source.slice(at))
  const result = pieces.join('')
  const splicesBefore = (offset: number, isEnd = false): number => {
    let low = 0
    let high = starts.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (starts[middle]! < offset || (isEnd && starts[middle] === offset)) low = middle + 1
      else high = middle
    }
    return low
  }
  const shift = (offset: number, isEnd = false): number => {
    const count = splicesBefore(offset, isEnd)
    return count === 0 ? 0 : shifts[count - 1]!
  }
  const tasks = parsed.tasks.map((task, index) => {
    const moved = shiftedTask(task, shift(task.start), 0, task.parent, task.end + shift(task.end, true))
    return given.has(index) ? reread(result, 0, moved) : moved
  })
  // A task line never starts, ends or continues a block, so only the blocks' offsets and the hashes of those edited move.
  const blocks = parsed.blocks.map((block) => {
    const start = block.start + shift(block.start)
    const end = block.end + shift(block.end, true)
    const edited = splicesBefore(block.end, true) > splicesBefore(block.start)
    return edited ? { ...block, start, end, hash: hashText(result.slice(start, end)) } : start === block.start ? block : { ...block, start, end }
  })
  return { ...state, source: result, parsed: { ...parsed, tasks, blocks, length: result.length } }
}

function lastMatch(text: string, pattern: RegExp): RegExpExecArray {
  let last: RegExpExecArray | null = null
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) last = match
  if (!last) throw new Error(`tasktrail bug: no ${pattern.source} in a task's tail.`)
  return last
}

function applyEdit(state: State, edit: Edit): State {
  switch (edit.kind) {
    case 'status':
      return rewriteTask(state, find(state, edit.id), { status: edit.status })
    case 'title':
      assertTitle(edit.title)
      return rewriteTask(state, find(state, edit.id), { title: edit.title })
    case 'meta':
      return rewriteTask(state, find(state, edit.id), { meta: writtenMeta(edit.meta) })
    case 'assignId':
      return assignIds(state, [edit])
    case 'insert':
      return insert(state, parentIndex(state, edit.parentId), edit.index, newFragment(state, edit.task))
    case 'remove':
      return remove(state, find(state, edit.id)).state
    case 'move':
      return move(state, edit.id, edit.parentId, edit.index)
  }
}

/**
 * Applies the edits in order by splicing the source, and returns the new source with its
 * ParsedFile (equal to parse(source) of the result). `parsed` must describe `source`.
 * Throws, writing nothing, for an unknown id, a duplicate or malformed id, a multi-line
 * title, or a move under the task's own subtree.
 */
export function applyEdits(source: string, parsed: ParsedFile, edits: Edit[]): { source: string; parsed: ParsedFile } {
  if (source.length !== parsed.length) {
    fail('The ParsedFile given to applyEdits describes another version of TASKS.md. Parse the current file and apply the edits to that.')
  }
  // A new file (empty, or only a BOM) gets a final newline.
  const finalNewline = parsed.finalNewline || source.length === (parsed.bom ? 1 : 0)
  let state: State = { source, parsed, eol: parsed.eol, finalNewline }
  for (let at = 0; at < edits.length; ) {
    // A run of id assignments goes in one pass (they refer to tasks by index, which they do not move).
    let end = at
    while (end < edits.length && edits[end]!.kind === 'assignId') end++
    if (end > at) state = assignIds(state, edits.slice(at, end) as AssignId[])
    else state = applyEdit(state, edits[end++]!)
    at = end
  }
  return { source: state.source, parsed: state.parsed }
}
