import { isTerminal, statusFromWord, STATUSES, type TaskStatus } from '../../model/task.js'
import { AGENT_HOSTS, isAgentHost, taskHost } from '../../model/task-host.js'
import { exportTask } from '../../store/exchange.js'
import type { TaskFilter } from '../../store/store.js'
import { text, type Command } from '../command.js'
import { openSyncedContext } from './sync.js'
import { usageError } from '../errors.js'
import { checklist, checklistTask, childrenIndex, STATUS_LABEL, type ChecklistTask } from '../format.js'
import { printJson } from '../output.js'

function checkStatus(value: string | undefined): TaskStatus | undefined {
  if (value === undefined) return undefined
  const status = statusFromWord(value)
  if (!status) throw usageError(`"${value}" is not a status; use one of: todo, in-progress (or wip), blocked, done, cancelled (or ${STATUSES.join(', ')})`)
  return status
}

/** Without --all: the trees whose top task is still open. */
function openTrees<T extends ChecklistTask>(tasks: T[]): T[] {
  const index = childrenIndex(tasks)
  const kept: T[] = []
  const keep = (parent: string | null) => {
    for (const task of index.get(parent) ?? []) {
      kept.push(task)
      keep(task.id)
    }
  }
  for (const top of index.get(null) ?? []) {
    if (isTerminal(top.status)) continue
    kept.push(top)
    keep(top.id)
  }
  return kept
}

const list: Command = {
  usage: 'list [--all] [--status S] [--client C] [--project P] [--normal] [--host claude-code|codex|gemini] [--json]',
  summary: "print the current project's checklist (open tasks; --all for every task)",
  positionals: [0, 0],
  options: {
    all: { type: 'boolean' },
    status: { type: 'string' },
    client: { type: 'string' },
    project: { type: 'string' },
    normal: { type: 'boolean' },
    host: { type: 'string' },
    json: { type: 'boolean' }
  },
  async run(invocation) {
    const { values } = invocation
    const status = checkStatus(text(values, 'status'))
    const client = text(values, 'client')
    const project = text(values, 'project')
    const host = text(values, 'host')
    if (host !== undefined && !isAgentHost(host)) throw usageError(`"${host}" is not an agent CLI tasktrail records; valid: ${AGENT_HOSTS.join(', ')}`)
    // The tasks the hooks of that agent CLI made.
    const ofHost = <T extends Parameters<typeof taskHost>[0]>(tasks: T[]) => (host === undefined ? tasks : tasks.filter((t) => taskHost(t) === host))
    const context = await openSyncedContext(invocation)
    // A client, project or Normal-mode filter looks across every repository.
    const acrossRepos = client !== undefined || project !== undefined || values.normal === true
    const filter: TaskFilter = {
      ...(acrossRepos ? {} : { repoId: context.repo.id }),
      ...(status ? { status } : {}),
      ...(client ? { client } : {}),
      ...(project ? { project } : {}),
      ...(values.normal ? { normal: true } : {})
    }
    if (values.json) {
      const all = ofHost(context.store.listTasks(filter))
      printJson(invocation.output, { tasks: (values.all || status ? all : openTrees(all)).map(exportTask) })
      return
    }
    const all = ofHost(Array.from(context.store.iterateTasks(filter))).map(checklistTask)
    const tasks = values.all || status ? all : openTrees(all)
    if (tasks.length === 0) {
      invocation.output.out(
        status ? `no task is ${STATUS_LABEL[status]}`
        : all.length ? `nothing open; ${context.cli} list --all shows every task`
        : `no tasks yet; add one with ${context.cli} add TITLE`
      )
      return
    }
    invocation.output.out(checklist(tasks, invocation.output).join('\n'))
  }
}

export default list
