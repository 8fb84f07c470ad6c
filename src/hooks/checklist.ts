// The open checklist given to Claude when a session starts, so it knows what is in
// progress, blocked and pending in this project, by id, without reading TASKS.md. It
// stays within SESSION_CONTEXT_LIMIT characters (about 500 tokens).
import type { TaskStatus } from '../model/task.js'
import { toolName } from './agent-tools.js'
import { oneLine } from './text.js'

export interface OpenTask {
  id: string
  title: string
  status: TaskStatus
  blocked_reason: string | null
}

const LABEL: Partial<Record<TaskStatus, string>> = { in_progress: 'in progress', blocked: 'blocked', pending: 'pending' }

/** How the agent updates the tasks: the plugin's tools where its MCP server serves them, else the CLI as `cli` runs it. */
function howToUpdate(tools: boolean, cli: string): string {
  if (!tools) return `Update them with your task tools or \`${cli} start|done|block ID\`.`
  const names = (['start', 'complete', 'block', 'note', 'add_subtask', 'cancel'] as const).map(toolName)
  return `Update them with your task tools or the tasktrail tools ${names.join(', ')}.`
}

/**
 * The checklist for `tasks` (already in order), of which `total` are open; '' when none.
 * `cli` is the command that runs tasktrail in Claude's shell; `tools`: the session has the
 * plugin's tasktrail tools.
 */
export function renderChecklist(tasks: readonly OpenTask[], total: number, limit: number, cli: string, tools = false): string {
  if (total === 0) return ''
  const header = `tasktrail: ${total} open task${total === 1 ? '' : 's'} in this project (TASKS.md). ${howToUpdate(tools, cli)}`
  const lines = [header]
  let length = header.length
  let shown = 0
  for (const task of tasks) {
    const reason = task.status === 'blocked' && task.blocked_reason ? ` — ${oneLine(task.blocked_reason)}` : ''
    const line = `- [${LABEL[task.status]}] ${task.id} ${task.title}${reason}`
    // Room for the closing "…and N more: CLI list" line.
    if (length + line.length + 1 > limit - 40 - cli.length) break
    lines.push(line)
    length += line.length + 1
    shown++
  }
  if (shown < total) lines.push(`…and ${total - shown} more: ${tools ? toolName('checklist') : `${cli} list`}`)
  return lines.join('\n')
}
