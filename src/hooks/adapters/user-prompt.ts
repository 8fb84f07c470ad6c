// UserPromptSubmit: remember the request of the prompt; its task is made only when work
// arrives (a question that needs no work leaves no task). A <task-notification> prompt is
// no request: it reports a background agent's or workflow's end, and starts a turn that
// goes on with the request that launched it — its work and its Stop belong to that request.
import { isTerminal } from '../../model/task.js'
import type { UserPromptSubmitEvent } from '../event.js'
import { promptKey, turnRuns, type HookContext } from '../context.js'
import { REQUEST_LIMIT } from '../limits.js'
import { isTaskNotification, parseTaskNotification } from '../task-notification.js'
import { agentNotified } from './agent.js'
import { workflowNotified } from './workflow.js'

/** The top of a task's tree: the request it was done for. */
function requestOf(ctx: HookContext, taskId: string): string {
  const seen = new Set<string>()
  let id = taskId
  for (let parent = ctx.store.getTask(id)?.parent_task_id; parent && !seen.has(parent); parent = ctx.store.getTask(id)?.parent_task_id) {
    seen.add(parent)
    id = parent
  }
  return id
}

export function userPromptSubmitted(event: UserPromptSubmitEvent, ctx: HookContext): void {
  if (isTaskNotification(event.prompt)) {
    const notification = parseTaskNotification(event.prompt)
    const ended = agentNotified(notification, event.session_id, ctx) ?? workflowNotified(notification, event.session_id, ctx)
    if (!ended) return
    const request = requestOf(ctx, ended)
    ctx.state.setPromptTask(event.session_id, promptKey(event), request)
    if (!isTerminal(ctx.store.requireTask(request).status)) turnRuns(ctx, request)
    return
  }
  ctx.state.rememberPrompt(event.session_id, promptKey(event), event.prompt.slice(0, REQUEST_LIMIT))
}
