// start, done, block, cancel and reopen: one status move each, checked by the status machine.
import { VERB_TARGET, verbRefusal, type Verb } from '../../model/status.js'
import { exportTask } from '../../store/exchange.js'
import { text, type Command } from '../command.js'
import { openContext } from '../context.js'
import { CliError, usageError } from '../errors.js'
import { printJson } from '../output.js'
import { findTask } from '../resolve.js'
import { STATUS_LABEL } from '../format.js'
import { changeAndSync } from './sync.js'

function verbCommand(verb: Verb, usage: string, summary: string, options: Command['options'] = {}): Command {
  return {
    usage,
    summary,
    positionals: [1, 1],
    options: { ...options, json: { type: 'boolean' } },
    async run(invocation) {
      const { values } = invocation
      const reason = text(values, 'reason')
      if (verb === 'block' && !reason?.trim()) throw usageError('block needs --reason TEXT: say what the task waits for')
      const context = openContext(invocation)
      const changed = await changeAndSync(context, invocation.output, () => {
        const task = findTask(context, invocation.positionals[0]!)
        const refusal = verbRefusal(verb, task)
        if (refusal) throw new CliError(refusal)
        const agent = text(values, 'agent')
        if (agent !== undefined) context.store.updateTask(task.id, { assigned_agent: agent }, 'cli')
        const outcome = text(values, 'outcome')
        if (outcome !== undefined) context.store.updateContext(task.id, { outcome }, 'cli')
        return context.store.setStatus(task.id, VERB_TARGET[verb], 'cli', reason === undefined ? {} : { reason: reason.trim() })
      })
      // As the sync left it: a hand edit merged in the same sync may have settled the status otherwise.
      const task = context.store.getTask(changed.id) ?? changed
      if (values.json) printJson(invocation.output, exportTask(task))
      else invocation.output.out(`${task.id} ${STATUS_LABEL[task.status]}  ${task.title}`)
    }
  }
}

export const start = verbCommand('start', 'start ID [--agent NAME]', 'mark a task in progress', { agent: { type: 'string' } })
export const done = verbCommand('done', 'done ID [--outcome TEXT]', 'mark a task completed', { outcome: { type: 'string' } })
export const block = verbCommand('block', 'block ID --reason TEXT', 'mark a task blocked, with the reason', { reason: { type: 'string' } })
export const cancel = verbCommand('cancel', 'cancel ID', 'mark a task cancelled')
export const reopen = verbCommand('reopen', 'reopen ID', 'move a completed or cancelled task back to pending')
