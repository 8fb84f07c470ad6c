import { linkRepo, modeOf, type RepoLink } from '../../store/link.js'
import type { Repo } from '../../store/store.js'
import { text, type Command } from '../command.js'
import { openContext } from '../context.js'
import { usageError } from '../errors.js'
import { printJson } from '../output.js'

function describe(repo: Repo): string {
  if (repo.client) return `client ${repo.client} (MSP mode: completed tasks become work items for ${repo.client})`
  if (repo.project) return `project ${repo.project} (Development mode)`
  return 'no client or project (Normal mode)'
}

const link: Command = {
  usage: 'link [--client NAME | --project NAME | --none] [--json]',
  summary: 'link the current repository to a client or a project (kept in your store, not in the repository)',
  positionals: [0, 0],
  options: { client: { type: 'string' }, project: { type: 'string' }, none: { type: 'boolean' }, json: { type: 'boolean' } },
  run(invocation) {
    const { values } = invocation
    const client = text(values, 'client')
    const project = text(values, 'project')
    const given = [client !== undefined, project !== undefined, values.none === true].filter(Boolean).length
    if (given > 1) throw usageError('give one of --client, --project and --none')
    let wanted: RepoLink | undefined
    if (client !== undefined) wanted = { client, project: null }
    else if (project !== undefined) wanted = { client: null, project }
    else if (values.none) wanted = { client: null, project: null }
    const context = openContext(invocation)
    let repo = context.repo
    if (wanted) {
      try {
        repo = context.store.transaction(() => linkRepo(context.store, context.repo, wanted))
      } catch (error) {
        throw usageError(`${(error as Error).message}; the link was left as it was`)
      }
    }
    if (values.json) {
      printJson(invocation.output, { repository: repo.root, mode: modeOf(repo), client: repo.client, project: repo.project })
      return
    }
    const out = invocation.output
    out.out(`${repo.root} is ${wanted ? 'now ' : ''}linked to ${describe(repo)}`)
    if (wanted) out.out('New tasks here carry this link; tasks already here keep theirs.')
  }
}

export default link
