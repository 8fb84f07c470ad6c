// The report as markdown: to read in a terminal, paste into an email or convert to PDF.
import { describeRule } from '../billing/rounding.js'
import type { Report } from './data.js'
import { formatMinutes, hours } from './units.js'

/** A table cell: one line, with backslashes and pipes escaped. */
function cell(value: string | number | null): string {
  return value === null ? '' : String(value).replace(/\r?\n/g, ' ').replace(/[\\|]/g, (c) => `\\${c}`)
}

/** A table; columns whose name is in `numeric` are right-aligned. */
function table(head: string[], rows: Array<Array<string | number | null>>, numeric: string[]): string[] {
  const rule = head.map((h) => (numeric.includes(h) ? ' ---: ' : ' --- ')).join('|')
  return [`| ${head.join(' | ')} |`, `|${rule}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)]
}

export function periodOf(report: Report): string {
  const { since, until } = report.filter
  if (since && until) return since === until ? since : `${since} to ${until}`
  if (since) return `from ${since}`
  if (until) return `up to ${until}`
  return 'all time'
}

export function renderMarkdown(report: Report): string {
  const { filter, timesheet } = report
  const lines = ['# Work report', '']
  const scope = [filter.client && `Client: ${filter.client}`, filter.project && `Project: ${filter.project}`, `Period: ${periodOf(report)}`].filter(Boolean)
  lines.push(`${scope.join(' · ')} · Generated ${report.generated_at.slice(0, 10)}`, '', '## Timesheet', '')
  if (timesheet.days.length === 0) lines.push('No billable work in this period.', '')
  for (const day of timesheet.days) {
    lines.push(`### ${day.date}`, '')
    const rows: Array<Array<string | number | null>> = []
    for (const group of day.clients) {
      for (const item of group.items) rows.push([group.client, item.category, item.problem, item.solution, item.minutes, hours(item.minutes)])
    }
    rows.push(['**Total**', '', '', '', `**${day.minutes}**`, `**${hours(day.minutes)}**`])
    lines.push(...table(['Client', 'Category', 'Work', 'Outcome', 'Minutes', 'Hours'], rows, ['Minutes', 'Hours']), '')
  }
  if (timesheet.clients.length) {
    lines.push('### Totals by client', '')
    lines.push(...table(['Client', 'Work items', 'Minutes', 'Hours', 'Rounding'], [
      ...timesheet.clients.map((c) => [c.client, c.work_items, c.minutes, hours(c.minutes), describeRule(c.rounding)]),
      ['**Total**', '', `**${timesheet.total_minutes}**`, `**${hours(timesheet.total_minutes)}**`, '']
    ], ['Work items', 'Minutes', 'Hours']), '')
  }
  lines.push('## Work summary', '')
  if (report.requests.length === 0) lines.push('No requests completed or in progress in this period.', '')
  else {
    lines.push(...table(['Request', 'Status', 'Tasks', 'Time', 'Billed', 'Files', 'Outcome'], report.requests.map((r) => [
      r.request && r.request !== r.title ? `${r.title} — ${r.request}` : r.title,
      r.status.replace('_', ' '),
      `${r.tasks_completed}/${r.tasks_total}`,
      formatMinutes(r.active_minutes),
      r.billable_minutes === null ? '' : formatMinutes(r.billable_minutes),
      r.files.join(', '),
      r.outcome
    ]), ['Tasks', 'Time', 'Billed']), '')
  }
  if (report.estimates.length) {
    lines.push('## Estimate versus actual', '')
    lines.push(...table(['Type', 'Estimate', 'Tasks', 'Average', 'Range'], report.estimates.map((e) => [
      e.task_type ?? 'untyped', e.estimated_complexity, e.tasks, formatMinutes(e.average_minutes), `${formatMinutes(e.min_minutes)} – ${formatMinutes(e.max_minutes)}`
    ]), ['Tasks', 'Average']), '')
  }
  return lines.join('\n')
}
