// ExitPlanMode (PostToolUse: the plan the user approved, edits included). Claude Code puts
// the plan's markdown in tool_response.plan (2.1.197 also in tool_input.plan). Its steps
// (plan-steps.ts) become the request's subtasks in order; a plan presented again is compared
// with the last one, like a TodoWrite list: the same step renamed, new steps added, dropped
// steps cancelled unless done. How the steps move afterwards: plan-progress.ts.
import { isTerminal } from '../../model/task.js'
import type { PostToolUseEvent } from '../event.js'
import { addPlanStep, requestTask, type HookContext } from '../context.js'
import { isFields, optionalString } from '../shape.js'
import type { PlanItem } from '../state.js'
import { taskTitle } from '../text.js'
import { diffTodos } from '../todo-diff.js'
import { loadedParser, ParserNeeded } from '../../sync/markdown.js'

function planText(event: PostToolUseEvent): string | undefined {
  const response = isFields(event.tool_response) ? optionalString(event.tool_response, 'plan') : undefined
  return response ?? optionalString(event.tool_input, 'plan')
}

export function planApproved(event: PostToolUseEvent, ctx: HookContext): void {
  const markdown = planText(event)
  if (!markdown) return
  // remark is loaded only for a plan: ParserNeeded rolls the change back, loads it, and retries.
  const parser = loadedParser()
  if (!parser) throw new ParserNeeded()
  const steps = parser.planSteps(markdown)
  if (steps.length === 0) return
  const request = requestTask(ctx, event)
  const previous = ctx.state.plan(event.session_id, request.id).map((item) => ({ ...item, status: 'pending' as const }))
  const todos = steps.map((step) => ({ content: step.text, status: step.done ? ('completed' as const) : ('pending' as const) }))
  const items: PlanItem[] = []
  for (const change of diffTodos(previous, todos)) {
    if (change.kind === 'dropped') {
      const task = ctx.store.getTask(change.task_id)
      if (task && !isTerminal(task.status)) ctx.store.setStatus(task.id, 'cancelled', 'hook', { note: 'dropped from the revised plan' })
      continue
    }
    const { todo } = change
    const kept = change.kind === 'kept' ? ctx.store.getTask(change.task_id) : undefined
    if (change.kind === 'kept' && kept) {
      if (change.renamed) ctx.store.updateTask(kept.id, { title: taskTitle(todo.content) }, 'hook', 'renamed in the revised plan')
      if (todo.status === 'completed' && !isTerminal(kept.status)) ctx.store.setStatus(kept.id, 'completed', 'hook', { note: 'ticked in the plan' })
      items.push({ content: todo.content, task_id: kept.id })
      continue
    }
    items.push({ content: todo.content, task_id: addPlanStep(ctx, event.session_id, request.id, todo) })
  }
  ctx.state.setPlan(event.session_id, request.id, items)
}
