// Hook events of a made-up session, shaped like the recordings (test/fixtures/claude-code/,
// 2.1.197 synchronous agents): what the attacks feed the real `tasktrail hook` in bulk.
export type Event = Record<string, unknown>

/** One Claude Code session of one project: each call gives the next event of that session. */
export class Session {
  private uses = 0
  private created = 0
  constructor(
    readonly id: string,
    readonly project: string,
    readonly promptId = `${id}-prompt`
  ) {}

  private base(name: string): Event {
    return { session_id: this.id, cwd: this.project, prompt_id: this.promptId, permission_mode: 'bypassPermissions', hook_event_name: name }
  }

  private tool(tool: string, input: Event, response: unknown): Event {
    return { ...this.base('PostToolUse'), tool_name: tool, tool_input: input, tool_response: response, tool_use_id: `toolu_${this.id}_${++this.uses}` }
  }

  prompt(text: string): Event {
    return { ...this.base('UserPromptSubmit'), prompt: text }
  }

  /** TaskCreate; returns the event and Claude's id for the task ("1", "2", … per session). */
  taskCreate(subject: string, description?: string): { event: Event; claudeId: string } {
    const claudeId = String(++this.created)
    const input = description === undefined ? { subject } : { subject, description }
    return { event: this.tool('TaskCreate', input, { task: { id: claudeId, subject } }), claudeId }
  }

  taskUpdate(claudeId: string, fields: { status?: string; subject?: string }): Event {
    return this.tool('TaskUpdate', { taskId: claudeId, ...fields }, { success: true, taskId: claudeId, updatedFields: Object.keys(fields) })
  }

  write(filePath: string): Event {
    return this.tool('Write', { file_path: filePath, content: 'x' }, { type: 'create', filePath, content: 'x' })
  }

  /** An Agent run start to finish, as 2.1.197 sends it: PreToolUse, then the completed PostToolUse. */
  agent(description: string, outcome: string): Event[] {
    const toolUseId = `toolu_${this.id}_${++this.uses}`
    const input = { description, prompt: description, subagent_type: 'general-purpose' }
    return [
      { ...this.base('PreToolUse'), tool_name: 'Agent', tool_input: input, tool_use_id: toolUseId },
      {
        ...this.base('PostToolUse'),
        tool_name: 'Agent',
        tool_input: input,
        tool_response: { status: 'completed', agentId: `agent-${toolUseId}`, agentType: 'general-purpose', content: [{ type: 'text', text: outcome }], totalDurationMs: 5 },
        tool_use_id: toolUseId
      }
    ]
  }
}
