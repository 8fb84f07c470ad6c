// PostToolUseFailure: a failing tool is appended to blockers_encountered of the task the
// acting agent works on; its status stays (Claude often recovers). A failed Agent call
// blocks its run instead (see agent.ts). An interrupt by the user is no blocker.
import type { PostToolUseFailureEvent } from '../event.js'
import { actingTaskId, type HookContext } from '../context.js'
import { BLOCKER_LIMIT } from '../limits.js'
import { clip, oneLine } from '../text.js'
import { AGENT_TOOLS, agentFailed } from './agent.js'

/** What was attempted: the command, file or address the tool was given, when it has one. */
function attempt(input: Record<string, unknown>): string | undefined {
  for (const key of ['command', 'file_path', 'notebook_path', 'url']) {
    if (typeof input[key] === 'string') return oneLine(input[key])
  }
  return undefined
}

function blockerText(event: Pick<PostToolUseFailureEvent, 'tool_name' | 'tool_input' | 'error'>): string {
  const what = attempt(event.tool_input)
  return clip(`${event.tool_name}${what ? ` \`${what}\`` : ''}: ${oneLine(event.error)}`, BLOCKER_LIMIT)
}

export function toolFailed(event: PostToolUseFailureEvent, ctx: HookContext): void {
  if (event.is_interrupt) return
  if (AGENT_TOOLS.includes(event.tool_name)) {
    agentFailed(event, ctx)
    return
  }
  const blocker = blockerText(event)
  ctx.store.addToContextList(actingTaskId(ctx, event, blocker), 'blockers_encountered', blocker, 'hook')
}
