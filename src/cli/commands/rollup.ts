import type { Command } from '../command.js'
import { openContext } from '../context.js'
import { usageError } from '../errors.js'
import { printJson } from '../output.js'

const rollup: Command = {
  usage: 'rollup [on|off] [--json]',
  summary: 'show or set whether finishing every subtask completes the parent, for the current project',
  positionals: [0, 1],
  options: { json: { type: 'boolean' } },
  run(invocation) {
    const wanted = invocation.positionals[0]
    if (wanted !== undefined && wanted !== 'on' && wanted !== 'off') throw usageError(`rollup takes on or off, not "${wanted}"`)
    const context = openContext(invocation)
    if (wanted !== undefined) context.store.setRollup(context.repo.id, wanted === 'on')
    const on = wanted === undefined ? context.repo.rollup : wanted === 'on'
    if (invocation.values.json) printJson(invocation.output, { project: context.project.root, rollup: on })
    else invocation.output.out(`roll-up is ${on ? 'on' : 'off'} for ${context.project.root}`)
  }
}

export default rollup
