// TodoWrite (PostToolUse, hosts without the task tools): the whole list each call. New
// items become subtasks of the request, status changes apply, an edited item is the same
// task renamed, and an item dropped from the list is cancelled unless it was completed.
import { isTerminal } from '../../model/task.js'
import type { PostToolUseEvent } from '../event.js'
import { addPlanStep, requestTask, type HookContext } from '../context.js'
import { isFields, optionalString, requiredString, ShapeError } from '../shape.js'
import { taskTitle } from '../text.js'
import { diffTodos, type KnownTodo, type Todo, type TodoStatus } from '../todo-diff.js'

const TODO_STATUSES: readonly string[] = ['pending', 'in_progress', 'completed']

function readTodos(input: Record<string, unknown>): Todo[] {
  const todos = input.todos
  if (!Array.isArray(todos)) throw new ShapeError('todos is not a list')
  return todos.map((item) => {
    if (!isFields(item)) throw new ShapeError('a todo is not an object')
    const status = requiredString(item, 'status')
    if (!TODO_STATUSES.includes(status)) throw new ShapeError(`todo status ${JSON.stringify(status)} is unknown`)
    return { content: requiredString(item, 'content'), status: status as TodoStatus, activeForm: optionalString(item, 'activeForm') }
  })
}

export function todosWritten(event: PostToolUseEvent, ctx: HookContext): void {
  const todos = readTodos(event.tool_input)
  const kept: KnownTodo[] = []
  for (const change of diffTodos(ctx.state.todoList(event.session_id), todos)) {
    if (change.kind === 'dropped') {
      const task = ctx.store.getTask(change.task_id)
      if (task && !isTerminal(task.status)) ctx.store.setStatus(task.id, 'cancelled', 'hook', { note: 'dropped from the todo list' })
      continue
    }
    const { todo } = change
    // A task the user deleted meanwhile comes back as a new one rather than being lost.
    if (change.kind === 'new' || !ctx.store.getTask(change.task_id)) {
      const task_id = addPlanStep(ctx, event.session_id, requestTask(ctx, event).id, todo)
      kept.push({ content: todo.content, status: todo.status, activeForm: todo.activeForm, task_id })
      continue
    }
    if (change.renamed) ctx.store.updateTask(change.task_id, { title: taskTitle(todo.content) }, 'hook', 'renamed in the todo list')
    // Only what Claude changed since its last list: a status the user set by hand stays.
    if (change.statusChanged) ctx.store.setStatus(change.task_id, todo.status, 'hook')
    kept.push({ content: todo.content, status: todo.status, activeForm: todo.activeForm, task_id: change.task_id })
  }
  ctx.state.setTodoList(event.session_id, kept)
}
