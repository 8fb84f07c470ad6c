// The Agent tool (legacy name Task): each call is a task for the run, assigned to the
// subagent type, under the task the caller works on. It ends in one of three ways: the
// synchronous PostToolUse with status "completed" (2.1.197), SubagentStop or a
// <task-notification> prompt for a background agent (2.1.332, whose PostToolUse only says
// "async_launched"), or a failure, which blocks the run.
import type { MeasuredRun } from '../../billing/time.js'
import { isTerminal } from '../../model/task.js'
import type { ContextChanges, StoredTask } from '../../store/store.js'
import type {
  PostToolUseEvent,
  PostToolUseFailureEvent,
  PreToolUseEvent,
  SubagentStartEvent,
  SubagentStopEvent,
  ToolEvent
} from '../event.js'
import { actingTaskId, type HookContext } from '../context.js'
import { BLOCKER_LIMIT, OUTCOME_LIMIT } from '../limits.js'
import { isFields, optionalNumber, optionalString, ShapeError, type Fields } from '../shape.js'
import type { AgentRun } from '../state.js'
import type { TaskNotification } from '../task-notification.js'
import { inferTaskType } from '../task-type.js'
import { clip, oneLine, taskTitle } from '../text.js'
import { WORKFLOW_AGENT, workflowAgentStarted, workflowAgentStopped } from './workflow.js'

export const AGENT_TOOLS = ['Agent', 'Task']

/** What a run ended with; the figures land in the run task's task_context. */
interface RunEnd {
  outcome: string | undefined
  duration_ms?: number | undefined
  tokens?: number | undefined
  tool_uses?: number | undefined
}

function launch(event: ToolEvent, ctx: HookContext): AgentRun {
  const known = ctx.state.agentRunByToolUse(event.session_id, event.tool_use_id)
  if (known) return known
  const description = optionalString(event.tool_input, 'description') ?? 'Agent run'
  const agentType = optionalString(event.tool_input, 'subagent_type') ?? null
  const evidence = `${description} ${optionalString(event.tool_input, 'prompt') ?? ''}`
  const task = ctx.store.createTask(
    ctx.repo.id,
    {
      title: taskTitle(description),
      parent_task_id: actingTaskId(ctx, event, evidence),
      status: 'in_progress',
      task_context: { agent_run: true },
      task_type: inferTaskType(description),
      assigned_agent: agentType,
      session_id: event.session_id,
      client: ctx.repo.client,
      project: ctx.repo.project
    },
    'hook'
  )
  ctx.state.addAgentRun(event.session_id, event.tool_use_id, agentType, task.id)
  return ctx.state.agentRunByToolUse(event.session_id, event.tool_use_id)!
}

/** PreToolUse Agent: the run starts. */
export function agentLaunched(event: PreToolUseEvent, ctx: HookContext): void {
  launch(event, ctx)
}

/** SubagentStart: ties the agent's id to the oldest launched run of its type not yet tied. */
export function subagentStarted(event: SubagentStartEvent, ctx: HookContext): void {
  if (ctx.state.agentRunByAgentId(event.session_id, event.agent_id)) return
  if (event.agent_type === WORKFLOW_AGENT) {
    workflowAgentStarted(event, ctx)
    return
  }
  const run = ctx.state.unboundAgentRun(event.session_id, event.agent_type ?? null)
  if (run) ctx.state.bindAgent(event.session_id, run.tool_use_id, event.agent_id)
}

function responseText(response: Fields): string | undefined {
  const content = response.content
  if (!Array.isArray(content)) return undefined
  const texts = content.filter(isFields).map((block) => (block.type === 'text' ? optionalString(block, 'text') : undefined))
  const text = texts.filter((t) => t !== undefined).join('\n').trim()
  return text || undefined
}

