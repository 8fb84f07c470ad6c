import { projectSummary } from '../../report/summaries.js'
import { formatMinutes } from '../../report/units.js'
import type { Command } from '../command.js'
import { openContext } from '../context.js'
import { printJson } from '../output.js'

const projects: Command = {
  usage: 'projects [--json]',
  summary: 'list projects with open and completed tasks, measured time and billable minutes',
  positionals: [0, 0],
  options: { json: { type: 'boolean' } },
  run(invocation) {
    const context = openContext(invocation)
    const { store } = context
    const summaries = store.projectNames().map((name) => projectSummary(store, name))
    if (invocation.values.json) {
      printJson(invocation.output, { projects: summaries })
      return
    }
    if (summaries.length === 0) {
      invocation.output.out(`no projects yet; link a repository with ${context.cli} link --project NAME`)
      return
    }
    for (const p of summaries) {
      invocation.output.out(`${p.name}: ${p.open} open, ${p.completed} completed, ${formatMinutes(p.active_minutes)} measured, ${formatMinutes(p.billable_minutes)} billable`)
    }
  }
}

export default projects
