import { EXPORT_VERSION, exportTask } from '../../store/exchange.js'
import type { Command } from '../command.js'
import { openContext } from '../context.js'
import { printJson } from '../output.js'

const exportCommand: Command = {
  usage: 'export [--json]',
  summary: "print the current project's tasks as JSON ({\"version\": 1, \"tasks\": [...]})",
  positionals: [0, 0],
  options: { json: { type: 'boolean' } },
  run(invocation) {
    const context = openContext(invocation)
    const tasks = context.store.listTasks({ repoId: context.repo.id })
    printJson(invocation.output, { version: EXPORT_VERSION, tasks: tasks.map(exportTask) })
  }
}

export default exportCommand
