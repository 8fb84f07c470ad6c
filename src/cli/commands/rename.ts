// `tasktrail rename ID TITLE`: a task's new title, in the store and in TASKS.md.
import type { Command } from '../command.js'
import { openContext } from '../context.js'
import { printJson } from '../output.js'
import { findTask } from '../resolve.js'
import { exportTask } from '../../store/exchange.js'
import { checkTitle } from './add.js'
import { changeAndSync } from './sync.js'

const rename: Command = {
  usage: 'rename ID TITLE [--json]',
  summary: 'give a task a new title',
  positionals: [2, 2],
  options: { json: { type: 'boolean' } },
  async run(invocation) {
    const title = checkTitle(invocation.positionals[1]!)
    const context = openContext(invocation)
    const task = await changeAndSync(context, invocation.output, () => context.store.updateTask(findTask(context, invocation.positionals[0]!).id, { title }, 'cli'))
    if (invocation.values.json) printJson(invocation.output, exportTask(task))
    else invocation.output.out(`${task.id} renamed: ${task.title}`)
  }
}

export default rename
