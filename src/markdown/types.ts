// The shapes shared by the parser (which loads remark) and the writer (which must not).
import type { TaskStatus, TaskType } from '../model/task.js'

/** What a person sees of a task's metadata on its line. Values are plain text. */
export interface TaskMeta {
  type?: TaskType
  agent?: string
  reason?: string
}

export interface ParsedTask {
  /** Null for a task a person added without an id. */
  id: string | null
  /** Markdown source as written, without marker, metadata tokens and id comment. */
  title: string
  status: TaskStatus
  meta: TaskMeta
  /** Index into ParsedFile.tasks of the nearest enclosing task, or null. */
  parent: number | null
  /** Index among the tasks with the same parent, in document order. */
  order: number
  /** Number of enclosing tasks: 0 for a top-level task. */
  depth: number
  /** 1-based line of the task's first line. */
  line: number
  /** Offset of the start of the task's first line. */
  start: number
  /** Offset of the list bullet (after indentation and any `> `). */
  bullet: number
  /** Offset of the `[` of the status marker. */
  marker: number
  titleStart: number
  titleEnd: number
  /** Offset just past the last metadata token or id comment (trailing blanks excluded). */
  tailEnd: number
  /** Offset just past the item's last line and its line ending: the task with its subtasks and notes. */
  end: number
}

/** A run of lines that parses the same alone as inside the whole file. */
export interface Block {
  start: number
  end: number
  /** 1-based line of the block's first line. */
  line: number
  hash: string
}

export type Profile = 'canonical' | 'gfm'

/** Plain JSON: the sync engine stores it and splices against it later without re-parsing. */
export interface ParsedFile {
  tasks: ParsedTask[]
  eol: '\n' | '\r\n'
  bom: boolean
  finalNewline: boolean
  profile: Profile
  /** Length of the source this describes; applyEdits refuses a different source. */
  length: number
  blocks: Block[]
}

export interface NewTask {
  id: string
  title: string
  status: TaskStatus
  meta: TaskMeta
}

export type Edit =
  | { kind: 'status'; id: string; status: TaskStatus }
  | { kind: 'title'; id: string; title: string }
  | { kind: 'meta'; id: string; meta: TaskMeta }
  | { kind: 'insert'; task: NewTask; parentId: string | null; index?: number }
  | { kind: 'remove'; id: string }
  | { kind: 'move'; id: string; parentId: string | null; index?: number }
  | { kind: 'assignId'; task: number; id: string }

export interface RenderTask extends NewTask {
  children?: RenderTask[]
}
