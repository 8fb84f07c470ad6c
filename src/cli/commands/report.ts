import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { AGENT_HOSTS, isAgentHost } from '../../model/task-host.js'
import { buildReport, type Report } from '../../report/data.js'
import { renderCsv } from '../../report/csv.js'
import { renderHtml } from '../../report/html.js'
import { renderMarkdown } from '../../report/markdown.js'
import { text, type Command } from '../command.js'
import { openSyncedContext } from './sync.js'
import { CliError, usageError } from '../errors.js'

const RENDERERS: Record<string, (report: Report) => string> = {
  md: renderMarkdown,
  csv: renderCsv,
  json: (report) => JSON.stringify(report, null, 2) + '\n',
  html: renderHtml
}

function day(values: Record<string, unknown>, name: string): string | null {
  const value = values[name]
  if (value === undefined) return null
  const valid = typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  if (!valid) throw usageError(`--${name} takes a day as YYYY-MM-DD, not "${String(value)}"`)
  return value as string
}

const report: Command = {
  usage: 'report [--client C] [--project P] [--host claude-code|codex|gemini] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--format md|csv|json|html] [--output FILE]',
  summary: 'print a timesheet, work summary and estimate-versus-actual report (billing data stays in your store)',
  positionals: [0, 0],
  options: {
    client: { type: 'string' },
    project: { type: 'string' },
    host: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' }
  },
  async run(invocation) {
    const { values } = invocation
    const format = text(values, 'format') ?? 'md'
    const render = RENDERERS[format]
    if (!render) throw usageError(`--format takes ${Object.keys(RENDERERS).join(', ')}, not "${format}"`)
    const since = day(values, 'since')
    const until = day(values, 'until')
    if (since && until && since > until) throw usageError(`--since ${since} is after --until ${until}`)
    const { store, cli } = await openSyncedContext(invocation)
    const client = text(values, 'client') ?? null
    const project = text(values, 'project') ?? null
    if (client !== null && !store.clientNames().some((n) => n.toLowerCase() === client.toLowerCase())) {
      throw new CliError(`no client is named "${client}"; ${cli} clients lists them`)
    }
    if (project !== null && !store.projectNames().some((n) => n.toLowerCase() === project.toLowerCase())) {
      throw new CliError(`no project is named "${project}"; ${cli} projects lists them`)
    }
    const host = text(values, 'host') ?? null
    if (host !== null && !isAgentHost(host)) throw usageError(`"${host}" is not an agent CLI tasktrail records; valid: ${AGENT_HOSTS.join(', ')}`)
    const rendered = render(buildReport(store, { client, project, since, until, host }))
    const output = text(values, 'output')
    if (output === undefined) {
      invocation.output.out(rendered)
      return
    }
    const path = resolve(invocation.cwd, output)
    try {
      writeFileSync(path, rendered)
    } catch (error) {
      throw new CliError(`could not write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; nothing was written`)
    }
    invocation.output.out(`wrote ${path}`)
  }
}

export default report
