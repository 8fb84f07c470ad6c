// Moving a task record by an edit elsewhere in the file. An object literal with every field
// (not a spread) keeps 10,000 copies cheap: the writer and re-parse both do this per edit.
import type { ParsedTask } from './types.js'

/** The task with its offsets moved by `delta` and its line by `lines` (its end too, unless the edit moved it otherwise). */
export function shiftedTask(
  task: ParsedTask,
  delta: number,
  lines: number,
  parent: number | null = task.parent,
  end: number = task.end + delta
): ParsedTask {
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    meta: task.meta,
    parent,
    order: task.order,
    depth: task.depth,
    line: task.line + lines,
    start: task.start + delta,
    bullet: task.bullet + delta,
    marker: task.marker + delta,
    titleStart: task.titleStart + delta,
    titleEnd: task.titleEnd + delta,
    tailEnd: task.tailEnd + delta,
    end
  }
}
