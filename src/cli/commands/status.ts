import type { Command } from '../command.js'
import { openSyncedContext } from './sync.js'
import { checklist, progress, STATUS_LABEL } from '../format.js'
import { paint, printJson } from '../output.js'
import { STATUSES } from '../../model/task.js'

const status: Command = {
  usage: 'status [--all] [--json]',
  summary: 'print the progress of the current project (--all: every project)',
  positionals: [0, 0],
  options: { all: { type: 'boolean' }, json: { type: 'boolean' } },
  async run(invocation) {
    const context = await openSyncedContext(invocation)
    const tasks = context.store.listTasks(invocation.values.all ? {} : { repoId: context.repo.id })
    const summary = progress(tasks)
    const active = tasks.filter((t) => t.status === 'in_progress' || t.status === 'blocked')
    if (invocation.values.json) {
      printJson(invocation.output, {
        project: invocation.values.all ? null : context.project.root,
        ...summary,
        active: active.map((t) => ({ id: t.id, title: t.title, status: t.status, assigned_agent: t.assigned_agent }))
      })
      return
    }
    const out = invocation.output
    out.out(`${paint(out, 'bold', invocation.values.all ? 'All projects' : context.project.root)}: ${summary.counts.completed} of ${summary.total - summary.counts.cancelled} complete (${summary.percent_complete}%)`)
    out.out(STATUSES.filter((s) => summary.counts[s] > 0).map((s) => `${summary.counts[s]} ${STATUS_LABEL[s]}`).join(', ') || 'no tasks yet')
    if (active.length) out.out(checklist(active.map((t) => ({ ...t, parent_task_id: null })), out).join('\n'))
  }
}

export default status