/** PostToolUse Agent: completed (synchronous) or async_launched (background). */
export function agentReturned(event: PostToolUseEvent, ctx: HookContext): void {
  if (!isFields(event.tool_response)) throw new ShapeError('tool_response is not an object')
  const response = event.tool_response
  const status = optionalString(response, 'status')
  const agentId = optionalString(response, 'agentId')
  const run = launch(event, ctx)
  if (agentId) ctx.state.bindAgent(event.session_id, run.tool_use_id, agentId)
  if (status === 'async_launched') return
  if (status !== 'completed') throw new ShapeError(`Agent status ${JSON.stringify(status)} is unknown`)
  finishRun(ctx, run.task_id, {
    outcome: responseText(response),
    duration_ms: optionalNumber(response, 'totalDurationMs'),
    tokens: optionalNumber(response, 'totalTokens'),
    tool_uses: optionalNumber(response, 'totalToolUseCount')
  })
}

/** SubagentStop: the agent's turn ended with its last message. */
export function subagentStopped(event: SubagentStopEvent, ctx: HookContext): void {
  const run = ctx.state.agentRunByAgentId(event.session_id, event.agent_id)
  if (!run) return
  finishRun(ctx, run.task_id, { outcome: event.last_assistant_message })
  if (run.agent_type === WORKFLOW_AGENT) workflowAgentStopped(event, ctx, run.task_id)
}

/** A <task-notification>: a background agent ended, with its result and usage. Its run task, when known. */
export function agentNotified(notification: TaskNotification, sessionId: string, ctx: HookContext): string | undefined {
  const run =
    (notification.toolUseId && ctx.state.agentRunByToolUse(sessionId, notification.toolUseId)) ||
    (notification.agentId && ctx.state.agentRunByAgentId(sessionId, notification.agentId)) ||
    undefined
  if (!run) return undefined
  if (notification.status !== 'completed') {
    blockRun(ctx, run.task_id, `Agent ended ${notification.status ?? 'without a status'}: ${notification.summary ?? ''}`)
    return run.task_id
  }
  finishRun(ctx, run.task_id, {
    outcome: notification.result,
    duration_ms: notification.durationMs,
    tokens: notification.tokens,
    tool_uses: notification.toolUses
  })
  return run.task_id
}

/** PostToolUseFailure Agent: the run is blocked, with the error as the reason. */
export function agentFailed(event: PostToolUseFailureEvent, ctx: HookContext): void {
  const run = launch(event, ctx)
  blockRun(ctx, run.task_id, event.error)
}

/**
 * Completes a run and records what it ended with. Several events report the same end (a
 * SubagentStop, then the response or the notification): each only adds what it knows, and a
 * run the user already closed keeps its status.
 */
function finishRun(ctx: HookContext, taskId: string, end: RunEnd): void {
  const task = ctx.store.requireTask(taskId)
  if (!isTerminal(task.status)) ctx.store.setStatus(taskId, 'completed', 'hook')
  const context: ContextChanges = {}
  if (end.outcome) context.outcome = clip(end.outcome.trim(), OUTCOME_LIMIT)
  for (const key of ['duration_ms', 'tokens', 'tool_uses'] as const) {
    if (end[key] !== undefined) context[key] = end[key]
  }
  context.assigned_agents = [measuredRun(ctx.store.requireTask(taskId), end.duration_ms)]
  ctx.store.updateContext(taskId, context, 'hook')
}

/**
 * The run as the time measure reads it (docs/REPORTS.md): who ran, from its start to the
 * first end reported, and the duration Claude Code measured when it gives one.
 */
function measuredRun(task: StoredTask, durationMs: number | undefined): MeasuredRun {
  const known = Array.isArray(task.task_context.assigned_agents) ? (task.task_context.assigned_agents[0] as MeasuredRun | undefined) : undefined
  const run: MeasuredRun = { agent: task.assigned_agent ?? 'agent', status: 'completed' }
  const started = known?.started ?? task.started_at
  const completed = known?.completed ?? task.completed_at
  if (started) run.started = started
  if (completed) run.completed = completed
  const duration = durationMs ?? known?.duration_ms
  if (duration !== undefined) run.duration_ms = duration
  return run
}

function blockRun(ctx: HookContext, taskId: string, reason: string): void {
  if (isTerminal(ctx.store.requireTask(taskId).status)) return
  ctx.store.setStatus(taskId, 'blocked', 'hook', { reason: clip(oneLine(reason), BLOCKER_LIMIT) })
}
