// The timesheet as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line
// break quoted, quotes doubled): one row per work item, so a spreadsheet can sum it. Text
// that a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR, and
// comes from requests and outcomes an agent or a client wrote) gets a leading apostrophe,
// as OWASP advises: "=HYPERLINK(…)" shows as text instead of running.
import type { Report } from './data.js'
import { hours } from './units.js'

export const CSV_COLUMNS = ['date', 'client', 'category', 'problem', 'solution', 'minutes', 'hours', 'task_id'] as const

const FORMULA_START = /^[=+\-@\t\r]/

function csvField(value: string | number | null): string {
  const text = value === null ? '' : typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function renderCsv(report: Report): string {
  const rows: Array<Array<string | number | null>> = [[...CSV_COLUMNS]]
  for (const day of report.timesheet.days) {
    for (const group of day.clients) {
      for (const item of group.items) {
        rows.push([day.date, group.client, item.category, item.problem, item.solution, item.minutes, hours(item.minutes), item.task_id])
      }
    }
  }
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('')
}
