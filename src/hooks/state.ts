// The hook state tables (migration 3), through the store's prepared statements: one
// indexed lookup or write each, never a whole-table read.
import type { Store } from '../store/store.js'
import type { KnownTodo } from './todo-diff.js'

export interface Prompt {
  request: string
  task_id: string | null
}

/** A step of an approved plan, with the task it became. */
export interface PlanItem {
  content: string
  task_id: string
}

export interface WorkflowRun {
  tool_use_id: string
  task_id: string
  /** Phase title → its task. */
  phases: Record<string, string>
  transcript_dir: string | null
}

export interface AgentRun {
  tool_use_id: string
  agent_type: string | null
  agent_id: string | null
  task_id: string
}

export class HookState {
  constructor(private readonly store: Store) {}

  /** Records a tool event as applied; false when it already was (a repeated delivery). */
  markProcessed(sessionId: string, toolUseId: string, hookEvent: string): boolean {
    const run = this.store
      .prepare('INSERT OR IGNORE INTO hook_processed (session_id, tool_use_id, hook_event) VALUES (?, ?, ?)')
      .run(sessionId, toolUseId, hookEvent)
    return run.changes > 0
  }

  /** The tool_use_ids of `toolUseIds` whose `hookEvent` was applied in the session. */
  processed(sessionId: string, hookEvent: string, toolUseIds: readonly string[]): Set<string> {
    if (!toolUseIds.length) return new Set()
    const rows = this.store
      .prepare(`SELECT tool_use_id FROM hook_processed WHERE session_id = ? AND hook_event = ? AND tool_use_id IN (SELECT value FROM json_each(?))`)
      .all(sessionId, hookEvent, JSON.stringify(toolUseIds)) as { tool_use_id: string }[]
    return new Set(rows.map((row) => row.tool_use_id))
  }

  // ---- sessions ----

  startSession(sessionId: string, repoId: number, source: string | null, transcriptPath: string | null): void {
    this.store
      .prepare(
        `INSERT INTO sessions (id, repo_id, started_at, source, transcript_path) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET source = excluded.source, ended_at = NULL`
      )
      .run(sessionId, repoId, this.store.now(), source, transcriptPath)
  }

  endSession(sessionId: string, repoId: number): void {
    const now = this.store.now()
    this.store
      .prepare(
        `INSERT INTO sessions (id, repo_id, started_at, ended_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET ended_at = excluded.ended_at`
      )
      .run(sessionId, repoId, now, now)
  }

  // ---- prompts ----

  /** Remembers a prompt's request; the first one given for a prompt_id stays. */
  rememberPrompt(sessionId: string, promptId: string, request: string): void {
    this.store
      .prepare('INSERT OR IGNORE INTO hook_prompts (session_id, prompt_id, request, created_at) VALUES (?, ?, ?, ?)')
      .run(sessionId, promptId, request, this.store.now())
  }

  prompt(sessionId: string, promptId: string): Prompt | undefined {
    return this.store
      .prepare('SELECT request, task_id FROM hook_prompts WHERE session_id = ? AND prompt_id = ?')
      .get(sessionId, promptId) as Prompt | undefined
  }

  setPromptTask(sessionId: string, promptId: string, taskId: string): void {
    this.store
      .prepare(
        `INSERT INTO hook_prompts (session_id, prompt_id, request, task_id, created_at) VALUES (?, ?, '', ?, ?)
         ON CONFLICT (session_id, prompt_id) DO UPDATE SET task_id = excluded.task_id`
      )
      .run(sessionId, promptId, taskId, this.store.now())
  }

  // ---- Claude's plan ----

  addPlanTask(sessionId: string, taskId: string, claudeId: string | null): void {
    this.store
      .prepare('INSERT OR REPLACE INTO hook_plan_tasks (session_id, task_id, claude_id) VALUES (?, ?, ?)')
      .run(sessionId, taskId, claudeId)
  }

  /** Our task for TaskCreate's id in the session's list. */
  planTaskByClaudeId(sessionId: string, claudeId: string): string | undefined {
    const row = this.store
      .prepare('SELECT task_id FROM hook_plan_tasks WHERE session_id = ? AND claude_id = ?')
      .get(sessionId, claudeId) as { task_id: string } | undefined
    return row?.task_id
  }

  /** The plan task the main thread works on: the one of the session in progress, started last. */
  planTaskInProgress(sessionId: string): string | undefined {
    const row = this.store
      .prepare(
        `SELECT t.id FROM hook_plan_tasks p JOIN tasks t ON t.id = p.task_id
         WHERE p.session_id = ? AND t.status = 'in_progress' ORDER BY t.started_at DESC, t.rowid DESC LIMIT 1`
      )
      .get(sessionId) as { id: string } | undefined
    return row?.id
  }

  todoList(sessionId: string): KnownTodo[] {
    const row = this.store.prepare('SELECT items FROM hook_todo_lists WHERE session_id = ?').get(sessionId) as
      | { items: string }
      | undefined
    return row ? (JSON.parse(row.items) as KnownTodo[]) : []
  }

  setTodoList(sessionId: string, items: KnownTodo[]): void {
    this.store
      .prepare('INSERT OR REPLACE INTO hook_todo_lists (session_id, items) VALUES (?, ?)')
      .run(sessionId, JSON.stringify(items))
  }

  // ---- agent runs ----

