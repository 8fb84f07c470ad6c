// Claude Code 2.1.332 reports a background agent's end to the main thread as a
// UserPromptSubmit whose prompt is a <task-notification> block. It is not a request from
// the user; it says which Agent call ended, how, with what result and usage.

export interface TaskNotification {
  /** The agent's id (agent_id of its events). */
  agentId: string | undefined
  /** The Agent tool call that launched it. */
  toolUseId: string | undefined
  status: string | undefined
  summary: string | undefined
  result: string | undefined
  tokens: number | undefined
  toolUses: number | undefined
  durationMs: number | undefined
}

export function isTaskNotification(prompt: string): boolean {
  return prompt.trimStart().startsWith('<task-notification>')
}

function tag(block: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(block)
  return match ? match[1]!.trim() : undefined
}

function count(block: string, name: string): number | undefined {
  const value = tag(block, name)
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined
}

export function parseTaskNotification(prompt: string): TaskNotification {
  return {
    agentId: tag(prompt, 'task-id'),
    toolUseId: tag(prompt, 'tool-use-id'),
    status: tag(prompt, 'status'),
    summary: tag(prompt, 'summary'),
    result: tag(prompt, 'result'),
    tokens: count(prompt, 'subagent_tokens'),
    toolUses: count(prompt, 'tool_uses'),
    durationMs: count(prompt, 'duration_ms')
  }
}
