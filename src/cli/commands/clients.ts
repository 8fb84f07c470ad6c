import { describeRule, isRoundingMode, ROUNDING_MODES, type RoundingRule } from '../../billing/rounding.js'
import { checkName } from '../../store/link.js'
import { text, type Command } from '../command.js'
import { openContext } from '../context.js'
import { usageError } from '../errors.js'
import { printJson } from '../output.js'
import { clientSummary } from '../../report/summaries.js'
import { formatMinutes } from '../../report/units.js'

function wholeMinutes(values: Record<string, unknown>, name: string, least: number): number | undefined {
  const raw = values[name]
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!Number.isInteger(value) || value < least) throw usageError(`--${name} takes a whole number of minutes, ${least} or more; got "${String(raw)}"`)
  return value
}

const clients: Command = {
  usage: 'clients [--set NAME [--increment MIN] [--minimum MIN] [--round up|nearest]] [--json]',
  summary: 'list clients with open and completed tasks and billable minutes; --set changes how a client is billed',
  positionals: [0, 0],
  options: {
    set: { type: 'string' },
    increment: { type: 'string' },
    minimum: { type: 'string' },
    round: { type: 'string' },
    json: { type: 'boolean' }
  },
  run(invocation) {
    const { values } = invocation
    const increment = wholeMinutes(values, 'increment', 1)
    const minimum = wholeMinutes(values, 'minimum', 0)
    const round = text(values, 'round')
    if (round !== undefined && !isRoundingMode(round)) throw usageError(`--round takes ${ROUNDING_MODES.join(' or ')}, not "${round}"`)
    const setting = text(values, 'set')
    if (setting === undefined && (increment ?? minimum ?? round) !== undefined) throw usageError('--increment, --minimum and --round need --set NAME')
    const context = openContext(invocation)
    const { store } = context
    if (setting !== undefined) {
      let name: string
      try {
        name = checkName('client', setting)
      } catch (error) {
        throw usageError((error as Error).message)
      }
      store.transaction(() => {
        const rule: RoundingRule = { ...store.roundingRule(name) }
        if (increment !== undefined) rule.increment_minutes = increment
        if (minimum !== undefined) rule.minimum_minutes = minimum
        if (round !== undefined) rule.rounding = round as RoundingRule['rounding']
        store.setRoundingRule(name, rule)
      })
      if (!values.json) invocation.output.out(`${name}: ${describeRule(store.roundingRule(name))}; applies to work items made from now on`)
    }
    const summaries = store.clientNames().map((name) => clientSummary(store, name))
    if (values.json) {
      printJson(invocation.output, { clients: summaries })
      return
    }
    if (setting !== undefined) return
    if (summaries.length === 0) {
      invocation.output.out(`no clients yet; link a repository with ${context.cli} link --client NAME`)
      return
    }
    for (const c of summaries) {
      invocation.output.out(`${c.name}: ${c.open} open, ${c.completed} completed, ${formatMinutes(c.billable_minutes)} billable in ${c.work_items} work item${c.work_items === 1 ? '' : 's'} (${describeRule(c.rounding)})`)
    }
  }
}

export default clients
