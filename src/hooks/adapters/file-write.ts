// Write, Edit, MultiEdit, NotebookEdit (PostToolUse): the file, relative to the project, is
// added once to files_modified of the task the acting agent works on. Only the path is
// kept, never the content.
import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { PostToolUseEvent } from '../event.js'
import { actingTaskId, type HookContext } from '../context.js'
import { optionalString, requiredString } from '../shape.js'

const EVIDENCE_LIMIT = 2000

export const FILE_TOOLS = ['Write', 'Edit', 'MultiEdit', 'NotebookEdit']

/**
 * The path as the project knows it; a file outside the project keeps the path as given. A
 * relative path is Claude Code's, relative to the event's cwd, not to this process's.
 */
export function projectPath(root: string, file: string, cwd: string): string {
  const inside = relative(root, resolve(cwd, file))
  // `..` as a whole first segment leaves the root; a name such as `..notes` does not.
  const outside = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)
  return inside && !outside ? inside : file
}

export function fileWritten(event: PostToolUseEvent, ctx: HookContext): void {
  // In plan mode Claude Code lets Claude write only the plan file: the plan, which ExitPlanMode
  // brings, not work on the project.
  if (event.permission_mode === 'plan') return
  const file = requiredString(event.tool_input, event.tool_name === 'NotebookEdit' ? 'notebook_path' : 'file_path')
  const path = projectPath(ctx.root, file, event.cwd)
  // What was written tells which step of a plan-mode plan the work is on; it is not kept.
  const written = optionalString(event.tool_input, 'content') ?? optionalString(event.tool_input, 'new_string') ?? ''
  const evidence = `${event.tool_name} ${path} ${written.slice(0, EVIDENCE_LIMIT)}`
  ctx.store.addToContextList(actingTaskId(ctx, event, evidence), 'files_modified', path, 'hook')
}
