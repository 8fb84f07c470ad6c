import { COMPLEXITIES, TASK_TYPES, type Complexity, type TaskType } from '../../model/task.js'
import { text, type Command } from '../command.js'
import { openContext } from '../context.js'
import { usageError } from '../errors.js'
import { paint, printJson } from '../output.js'
import { findTask } from '../resolve.js'
import { exportTask } from '../../store/exchange.js'
import { changeAndSync } from './sync.js'

function checkType(value: string | undefined): TaskType | undefined {
  if (value === undefined) return undefined
  if (!(TASK_TYPES as readonly string[]).includes(value)) throw usageError(`"${value}" is not a task type; valid types: ${TASK_TYPES.join(', ')}`)
  return value as TaskType
}

/** A task's title: one non-empty line, trimmed. */
export function checkTitle(value: string): string {
  const title = value.trim()
  if (!title || /[\r\n]/.test(title)) throw usageError('the title must be one non-empty line')
  return title
}

const add: Command = {
  usage: 'add TITLE [--parent ID] [--type TYPE] [--agent NAME] [--client NAME] [--project NAME] [--description TEXT] [--complexity low|medium|high] [--json]',
  summary: 'add a task to the current project',
  positionals: [1, 1],
  options: {
    parent: { type: 'string' },
    type: { type: 'string' },
    agent: { type: 'string' },
    client: { type: 'string' },
    project: { type: 'string' },
    description: { type: 'string' },
    complexity: { type: 'string' },
    json: { type: 'boolean' }
  },
  async run(invocation) {
    const { values } = invocation
    const title = checkTitle(invocation.positionals[0]!)
    const task_type = checkType(text(values, 'type'))
    const complexity = text(values, 'complexity')
    if (complexity !== undefined && !(COMPLEXITIES as readonly string[]).includes(complexity)) {
      throw usageError(`"${complexity}" is not a complexity; valid: ${COMPLEXITIES.join(', ')}`)
    }
    const context = openContext(invocation)
    const task = await changeAndSync(context, invocation.output, () => {
      const parent = text(values, 'parent') === undefined ? null : findTask(context, text(values, 'parent')!)
      return context.store.createTask(context.repo.id, {
        title,
        parent_task_id: parent?.id ?? null,
        task_type: task_type ?? null,
        assigned_agent: text(values, 'agent') ?? null,
        description: text(values, 'description') ?? null,
        client: text(values, 'client') ?? parent?.client ?? context.repo.client,
        project: text(values, 'project') ?? parent?.project ?? context.repo.project,
        estimated_complexity: (complexity as Complexity | undefined) ?? null
      }, 'cli')
    })
    if (values.json) printJson(invocation.output, exportTask(task))
    else invocation.output.out(`added ${paint(invocation.output, 'bold', task.id)}  ${task.title}`)
  }
}

export default add
