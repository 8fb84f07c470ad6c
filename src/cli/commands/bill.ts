import { setIdleMinutes, idleMinutes } from '../../store/active-time.js'
import { describeRule } from '../../billing/rounding.js'
import { billingOf, billingRootOf, settleWorkItem } from '../../store/work-items.js'
import { formatMinutes, msToMinutes } from '../../report/units.js'
import type { Command } from '../command.js'
import { openContext } from '../context.js'
import { CliError, usageError } from '../errors.js'
import { printJson } from '../output.js'
import { findTask } from '../resolve.js'

function wholeNumber(raw: unknown, name: string, least: number): number | undefined {
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!Number.isInteger(value) || value < least) throw usageError(`--${name} takes a whole number, ${least} or more; got "${String(raw)}"`)
  return value
}

const bill: Command = {
  usage: 'bill ID [--minutes N | --no-bill | --auto] [--json]  |  bill --idle-minutes N',
  summary: "show or change what a client task bills: override its minutes, mark it not billable, or go back to the measured time",
  positionals: [0, 1],
  options: {
    minutes: { type: 'string' },
    'no-bill': { type: 'boolean' },
    auto: { type: 'boolean' },
    'idle-minutes': { type: 'string' },
    json: { type: 'boolean' }
  },
  run(invocation) {
    const { values } = invocation
    const minutes = wholeNumber(values.minutes, 'minutes', 0)
    const idle = wholeNumber(values['idle-minutes'], 'idle-minutes', 1)
    const changes = [minutes !== undefined, values['no-bill'] === true, values.auto === true].filter(Boolean).length
    if (changes > 1) throw usageError('give one of --minutes, --no-bill and --auto')
    const id = invocation.positionals[0]
    if (idle !== undefined) {
      if (id !== undefined || changes > 0) throw usageError('--idle-minutes is a setting of the whole store; give it alone')
      const { store } = openContext(invocation)
      setIdleMinutes(store, idle)
      if (values.json) printJson(invocation.output, { idle_minutes: idle })
      else invocation.output.out(`a session now counts as idle after ${idle} minutes without activity; applies to work items made from now on`)
      return
    }
    if (id === undefined) throw usageError('bill needs a task ID (or --idle-minutes N)', [`usage: tasktrail ${bill.usage}`])
    const context = openContext(invocation)
    const { store } = context
    const result = store.transaction(() => {
      const task = findTask(context, id)
      if (!task.client) {
        throw new CliError(`${task.id} is not for a client, so it is not billed; nothing was changed (link a repository with ${context.cli} link --client NAME for new tasks)`)
      }
      const root = billingRootOf(store, task)
      if (minutes !== undefined && root.id !== task.id) {
        throw new CliError(`${task.id} is billed as part of ${root.id} (${root.title}); nothing was changed: set the minutes there with ${context.cli} bill ${root.id} --minutes ${minutes}`)
      }
      if (minutes !== undefined) store.updateContext(task.id, { billable_minutes: minutes, billable: null }, 'cli')
      if (values['no-bill']) store.updateContext(task.id, { billable: false }, 'cli')
      if (values.auto) store.updateContext(task.id, { billable_minutes: null, billable: null }, 'cli')
      if (changes > 0) settleWorkItem(store, root.id)
      return { task: store.getTask(task.id)!, root: store.getTask(root.id)! }
    })
    const billing = billingOf(store, result.root)
    const item = store.workItem(result.root.id) ?? null
    if (values.json) {
      printJson(invocation.output, {
        task_id: result.task.id,
        billed_with: result.root.id === result.task.id ? null : result.root.id,
        billable: result.task.task_context.billable !== false,
        measured_minutes: msToMinutes(billing.measured_ms),
        rounding: billing.rule,
        rounded_minutes: billing.rounded_minutes,
        override_minutes: billing.override_minutes,
        work_item: item
      })
      return
    }
    const out = invocation.output
    const { task, root } = result
    if (task.task_context.billable === false) out.out(`${task.id} is not billable${root.id === task.id ? '' : `; its time is left out of ${root.id}`}`)
    if (root.id !== task.id) out.out(`${task.id} is billed as part of ${root.id} (${root.title})`)
    out.out(`${root.id} ${root.client}: measured ${formatMinutes(msToMinutes(billing.measured_ms))}, ${describeRule(billing.rule)} → ${formatMinutes(billing.rounded_minutes)}` +
      (billing.override_minutes !== null ? `; overridden: ${formatMinutes(billing.override_minutes)}` : ''))
    out.out(item ? `work item ${item.date}: ${formatMinutes(item.billable_minutes)}` : root.status === 'completed' ? 'no work item (not billable)' : `no work item yet: one is made when ${root.id} is completed`)
    out.out(`idle after ${idleMinutes(store)} min without activity`)
  }
}

export default bill