  addAgentRun(sessionId: string, toolUseId: string, agentType: string | null, taskId: string): void {
    this.store
      .prepare('INSERT OR IGNORE INTO hook_agent_runs (session_id, tool_use_id, agent_type, task_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(sessionId, toolUseId, agentType, taskId, this.store.now())
  }

  agentRunByToolUse(sessionId: string, toolUseId: string): AgentRun | undefined {
    return this.store
      .prepare('SELECT tool_use_id, agent_type, agent_id, task_id FROM hook_agent_runs WHERE session_id = ? AND tool_use_id = ?')
      .get(sessionId, toolUseId) as AgentRun | undefined
  }

  agentRunByAgentId(sessionId: string, agentId: string): AgentRun | undefined {
    return this.store
      .prepare('SELECT tool_use_id, agent_type, agent_id, task_id FROM hook_agent_runs WHERE session_id = ? AND agent_id = ?')
      .get(sessionId, agentId) as AgentRun | undefined
  }

  /**
   * The oldest run of this agent type not yet tied to an agent: SubagentStart carries no
   * tool_use_id, and agents of one session start in the order they were launched.
   */
  unboundAgentRun(sessionId: string, agentType: string | null): AgentRun | undefined {
    return this.store
      .prepare(
        `SELECT tool_use_id, agent_type, agent_id, task_id FROM hook_agent_runs
         WHERE session_id = ? AND agent_id IS NULL AND (agent_type IS ? OR ? IS NULL)
         ORDER BY created_at, rowid LIMIT 1`
      )
      .get(sessionId, agentType, agentType) as AgentRun | undefined
  }

  /** Ties a run to its agent, untying the agent from any run it was guessed for. */
  bindAgent(sessionId: string, toolUseId: string, agentId: string): void {
    this.store
      .prepare('UPDATE hook_agent_runs SET agent_id = NULL WHERE session_id = ? AND agent_id = ? AND tool_use_id <> ?')
      .run(sessionId, agentId, toolUseId)
    this.store
      .prepare('UPDATE hook_agent_runs SET agent_id = ? WHERE session_id = ? AND tool_use_id = ?')
      .run(agentId, sessionId, toolUseId)
  }

  // ---- plan mode ----

  plan(sessionId: string, requestId: string): PlanItem[] {
    const row = this.store.prepare('SELECT items FROM hook_plans WHERE session_id = ? AND request_id = ?').get(sessionId, requestId) as
      | { items: string }
      | undefined
    return row ? (JSON.parse(row.items) as PlanItem[]) : []
  }

  setPlan(sessionId: string, requestId: string, items: PlanItem[]): void {
    this.store
      .prepare('INSERT OR REPLACE INTO hook_plans (session_id, request_id, items) VALUES (?, ?, ?)')
      .run(sessionId, requestId, JSON.stringify(items))
  }

  /** The request tasks of a session's prompts. */
  sessionRequests(sessionId: string): string[] {
    const rows = this.store
      .prepare('SELECT DISTINCT task_id FROM hook_prompts WHERE session_id = ? AND task_id IS NOT NULL')
      .all(sessionId) as Array<{ task_id: string }>
    return rows.map((row) => row.task_id)
  }

  // ---- workflows ----

  addWorkflow(sessionId: string, run: WorkflowRun): void {
    this.store
      .prepare('INSERT OR IGNORE INTO hook_workflows (session_id, tool_use_id, task_id, phases, transcript_dir) VALUES (?, ?, ?, ?, ?)')
      .run(sessionId, run.tool_use_id, run.task_id, JSON.stringify(run.phases), run.transcript_dir)
  }

  private workflowRows(sql: string, ...params: unknown[]): WorkflowRun[] {
    const rows = this.store.prepare(sql).all(...params) as Array<Omit<WorkflowRun, 'phases'> & { phases: string }>
    return rows.map((row) => ({ ...row, phases: JSON.parse(row.phases) as Record<string, string> }))
  }

  workflowByToolUse(sessionId: string, toolUseId: string): WorkflowRun | undefined {
    return this.workflowRows('SELECT * FROM hook_workflows WHERE session_id = ? AND tool_use_id = ?', sessionId, toolUseId)[0]
  }

  sessionWorkflows(sessionId: string): WorkflowRun[] {
    return this.workflowRows('SELECT * FROM hook_workflows WHERE session_id = ?', sessionId)
  }

  /** The session's workflows whose task is still open, newest first. */
  openWorkflows(sessionId: string): WorkflowRun[] {
    return this.workflowRows(
      `SELECT w.* FROM hook_workflows w JOIN tasks t ON t.id = w.task_id
       WHERE w.session_id = ? AND t.status NOT IN ('completed', 'cancelled') ORDER BY t.created_at DESC, t.rowid DESC`,
      sessionId
    )
  }

  /** The runs of a session's agents of one type. */
  workflowAgentRuns(sessionId: string, agentType: string): AgentRun[] {
    return this.store
      .prepare('SELECT tool_use_id, agent_type, agent_id, task_id FROM hook_agent_runs WHERE session_id = ? AND agent_type = ?')
      .all(sessionId, agentType) as AgentRun[]
  }

  /** The workflow a task is a phase of. */
  workflowOfPhase(sessionId: string, taskId: string): WorkflowRun | undefined {
    return this.workflowRows(
      'SELECT w.* FROM hook_workflows w, json_each(w.phases) p WHERE w.session_id = ? AND p.value = ?',
      sessionId,
      taskId
    )[0]
  }
}
