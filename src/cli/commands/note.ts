// tasktrail note: a task's outcome, or a note on it, recorded without changing its status
// (the agent's `note` tool runs this command too).
import { exportTask } from '../../store/exchange.js'
import type { Command } from '../command.js'
import { openContext } from '../context.js'
import { usageError } from '../errors.js'
import { STATUS_LABEL } from '../format.js'
import { printJson } from '../output.js'
import { findTask } from '../resolve.js'
import { changeAndSync } from './sync.js'

const note: Command = {
  usage: 'note ID TEXT [--json]',
  summary: "record a task's outcome or a note on it, status unchanged",
  positionals: [2, 2],
  options: { json: { type: 'boolean' } },
  async run(invocation) {
    const text = invocation.positionals[1]!.trim()
    if (!text) throw usageError('the note is empty: say what was done or found')
    const context = openContext(invocation)
    const task = await changeAndSync(context, invocation.output, () => {
      const task = findTask(context, invocation.positionals[0]!)
      return context.store.updateContext(task.id, { outcome: text }, 'cli')
    })
    if (invocation.values.json) printJson(invocation.output, exportTask(task))
    else invocation.output.out(`${task.id} ${STATUS_LABEL[task.status]}  ${task.title}  (noted)`)
  }
}

export default note
