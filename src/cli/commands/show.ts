import { exportTask } from '../../store/exchange.js'
import type { Command } from '../command.js'
import { openSyncedContext } from './sync.js'
import { detailedView } from '../format.js'
import { printJson } from '../output.js'
import { findTask } from '../resolve.js'

const show: Command = {
  usage: 'show ID [--json]',
  summary: 'print one task in detail, with its subtasks',
  positionals: [1, 1],
  options: { json: { type: 'boolean' } },
  async run(invocation) {
    const context = await openSyncedContext(invocation)
    const task = findTask(context, invocation.positionals[0]!)
    const children = context.store.children(task.id)
    const dependencies = context.store.dependencies(task.id)
    if (invocation.values.json) {
      printJson(invocation.output, {
        ...exportTask(task),
        subtasks: children.map(exportTask),
        depends_on: dependencies,
        events: context.store.events(task.id)
      })
      return
    }
    invocation.output.out(detailedView(task, children, dependencies, new Date(), invocation.output).join('\n'))
  }
}

export default show
