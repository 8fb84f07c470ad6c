import { EXPORT_VERSION, exportTask } from '../../store/exchange.js'
import type { Command } from '../command.js'
import { openSyncedContext } from './sync.js'

/** Tasks written at once: bounds memory on a store of 100,000 tasks. */
const BATCH = 500

const exportCommand: Command = {
  usage: 'export [--json]',
  summary: "print the current project's tasks as JSON ({\"version\": 1, \"tasks\": [...]})",
  positionals: [0, 0],
  options: { json: { type: 'boolean' } },
  async run(invocation) {
    const context = await openSyncedContext(invocation)
    const out = invocation.output
    // The bytes of JSON.stringify(document, null, 2), written as the tasks are read.
    const tasks = context.store.iterateTasks({ repoId: context.repo.id })
    let next = tasks.next()
    if (next.done) {
      out.out(`{\n  "version": ${EXPORT_VERSION},\n  "tasks": []\n}`)
      return
    }
    let chunk = [`{\n  "version": ${EXPORT_VERSION},\n  "tasks": [`]
    while (!next.done) {
      const json = `    ${JSON.stringify(exportTask(next.value), null, 2).replaceAll('\n', '\n    ')}`
      next = tasks.next()
      chunk.push(next.done ? json : `${json},`)
      if (chunk.length >= BATCH) {
        out.out(chunk.join('\n'))
        chunk = []
      }
    }
    chunk.push('  ]\n}')
    out.out(chunk.join('\n'))
  }
}

export default exportCommand
