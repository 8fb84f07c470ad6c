// UserPromptSubmit: remember the request of the prompt; its task is made only when work
// arrives (a question that needs no work leaves no task). A <task-notification> prompt is
// no request: it reports a background agent's end.
import type { UserPromptSubmitEvent } from '../event.js'
import { promptKey, type HookContext } from '../context.js'
import { REQUEST_LIMIT } from '../limits.js'
import { isTaskNotification, parseTaskNotification } from '../task-notification.js'
import { agentNotified } from './agent.js'

export function userPromptSubmitted(event: UserPromptSubmitEvent, ctx: HookContext): void {
  if (isTaskNotification(event.prompt)) {
    agentNotified(parseTaskNotification(event.prompt), event.session_id, ctx)
    return
  }
  ctx.state.rememberPrompt(event.session_id, promptKey(event), event.prompt.slice(0, REQUEST_LIMIT))
}
