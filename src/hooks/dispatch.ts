// Which adapter handles an event. Tool events are applied once per tool_use_id (and hook
// event): Claude Code may deliver one twice, and a replayed spool must not double anything.
// A tool call's duration_ms is added once to the acting task's task_context.tool_ms: the
// plugin's PostToolUse hook runs for every tool, and a call no adapter handles brings its
// time alone.
import type { HookEvent, PostToolUseEvent, PostToolUseFailureEvent } from './event.js'
import { actingTaskId, promptKey, type HookContext } from './context.js'
import type { HookOutput } from './output.js'
import { AGENT_TOOLS, agentLaunched, agentReturned, subagentStarted, subagentStopped } from './adapters/agent.js'
import { FILE_TOOLS, fileWritten } from './adapters/file-write.js'
import { planApproved } from './adapters/plan-mode.js'
import { sessionStarted } from './adapters/session-start.js'
import { sessionEnded, stopped } from './adapters/stop.js'
import { taskCreated, taskCreatedEvent } from './adapters/task-create.js'
import { taskCompletedEvent, taskUpdated } from './adapters/task-update.js'
import { todosWritten } from './adapters/todo-write.js'
import { toolFailed } from './adapters/tool-failure.js'
import { userPromptSubmitted } from './adapters/user-prompt.js'
import { workflowLaunched } from './adapters/workflow.js'

/** The store change for an event, to run inside one transaction. */
export type Change = (ctx: HookContext) => HookOutput | void

function postToolUse(tool: string): ((event: Extract<HookEvent, { hook_event_name: 'PostToolUse' }>, ctx: HookContext) => void) | undefined {
  if (tool === 'TaskCreate') return taskCreated
  if (tool === 'TaskUpdate') return taskUpdated
  if (tool === 'TodoWrite') return todosWritten
  if (tool === 'ExitPlanMode') return planApproved
  if (tool === 'Workflow') return workflowLaunched
  if (AGENT_TOOLS.includes(tool)) return agentReturned
  if (FILE_TOOLS.includes(tool)) return fileWritten
  return undefined
}

/** Whether an event is a successful call of a tool no adapter handles: it brings only its time. */
export function onlyTime(event: HookEvent): boolean {
  return event.hook_event_name === 'PostToolUse' && postToolUse(event.tool_name) === undefined
}

function once(event: Extract<HookEvent, { tool_use_id: string }>, apply: (ctx: HookContext) => void): Change {
  return (ctx) => {
    if (!ctx.state.markProcessed(event.session_id, event.tool_use_id, event.hook_event_name)) return
    apply(ctx)
    if (event.hook_event_name !== 'PreToolUse') addToolTime(event, ctx)
  }
}

/**
 * The task the acting agent works on, if there is one yet: a call that only brings its time
 * (a Read, a Bash) makes no request task, since a question answered without work leaves none.
 */
function existingActingTaskId(ctx: HookContext, event: PostToolUseEvent): string | undefined {
  const run = event.agent_id ? ctx.state.agentRunByAgentId(event.session_id, event.agent_id) : undefined
  if (run) return run.task_id
  const request = ctx.state.prompt(event.session_id, promptKey(event))?.task_id
  return ctx.state.planTaskInProgress(event.session_id) ?? (request && ctx.store.getTask(request) ? request : undefined)
}

/**
 * The time a tool call took counts for the task it worked on (docs/REPORTS.md). An agent's or
 * a workflow's call is left out: their runs are measured on their own tasks.
 */
function addToolTime(event: PostToolUseEvent | PostToolUseFailureEvent, ctx: HookContext): void {
  if (!event.duration_ms || AGENT_TOOLS.includes(event.tool_name) || event.tool_name === 'Workflow') return
  if (event.hook_event_name === 'PostToolUseFailure' && event.is_interrupt) return
  const taskId = onlyTime(event) ? existingActingTaskId(ctx, event as PostToolUseEvent) : actingTaskId(ctx, event)
  if (!taskId) return
  const before = ctx.store.requireTask(taskId).task_context.tool_ms
  ctx.store.updateContext(taskId, { tool_ms: (typeof before === 'number' ? before : 0) + event.duration_ms }, 'hook')
}

/** The change for an event, or undefined for an event tasktrail does not handle (a PreToolUse of a tool other than Agent). */
export function changeFor(event: HookEvent): Change | undefined {
  switch (event.hook_event_name) {
    case 'SessionStart':
      return (ctx) => sessionStarted(event, ctx)
    case 'UserPromptSubmit':
      return (ctx) => userPromptSubmitted(event, ctx)
    case 'PreToolUse':
      return AGENT_TOOLS.includes(event.tool_name) ? once(event, (ctx) => agentLaunched(event, ctx)) : undefined
    case 'PostToolUse': {
      const adapter = postToolUse(event.tool_name)
      return once(event, (ctx) => adapter?.(event, ctx))
    }
    case 'PostToolUseFailure':
      return once(event, (ctx) => toolFailed(event, ctx))
    case 'SubagentStart':
      return (ctx) => subagentStarted(event, ctx)
    case 'SubagentStop':
      return (ctx) => subagentStopped(event, ctx)
    case 'Stop':
      return (ctx) => stopped(event, ctx)
    case 'TaskCreated':
      return (ctx) => taskCreatedEvent(event, ctx)
    case 'TaskCompleted':
      return (ctx) => taskCompletedEvent(event, ctx)
    case 'SessionEnd':
      return (ctx) => sessionEnded(event, ctx)
  }
}
