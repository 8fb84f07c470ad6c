// A whole TASKS.md from tasks, for a new project. Same input, same bytes.
import { isTaskId } from '../model/ids.js'
import { formatTaskText } from './task-line.js'
import type { Profile, RenderTask } from './types.js'

/**
 * The header of a new TASKS.md; templates/TASKS.md holds the same text. ASCII: one other
 * character makes V8 decode the whole file ~20× slower and hold it as two-byte text (0.85
 * against 0.04 ms at 1,000 tasks), on every hook that reads it.
 */
export const DEFAULT_HEADER = `# Tasks

The work on this project, kept in sync with tasktrail's record of it. Edit this file by hand
as you like: tick or untick a box, reword a task, reorder or indent it, or add a line such as
\`- [ ] something to do\`. Keep each \`<!-- t-... -->\` comment on its task's line: it is how
tasktrail knows the task. Boxes: \`[ ]\` to do, \`[/]\` in progress, \`[!]\` blocked, \`[x]\` done,
\`[-]\` cancelled.
`

/** The line that makes a file use the pure-GFM profile. */
export const GFM_PROFILE_LINE = '<!-- tasktrail: gfm -->'

export function render(tasks: RenderTask[], options: { profile?: Profile; header?: string } = {}): string {
  const profile = options.profile ?? 'canonical'
  const lines: string[] = []
  const seen = new Set<string>()
  const add = (task: RenderTask, depth: number) => {
    if (!isTaskId(task.id) || seen.has(task.id)) {
      throw new Error(`Cannot render task ${JSON.stringify(task.id)}: ids must be valid task ids and unique. Nothing was written.`)
    }
    seen.add(task.id)
    lines.push(`${'  '.repeat(depth)}- ${formatTaskText(task, profile)}`)
    for (const child of task.children ?? []) add(child, depth + 1)
  }
  for (const task of tasks) add(task, 0)
  const parts = [(options.header ?? DEFAULT_HEADER).trimEnd(), profile === 'gfm' ? GFM_PROFILE_LINE : '', lines.join('\n')]
  const text = parts.filter((part) => part !== '').join('\n\n')
  return text === '' ? '' : `${text}\n`
}
