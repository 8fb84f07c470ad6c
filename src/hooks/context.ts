// What an adapter works with, and the questions every adapter asks: which task is the
// user's request, and which task the agent that acted is working on.
import type { Repo, Store, StoredTask } from '../store/store.js'
import type { HookState } from './state.js'
import { REQUEST_LIMIT } from './limits.js'
import { advancePlan } from './plan-progress.js'
import { inferTaskType } from './task-type.js'
import { taskTitle } from './text.js'
import type { Todo } from './todo-diff.js'

export interface HookContext {
  store: Store
  state: HookState
  repo: Repo
  /** The project's root: files are recorded relative to it. */
  root: string
  /** The shell command that runs this tasktrail, for text given to Claude (no `tasktrail` may be on the PATH). */
  cli: string
  /** The session has the plugin's tasktrail tools (src/hooks/agent-tools.ts). */
  tools?: boolean
}

/** Which session, prompt and agent an event comes from. */
export interface Origin {
  session_id: string
  prompt_id: string | undefined
  agent_id: string | undefined
}

/** Which prompt an event belongs to; work of an event without prompt_id counts for its session. */
export function promptKey(origin: Origin): string {
  return origin.prompt_id ?? `session:${origin.session_id}`
}

/**
 * The task of the user's request behind an event, made when the first work of the prompt
 * arrives: titled after the request's first line, in progress, with the whole request (as
 * kept, see REQUEST_LIMIT) in task_context.user_request. Without a known prompt (its
 * UserPromptSubmit was never seen) the work still gets a task, named after the session.
 */
export function requestTask(ctx: HookContext, origin: Origin): StoredTask {
  const promptId = promptKey(origin)
  const prompt = ctx.state.prompt(origin.session_id, promptId)
  const existing = prompt?.task_id ? ctx.store.getTask(prompt.task_id) : undefined
  if (existing) return existing
  const request = prompt?.request ?? ''
  const task = ctx.store.createTask(
    ctx.repo.id,
    {
      title: request.trim() ? taskTitle(request) : `Claude Code session ${origin.session_id.slice(0, 8)}`,
      status: 'in_progress',
      task_context: { ...(request ? { user_request: request.slice(0, REQUEST_LIMIT) } : {}), turn: 'running' },
      session_id: origin.session_id,
      client: ctx.repo.client,
      project: ctx.repo.project
    },
    'hook'
  )
  ctx.state.setPromptTask(origin.session_id, promptId, task.id)
  return task
}

/** A new item of Claude's plan (a TodoWrite item, a plan-mode step) as a subtask of `parentId`; its id. */
export function addPlanStep(ctx: HookContext, sessionId: string, parentId: string, todo: Pick<Todo, 'content' | 'status'>): string {
  const task = ctx.store.createTask(
    ctx.repo.id,
    {
      title: taskTitle(todo.content),
      parent_task_id: parentId,
      status: todo.status,
      task_type: inferTaskType(todo.content),
      session_id: sessionId,
      client: ctx.repo.client,
      project: ctx.repo.project
    },
    'hook'
  )
  ctx.state.addPlanTask(sessionId, task.id, null)
  return task.id
}

/**
 * The task the acting agent works on: a subagent's run task (by agent_id), else the task
 * of Claude's plan the main thread has in progress, else the request. `evidence` describes
 * the main thread's work, which moves the steps of a plan-mode plan (plan-progress.ts).
 */
export function actingTaskId(ctx: HookContext, origin: Origin, evidence?: string): string {
  const run = origin.agent_id ? ctx.state.agentRunByAgentId(origin.session_id, origin.agent_id) : undefined
  if (run) return run.task_id
  const requestId = origin.agent_id || evidence === undefined ? undefined : ctx.state.prompt(origin.session_id, promptKey(origin))?.task_id
  const step = requestId ? advancePlan(ctx, origin.session_id, requestId, evidence!) : undefined
  return step?.id ?? ctx.state.planTaskInProgress(origin.session_id) ?? requestTask(ctx, origin).id
}

/** Marks the request's turn as running (again): the roll-up leaves it to the turn's Stop. */
export function turnRuns(ctx: HookContext, requestId: string): void {
  const task = ctx.store.getTask(requestId)
  if (task && task.task_context.turn !== 'running') ctx.store.updateContext(requestId, { turn: 'running' }, 'hook')
}
